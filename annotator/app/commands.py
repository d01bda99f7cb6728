"""The commands a key press can ask of an annotation session (no Qt here).

The window's key map (gui/keyboard.py, built from gui/shortcuts.py) turns a key press into a
Command; `perform` carries it out on the session, which commits through the store and tells
its listeners what changed.
"""

from __future__ import annotations

import enum


class Command(enum.Enum):
    TOGGLE_THEME = "toggle_theme"  # with a digit 1-9
    DONE_NO_THEME = "done_no_theme"  # 0
    CONFIRM_AND_NEXT = "confirm_and_next"  # Space
    SKIP = "skip"  # S / س
    NEXT_UNIT = "next_unit"
    PREVIOUS_UNIT = "previous_unit"
    NEXT_UNFINISHED = "next_unfinished"
    ACCEPT_OR_NEXT_UNFINISHED = "accept_or_next_unfinished"  # Enter
    MOST_UNCERTAIN = "most_uncertain"  # U / ع
    PREVIOUS_UNFINISHED = "previous_unfinished"
    FIRST_UNIT = "first_unit"
    LAST_UNIT = "last_unit"
    NEXT_ARTICLE = "next_article"
    PREVIOUS_ARTICLE = "previous_article"


# The keys that act on the reader's sentence from any control that is not a text field.
LABELLING = frozenset({Command.TOGGLE_THEME, Command.DONE_NO_THEME, Command.SKIP})


def perform(session, command: Command, digit: int | None = None) -> object:
    """Carry out a command on an AnnotationSession; returns what the session returned."""
    if command is Command.TOGGLE_THEME:
        return session.toggle_theme(digit)
    if command is Command.CONFIRM_AND_NEXT:
        session.confirm()
        return session.next_unit()
    if command is Command.SKIP:
        session.skip()
        return session.next_unit()
    if command is Command.ACCEPT_OR_NEXT_UNFINISHED:
        # A shown suggestion is accepted (and the next unit not done becomes current);
        # with none shown, Enter keeps its old meaning.
        accepted = session.accept_suggestion()
        return accepted if accepted is not None else session.next_unfinished_unit()
    simple = {
        Command.DONE_NO_THEME: session.mark_done_no_theme,
        Command.NEXT_UNIT: session.next_unit,
        Command.PREVIOUS_UNIT: session.previous_unit,
        Command.NEXT_UNFINISHED: session.next_unfinished_unit,
        Command.PREVIOUS_UNFINISHED: session.previous_unfinished_unit,
        Command.FIRST_UNIT: session.first_unit,
        Command.LAST_UNIT: session.last_unit,
        Command.NEXT_ARTICLE: session.next_article,
        Command.MOST_UNCERTAIN: session.most_uncertain_next,
        Command.PREVIOUS_ARTICLE: session.previous_article,
    }
    return simple[command]()
