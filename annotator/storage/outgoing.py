"""What a project sends to its team server: events, articles, assignments and the scheme.

Read in chunks after a cursor (the id of the last row sent), so a sync can send a few days
of offline work in pieces, each one acknowledged before the cursor moves. Reads only: the
window's labels never wait for these.
"""

from __future__ import annotations

from annotator.storage.repository import Repository
from annotator.storage.transfer import LOCAL_ACTIONS
from annotator.storage.wire import (
    ArticleRow,
    AssignmentRow,
    EventRow,
    ThemeRow,
    UnitRow,
    text_digest,
)

_ARTICLE_COLUMNS = ", ".join(ArticleRow._fields)
_THEME_COLUMNS = ", ".join(ThemeRow._fields)


def register_digest(conn) -> None:
    """annotator_digest(text) on this connection: the unit digest of wire.py."""
    conn.create_function("annotator_digest", 1, text_digest, deterministic=True)


class Outgoing(Repository):
    def events_after(
        self, after_id: int, limit: int, annotator: str | None = None, up_to: int | None = None
    ) -> tuple[list[EventRow], int]:
        """The next `limit` events after `after_id` (and not after `up_to`) that can go to a
        server (a project's own housekeeping stays; with `annotator`, only theirs), and the
        id the chunk ends at."""
        end = self.conn.execute(
            """SELECT MAX(id) FROM (SELECT id FROM events WHERE id > ? AND id <= ?
               ORDER BY id LIMIT ?)""",
            (after_id, up_to if up_to is not None else 2**62, limit),
        ).fetchone()[0]
        if end is None:
            return [], after_id
        register_digest(self.conn)
        who = "AND a.name = :who" if annotator is not None else ""
        rows = self.conn.execute(
            f"""SELECT e.uid, a.name, e.device, r.content_hash, u.idx,
                       annotator_digest(u.text), e.action, e.before, e.after, e.at
                FROM events e JOIN annotators a ON a.id = e.annotator_id
                JOIN units u ON u.id = e.unit_id JOIN articles r ON r.id = u.article_id
                WHERE e.id > :after AND e.id <= :end AND e.action NOT IN {LOCAL_ACTIONS} {who}
                ORDER BY e.id""",
            {"after": after_id, "end": end, "who": annotator},
        ).fetchall()
        return [EventRow(*row) for row in rows], end

    def waiting(self, after_id: int, annotator: str | None = None, limit: int = -1) -> int:
        """Events after `after_id` that a sync would send (counted up to `limit`)."""
        who = "AND annotator_id = (SELECT id FROM annotators WHERE name = ?)" if annotator else ""
        return self.conn.execute(
            f"""SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE id > ?
                AND action NOT IN {LOCAL_ACTIONS} {who} LIMIT ?)""",
            (after_id, annotator, limit) if annotator else (after_id, limit),
        ).fetchone()[0]

    def last_event_id(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]

    def event_uid(self, event_id: int) -> str | None:
        row = self.conn.execute("SELECT uid FROM events WHERE id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def has_event(self, uid: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM events WHERE uid = ?", (uid,)).fetchone() is not None
        )

    def articles_after(
        self, after_id: int, limit: int
    ) -> tuple[list[ArticleRow], list[UnitRow], int]:
        """The next `limit` articles after id `after_id`, their units, and the last id."""
        rows = self.conn.execute(
            f"SELECT id, {_ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?",
            (after_id, limit),
        ).fetchall()
        if not rows:
            return [], [], after_id
        units = self.conn.execute(
            """SELECT r.content_hash, u.idx, u.kind, u.start, u."end", u.text
               FROM units u JOIN articles r ON r.id = u.article_id
               WHERE r.id > ? AND r.id <= ? ORDER BY r.id, u.idx""",
            (after_id, rows[-1][0]),
        ).fetchall()
        return [ArticleRow(*row[1:]) for row in rows], [UnitRow(*u) for u in units], rows[-1][0]

    def assignments(self) -> list[AssignmentRow]:
        rows = self.conn.execute(
            """SELECT r.content_hash, a.name, s.assigned_at FROM assignments s
               JOIN articles r ON r.id = s.article_id JOIN annotators a ON a.id = s.annotator_id
               ORDER BY s.article_id, a.name"""
        ).fetchall()
        return [AssignmentRow(*row) for row in rows]

    def assignment_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM assignments").fetchone()[0]

    def themes(self) -> list[ThemeRow]:
        rows = self.conn.execute(
            f"SELECT {_THEME_COLUMNS} FROM themes ORDER BY position, key"
        ).fetchall()
        return [ThemeRow(*row[:8], bool(row[8]), row[9]) for row in rows]
