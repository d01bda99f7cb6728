"""Each annotator's note on a unit, every change logged as an event ("note")."""

from __future__ import annotations

from annotator.storage.clock import utc_now
from annotator.storage.repository import Repository
from annotator.storage.rows import NoteRecord


class Notes(Repository):
    def get(self, unit_id: int, annotator: str) -> str:
        annotator_id = self._store.annotators.id_of(annotator)
        return "" if annotator_id is None else self._read_note(unit_id, annotator_id)

    def _read_note(self, unit_id: int, annotator_id: int) -> str:
        row = self.conn.execute(
            "SELECT text FROM notes WHERE unit_id = ? AND annotator_id = ?",
            (unit_id, annotator_id),
        ).fetchone()
        return row[0] if row else ""

    def set(self, unit_id: int, annotator: str, text: str) -> None:
        annotator_id, text = self._store.annotators.ensure(annotator), text.strip()
        with self.transaction():
            now, before = utc_now(), self._read_note(unit_id, annotator_id)
            if before == text:
                return
            self.put(unit_id, annotator_id, text, now)
            self._store.events.log(
                annotator_id, unit_id, "note", {"note": before}, {"note": text}, now
            )

    def put(self, unit_id: int, annotator_id: int, text: str, at: str) -> None:
        """Store a note (empty: none) inside the caller's transaction, without an event."""
        if not text:
            self.conn.execute(
                "DELETE FROM notes WHERE unit_id = ? AND annotator_id = ?", (unit_id, annotator_id)
            )
            return
        self.conn.execute(
            """INSERT INTO notes (unit_id, annotator_id, text, updated_at)
               VALUES (?, ?, ?, ?) ON CONFLICT (unit_id, annotator_id)
               DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at""",
            (unit_id, annotator_id, text, at),
        )

    def of_article(self, article_id: int) -> dict[int, dict[str, str]]:
        """unit id -> annotator name -> note, for every note on the article's units."""
        found: dict[int, dict[str, str]] = {}
        for unit_id, name, text in self.conn.execute(
            """SELECT n.unit_id, a.name, n.text FROM notes n JOIN units u ON u.id = n.unit_id
               JOIN annotators a ON a.id = n.annotator_id WHERE u.article_id = ?
               ORDER BY a.id""",
            (article_id,),
        ):
            found.setdefault(unit_id, {})[name] = text
        return found

    def all(self, annotator: str | None = None) -> list[NoteRecord]:
        """Every note in the project (or one annotator's), in article and unit order."""
        where, params = "", ()
        if annotator is not None:
            where, params = "WHERE a.name = ?", (annotator,)
        rows = self.conn.execute(
            f"""SELECT u.article_id, ar.title, u.idx, u.text, a.name, n.text, n.updated_at
                FROM notes n JOIN units u ON u.id = n.unit_id
                JOIN articles ar ON ar.id = u.article_id
                JOIN annotators a ON a.id = n.annotator_id {where}
                ORDER BY u.article_id, u.idx, a.id""",
            params,
        )
        return [NoteRecord(*row) for row in rows]
