"""The README's keyboard table is the keyboard contract: every key in the window's one
shortcut table (gui/shortcuts.py) is in it, with the Arabic-layout letters."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.gui.shortcuts import DIGITS, SHORTCUTS

README = Path(__file__).resolve().parents[2] / "README.md"
# How the README writes the keys Qt names differently.
WRITTEN = {DIGITS: "1", "Down": "↓", "Up": "↑", "PgDown": "PgDn", "Return": "Enter",
           "Ctrl+Down": "Ctrl+↓", "Ctrl+Up": "Ctrl+↑"}  # fmt: skip


def readme_keys() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Keyboard") :]
    table = section[: section.index("\n####")]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {key for row in rows for key in re.findall(r"`([^`]+)`", row.split(" | ")[0])}


def test_every_shortcut_and_its_arabic_letter_is_in_the_readme_table():
    written = readme_keys()
    expected = {
        WRITTEN.get(key, key)
        for shortcut in SHORTCUTS
        for key in (*shortcut.keys, *shortcut.letters)
        if key != "Enter"  # the keypad's Enter, written once as Enter
    }
    assert expected - written == set()


def test_the_table_names_no_key_the_window_does_not_have():
    known = {WRITTEN.get(k, k) for s in SHORTCUTS for k in (*s.keys, *s.letters)}
    known |= {"١", "9", "٩", "PgUp", "Ctrl+↑", "↑"}  # ranges and pairs written out
    assert readme_keys() - known == set()
