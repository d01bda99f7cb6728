"""SQL for articles and units: bulk insert on import, listing, reading."""

from __future__ import annotations

import json
import sqlite3

from annotator.core.model import Article
from annotator.core.normalize import index_key
from annotator.storage.records import ArticleRecord, ArticleSummary, UnitRecord
from annotator.storage.search import SearchQuery, search_query

_INSERT_ARTICLE = """
INSERT INTO articles (id, title, text, source, url, category, date, author, original_id,
                      encoding, extra, content_hash, unit_count, imported_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (content_hash) DO NOTHING
"""
_INSERT_UNIT = (
    'INSERT INTO units (id, article_id, idx, kind, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?)'
)


def insert_article(
    conn: sqlite3.Connection, article: Article, now: str, ids: tuple[int, int] | None = None
) -> int | None:
    """Insert one segmented article; None if an article with the same content exists.

    `ids`: the article's id and its first unit's (removal.reserved_ids); None lets SQLite
    choose (the next after the highest), as it does for every later article.
    """
    d = article.draft
    title = next((u.text for u in article.units if u.kind == "title"), d.title)
    article_id, first_unit = ids if ids is not None else (None, None)
    cursor = conn.execute(
        _INSERT_ARTICLE,
        (
            article_id,
            title,
            article.text,
            d.source,
            d.url,
            d.category,
            d.date,
            d.author,
            d.original_id,
            d.encoding,
            json.dumps(d.extra, ensure_ascii=False),
            article.content_hash,
            len(article.units),
            now,
        ),
    )
    if cursor.rowcount == 0:
        return None
    article_id = cursor.lastrowid
    conn.executemany(
        _INSERT_UNIT,
        [
            (first_unit if i == 0 else None, article_id, i, u.kind, u.start, u.end, u.text)
            for i, u in enumerate(article.units)
        ],
    )
    return article_id


SEARCH_INDEX_BATCH = 2_000


def unindexed_count(conn: sqlite3.Connection) -> int:
    return conn.execute(
        "SELECT COUNT(*) FROM articles WHERE id > (SELECT COALESCE(MAX(rowid), 0) FROM article_search)"
    ).fetchone()[0]


SearchKeys = tuple[int, str, str]  # article id, title key, text key


def unindexed_search_keys(conn: sqlite3.Connection, limit: int) -> list[SearchKeys]:
    """Search keys of up to `limit` articles not yet indexed (a read: no write lock held)."""
    rows = conn.execute(
        """SELECT id, title, text FROM articles
           WHERE id > (SELECT COALESCE(MAX(rowid), 0) FROM article_search) ORDER BY id LIMIT ?""",
        (limit,),
    ).fetchall()
    return [(article_id, index_key(title), index_key(text)) for article_id, title, text in rows]


def add_search_keys(conn: sqlite3.Connection, keys: list[SearchKeys]) -> int:
    """Insert keys computed earlier, skipping any that another connection indexed meanwhile.

    The index always covers a prefix of article ids (new articles get higher ids), so
    "already indexed" is "id at or below the highest indexed id".
    """
    indexed = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM article_search").fetchone()[0]
    fresh = [row for row in keys if row[0] > indexed]
    conn.executemany(
        "INSERT INTO article_search (rowid, title_key, text_key) VALUES (?, ?, ?)", fresh
    )
    return len(fresh)


def unit_ids(conn: sqlite3.Connection, article_id: int) -> list[int]:
    rows = conn.execute("SELECT id FROM units WHERE article_id = ? ORDER BY idx", (article_id,))
    return [r[0] for r in rows]


_STATUS_FILTERS = {
    None: "",
    "all": "",
    "not_started": "AND COALESCE(p.done, 0) = 0",
    "in_progress": "AND COALESCE(p.done, 0) > 0 AND p.done < a.unit_count",
    "done": "AND COALESCE(p.done, 0) >= a.unit_count",
}


def _filters(status: str | None, search: SearchQuery | None, after: bool) -> str:
    if status not in _STATUS_FILTERS:
        raise ValueError(
            f"unknown status filter {status!r}; use one of not_started, in_progress, done"
        )
    return (
        f"{_STATUS_FILTERS[status]} {_search_filter(search)} {'AND a.id > :after' if after else ''}"
    )


def _search_filter(search: SearchQuery | None) -> str:
    if search is None:
        return ""
    if search.matches_nothing:  # punctuation only: nothing, rather than everything
        return "AND 0"
    literals = "".join(
        f" AND (instr(text_key, :literal{i}) OR instr(title_key, :literal{i}))"
        for i in range(len(search.literals))
    )
    return f"AND a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH :q{literals})"


