"""The keyboard contract, declared once.

The reader's key map (gui/keyboard.py), the menus' shortcuts (gui/menus.py) and the keyboard
help (gui/help.py) are all built from SHORTCUTS, so none of them can disagree with another;
tests/gui/test_shortcut_table.py presses every key listed here in a real window.

Two kinds of entry:
- text commands (`command` set): labelling and moving through the article. They work where
  the reader has focus and from any other widget that is not a text field.
- window actions (`action` set): menu items with key sequences (Qt matches them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from annotator.app.commands import Command

translate = QCoreApplication.translate
DIGITS = "digits"  # stands for 1 … 9 on any layout (ASCII, Arabic-Indic, Persian)


@dataclass(frozen=True)
class Shortcut:
    keys: tuple[str, ...]  # QKeySequence names ("Ctrl+Z", "Down", "S"), or DIGITS
    describe: Callable[[], str]  # what it does, in the interface language
    command: Command | None = None  # a text command...
    action: str | None = None  # ...or the name of a window action (a menu item)
    letters: tuple[str, ...] = ()  # other layouts' letters on the same key (س on S)
    shown: Callable[[], str] | None = None  # how the help prints the keys, if not their names

    def keys_text(self) -> str:
        return self.shown() if self.shown else "   ".join((*self.keys, *self.letters))


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        (DIGITS,),
        lambda: translate("help", "Toggle the theme with that number on the current sentence (marks it done)"),
        command=Command.TOGGLE_THEME,
        shown=lambda: "1 … 9   ١ … ٩",
    ),
    Shortcut(("0",), lambda: translate("help", "Done with no theme (clears its themes)"),
             command=Command.DONE_NO_THEME, letters=("٠",)),
    Shortcut(("Space",), lambda: translate("help", "Done as it is, then next sentence"),
             command=Command.CONFIRM_AND_NEXT, shown=lambda: translate("help", "Space")),
    Shortcut(("S",), lambda: translate("help", "Skip for now, then next sentence"), command=Command.SKIP,
             letters=("س",)),
    Shortcut(("Down",), lambda: translate("help", "Next sentence (past the last: ↓ again opens the next article)"),
             command=Command.NEXT_UNIT, shown=lambda: "↓"),
    Shortcut(("Up",), lambda: translate("help", "Previous sentence"), command=Command.PREVIOUS_UNIT,
             shown=lambda: "↑"),
    Shortcut(("Tab",), lambda: translate("help", "Next sentence not done yet"),
             command=Command.NEXT_UNFINISHED),
    Shortcut(("Return", "Enter"),
             lambda: translate("help", "Accept the suggested themes (outlined chips), then the next sentence not done;"
                                       " with no suggestion shown, the next sentence not done"),
             command=Command.ACCEPT_OR_NEXT_UNFINISHED, shown=lambda: "Enter"),
    Shortcut(("U",), lambda: translate("help", "The sentence whose suggestion is least sure, next"),
             command=Command.MOST_UNCERTAIN, letters=("ع",)),
    Shortcut(("Shift+Tab",), lambda: translate("help", "Previous sentence not done yet"),
             command=Command.PREVIOUS_UNFINISHED),
    Shortcut(("Home",), lambda: translate("help", "First sentence of the article"), command=Command.FIRST_UNIT),
    Shortcut(("End",), lambda: translate("help", "Last sentence of the article"), command=Command.LAST_UNIT),
    Shortcut(("PgDown", "Ctrl+Down"), lambda: translate("help", "Next article"), command=Command.NEXT_ARTICLE,
             shown=lambda: "PgDn   Ctrl+↓"),
    Shortcut(("PgUp", "Ctrl+Up"), lambda: translate("help", "Previous article"), command=Command.PREVIOUS_ARTICLE,
             shown=lambda: "PgUp   Ctrl+↑"),
    Shortcut((), lambda: translate("help", "Make the clicked sentence current"), shown=lambda: translate("help", "Click")),
    Shortcut(("N",), lambda: translate("help", "Write a note on the current sentence (Enter saves it and returns to the text)"),
             action="edit_note", letters=("ى",)),
    Shortcut(("Ctrl+Z",), lambda: translate("help", "Undo the last change (goes back to its article)"),
             action="undo"),
    Shortcut(("Ctrl+Shift+Z", "Ctrl+Y"), lambda: translate("help", "Redo"), action="redo"),
    Shortcut(("Ctrl+F",), lambda: translate("help", "Search articles"), action="find"),
    Shortcut(("F3",), lambda: translate("help", "Next place the search's words are in the text (on into the next article found)"),
             action="next_hit"),
    Shortcut(("Shift+F3",), lambda: translate("help", "Previous place the search's words are in the text"),
             action="previous_hit"),
    Shortcut(("Esc",), lambda: translate("help", "Leave the search or note field and return to the text"),
             action="back_to_text"),
    Shortcut(("F6",), lambda: translate("help", "Next pane: article list, text, theme panel, guidelines"),
             action="next_pane"),
    Shortcut(("Shift+F6",), lambda: translate("help", "Previous pane"), action="previous_pane"),
    Shortcut(("Ctrl+=", "Ctrl++"), lambda: translate("help", "Bigger text"), action="font_bigger",
             shown=lambda: "Ctrl+="),
    Shortcut(("Ctrl+-",), lambda: translate("help", "Smaller text"), action="font_smaller"),
    Shortcut(("Ctrl+0",), lambda: translate("help", "Normal text size"), action="font_reset"),
    Shortcut(("Ctrl+O",), lambda: translate("help", "Open a project"), action="open_project"),
    Shortcut(("Ctrl+N",), lambda: translate("help", "Start a new project"), action="new_project"),
    Shortcut(("Ctrl+I",), lambda: translate("help", "Import files"), action="import_files"),
    Shortcut(("Ctrl+E",), lambda: translate("help", "Export a dataset"), action="export_dataset"),
    Shortcut(("F1",), lambda: translate("help", "This help"), action="shortcuts"),
    Shortcut(("F2",), lambda: translate("help", "Show or hide the guidelines: what each theme means, and the project's rules"),
             action="toggle_guidelines"),
    Shortcut(("Ctrl+Q",), lambda: translate("help", "Quit (everything is already saved)"), action="quit"),
)  # fmt: skip


def letter_actions() -> dict[str, str]:
    """Letters that other layouts put on a window action's key (ى on N) -> the action."""
    return {letter: s.action for s in SHORTCUTS if s.action for letter in s.letters}


def keys_of(action: str) -> tuple[str, ...]:
    """The key sequences of a window action ((): it has none)."""
    return next((s.keys for s in SHORTCUTS if s.action == action), ())


def text_commands() -> list[Shortcut]:
    return [s for s in SHORTCUTS if s.command is not None]


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) in the order an annotator learns them; key names stay as printed
    on the keys, the words are translated."""
    return [(s.keys_text(), s.describe()) for s in SHORTCUTS]
