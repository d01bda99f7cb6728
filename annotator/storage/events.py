"""The event log: every change anyone made, append-only (triggers refuse edits)."""

from __future__ import annotations

import json

from annotator.core.ids import uuid7
from annotator.storage.repository import Repository
from annotator.storage.rows import Event


class Events(Repository):
    def log(
        self, annotator_id: int, unit_id: int, action: str, before: dict, after: dict, now: str
    ) -> int:
        """Append one event (inside the caller's transaction); returns its id.

        Its uid (a UUIDv7) is the event clock merge and sync order changes by; the device
        says which computer made it."""
        cursor = self.conn.execute(
            "INSERT INTO events (at, annotator_id, unit_id, action, before, after, uid, device)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now,
                annotator_id,
                unit_id,
                action,
                json.dumps(before, ensure_ascii=False),
                json.dumps(after, ensure_ascii=False),
                uuid7(),
                self._store.device,
            ),
        )
        return cursor.lastrowid

    def themes_used(self) -> set[str]:
        """Every theme key any event's themes name (read by SQLite's JSON functions)."""
        rows = self.conn.execute(
            """SELECT DISTINCT t.value FROM events e, json_each(e.after, '$.themes') t
               WHERE e.action != 'note' AND json_type(e.after, '$.themes') = 'array'"""
        )
        return {r[0] for r in rows}

    def list(self, unit_id: int | None = None, limit: int = -1) -> list[Event]:
        """Events in the order they happened (of one unit, or of the whole project)."""
        where = "WHERE e.unit_id = ?" if unit_id is not None else ""
        rows = self.conn.execute(
            f"""SELECT e.id, e.at, a.name, e.unit_id, e.action, e.before, e.after, e.uid,
                       e.device
                FROM events e JOIN annotators a ON a.id = e.annotator_id {where}
                ORDER BY e.id LIMIT ?""",
            ([unit_id] if unit_id is not None else []) + [limit],
        )
        return [
            Event(*r[:5], json.loads(r[5]), json.loads(r[6]), uid=r[7], device=r[8]) for r in rows
        ]
