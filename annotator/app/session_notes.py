"""Notes on units (a mixin of AnnotationSession): one note per unit and annotator.

The notes of the open article are read with it, so the reader can mark every sentence that
has one without asking the store per sentence; a saved note is committed before the views
hear of it, like a label.
"""

from __future__ import annotations

from annotator.app.session_events import Change


class NotesMixin:
    """Needs the session's store, annotator, units, current unit and events."""

    notes: dict[int, str]  # unit id -> this annotator's note, for the open article

    def _read_notes(self, article_id: int) -> None:
        by_unit = self.store.notes.of_article(article_id)
        self.notes = {
            unit_id: names[self.annotator]
            for unit_id, names in by_unit.items()
            if self.annotator in names
        }

    def note(self) -> str:
        """The current unit's note ("" when it has none)."""
        unit = self.current_unit
        return self.notes.get(unit.id, "") if unit else ""

    def note_of(self, unit_id: int) -> str:
        return self.notes.get(unit_id, "")

    def set_note(self, text: str, unit_id: int | None = None) -> None:
        """Save the note of the current unit (or of the unit the note field was showing)."""
        if unit_id is None:
            unit_id = self.current_unit.id if self.current_unit else None
        if unit_id is None or self.note_of(unit_id) == text.strip():
            return
        self.store.notes.set(unit_id, self.annotator, text)
        if text.strip():
            self.notes[unit_id] = text.strip()
        else:
            self.notes.pop(unit_id, None)
        index = next((i for i, u in enumerate(self.units) if u.id == unit_id), None)
        self._emit(Change.NOTE, index)
