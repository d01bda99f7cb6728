"""Store methods for one annotator's work: themes, status, notes, events, position."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.themes import ThemeError
from annotator.storage import labels as label_sql
from annotator.storage.clock import utc_now
from annotator.storage.errors import translate_public_methods
from annotator.storage.records import (
    Event,
    LabelChange,
    UnitState,
)


@translate_public_methods
class LabelsMixin:
    """Part of Store (see store.py): needs self.conn, self.transaction and annotator look-ups."""

    def state(self, unit_id: int, annotator: str) -> UnitState:
        """This annotator's state of a unit (not seen for a name the project does not know)."""
        annotator_id = self._known_annotator_id(annotator)
        if annotator_id is None:
            return UnitState()
        return label_sql.unit_state(self.conn, unit_id, annotator_id)

    def article_states(self, article_id: int) -> dict[int, dict[str, UnitState]]:
        return label_sql.article_states(self.conn, article_id)

    def annotator_states(self, article_id: int, annotator: str) -> dict[int, UnitState]:
        annotator_id = self._known_annotator_id(annotator)
        if annotator_id is None:
            return {}
        return label_sql.annotator_article_states(self.conn, article_id, annotator_id)

    def set_themes(self, unit_id: int, annotator: str, themes: Iterable[str]) -> LabelChange:
        """Give a unit exactly these themes (empty: done with no theme); returns before/after."""
        return self.apply_state(unit_id, annotator, self._done_state(themes), "set")

    @staticmethod
    def _done_state(themes: Iterable[str]) -> UnitState:
        """Done, with these themes (checked and ordered by _apply), or with none."""
        themes = tuple(themes)
        return UnitState(themes, "done_with_themes" if themes else "done_no_theme")

    def set_status(self, unit_id: int, annotator: str, status: str) -> LabelChange:
        """Change the status and keep the themes the database holds now."""
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            current = label_sql.unit_state(self.conn, unit_id, annotator_id)
            state = UnitState(current.themes, status)
            return self._apply(unit_id, annotator_id, state, "status", utc_now(), current)

    def toggle_theme(self, unit_id: int, annotator: str, key: str) -> LabelChange:
        """Add the theme if the unit lacks it, else remove it; the unit is done either way.

        Decided inside the write transaction from what the database holds, so two windows
        of one annotator toggling different themes on one unit keep both.
        """
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            current = label_sql.unit_state(self.conn, unit_id, annotator_id)
            had = current.themes
            themes = [k for k in had if k != key] if key in had else [*had, key]
            state = self._done_state(themes)
            return self._apply(unit_id, annotator_id, state, "set", utc_now(), current)

    def mark_done(self, unit_id: int, annotator: str) -> LabelChange:
        """Done with the themes the unit has now (none: done with no theme)."""
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            current = label_sql.unit_state(self.conn, unit_id, annotator_id)
            state = self._done_state(current.themes)
            return self._apply(unit_id, annotator_id, state, "set", utc_now(), current)

    def apply_state(
        self, unit_id: int, annotator: str, state: UnitState, action: str
    ) -> LabelChange:
        """Write a unit's full state for one annotator and log it; used by set, undo and redo."""
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            return self._apply(unit_id, annotator_id, state, action, utc_now())

    def _apply(
        self,
        unit_id: int,
        annotator_id: int,
        state: UnitState,
        action: str,
        now: str,
        before: UnitState | None = None,
    ) -> LabelChange:
        """Write and log a state (inside a transaction); `before` if the caller already read it."""
        if before is None:
            before = label_sql.unit_state(self.conn, unit_id, annotator_id)
        after = self._checked(state, before)
        label_sql.write_state(self.conn, unit_id, annotator_id, after, now)
        label_sql.log_event(
            self.conn, annotator_id, unit_id, action, before.as_json(), after.as_json(), now
        )
        return LabelChange(unit_id, before, after)

    def _checked(self, state: UnitState, before: UnitState) -> UnitState:
        """The state with its themes in scheme order; unknown themes, and retired ones the
        unit did not already have, are refused."""
        scheme = {t.key: t for t in self.themes(include_retired=True)}
        unknown = sorted(set(state.themes) - set(scheme))
        if unknown:
            raise ThemeError(f"unknown theme {', '.join(unknown)}")
        retired = sorted(k for k in set(state.themes) - set(before.themes) if scheme[k].retired)
        if retired:
            raise ThemeError(f"theme {', '.join(retired)} is retired")
        ordered = tuple(sorted(set(state.themes), key=lambda k: scheme[k].position))
        return UnitState(ordered, state.status)

    def note(self, unit_id: int, annotator: str) -> str:
        annotator_id = self._known_annotator_id(annotator)
        return "" if annotator_id is None else label_sql.get_note(self.conn, unit_id, annotator_id)

    def set_note(self, unit_id: int, annotator: str, text: str) -> None:
        annotator_id, text = self.ensure_annotator(annotator), text.strip()
        with self.transaction():
            now, before = utc_now(), label_sql.get_note(self.conn, unit_id, annotator_id)
            if before == text:
                return
            label_sql.write_note(self.conn, unit_id, annotator_id, text, now)
            label_sql.log_event(
                self.conn, annotator_id, unit_id, "note", {"note": before}, {"note": text}, now
            )

    def events(self, unit_id: int | None = None, limit: int = -1) -> list[Event]:
        return label_sql.events(self.conn, unit_id, limit)

    # -- position (resume where the annotator stopped) --------------------------------------

    def save_position(self, annotator: str, article_id: int, unit_index: int) -> None:
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            self.conn.execute(
                """INSERT INTO positions (annotator_id, article_id, unit_index, updated_at)
                   VALUES (?, ?, ?, ?) ON CONFLICT (annotator_id) DO UPDATE SET
                   article_id = excluded.article_id, unit_index = excluded.unit_index,
                   updated_at = excluded.updated_at""",
                (annotator_id, article_id, unit_index, utc_now()),
            )

    def position(self, annotator: str) -> tuple[int, int] | None:
        row = self.conn.execute(
            "SELECT p.article_id, p.unit_index FROM positions p JOIN annotators a"
            " ON a.id = p.annotator_id WHERE a.name = ?",
            (annotator,),
        ).fetchone()
        return (row[0], row[1]) if row else None
