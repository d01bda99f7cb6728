"""The article list's rows, fetched from the store in pages by key (no Qt here).

Only the rows a view has asked for are held, so a project of 100,000 articles opens as fast
as one of ten; pages are fetched by key (the rows after the last one held), which stays fast
however far the list is scrolled. gui/article_model.py adapts this to Qt's table model.
"""

from __future__ import annotations

import bisect
import dataclasses

from annotator.storage.rows import ArticleSummary
from annotator.storage.store import Store

PAGE_SIZE = 500


class ArticleListing:
    """The articles matching a status filter and a search, paged: in import order, or in an
    order given as a list of article ids (most uncertain suggestions first, say)."""

    def __init__(self, store: Store, annotator: str, page_size: int | None = None):
        self.store, self.annotator = store, annotator
        self.page_size = page_size or PAGE_SIZE
        self.status: str | None = None
        self.search = ""
        self.rows: list[ArticleSummary] = []
        self._row_of: dict[int, int] = {}
        self.exhausted = False
        self.matching = 0  # articles that match the query, fetched or not
        self.order: list[int] | None = None  # article ids in display order (None: import)
        self._order_at = 0  # how far into `order` the pages have got

    def set_query(self, status: str | None, search: str) -> None:
        self.status, self.search = status, search

    def set_order(self, ids: list[int] | None) -> None:
        """Every article id in the order to list them (None: import order); reload() next."""
        self.order = list(ids) if ids is not None else None

    def reload(self) -> None:
        """Start again from the first page (the query or the project changed)."""
        self.rows, self._row_of, self.exhausted, self._order_at = [], {}, False, 0
        self._append(self._fetch(self.page_size))
        self.matching = (
            len(self.rows)
            if self.exhausted
            else self.store.articles.count(self.annotator, self.status, self.search)
        )

    def next_page(self, size: int | None = None) -> list[ArticleSummary]:
        """The rows after those held (none when all are held); `hold` them to keep them.

        Two steps, so that a view can announce the rows between fetching and holding."""
        return [] if self.exhausted else self._fetch(size or self.page_size)

    def hold(self, page: list[ArticleSummary]) -> None:
        self._append(page)

    def rows_needed_for(self, article_id: int) -> int:
        """How many more rows must be fetched to hold this article (0: held or not listed).

        Only the unfiltered list is in id order, where the position is one bisect away."""
        if article_id in self._row_of or self.exhausted or self.status or self.search:
            return 0
        if self.order is not None:
            return 0
        ids = self.store.articles.ids()
        at = bisect.bisect_left(ids, article_id)
        if at >= len(ids) or ids[at] != article_id:
            return 0
        return max(0, at - len(self.rows) + 1)

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def update_progress(self, article_id: int, done: int, themes: tuple[str, ...]) -> int | None:
        """Show the open article's progress without asking the store; its row, if held."""
        row = self._row_of.get(article_id)
        if row is not None:
            self.rows[row] = dataclasses.replace(self.rows[row], done=done, themes=themes)
        return row

    def _fetch(self, limit: int) -> list[ArticleSummary]:
        if self.order is not None:
            return self._fetch_in_order(limit)
        after = self.rows[-1].id if self.rows else None
        page = self.store.articles.list(
            self.annotator, self.status, self.search, limit, after_id=after
        )
        if len(page) < limit:
            self.exhausted = True
        return page

    def _fetch_in_order(self, limit: int) -> list[ArticleSummary]:
        """The next rows of `order` that match the filters (one query per slice of ids)."""
        order, page = self.order or [], []
        while len(page) < limit and self._order_at < len(order):
            chunk = order[self._order_at : self._order_at + limit]
            self._order_at += len(chunk)
            found = self.store.articles.list(self.annotator, self.status, self.search, ids=chunk)
            by_id = {summary.id: summary for summary in found}
            page += [by_id[i] for i in chunk if i in by_id]
        self.exhausted = self._order_at >= len(order)
        return page

    def _append(self, page: list[ArticleSummary]) -> None:
        for summary in page:
            self._row_of[summary.id] = len(self.rows)
            self.rows.append(summary)
