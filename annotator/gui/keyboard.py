"""The text key map: which key press means which labelling command, on any layout.

Built from the shortcut table (gui/shortcuts.py). Digits are recognised by the text a key
produces (so ١ on an Arabic layout and 1 on a French layout that needs Shift both work) and
by key code (the number row and keypad send Qt.Key_1.. even when a layout produces other
text). Every other command uses a key that has no letter on it, so the keyboard layout never
matters; the letter commands also accept the letter on the same key of the Arabic layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from annotator.app.commands import LABELLING, Command
from annotator.gui.shortcuts import DIGITS, letter_actions, text_commands

ARABIC_INDIC_ZERO = 0x0660
EXTENDED_ARABIC_INDIC_ZERO = 0x06F0  # Persian/Urdu digits, on some Arabic layouts too
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
    | Qt.KeyboardModifier.ShiftModifier
)
KeyCombo = tuple[int, int]  # key code, modifiers


@dataclass(frozen=True)
class KeyCommand:
    command: Command
    digit: int | None = None


def _combo(key: int, modifiers: Qt.KeyboardModifier) -> KeyCombo:
    """Shift+Tab arrives as Backtab (with Shift): one spelling for both sides of the map."""
    if (
        key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        and modifiers & Qt.KeyboardModifier.ShiftModifier
    ):
        return int(Qt.Key.Key_Backtab), 0
    return int(key), (modifiers & _MODIFIERS).value


@cache
def key_map() -> tuple[dict[KeyCombo, Command], dict[str, Command]]:
    """(key combination -> command, layout letter -> command) from the shortcut table."""
    combos: dict[KeyCombo, Command] = {}
    letters: dict[str, Command] = {}
    for shortcut in text_commands():
        for name in shortcut.keys:
            if name != DIGITS and not name.isdigit():
                combination = QKeySequence(name)[0]
                combos[_combo(combination.key(), combination.keyboardModifiers())] = (
                    shortcut.command
                )
        for letter in shortcut.letters:
            letters[letter] = shortcut.command
        if len(shortcut.keys) == 1 and shortcut.keys[0].isalpha():
            letters.update({shortcut.keys[0].lower(): shortcut.command})
            letters.update({shortcut.keys[0].upper(): shortcut.command})
    return combos, letters


def digit_of_text(text: str) -> int | None:
    """0-9 for an ASCII, Arabic-Indic or extended Arabic-Indic digit, else None."""
    if len(text) != 1:
        return None
    code = ord(text)
    for zero in (ord("0"), ARABIC_INDIC_ZERO, EXTENDED_ARABIC_INDIC_ZERO):
        if zero <= code <= zero + 9:
            return code - zero
    return None


def digit_of_key(key: int) -> int | None:
    """Key codes of digits: Qt.Key_0..9, and Qt's Unicode key codes of Arabic-Indic digits."""
    return digit_of_text(chr(key)) if 0 < key < 0x110000 else None


def command_for(key: int, text: str, modifiers: Qt.KeyboardModifier) -> KeyCommand | None:
    """The text command a key press asks for, or None if the key is not one of ours."""
    combos, letters = key_map()
    plain = not modifiers & (_MODIFIERS & ~Qt.KeyboardModifier.ShiftModifier)
    if plain:
        digit = digit_of_text(text)
        if digit is None and not text.strip():
            digit = digit_of_key(key)
        if digit is not None:
            if digit == 0:
                return KeyCommand(Command.DONE_NO_THEME)
            return KeyCommand(Command.TOGGLE_THEME, digit)
        if text in letters:
            return KeyCommand(letters[text])
    command = combos.get(_combo(key, modifiers))
    if command is not None and text.isalpha() and text not in letters:
        return None  # another layout put a different letter on this key code
    return KeyCommand(command) if command else None


def command_for_event(event: QKeyEvent) -> KeyCommand | None:
    return command_for(event.key(), event.text(), event.modifiers())


def label_command(event: QKeyEvent) -> KeyCommand | None:
    """A digit key's command: the keys other widgets hand on unless text is being typed."""
    found = command_for_event(event)
    return found if found is not None and found.command in LABELLING else None


def letter_action(event: QKeyEvent) -> str | None:
    """The window action of a letter another layout puts on its key (ى is N: the note)."""
    if event.modifiers() & (_MODIFIERS & ~Qt.KeyboardModifier.ShiftModifier):
        return None
    return letter_actions().get(event.text())
