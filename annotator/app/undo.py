"""Undo and redo of label changes and article removals within one session (no Qt here).

Entries move between the stacks only after the store has written the change, so an undo
that fails (a locked project, say) can simply be tried again.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.rows import LabelChange

UNDO_LIMIT = 1000  # changes kept per session; older ones are still in the event log


@dataclass(frozen=True)
class UndoEntry:
    article_id: int
    unit_index: int
    change: LabelChange


@dataclass(frozen=True)
class RemovalEntry:
    """An article removed from the project: undo puts it back whole, redo removes it again."""

    article_id: int
    title: str


AnyEntry = UndoEntry | RemovalEntry


class UndoStack:
    """The changes that can be undone, newest last, and those undone that can be redone."""

    def __init__(self, limit: int = UNDO_LIMIT):
        self.limit = limit
        self._undo: list[AnyEntry] = []
        self._redo: list[AnyEntry] = []

    def record(self, entry: AnyEntry) -> None:
        """A new change: it can be undone, and nothing undone before can be redone."""
        self._undo.append(entry)
        del self._undo[: -self.limit]
        self._redo.clear()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def next_undo(self) -> AnyEntry | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> AnyEntry | None:
        return self._redo[-1] if self._redo else None

    def undone(self) -> None:
        """The newest change was undone: it moves to the redo stack."""
        self._redo.append(self._undo.pop())

    def redone(self) -> None:
        self._undo.append(self._redo.pop())
