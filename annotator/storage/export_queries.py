"""Read a project for export: one consistent snapshot, streamed in article and unit order.

The snapshot is a read transaction on a dedicated read-only connection. In WAL mode it sees the
database as it was when it began, however much annotators label meanwhile, and it never blocks
their writes. Rows are streamed from cursors; nothing holds the whole project in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from annotator.core.export.judgements import FIELD_SEPARATOR, ITEM_SEPARATOR, STATUS_CODES, Packing
from annotator.core.export.source import (
    AnnotatorSummary,
    ArticleWeight,
    SourceArticle,
)
from annotator.core.scheme import Theme
from annotator.storage.database import connect
from annotator.storage.errors import UnknownAnnotator, translate
from annotator.storage.themes import read_themes

ARTICLES_SQL = "SELECT id, title, text, source, url, category, date FROM articles ORDER BY id"

# One row per unit in article order, in the layout core.export.source describes: every
# annotator's status and themes gathered by correlated look-ups on the (unit_id, annotator_id)
# primary keys (no sort, no temporary table); the text as UTF-8 bytes, because decoding it to
# str costs more than the rest of the row and the writers want bytes anyway.
# The notes come as a JSON object, annotator name -> note, made by SQLite (most units have
# none: one primary-key probe, and no object is built for them).
_UNITS_SQL = """
SELECT u.article_id, u.idx, u.kind, u.start, u."end", CAST(u.text AS BLOB),
       (SELECT {statuses} FROM unit_status s WHERE s.unit_id = u.id),
       (SELECT {labels} FROM labels l WHERE l.unit_id = u.id),
       CASE WHEN EXISTS (SELECT 1 FROM notes n WHERE n.unit_id = u.id) THEN
         (SELECT json_group_object(a.name, n.text) FROM notes n
          JOIN annotators a ON a.id = n.annotator_id WHERE n.unit_id = u.id) END{suggestions}
