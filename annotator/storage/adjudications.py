"""A lead's final themes for units where annotators disagree, apart from everyone's labels.

Each decision is an event (action "adjudicate", by the lead) and its current value a row;
annotators' own labels never change. `themes` None means "no decision" (an undone one)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from annotator.core.scheme import ThemeError
from annotator.storage.clock import utc_now
from annotator.storage.repository import Repository


class Adjudications(Repository):
    def get(self, unit_id: int) -> tuple[str, ...] | None:
        row = self.conn.execute(
            "SELECT themes FROM adjudications WHERE unit_id = ?", (unit_id,)
        ).fetchone()
        return tuple(json.loads(row[0])) if row else None

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM adjudications").fetchone()[0]

    def all(self) -> dict[int, tuple[str, ...]]:
        rows = self.conn.execute("SELECT unit_id, themes FROM adjudications")
        return {unit_id: tuple(json.loads(themes)) for unit_id, themes in rows}

    def decide(self, unit_id: int, themes: Iterable[str] | None, by: str) -> tuple | None:
        """Set (None: withdraw) the final themes of a unit; returns the decision before."""
        lead = self._store.annotators.ensure(by)
        with self.transaction():
            before = self.get(unit_id)
            after = None if themes is None else self._ordered(themes)
            now = utc_now()
            self.put(unit_id, lead, after, now)
            self._store.events.log(
                lead, unit_id, "adjudicate",
                {"themes": None if before is None else list(before)},
                {"themes": None if after is None else list(after)}, now,
            )  # fmt: skip
            return before

    def put(self, unit_id: int, annotator_id: int, themes, at: str) -> None:
        """Store a decision (None: none) inside the caller's transaction, without an event."""
        if themes is None:
            self.conn.execute("DELETE FROM adjudications WHERE unit_id = ?", (unit_id,))
            return
        self.conn.execute(
            """INSERT INTO adjudications (unit_id, themes, annotator_id, decided_at)
               VALUES (?, ?, ?, ?) ON CONFLICT (unit_id) DO UPDATE SET themes = excluded.themes,
               annotator_id = excluded.annotator_id, decided_at = excluded.decided_at""",
            (unit_id, json.dumps(list(themes)), annotator_id, at),
        )

    def _ordered(self, themes: Iterable[str]) -> tuple[str, ...]:
        scheme = {t.key: t.position for t in self._store.themes.list(include_retired=True)}
        unknown = sorted(set(themes) - set(scheme))
        if unknown:
            raise ThemeError(f"unknown theme {', '.join(unknown)}")
        return tuple(sorted(set(themes), key=scheme.__getitem__))
