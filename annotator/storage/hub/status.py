"""Who has what on the team server, how far they are, and when each copy last synced.

A lead reads everyone's; row-level security gives a member only their own lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.hub.part import HubPart


@dataclass(frozen=True)
class PersonStatus:
    annotator: str
    articles: int  # assigned
    sentences: int  # units of the assigned articles
    done: int  # units whose latest state (by the event clock) is done
    last_sync: str | None  # ISO time of the latest sync of any of their copies
    copies: int  # local copies (devices, projects) that synced


class HubStatus(HubPart):
    def people(self) -> list[PersonStatus]:
        rows = self.conn.execute(
            """WITH assigned AS (
                 SELECT s.annotator, COUNT(*) AS articles, SUM(a.unit_count) AS sentences
                 FROM annotator.assignments s
                 JOIN annotator.articles a ON a.content_hash = s.article_hash
                 GROUP BY s.annotator),
               latest AS (
                 SELECT DISTINCT ON (annotator, article_hash, idx) annotator,
                        after ->> 'status' AS status
                 FROM annotator.events WHERE action NOT IN ('note', 'adjudicate')
                 ORDER BY annotator, article_hash, idx, uid DESC),
               done AS (
                 SELECT annotator, COUNT(*) AS done FROM latest
                 WHERE status IN ('done_no_theme', 'done_with_themes') GROUP BY annotator),
               synced AS (
                 SELECT login AS annotator, MAX(synced_at) AS last_sync, COUNT(*) AS copies
                 FROM annotator.syncs GROUP BY login)
               SELECT p.annotator, COALESCE(a.articles, 0), COALESCE(a.sentences, 0),
                      COALESCE(d.done, 0), to_char(s.last_sync AT TIME ZONE 'UTC',
                      'YYYY-MM-DD"T"HH24:MI:SS"Z"'), COALESCE(s.copies, 0)
               FROM (SELECT annotator FROM assigned UNION SELECT annotator FROM done
                     UNION SELECT annotator FROM synced) p
               LEFT JOIN assigned a USING (annotator) LEFT JOIN done d USING (annotator)
               LEFT JOIN synced s USING (annotator)
               ORDER BY p.annotator"""
        ).fetchall()
        return [PersonStatus(*row) for row in rows]
