"""The labelling keyboard contract: which key press means which command, on any layout.

Digits are recognised by the text a key produces (so ١ on an Arabic layout and 1 on a
French layout that needs Shift both work) and by key code (the number row and keypad send
Qt.Key_1.. even when a layout produces other text). Every other command uses a key that has
no letter on it, so the keyboard layout never matters; the one letter command (skip) also
accepts the Arabic letter on the same key of the standard Arabic layout.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

ARABIC_INDIC_ZERO = 0x0660
EXTENDED_ARABIC_INDIC_ZERO = 0x06F0  # Persian/Urdu digits, on some Arabic layouts too
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class Command(enum.Enum):
    TOGGLE_THEME = "toggle_theme"  # with a digit 1-9
    DONE_NO_THEME = "done_no_theme"  # 0
    CONFIRM_AND_NEXT = "confirm_and_next"  # Space
    SKIP = "skip"  # S / س
    NEXT_UNIT = "next_unit"
    PREVIOUS_UNIT = "previous_unit"
    NEXT_UNDONE = "next_undone"
    PREVIOUS_UNDONE = "previous_undone"
    FIRST_UNIT = "first_unit"
    LAST_UNIT = "last_unit"
    NEXT_ARTICLE = "next_article"
    PREVIOUS_ARTICLE = "previous_article"


@dataclass(frozen=True)
class KeyCommand:
    command: Command
    digit: int | None = None


_PLAIN_KEYS = {
    Qt.Key.Key_Down: Command.NEXT_UNIT,
    Qt.Key.Key_Up: Command.PREVIOUS_UNIT,
    Qt.Key.Key_Tab: Command.NEXT_UNDONE,
    Qt.Key.Key_Backtab: Command.PREVIOUS_UNDONE,
    Qt.Key.Key_Return: Command.NEXT_UNDONE,
    Qt.Key.Key_Enter: Command.NEXT_UNDONE,
    Qt.Key.Key_Home: Command.FIRST_UNIT,
    Qt.Key.Key_End: Command.LAST_UNIT,
    Qt.Key.Key_PageDown: Command.NEXT_ARTICLE,
    Qt.Key.Key_PageUp: Command.PREVIOUS_ARTICLE,
    Qt.Key.Key_Space: Command.CONFIRM_AND_NEXT,
    Qt.Key.Key_S: Command.SKIP,
}
_CONTROL_KEYS = {
    Qt.Key.Key_Down: Command.NEXT_ARTICLE,
    Qt.Key.Key_Up: Command.PREVIOUS_ARTICLE,
}
_SKIP_TEXT = {"s", "S", "س"}  # س is on the S key of the standard Arabic layout


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
    """The labelling command a key press asks for, or None if the key is not ours."""
    if modifiers & _COMMAND_MODIFIERS:
        command = (
            _CONTROL_KEYS.get(key) if modifiers & Qt.KeyboardModifier.ControlModifier else None
        )
        return KeyCommand(command) if command else None
    digit = digit_of_text(text)
    if digit is None and not text.strip():
        digit = digit_of_key(key)
    if digit is not None:
        return (
            KeyCommand(Command.DONE_NO_THEME)
            if digit == 0
            else KeyCommand(Command.TOGGLE_THEME, digit)
        )
    if text in _SKIP_TEXT:
        return KeyCommand(Command.SKIP)
    command = _PLAIN_KEYS.get(key)
    if command is Command.SKIP and text and text not in _SKIP_TEXT:
        return None  # another layout put a different letter on this key code
    return KeyCommand(command) if command else None


def command_for_event(event: QKeyEvent) -> KeyCommand | None:
    return command_for(event.key(), event.text(), event.modifiers())


def is_label_key(event: QKeyEvent) -> bool:
    """Digit keys: the ones other widgets must hand to the reader unless text is being typed."""
    found = command_for_event(event)
    return found is not None and found.command in (Command.TOGGLE_THEME, Command.DONE_NO_THEME)


def perform(session, key_command: KeyCommand) -> object:
    """Carry out a key command on an AnnotationSession; returns what the session returned."""
    command = key_command.command
    if command is Command.TOGGLE_THEME:
        return session.toggle_theme(key_command.digit)
    if command is Command.CONFIRM_AND_NEXT:
        session.confirm()
        return session.next_unit()
    if command is Command.SKIP:
        session.skip()
        return session.next_unit()
    simple = {
        Command.DONE_NO_THEME: session.mark_done_no_theme,
        Command.NEXT_UNIT: session.next_unit,
        Command.PREVIOUS_UNIT: session.previous_unit,
        Command.NEXT_UNDONE: session.next_undone_unit,
        Command.PREVIOUS_UNDONE: session.previous_undone_unit,
        Command.FIRST_UNIT: session.first_unit,
        Command.LAST_UNIT: session.last_unit,
        Command.NEXT_ARTICLE: session.next_article,
        Command.PREVIOUS_ARTICLE: session.previous_article,
    }
    return simple[command]()
