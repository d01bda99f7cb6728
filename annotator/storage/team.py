"""The team's bookkeeping: who has which article, what was merged, who worked where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.storage.clock import utc_now
from annotator.storage.repository import Repository


@dataclass(frozen=True)
class AnnotatorProgress:
    annotator: str
    articles: int  # assigned
    sentences: int  # units of the assigned articles
    done: int  # of those units, marked done by this annotator
    skipped: int
    last_activity: str | None  # time of the annotator's latest event
    last_merge: str | None  # when a package of theirs was merged last


class Team(Repository):
    # -- assignments ----------------------------------------------------------------------------

    def assign(self, plan: dict[str, Iterable[int]]) -> int:
        """Record who has which article (adding to what is there); returns rows added."""
        now, added = utc_now(), 0
        with self.transaction():
            for name, article_ids in plan.items():
                annotator_id = self._store.annotators.ensure(name)
                cursor = self.conn.executemany(
                    "INSERT OR IGNORE INTO assignments (article_id, annotator_id, assigned_at)"
                    " VALUES (?, ?, ?)",
                    [(article_id, annotator_id, now) for article_id in article_ids],
                )
                added += cursor.rowcount
        return added

    def assigned(self, annotator: str) -> list[int]:
        rows = self.conn.execute(
            """SELECT s.article_id FROM assignments s JOIN annotators a ON a.id = s.annotator_id
               WHERE a.name = ? ORDER BY s.article_id""",
            (annotator,),
        )
        return [r[0] for r in rows]

    def holders(self) -> dict[int, tuple[str, ...]]:
        """article id -> the annotators it is assigned to."""
        holders: dict[int, list[str]] = {}
        for article_id, name in self.conn.execute(
            """SELECT s.article_id, a.name FROM assignments s
               JOIN annotators a ON a.id = s.annotator_id ORDER BY s.article_id, a.name"""
        ):
            holders.setdefault(article_id, []).append(name)
        return {k: tuple(v) for k, v in holders.items()}

    def started(self) -> set[int]:
        """Articles in which anyone has done or skipped a unit: their work is never moved."""
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT article_id FROM article_progress WHERE done > 0"
            " UNION SELECT DISTINCT u.article_id FROM unit_status s"
            " JOIN units u ON u.id = s.unit_id"
        )}  # fmt: skip

    # -- what came from where -------------------------------------------------------------------

    def devices(self) -> dict[str, set[str]]:
        """annotator name -> the devices their events came from."""
        found: dict[str, set[str]] = {}
        for name, device in self.conn.execute(
            """SELECT a.name, e.device FROM (SELECT DISTINCT annotator_id, device FROM events) e
               JOIN annotators a ON a.id = e.annotator_id WHERE e.device != ''"""
        ):
            found.setdefault(name, set()).add(device)
        return found

    def record_merge(self, source: str, annotator: str, counts) -> None:
        """Inside the merge's transaction."""
        self.conn.execute(
            """INSERT INTO merges (source, annotator, merged_at, events, added, updated,
                                   unchanged) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (source, annotator, utc_now(), counts.events, sum(counts.added.values()),
             sum(counts.updated.values()), sum(counts.unchanged.values())),
        )  # fmt: skip

    # -- progress -------------------------------------------------------------------------------

    def progress(self) -> list[AnnotatorProgress]:
        """One row per annotator with an assignment or any work."""
        rows = self.conn.execute(
            """SELECT a.name,
                 (SELECT COUNT(*) FROM assignments s WHERE s.annotator_id = a.id),
                 (SELECT COALESCE(SUM(r.unit_count), 0) FROM assignments s
                    JOIN articles r ON r.id = s.article_id WHERE s.annotator_id = a.id),
                 (SELECT COUNT(*) FROM unit_status t JOIN units u ON u.id = t.unit_id
                    JOIN assignments s ON s.article_id = u.article_id
                    AND s.annotator_id = t.annotator_id
                  WHERE t.annotator_id = a.id AND t.status != 'skipped'),
                 (SELECT COUNT(*) FROM unit_status t WHERE t.annotator_id = a.id
                    AND t.status = 'skipped'),
                 (SELECT MAX(at) FROM events e WHERE e.annotator_id = a.id),
                 (SELECT MAX(merged_at) FROM merges m WHERE m.annotator = a.name)
               FROM annotators a ORDER BY a.name"""
        ).fetchall()
        return [AnnotatorProgress(*row) for row in rows if row[1] or row[5]]