def _progress_join(annotator_id: int | None) -> str:
    """Progress per article: one annotator's, or the most done by anyone."""
    if annotator_id is None:
        done, where = "MAX(done)", ""
    else:
        done, where = "done", "WHERE annotator_id = :annotator"
    return f"""LEFT JOIN (SELECT article_id, {done} AS done FROM article_progress {where}
                          GROUP BY article_id) p ON p.article_id = a.id"""


def _search(search: str) -> SearchQuery | None:
    return search_query(search) if search.strip() else None


def _params(annotator_id, search: SearchQuery | None, **extra) -> dict:
    literals = {f"literal{i}": text for i, text in enumerate(search.literals if search else ())}
    query = search.match if search else ""
    return {"annotator": annotator_id, "q": query, **literals, **extra}


def list_articles(
    conn: sqlite3.Connection,
    annotator_id: int | None = None,
    status: str | None = None,
    search: str = "",
    limit: int = -1,
    offset: int = 0,
    after_id: int | None = None,
) -> list[ArticleSummary]:
    """Article summaries in import order; progress is one annotator's, or the most done by anyone.

    `after_id` pages by key (rows after that article), which stays fast where a deep OFFSET
    would step over every earlier row.
    """
    query = _search(search)
    params = _params(annotator_id, query, limit=limit, offset=offset, after=after_id)
    sql = f"""
        SELECT a.id, a.title, a.source, a.category, a.date, a.unit_count, COALESCE(p.done, 0),
               a.url
        FROM articles a {_progress_join(annotator_id)}
        WHERE 1 {_filters(status, query, after_id is not None)}
        ORDER BY a.id LIMIT :limit OFFSET :offset
    """
    rows = conn.execute(sql, params).fetchall()
    marks = _theme_marks(conn, [r[0] for r in rows], annotator_id)
    return [ArticleSummary(*row[:7], themes=marks.get(row[0], ()), url=row[7]) for row in rows]


def count_articles(
    conn: sqlite3.Connection,
    annotator_id: int | None = None,
    status: str | None = None,
    search: str = "",
) -> int:
    """How many articles list_articles would return with no limit."""
    query = _search(search)
    params = _params(annotator_id, query)
    needs_progress = status not in (None, "all")
    join = _progress_join(annotator_id) if needs_progress else ""
    sql = f"""SELECT COUNT(*) FROM articles a {join}
              WHERE 1 {_filters(status, query, False)}"""
    return conn.execute(sql, params).fetchone()[0]


def _theme_marks(conn, article_ids: list[int], annotator_id: int | None) -> dict[int, tuple]:
    if not article_ids:
        return {}
    marks: dict[int, list[str]] = {}
    who = "AND c.annotator_id = ?" if annotator_id is not None else ""
    for chunk_start in range(0, len(article_ids), 500):
        chunk = article_ids[chunk_start : chunk_start + 500]
        params = [*chunk, *([annotator_id] if annotator_id is not None else [])]
        rows = conn.execute(
            f"""SELECT DISTINCT c.article_id, c.theme_key FROM article_theme_counts c
                JOIN themes t ON t.key = c.theme_key
                WHERE c.n > 0 AND c.article_id IN ({",".join("?" * len(chunk))}) {who}
                ORDER BY c.article_id, t.position""",
            params,
        )
        for article_id, key in rows:
            marks.setdefault(article_id, []).append(key)
    return {k: tuple(v) for k, v in marks.items()}


def article_ids(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]


def get_article(conn: sqlite3.Connection, article_id: int) -> ArticleRecord | None:
    row = conn.execute(
        """SELECT id, title, text, source, url, category, date, author, original_id, encoding,
                  extra, imported_at FROM articles WHERE id = ?""",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    values = list(row)
    values[10] = json.loads(values[10] or "{}")
    return ArticleRecord(*values)


def get_units(conn: sqlite3.Connection, article_id: int) -> list[UnitRecord]:
    rows = conn.execute(
        'SELECT id, article_id, idx, kind, start, "end", text FROM units WHERE article_id = ? ORDER BY idx',
        (article_id,),
    )
    return [UnitRecord(*row) for row in rows]


def get_unit(conn: sqlite3.Connection, unit_id: int) -> UnitRecord | None:
    row = conn.execute(
        'SELECT id, article_id, idx, kind, start, "end", text FROM units WHERE id = ?', (unit_id,)
    ).fetchone()
    return UnitRecord(*row) if row else None
