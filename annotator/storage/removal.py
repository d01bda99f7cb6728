"""Removing articles and putting them back.

A removed article is written whole into the event log first (its row, its units, and every
annotator's labels, statuses and notes), then deleted; the foreign keys cascade to units,
labels, statuses, notes and the progress counters, and its search-index row is deleted too.
Its ids are recorded in `removed_articles` so they are never given to another article, and
putting it back restores exactly the same rows from the logged snapshot.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.normalize import index_key
from annotator.storage.clock import utc_now
from annotator.storage.errors import StorageError
from annotator.storage.repository import Repository

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


def _reserved_ids(conn: sqlite3.Connection) -> tuple[int, int] | None:
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


REMOVE_ACTION, RESTORE_ACTION = "remove_article", "restore_article"


@dataclass(frozen=True)
class RemovedArticle:
    """What a removal took out of the project, or a restore put back."""

    id: int
    title: str
    units: int
    labels: int
    annotators: tuple[str, ...]  # who had labelled, marked or noted any of its units


def _summary(shot: dict) -> RemovedArticle:
    people = {row[1] for name in ("labels", "statuses", "notes") for row in shot[name]}
    article = shot["article"]
    return RemovedArticle(
        article["id"],
        article["title"],
        len(shot["units"]),
        len(shot["labels"]),
        tuple(sorted(people)),
    )


class Removal(Repository):
    def remove(self, article_ids: Iterable[int], by: str) -> list[RemovedArticle]:
        """Remove articles with their units and everyone's work on them, all or none.

        Each is first written whole into the event log (action remove_article, by `by`), so
        restore, or anyone reading the log, can still see every label.
        """
        ids, annotator_id = list(dict.fromkeys(article_ids)), self._store.annotators.ensure(by)
        with self.transaction():
            _require(ids, existing_ids(self.conn, ids), "in this project")
            now, removed = utc_now(), []
            for article_id in ids:
                shot = snapshot(self.conn, article_id)
                first_unit = shot["units"][0][0]
                event_id = self._store.events.log(
                    annotator_id, first_unit, REMOVE_ACTION, shot, {}, now
                )
                delete_article(self.conn, shot, event_id, now)
                removed.append(_summary(shot))
        return removed

    def restore(self, article_ids: Iterable[int], by: str) -> list[RemovedArticle]:
        """Put removed articles back exactly as they were (same ids, labels, statuses, notes)."""
        ids, annotator_id = list(dict.fromkeys(article_ids)), self._store.annotators.ensure(by)
        with self.transaction():
            shots = {i: removal_snapshot(self.conn, i) for i in ids}
            found = {i for i, shot in shots.items() if shot is not None}
            _require(ids, found, "among the removed articles")
            now, restored = utc_now(), []
            for article_id, shot in shots.items():
                self._restore(shot)
                first_unit = shot["units"][0][0]
                after = {"article_id": article_id, "title": shot["article"]["title"]}
                self._store.events.log(annotator_id, first_unit, RESTORE_ACTION, {}, after, now)
                restored.append(_summary(shot))
        return restored

    def _restore(self, shot: dict) -> None:
        twin = same_content(self.conn, shot)
        if twin is not None:
            raise RestoreConflict(
                f"article {shot['article']['id']} cannot be restored: the same article was "
                f"imported again since, as article {twin}"
            )
        names = {row[1] for name in ("labels", "statuses", "notes") for row in shot[name]}
        ids = {name: self._store.annotators.ensure(name) for name in names}
        insert_snapshot(self.conn, shot, ids)

    def reserved_ids(self) -> tuple[int, int] | None:
        """The ids the next new article and its first unit must take so that no removed
        article's ids are given again; None when SQLite's own choice is already past them."""
        return _reserved_ids(self.conn)

    def preview(self, article_id: int) -> RemovedArticle | None:
        """What remove would take out (None: no such article), for a confirmation."""
        if not existing_ids(self.conn, [article_id]):
            return None
        return _summary(snapshot(self.conn, article_id))


def _require(wanted: list[int], found: set[int], where: str) -> None:
    missing = [str(i) for i in wanted if i not in found]
    if missing:
        noun = "article" if len(missing) == 1 else "articles"
        raise ArticleNotFound(
            f"no {noun} with id {', '.join(missing)} {where}; nothing was changed"
        )