FROM units u ORDER BY u.article_id, u.idx
"""
# With suggestions: the stored JSON of each unit's suggestion (None where none was computed).
SUGGESTION_COLUMNS = """,
       (SELECT g.themes FROM suggestions g WHERE g.unit_id = u.id),
       (SELECT g.scores FROM suggestions g WHERE g.unit_id = u.id)"""
_FOLDED = {
    "statuses": f"group_concat(s.annotator_id || '{FIELD_SEPARATOR}' || s.status, "
    f"'{ITEM_SEPARATOR}')",
    "labels": f"group_concat(l.annotator_id || '{FIELD_SEPARATOR}' || l.theme_key, "
    f"'{ITEM_SEPARATOR}')",
}
UNITS_SQL = _UNITS_SQL.format(**_FOLDED, suggestions="")


def packed_units_sql(packing: Packing, suggestions: str = "") -> tuple[str, list]:
    """The unit query with statuses and labels packed into integers (see core.export.judgements)."""
    status_codes = " ".join(f"WHEN '{s}' THEN {c}" for s, c in STATUS_CODES.items())
    theme_index = " ".join("WHEN ? THEN ?" for _ in packing.theme_keys)
    width = max(len(packing.theme_keys), 1)
    labels = f"sum(1 << ((CASE l.theme_key {theme_index} END) + {width} * l.annotator_id))"
    sql = _UNITS_SQL.format(
        statuses=f"sum((CASE s.status {status_codes} END) << (2 * s.annotator_id))",
        labels=labels if packing.theme_keys else "NULL",  # no theme: no label can exist
        suggestions=suggestions,
    )
    params = [value for i, key in enumerate(packing.theme_keys) for value in (key, i)]
    return sql, params


def connect_read_only(db_path: str | Path) -> sqlite3.Connection:
    """A connection that can only read; opened in the calling thread."""
    try:
        conn = connect(Path(db_path), read_only=True)
        conn.execute("PRAGMA query_only = 1")
    except sqlite3.Error as error:
        raise translate(error, Path(db_path)) from error
    return conn


class ExportSnapshot:
    """Everything an export reads, from one read transaction. Use as a context manager."""

    def __init__(self, db_path: str | Path, with_suggestions: bool = False):
        self.path = Path(db_path)
        self.with_suggestions = with_suggestions  # unit rows end with the stored suggestion
        self.conn = connect_read_only(self.path)
        # The snapshot starts at the first read after BEGIN; read now so it is fixed from here.
        self.conn.execute("BEGIN")
        self._annotator_names = dict(self.conn.execute("SELECT id, name FROM annotators"))
        self._themes = read_themes(self.conn, include_retired=True)

    def close(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.close()

    def __enter__(self) -> ExportSnapshot:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def themes(self) -> list[Theme]:
        return list(self._themes)

    def annotator_names(self) -> list[str]:
        return [self._annotator_names[i] for i in sorted(self._annotator_names)]

    def packing(self) -> Packing | None:
        """The integer layout for this project's unit rows, if its annotators and themes fit."""
        max_id = max(self._annotator_names, default=0)
        if not Packing.fits(max_id, len(self._themes)):
            return None
        return Packing(tuple(t.key for t in self._themes))

    def units_query(self) -> tuple[str, list]:
        packing = self.packing()
        extra = SUGGESTION_COLUMNS if self.with_suggestions else ""
        if packing:
            return packed_units_sql(packing, extra)
        return _UNITS_SQL.format(**_FOLDED, suggestions=extra), []

    def unit_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM units").fetchone()[0]

    def annotators(self) -> list[AnnotatorSummary]:
        """Per annotator: units done and labels per theme, from the trigger-kept counters."""
        done = dict(
            self.conn.execute(
                "SELECT annotator_id, SUM(done) FROM article_progress GROUP BY annotator_id"
            )
        )
        labels: dict[int, dict[str, int]] = {}
        for annotator_id, key, n in self.conn.execute(
            """SELECT annotator_id, theme_key, SUM(n) FROM article_theme_counts
               WHERE n > 0 GROUP BY annotator_id, theme_key"""
        ):
            labels.setdefault(annotator_id, {})[key] = n
        return [
            AnnotatorSummary(i, self._annotator_names[i], done.get(i, 0), labels.get(i, {}))
            for i in sorted(self._annotator_names)
        ]

    def _annotator_id(self, name: str) -> int:
        for annotator_id, known in self._annotator_names.items():
            if known == name:
                return annotator_id
        raise UnknownAnnotator(f"no annotator named {name!r} in this project")

    def article_weights(self, annotator: str | None) -> list[ArticleWeight]:
        """Each article's unit count and theme votes (one annotator's, or everyone's summed)."""
        where, params = "", ()
        if annotator is not None:
            where, params = "AND annotator_id = ?", (self._annotator_id(annotator),)
        votes: dict[int, dict[str, int]] = {}
        for article_id, key, n in self.conn.execute(
            f"""SELECT article_id, theme_key, SUM(n) FROM article_theme_counts
                WHERE n > 0 {where} GROUP BY article_id, theme_key""",
            params,
        ):
            votes.setdefault(article_id, {})[key] = n
        rows = self.conn.execute("SELECT id, unit_count FROM articles ORDER BY id")
        return [ArticleWeight(i, units, votes.get(i, {})) for i, units in rows]

    def adjudications(self) -> dict[tuple[int, int], tuple[str, ...]]:
        """(article id, unit index) -> a lead's final themes (team review)."""
        rows = self.conn.execute(
            "SELECT u.article_id, u.idx, a.themes FROM adjudications a"
            " JOIN units u ON u.id = a.unit_id"
        )
        return {(article, index): tuple(json.loads(themes)) for article, index, themes in rows}

    def iter_articles(self) -> Iterator[SourceArticle]:
        """Articles in id order, each with its unit rows in order (grouped in C by groupby)."""
        articles = self.conn.execute(ARTICLES_SQL)
        units = self.conn.execute(*self.units_query())
        for article_id, rows in groupby(units, key=itemgetter(0)):
            yield SourceArticle(*_advance_to(articles, article_id), units=list(rows))


def _advance_to(articles: sqlite3.Cursor, article_id: int) -> tuple:
    """Both cursors run in id order, so the article for a unit is always ahead or current."""
    for row in articles:
        if row[0] == article_id:
            return row
    raise LookupError(f"units of article {article_id} have no article row")
