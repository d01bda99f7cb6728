"""What the lead hands out: the theme scheme, articles with their units, and assignments.

Only the lead's login writes these (its rights and row-level security say so); a member
reads the scheme and the articles assigned to them. Rows come in and go out in the shapes
of storage/wire.py. Bulk rows go through COPY into a temporary table first, then one INSERT
that skips what the server already has, so sending the same rows twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.storage.hub.part import HubPart
from annotator.storage.wire import ArticleRow, AssignmentRow, ThemeRow, UnitRow

_THEME_COLUMNS = ", ".join(ThemeRow._fields)
_ARTICLE_COLUMNS = ", ".join(ArticleRow._fields)
_UNIT_COLUMNS = 'article_hash, idx, kind, start, "end", text'
_PUT_THEME = f"""
INSERT INTO annotator.themes AS t ({_THEME_COLUMNS}, seq)
VALUES ({", ".join(["%s"] * len(ThemeRow._fields))}, 0)
ON CONFLICT (key) DO UPDATE SET {", ".join(f"{c} = EXCLUDED.{c}" for c in ThemeRow._fields[1:])}
WHERE ({", ".join(f"t.{c}" for c in ThemeRow._fields)}) IS DISTINCT FROM ({", ".join(f"EXCLUDED.{c}" for c in ThemeRow._fields)})
"""
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS incoming_articles (
    content_hash text, title text, text text, source text, url text, category text,
    date text, author text, original_id text, encoding text, extra text,
    unit_count integer, imported_at text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS incoming_units (
    article_hash text, idx integer, kind text, start integer, "end" integer, text text)
    ON COMMIT DELETE ROWS;
"""


class Content(HubPart):
    # -- themes ---------------------------------------------------------------------------------

    def themes(self) -> list[ThemeRow]:
        rows = self.conn.execute(
            f"SELECT {_THEME_COLUMNS} FROM annotator.themes ORDER BY position, key"
        ).fetchall()
        return [ThemeRow(*row) for row in rows]

    def put_themes(self, themes: Iterable[ThemeRow]) -> int:
        """Make the server's scheme hold these themes (a lead's); returns themes changed."""
        changed = 0
        with self.conn.transaction():
            for theme in themes:
                cursor = self.conn.execute(
                    _PUT_THEME,
                    tuple(theme),
                )
                changed += cursor.rowcount
        return changed

    # -- articles and their units ---------------------------------------------------------------

    def put_articles(self, articles: list[ArticleRow], units: list[UnitRow]) -> int:
        """Add the articles (and their units) the server lacks; returns articles added."""
        with self.conn.transaction():
            self.conn.execute(_STAGING)
            self._stage("incoming_articles", _ARTICLE_COLUMNS, articles)
            self._stage("incoming_units", _UNIT_COLUMNS, units)
            added = self.conn.execute(
                f"""INSERT INTO annotator.articles ({_ARTICLE_COLUMNS}, seq)
                    SELECT {_ARTICLE_COLUMNS}, 0 FROM incoming_articles ORDER BY content_hash
                    ON CONFLICT (content_hash) DO NOTHING"""
            ).rowcount
            self.conn.execute(
                f"""INSERT INTO annotator.units ({_UNIT_COLUMNS})
                    SELECT {_UNIT_COLUMNS} FROM incoming_units ORDER BY article_hash, idx
                    ON CONFLICT (article_hash, idx) DO NOTHING"""
            )
        return added

    def article_hashes_since(self, seq: int, limit: int) -> list[tuple[int, str]]:
        """(change, content hash) of the articles this login may read added after `seq`."""
        return self.conn.execute(
            """SELECT seq, content_hash FROM annotator.articles WHERE seq > %s
               ORDER BY seq LIMIT %s""",
            (seq, limit),
        ).fetchall()

    def articles(self, hashes: list[str]) -> list[ArticleRow]:
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM annotator.articles WHERE content_hash = ANY(%s)"
            " ORDER BY seq",
            (hashes,),
        ).fetchall()
        return [ArticleRow(*row) for row in rows]

    def units(self, hashes: list[str]) -> list[UnitRow]:
        rows = self.conn.execute(
            f"SELECT {_UNIT_COLUMNS} FROM annotator.units WHERE article_hash = ANY(%s)"
            " ORDER BY article_hash, idx",
            (hashes,),
        ).fetchall()
        return [UnitRow(*row) for row in rows]

    # -- assignments ----------------------------------------------------------------------------

    def put_assignments(self, rows: list[AssignmentRow]) -> int:
        """Record who has which article (a lead's); returns the assignments that were new."""
        with self.conn.transaction():
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS incoming_assignments (article_hash text,"
                " annotator text, assigned_at text) ON COMMIT DELETE ROWS"
            )
            self._stage("incoming_assignments", "article_hash, annotator, assigned_at", rows)
            return self.conn.execute(
                """INSERT INTO annotator.assignments (article_hash, annotator, assigned_at, seq)
                   SELECT i.article_hash, i.annotator, i.assigned_at, 0
                   FROM incoming_assignments i
                   JOIN annotator.articles a ON a.content_hash = i.article_hash
                   ORDER BY i.article_hash, i.annotator
                   ON CONFLICT (article_hash, annotator) DO NOTHING"""
            ).rowcount

    def assignments_since(self, seq: int, limit: int) -> list[tuple[int, AssignmentRow]]:
        """Assignments this login may read (a member: their own) after change `seq`."""
        rows = self.conn.execute(
            """SELECT seq, article_hash, annotator, assigned_at FROM annotator.assignments
               WHERE seq > %s ORDER BY seq LIMIT %s""",
            (seq, limit),
        ).fetchall()
        return [(row[0], AssignmentRow(*row[1:])) for row in rows]

    def assignment_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM annotator.assignments").fetchone()[0]
