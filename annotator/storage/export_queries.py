"""Read a project for export: one consistent snapshot, streamed in article and unit order.

The snapshot is a read transaction on a dedicated read-only connection. In WAL mode it sees the
database as it was when it began, however much annotators label meanwhile, and it never blocks
their writes. Rows are streamed from cursors; nothing holds the whole project in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from annotator.core.export.source import (
    AnnotatorSummary,
    ArticleWeight,
    Judgement,
    Judgements,
    SourceArticle,
    SourceUnit,
)
from annotator.core.themes import Theme
from annotator.storage.database import BUSY_TIMEOUT_MS, _translate
from annotator.storage.errors import UnknownAnnotator
from annotator.storage.themes import list_themes

# Separators that cannot occur in annotator ids, statuses or theme keys.
_FIELD, _ITEM = "\x1f", "\x1e"

ARTICLES_SQL = "SELECT id, title, text, source, url, category, date FROM articles ORDER BY id"

# One row per unit in article order, with every annotator's status and themes folded in by
# correlated look-ups on the (unit_id, annotator_id) primary keys: no sort, no temporary table.
UNITS_SQL = f"""
SELECT u.article_id, u.idx, u.kind, u.start, u."end", u.text,
       (SELECT group_concat(s.annotator_id || '{_FIELD}' || s.status, '{_ITEM}')
          FROM unit_status s WHERE s.unit_id = u.id),
       (SELECT group_concat(l.annotator_id || '{_FIELD}' || l.theme_key, '{_ITEM}')
          FROM labels l WHERE l.unit_id = u.id)
FROM units u ORDER BY u.article_id, u.idx
"""


class JudgementDecoder:
    """Turns the folded status/label strings into shared Judgements tuples (cached)."""

    _LIMIT = 50_000  # distinct combinations kept; real projects have a few hundred

    def __init__(self, names: dict[int, str], positions: dict[str, int]):
        self._names = {str(k): v for k, v in names.items()}
        self._order = {str(k): i for i, k in enumerate(sorted(names))}
        self._positions = positions
        self._cache: dict[tuple[str | None, str | None], Judgements] = {(None, None): ()}

    def __call__(self, statuses: str | None, labels: str | None) -> Judgements:
        key = (statuses, labels)
        found = self._cache.get(key)
        if found is not None:
            return found
        if len(self._cache) > self._LIMIT:
            self._cache = {(None, None): ()}
        found = self._cache[key] = self._decode(statuses, labels)
        return found

    def _decode(self, statuses: str | None, labels: str | None) -> Judgements:
        status_by_id = dict(_pairs(statuses))
        themes_by_id: dict[str, list[str]] = {}
        for annotator_id, key in _pairs(labels):
            themes_by_id.setdefault(annotator_id, []).append(key)
        ids = sorted(set(status_by_id) | set(themes_by_id), key=self._order.__getitem__)
        return tuple(
            Judgement(
                self._names[i],
                status_by_id.get(i, "not_seen"),
                tuple(sorted(themes_by_id.get(i, ()), key=self._positions.__getitem__)),
            )
            for i in ids
        )


def _pairs(folded: str | None) -> list[tuple[str, str]]:
    if not folded:
        return []
    return [tuple(item.split(_FIELD, 1)) for item in folded.split(_ITEM)]  # type: ignore[misc]


def connect_read_only(db_path: str | Path) -> sqlite3.Connection:
    """A connection that can only read; opened in the calling thread."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("PRAGMA query_only = 1")
    except sqlite3.Error as error:
        raise _translate(error, Path(db_path)) from error
    return conn


class ExportSnapshot:
    """Everything an export reads, from one read transaction. Use as a context manager."""

    def __init__(self, db_path: str | Path):
        self.path = Path(db_path)
        self.conn = connect_read_only(self.path)
        # The snapshot starts at the first read after BEGIN; read now so it is fixed from here.
        self.conn.execute("BEGIN")
        self._annotator_names = dict(self.conn.execute("SELECT id, name FROM annotators"))
        self._themes = list_themes(self.conn, include_retired=True)

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
            AnnotatorSummary(self._annotator_names[i], done.get(i, 0), labels.get(i, {}))
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

    def iter_articles(self) -> Iterator[SourceArticle]:
        """Articles in id order, each with its units in order and every annotator's judgements."""
        decode = JudgementDecoder(self._annotator_names, {t.key: t.position for t in self._themes})
        articles = self.conn.execute(ARTICLES_SQL)
        article, units = None, []
        for article_id, idx, kind, start, end, text, statuses, labels in self.conn.execute(
            UNITS_SQL
        ):
            if article is None or article[0] != article_id:
                if units:
                    yield SourceArticle(*article, units=units)  # type: ignore[misc]
                article, units = _advance_to(articles, article_id), []
            units.append(SourceUnit(idx, kind, start, end, text, decode(statuses, labels)))
        if units:
            yield SourceArticle(*article, units=units)  # type: ignore[misc]


def _advance_to(articles: sqlite3.Cursor, article_id: int) -> tuple:
    """Both cursors run in id order, so the article for a unit is always ahead or current."""
    for row in articles:
        if row[0] == article_id:
            return row
    raise LookupError(f"units of article {article_id} have no article row")


def read_rows_with_sqlite_only(db_path: str | Path) -> int:
    """Fetch the export's unit rows and do nothing else: the floor any export is measured against."""
    conn = connect_read_only(db_path)
    try:
        count = 0
        cursor = conn.execute(UNITS_SQL)
        while batch := cursor.fetchmany(10_000):
            count += len(batch)
        for _ in conn.execute(ARTICLES_SQL):
            pass
        return count
    finally:
        conn.close()
