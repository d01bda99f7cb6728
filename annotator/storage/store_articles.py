"""Store methods for articles and units: import, listing, reading, the search index."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import Article
from annotator.core.themes import ThemeError
from annotator.storage import articles as article_sql
from annotator.storage.clock import utc_now
from annotator.storage.errors import RecordRefused, translate_public_methods
from annotator.storage.records import (
    ArticleRecord,
    ArticleSummary,
    ImportCounts,
    UnitRecord,
    UnitState,
)
from annotator.storage.removal import reserved_ids

# Errors that belong to one file's content; anything else is the project's and stops the batch.
_FILE_ERRORS = (RecordRefused, ThemeError, ValueError)


@translate_public_methods
class ArticlesMixin:
    """Part of Store (see store.py): needs self.conn, self.transaction and annotator look-ups."""

    def add_articles(self, articles: Iterable[Article]) -> ImportCounts:
        """Insert articles in one transaction; duplicates (same content) are counted, not stored."""
        with self.transaction():
            return self._insert_articles(articles, utc_now())

    def add_files(self, files: list[list[Article]]) -> list[ImportCounts | Exception]:
        """Insert the articles of several files, each file whole or not at all.

        All files go in one transaction; only if that fails are they retried one transaction
        per file, so that one bad file is reported (as its error) and the others still land.
        """
        now = utc_now()
        try:
            with self.transaction():
                return [self._insert_articles(articles, now) for articles in files]
        except _FILE_ERRORS:
            pass
        results: list[ImportCounts | Exception] = []
        for articles in files:
            try:
                with self.transaction():
                    results.append(self._insert_articles(articles, now))
            except _FILE_ERRORS as error:
                results.append(error)
        return results

    def _insert_articles(self, articles: Iterable[Article], now: str) -> ImportCounts:
        counts, ids = ImportCounts(), reserved_ids(self.conn)  # never a removed article's ids
        for article in articles:
            article_id = article_sql.insert_article(self.conn, article, now, ids)
            if article_id is None:
                counts.duplicates += 1
                counts.duplicate_titles.append(article.draft.title)
                continue
            ids = None
            counts.articles += 1
            counts.units += len(article.units)
            self._import_preset_labels(article, article_id, now)
        return counts

    def _import_preset_labels(self, article: Article, article_id: int, now: str) -> None:
        labels, status = article.draft.preset_labels or {}, article.draft.preset_status or {}
        if not labels and not status:
            return
        ids = article_sql.unit_ids(self.conn, article_id)
        for index in sorted(set(labels) | set(status)):
            names = set(labels.get(index, {})) | set(status.get(index, {}))
            for name in sorted(names):
                themes = tuple(labels.get(index, {}).get(name, ()))
                default = "done_with_themes" if themes else "done_no_theme"
                state = UnitState(themes, status.get(index, {}).get(name, default))
                self._apply(ids[index], self._annotator_id(name, create=True), state, "import", now)

    def search_index_pending(self) -> int:
        """Articles imported but not yet in the search index (it is built lazily)."""
        return article_sql.unindexed_count(self.conn)

    def update_search_index(self, limit: int = article_sql.SEARCH_INDEX_BATCH) -> int:
        """Index up to `limit` more articles for search; returns how many it went through.

        0 means the index is complete. Import leaves this out because it doubles import time;
        the GUI runs it in the background and the first search runs whatever is left. The
        keys are computed before the write lock is taken, so labelling in another window
        waits only for the insert.
        """
        keys = article_sql.unindexed_search_keys(self.conn, limit)
        if keys:
            with self.transaction():
                article_sql.add_search_keys(self.conn, keys)
        return len(keys)

    def _complete_search_index(self) -> None:
        while self.update_search_index():
            pass

    def list_articles(
        self,
        annotator: str | None = None,
        status: str | None = None,
        search: str = "",
        limit: int = -1,
        offset: int = 0,
        after_id: int | None = None,
    ) -> list[ArticleSummary]:
        """Summaries in import order; `after_id` pages by key (fast however deep the page)."""
        annotator_id = self._progress_of(annotator)
        if search.strip():
            self._complete_search_index()
        return article_sql.list_articles(
            self.conn, annotator_id, status, search, limit, offset, after_id
        )

    def count_articles(
        self, annotator: str | None = None, status: str | None = None, search: str = ""
    ) -> int:
        """How many articles list_articles returns for the same filters."""
        annotator_id = self._progress_of(annotator)
        if search.strip():
            self._complete_search_index()
        return article_sql.count_articles(self.conn, annotator_id, status, search)

    def _progress_of(self, annotator: str | None) -> int | None:
        """Whose progress to list: None for the most done by anyone; an annotator the
        project has not seen yet has done nothing (id 0 matches no row)."""
        if not annotator:
            return None
        known = self._known_annotator_id(annotator)
        return 0 if known is None else known

    def article_ids(self) -> list[int]:
        return article_sql.article_ids(self.conn)

    def article(self, article_id: int) -> ArticleRecord | None:
        return article_sql.get_article(self.conn, article_id)

    def units(self, article_id: int) -> list[UnitRecord]:
        return article_sql.get_units(self.conn, article_id)

    def unit(self, unit_id: int) -> UnitRecord | None:
        return article_sql.get_unit(self.conn, unit_id)
