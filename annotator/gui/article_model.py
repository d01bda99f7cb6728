"""The article list as a Qt table model, fetched from the store in pages as the view scrolls.

Only the rows the view has asked for are in memory (Qt's canFetchMore/fetchMore), so a
project of 100,000 articles opens as fast as one of ten. Pages are fetched by key (the rows
after the last one held), which stays fast however far the list is scrolled.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.core.themes import Theme
from annotator.gui.theme_marks import theme_abbreviations
from annotator.storage.records import ArticleSummary
from annotator.storage.store import Store

PAGE_SIZE = 500
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
THEME_MARKS_ROLE = Qt.ItemDataRole.UserRole + 2  # list of (abbreviation, colour) pairs
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # (done, total)
AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: a flat table has no other parent


class Column(enum.IntEnum):
    TITLE = 0
    PROGRESS = 1
    THEMES = 2
    DATE = 3
    SOURCE = 4


def short_source(source: str) -> str:
    """What fits a narrow column: a web address's host, else the file's name."""
    if "://" in source:
        host = source.split("://", 1)[1].split("/", 1)[0]
        return host.removeprefix("www.")
    return source.replace("\\", "/").rsplit("/", 1)[-1]


class ArticleListModel(QAbstractTableModel):
    """One row per article summary: title, progress, theme marks, date, source."""

    def __init__(self, store: Store, annotator: str, language: str, parent=None):
        super().__init__(parent)
        self.store, self.annotator, self.language = store, annotator, language
        self.status: str | None = None
        self.search = ""
        self._rows: list[ArticleSummary] = []
        self._row_of: dict[int, int] = {}
        self._exhausted = False
        self.matching = 0  # articles that match the query, fetched or not
        self._marks: dict[str, tuple[str, str]] = {}
        self.reload_themes()
        self.reload()

    # -- what to show ---------------------------------------------------------------------

    def set_query(self, status: str | None, search: str) -> None:
        self.status, self.search = status, search
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._row_of, self._exhausted = [], {}, False
        self._append(self._fetch_page(PAGE_SIZE))
        self.matching = (
            len(self._rows)
            if self._exhausted
            else self.store.count_articles(self.annotator, self.status, self.search)
        )
        self.endResetModel()

    def reload_themes(self, themes: list[Theme] | None = None) -> None:
        themes = themes if themes is not None else self.store.themes(include_retired=True)
        letters = theme_abbreviations(themes, self.language)
        self._marks = {t.key: (letters[t.key], t.color) for t in themes}
        if self._rows:
            self._changed_column(Column.THEMES)

    def set_language(self, language: str) -> None:
        self.language = language
        self.reload_themes()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def _fetch_page(self, limit: int) -> list[ArticleSummary]:
        """The next `limit` rows after those already held."""
        after = self._rows[-1].id if self._rows else None
        page = self.store.list_articles(
            self.annotator, self.status, self.search, limit, after_id=after
        )
        if len(page) < limit:
            self._exhausted = True
        return page

    def _append(self, page: list[ArticleSummary]) -> None:
        for summary in page:
            self._row_of[summary.id] = len(self._rows)
            self._rows.append(summary)

    # -- paging ---------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = NO_PARENT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = NO_PARENT) -> None:
        if parent.isValid() or self._exhausted:
            return
        self._insert(self._fetch_page(PAGE_SIZE))

    def _insert(self, page: list[ArticleSummary]) -> None:
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    def row_of(self, article_id: int, fetch: bool = True) -> int | None:
        """The row of an article, fetching (in one query) the rows up to it if needed."""
        if article_id in self._row_of or not fetch or self._exhausted:
            return self._row_of.get(article_id)
        if self.status is None and not self.search:
            position = self._position_in_unfiltered(article_id)
            if position is not None and position >= len(self._rows):
                self._insert(self._fetch_page(position - len(self._rows) + PAGE_SIZE))
        return self._row_of.get(article_id)

    def _position_in_unfiltered(self, article_id: int) -> int | None:
        ids = self.store.article_ids()  # unfiltered order is import (id) order
        at = bisect.bisect_left(ids, article_id)
        return at if at < len(ids) and ids[at] == article_id else None

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(Column)

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ARTICLE_ID_ROLE:
            return row.id
        if role == THEME_MARKS_ROLE and column is Column.THEMES:
            return [self._marks[k] for k in row.themes if k in self._marks]
        if role == PROGRESS_ROLE and column is Column.PROGRESS:
            return (row.done, row.units)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.PROGRESS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: ArticleSummary, column: Column) -> str:
        if column is Column.TITLE:
            return row.title
        if column is Column.PROGRESS:
            return f"{row.done}/{row.units}"
        if column is Column.THEMES:
            return " ".join(self._marks[k][0] for k in row.themes if k in self._marks)
        if column is Column.DATE:
            return row.date[:10]
        return short_source(row.url or row.source)

    def _tooltip(self, row: ArticleSummary, column: Column) -> str | None:
        if column is Column.THEMES and row.themes:
            names = {t.key: t.name(self.language) for t in self.store.themes(include_retired=True)}
            return (
                "، ".join(names.get(k, k) for k in row.themes)
                if self.language == "ar"
                else ", ".join(names.get(k, k) for k in row.themes)
            )
        if column is Column.PROGRESS:
            return self.tr("Sentences done: {done} of {total}").format(
                done=row.done, total=row.units
            )
        if column is Column.SOURCE:
            return "\n".join(part for part in (row.url, row.source) if part) or None
        return row.title if column is Column.TITLE else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return self._header_titles()[Column(section)]

    def _header_titles(self) -> dict[Column, str]:
        return {
            Column.TITLE: self.tr("Title"),
            Column.PROGRESS: self.tr("Done"),
            Column.THEMES: self.tr("Themes"),
            Column.DATE: self.tr("Date"),
            Column.SOURCE: self.tr("Source"),
        }

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- live updates ---------------------------------------------------------------------

    def update_progress(self, article_id: int, done: int, themes: tuple[str, ...]) -> None:
        """Show the progress of the open article without asking the store again."""
        row = self._row_of.get(article_id)
        if row is None:
            return
        self._rows[row] = dataclasses.replace(self._rows[row], done=done, themes=themes)
        self.dataChanged.emit(self.index(row, Column.PROGRESS), self.index(row, Column.THEMES))

    def _changed_column(self, column: Column) -> None:
        last = len(self._rows) - 1
        self.dataChanged.emit(self.index(0, column), self.index(last, column))
