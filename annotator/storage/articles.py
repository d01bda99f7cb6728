"""Articles and their units: bulk insert on import, listing with filters and search, reading."""

from __future__ import annotations

import json
from collections.abc import Iterable

from annotator.core.model import Article
from annotator.core.scheme import ThemeError
from annotator.core.status import Status
from annotator.storage.clock import utc_now
from annotator.storage.errors import RecordRefused
from annotator.storage.repository import Repository
from annotator.storage.rows import (
    ArticleRecord,
    ArticleSummary,
    ImportCounts,
    UnitRecord,
    UnitState,
)
from annotator.storage.search import SearchQuery, search_query

# Errors that belong to one file's content; anything else is the project's and stops the batch.
_FILE_ERRORS = (RecordRefused, ThemeError, ValueError)
_INSERT_ARTICLE = """
INSERT INTO articles (id, title, text, source, url, category, date, author, original_id,
                      encoding, extra, content_hash, unit_count, imported_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (content_hash) DO NOTHING
"""
_INSERT_UNIT = (
    'INSERT INTO units (id, article_id, idx, kind, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?)'
)
_UNIT_COLUMNS = 'id, article_id, idx, kind, start, "end", text'


class Articles(Repository):
    # -- adding ---------------------------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> ImportCounts:
        """Insert articles in one transaction; duplicates (same content) are counted, not stored."""
        with self.transaction():
            return self._insert_all(articles, utc_now())

    def add_files(self, files: list[list[Article]]) -> list[ImportCounts | Exception]:
        """Insert the articles of several files, each file whole or not at all.

        All files go in one transaction; only if that fails are they retried one transaction
        per file, so that one bad file is reported (as its error) and the others still land.
        Problems of the whole project (disk full, damage, a lock) raise: no later file could.
        """
        now = utc_now()
        try:
            with self.transaction():
                return self._insert_files(files, now)
        except _FILE_ERRORS:
            pass
        results: list[ImportCounts | Exception] = []
        for articles in files:
            try:
                with self.transaction():
                    results.append(self._insert_all(articles, now))
            except _FILE_ERRORS as error:
                results.append(error)
        return results

    def _insert_files(self, files: list[list[Article]], now: str) -> list[ImportCounts]:
        counts = []
        for articles in files:  # removed ids are reserved at most once: then SQLite's own ids
            reserve = not counts or counts[-1].articles == 0
            counts.append(self._insert_all(articles, now, reserve))
        return counts

    def _insert_all(self, articles: Iterable[Article], now: str, reserve=True) -> ImportCounts:
        counts = ImportCounts()
        ids = self._store.removal.reserved_ids() if reserve else None  # never a removed one's
        for article in articles:
            article_id = self._insert(article, now, ids)
            if article_id is None:
                counts.duplicates += 1
                counts.duplicate_titles.append(article.draft.title)
                continue
            ids = None
            counts.articles += 1
            counts.units += len(article.units)
            self._preset_labels(article, article_id, now)
        return counts

    def _insert(self, article: Article, now: str, ids: tuple[int, int] | None) -> int | None:
        """Insert one segmented article; None if an article with the same content exists.

        `ids`: the article's id and its first unit's (Removal.reserved_ids); None lets SQLite
        choose (the next after the highest), as it does for every later article.
        """
        d = article.draft
        title = next((u.text for u in article.units if u.kind == "title"), d.title)
        article_id, first_unit = ids if ids is not None else (None, None)
        extra = json.dumps(d.extra, ensure_ascii=False)
        cursor = self.conn.execute(
            _INSERT_ARTICLE,
            (article_id, title, article.text, d.source, d.url, d.category, d.date, d.author,
             d.original_id, d.encoding, extra, article.content_hash, len(article.units), now),
        )  # fmt: skip
        if cursor.rowcount == 0:
            return None
        article_id = cursor.lastrowid
        self.conn.executemany(
            _INSERT_UNIT,
            [
                (first_unit if i == 0 else None, article_id, i, u.kind, u.start, u.end, u.text)
                for i, u in enumerate(article.units)
            ],
        )
        return article_id

    def _preset_labels(self, article: Article, article_id: int, now: str) -> None:
        """Labels and notes an imported dataset brought with it, as each annotator's own."""
        labels, status = article.draft.preset_labels or {}, article.draft.preset_status or {}
        notes = article.draft.preset_notes or {}
        if not labels and not status and not notes:
            return
        ids = self._unit_ids(article_id)
        for index, by_name in sorted(notes.items()):
            for name, text in sorted(by_name.items()):
                self._store.notes.set(ids[index], name, text)
        for index in sorted(set(labels) | set(status)):
            names = set(labels.get(index, {})) | set(status.get(index, {}))
            for name in sorted(names):
                themes = tuple(labels.get(index, {}).get(name, ()))
                default = Status.DONE_WITH_THEMES if themes else Status.DONE_NO_THEME
                state = UnitState(themes, status.get(index, {}).get(name, default))
                annotator_id = self._store.annotators.ensure(name)
                self._store.labels.write(ids[index], annotator_id, state, "import", now)

    # -- listing --------------------------------------------------------------------------------

    def list(
        self,
        annotator: str | None = None,
        status: str | None = None,
        search: str = "",
        limit: int = -1,
        offset: int = 0,
        after_id: int | None = None,
        ids: list[int] | None = None,
    ) -> list[ArticleSummary]:
        """Summaries in import order; progress is one annotator's, or the most done by anyone.

        `after_id` pages by key (rows after that article), which stays fast where a deep
        OFFSET would step over every earlier row; `ids` lists only those articles.
        """
        query = self._searching(search)
        annotator_id = self._progress_of(annotator)
        params = _params(annotator_id, query, limit=limit, offset=offset, after=after_id)
        only = "" if ids is None else "AND a.id IN (SELECT value FROM json_each(:ids))"
        params["ids"] = json.dumps(ids or [])
        sql = f"""
            SELECT a.id, a.title, a.source, a.category, a.date, a.unit_count,
                   COALESCE(p.done, 0), a.url
            FROM articles a {_progress_join(annotator_id)}
            WHERE 1 {_filters(status, query, after_id is not None)} {only}
            ORDER BY a.id LIMIT :limit OFFSET :offset
        """
        rows = self.conn.execute(sql, params).fetchall()
        marks = self._theme_marks([r[0] for r in rows], annotator_id)
        return [ArticleSummary(*r[:7], themes=marks.get(r[0], ()), url=r[7]) for r in rows]

    def count(
        self, annotator: str | None = None, status: str | None = None, search: str = ""
    ) -> int:
        """How many articles `list` returns for the same filters."""
        query = self._searching(search)
        annotator_id = self._progress_of(annotator)
        join = _progress_join(annotator_id) if status not in (None, "all") else ""
        sql = f"""SELECT COUNT(*) FROM articles a {join}
                  WHERE 1 {_filters(status, query, False)}"""
        return self.conn.execute(sql, _params(annotator_id, query)).fetchone()[0]

    def _searching(self, search: str) -> SearchQuery | None:
        """The query, after indexing whatever the background indexer has not reached yet."""
        if not search.strip():
            return None
        self._store.search.complete()
        return search_query(search)

    def _progress_of(self, annotator: str | None) -> int | None:
        """Whose progress to list: None for the most done by anyone; an annotator the
        project has not seen yet has done nothing (id 0 matches no row)."""
        if not annotator:
            return None
        known = self._store.annotators.id_of(annotator)
        return 0 if known is None else known

    def _theme_marks(self, article_ids: list[int], annotator_id: int | None) -> dict[int, tuple]:
        marks: dict[int, list[str]] = {}
        who = "AND c.annotator_id = ?" if annotator_id is not None else ""
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            params = [*chunk, *([annotator_id] if annotator_id is not None else [])]
            rows = self.conn.execute(
                f"""SELECT DISTINCT c.article_id, c.theme_key FROM article_theme_counts c
                    JOIN themes t ON t.key = c.theme_key
                    WHERE c.n > 0 AND c.article_id IN ({",".join("?" * len(chunk))}) {who}
                    ORDER BY c.article_id, t.position""",
                params,
            )
            for article_id, key in rows:
                marks.setdefault(article_id, []).append(key)
        return {k: tuple(v) for k, v in marks.items()}

    # -- reading --------------------------------------------------------------------------------

    def ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1

    def get(self, article_id: int) -> ArticleRecord | None:
        row = self.conn.execute(
            """SELECT id, title, text, source, url, category, date, author, original_id,
                      encoding, extra, imported_at FROM articles WHERE id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        values = list(row)
        values[10] = json.loads(values[10] or "{}")
        return ArticleRecord(*values)

    def units(self, article_id: int) -> list[UnitRecord]:
        rows = self.conn.execute(
            f"SELECT {_UNIT_COLUMNS} FROM units WHERE article_id = ? ORDER BY idx", (article_id,)
        )
        return [UnitRecord(*row) for row in rows]

    def unit(self, unit_id: int) -> UnitRecord | None:
        row = self.conn.execute(f"SELECT {_UNIT_COLUMNS} FROM units WHERE id = ?", (unit_id,))
        found = row.fetchone()
        return UnitRecord(*found) if found else None

    def _unit_ids(self, article_id: int) -> list[int]:
        rows = self.conn.execute(
            "SELECT id FROM units WHERE article_id = ? ORDER BY idx", (article_id,)
        )
        return [r[0] for r in rows]


# -- the listing's SQL pieces -------------------------------------------------------------------

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


def _params(annotator_id, search: SearchQuery | None, **extra) -> dict:
    literals = {f"literal{i}": text for i, text in enumerate(search.literals if search else ())}
    query = search.match if search else ""
    return {"annotator": annotator_id, "q": query, **literals, **extra}
