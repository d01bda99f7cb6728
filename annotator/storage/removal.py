"""SQL for removing articles and putting them back.

A removed article is written whole into the event log first (its row, its units, and every
annotator's labels, statuses and notes), then deleted; the foreign keys cascade to units,
labels, statuses, notes and the progress counters, and its search-index row is deleted too.
Its ids are recorded in `removed_articles` so they are never given to another article, and
putting it back restores exactly the same rows from the logged snapshot.
"""

from __future__ import annotations

import json
import sqlite3

from annotator.core.normalize import index_key
from annotator.storage.errors import StorageError

ARTICLE_COLUMNS = [
    "id",
    "title",
    "text",
    "source",
    "url",
    "category",
    "date",
    "author",
    "original_id",
    "encoding",
    "extra",
    "content_hash",
    "unit_count",
    "imported_at",
]
_UNITS = 'SELECT id, idx, kind, start, "end", text FROM units WHERE article_id = ? ORDER BY idx'
# Per-annotator rows of one article, annotators by name (readable in the log on its own).
_PER_ANNOTATOR = {
    "labels": ("labels", "t.theme_key, t.created_at"),
    "statuses": ("unit_status", "t.status, t.updated_at"),
    "notes": ("notes", "t.text, t.updated_at"),
}


class ArticleNotFound(StorageError):
    """An article id that is not in the project (or, to restore, was never removed)."""


class RestoreConflict(StorageError):
    """A removed article whose text was imported again since: it cannot come back twice."""


def existing_ids(conn: sqlite3.Connection, article_ids: list[int]) -> set[int]:
    marks = ",".join("?" * len(article_ids))
    rows = conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", article_ids)
    return {row[0] for row in rows}


def snapshot(conn: sqlite3.Connection, article_id: int) -> dict:
    """Everything stored about one article, as JSON-ready lists."""
    row = conn.execute(
        f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    shot = {"article": dict(zip(ARTICLE_COLUMNS, row, strict=True))}
    shot["units"] = [list(unit) for unit in conn.execute(_UNITS, (article_id,))]
    for name, (table, columns) in _PER_ANNOTATOR.items():
        shot[name] = [
            list(r)
            for r in conn.execute(
                f"""SELECT t.unit_id, a.name, {columns} FROM {table} t
                    JOIN units u ON u.id = t.unit_id JOIN annotators a ON a.id = t.annotator_id
                    WHERE u.article_id = ? ORDER BY t.unit_id, a.name""",
                (article_id,),
            )
        ]
    return shot


def delete_article(conn: sqlite3.Connection, shot: dict, event_id: int, now: str) -> None:
    article_id = shot["article"]["id"]
    last_unit = max(unit[0] for unit in shot["units"])
    conn.execute("DELETE FROM article_search WHERE rowid = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    conn.execute(
        "INSERT OR REPLACE INTO removed_articles (article_id, last_unit_id, event_id, removed_at)"
        " VALUES (?, ?, ?, ?)",
        (article_id, last_unit, event_id, now),
    )


def removal_snapshot(conn: sqlite3.Connection, article_id: int) -> dict | None:
    """The snapshot logged when the article was removed (None: it is not a removed article)."""
    row = conn.execute(
        """SELECT e.before FROM removed_articles r JOIN events e ON e.id = r.event_id
           WHERE r.article_id = ?""",
        (article_id,),
    ).fetchone()
    return json.loads(row[0]) if row else None


def same_content(conn: sqlite3.Connection, shot: dict) -> int | None:
    row = conn.execute(
        "SELECT id FROM articles WHERE content_hash = ?", (shot["article"]["content_hash"],)
    ).fetchone()
    return row[0] if row else None


def insert_snapshot(conn: sqlite3.Connection, shot: dict, annotator_ids: dict[str, int]) -> None:
    """Put the rows back with their own ids; the triggers rebuild the progress counters."""
    article = shot["article"]
    marks = ", ".join("?" * len(ARTICLE_COLUMNS))
    conn.execute(
        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({marks})",
        [article[c] for c in ARTICLE_COLUMNS],
    )
    conn.executemany(
        'INSERT INTO units (id, idx, kind, start, "end", text, article_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(*unit, article["id"]) for unit in shot["units"]],
    )
    for name, (table, columns) in _PER_ANNOTATOR.items():
        names = columns.replace("t.", "")
        conn.executemany(
            f"INSERT INTO {table} (unit_id, annotator_id, {names}) VALUES (?, ?, ?, ?)",
            [(unit, annotator_ids[who], *rest) for unit, who, *rest in shot[name]],
        )
    conn.execute("DELETE FROM removed_articles WHERE article_id = ?", (article["id"],))
    _index_again(conn, article)


def _index_again(conn: sqlite3.Connection, article: dict) -> None:
    """Index it now if the search index has passed its id (it covers a prefix of the ids)."""
    indexed = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM article_search").fetchone()[0]
    if article["id"] < indexed:
        conn.execute(
            "INSERT INTO article_search (rowid, title_key, text_key) VALUES (?, ?, ?)",
            (article["id"], index_key(article["title"]), index_key(article["text"])),
        )


def reserved_ids(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """The ids the next new article and its first unit must take so that no removed
    article's ids are given again; None when SQLite's own choice is already past them."""
    removed = conn.execute(
        "SELECT MAX(article_id), MAX(last_unit_id) FROM removed_articles"
    ).fetchone()
    if removed[0] is None:
        return None
    last_article = conn.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0]
    last_unit = conn.execute("SELECT COALESCE(MAX(id), 0) FROM units").fetchone()[0]
    if last_article >= removed[0] and last_unit >= removed[1]:
        return None
    return max(last_article, removed[0]) + 1, max(last_unit, removed[1]) + 1
