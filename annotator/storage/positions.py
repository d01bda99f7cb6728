"""Where each annotator stopped, so the window resumes there."""

from __future__ import annotations

from annotator.storage.clock import utc_now
from annotator.storage.repository import Repository


class Positions(Repository):
    def save(self, annotator: str, article_id: int, unit_index: int) -> None:
        annotator_id = self._store.annotators.ensure(annotator)
        with self.transaction():
            self.conn.execute(
                """INSERT INTO positions (annotator_id, article_id, unit_index, updated_at)
                   VALUES (?, ?, ?, ?) ON CONFLICT (annotator_id) DO UPDATE SET
                   article_id = excluded.article_id, unit_index = excluded.unit_index,
                   updated_at = excluded.updated_at""",
                (annotator_id, article_id, unit_index, utc_now()),
            )

    def get(self, annotator: str) -> tuple[int, int] | None:
        row = self.conn.execute(
            "SELECT p.article_id, p.unit_index FROM positions p JOIN annotators a"
            " ON a.id = p.annotator_id WHERE a.name = ?",
            (annotator,),
        ).fetchone()
        return (row[0], row[1]) if row else None
