"""The article list as a Qt table model over the plain ArticleListing (app/article_listing.py).

Qt asks for more rows as the view scrolls (canFetchMore/fetchMore); the listing fetches them
from the store by key. This class only adapts rows to Qt's roles and signals.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.app.article_listing import ArticleListing
from annotator.app.theme_marks import theme_abbreviations
from annotator.core.scheme import Theme
from annotator.gui.locale_format import long_date, number
from annotator.storage.rows import ArticleSummary
from annotator.storage.store import Store

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
        self.listing = ArticleListing(store, annotator)
        self.language = language
        self._marks: dict[str, tuple[str, str]] = {}
        self._names: dict[str, str] = {}  # theme key -> name in the interface language
        self._themes: list[Theme] = []
        self.reload_themes()
        self.reload()

    @property
    def store(self) -> Store:
        return self.listing.store

    @store.setter
    def store(self, store: Store) -> None:
        self.listing.store = store

    @property
    def matching(self) -> int:
        return self.listing.matching

    # -- what to show ---------------------------------------------------------------------

    def set_query(self, status: str | None, search: str) -> None:
        self.listing.set_query(status, search)
        self.reload()

    def set_order(self, ids: list[int] | None) -> None:
        """List the articles in this order (None: import order)."""
        self.listing.set_order(ids)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.listing.reload()
        self.endResetModel()

    def reload_themes(self, themes: list[Theme] | None = None) -> None:
        self._themes = (
            themes if themes is not None else self.store.themes.list(include_retired=True)
        )
        letters = theme_abbreviations(self._themes, self.language)
        self._marks = {t.key: (letters[t.key], t.color) for t in self._themes}
        self._names = {t.key: t.name(self.language) for t in self._themes}
        if self.listing.rows:
            self._changed_column(Column.THEMES)

    def set_language(self, language: str) -> None:
        self.language = language
        self.reload_themes(self._themes)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    # -- paging ---------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = NO_PARENT) -> bool:
        return not parent.isValid() and not self.listing.exhausted

    def fetchMore(self, parent: AnyIndex = NO_PARENT) -> None:
        if not parent.isValid():
            self._insert_page()

    def _insert_page(self, size: int | None = None) -> None:
        first = len(self.listing.rows)
        page = self.listing.next_page(size)
        if page:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.listing.hold(page)
            self.endInsertRows()

    def row_of(self, article_id: int, fetch: bool = True) -> int | None:
        """The row of an article, fetching (in one query) the rows up to it if needed."""
        missing = self.listing.rows_needed_for(article_id) if fetch else 0
        if missing:
            self._insert_page(missing + self.listing.page_size)
        return self.listing.row_of(article_id)

    def listed_neighbour(self, article_id: int | None, step: int) -> int | None:
        """The listed article after (1) or before (-1) this one, round the list's end
        (rows are in id order); rows are fetched as needed. None: the list is empty."""
        rows = self.listing.rows
        if step > 0:
            while self.canFetchMore() and (not rows or rows[-1].id <= (article_id or 0)):
                self.fetchMore()
            later = [r.id for r in rows if article_id is None or r.id > article_id]
            return later[0] if later else (rows[0].id if rows else None)
        while self.canFetchMore():  # the last row, or the one before, may not be held yet
            self.fetchMore()
        earlier = [r.id for r in rows if article_id is None or r.id < article_id]
        return earlier[-1] if earlier else (rows[-1].id if rows else None)

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.listing.rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(Column)

    def summary(self, row: int) -> ArticleSummary:
        return self.listing.rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        rows = self.listing.rows
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        row, column = rows[index.row()], Column(index.column())
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
            return f"{number(row.done)}/{number(row.units)}"
        if column is Column.THEMES:
            return " ".join(self._marks[k][0] for k in row.themes if k in self._marks)
        if column is Column.DATE:
            return row.date[:10]
        return short_source(row.url or row.source)

    def _tooltip(self, row: ArticleSummary, column: Column) -> str | None:
        if column is Column.THEMES and row.themes:
            comma = "، " if self.language == "ar" else ", "
            return comma.join(self._names.get(k, k) for k in row.themes)
        if column is Column.PROGRESS:
            return self.tr("Sentences done: {done} of {total}").format(
                done=number(row.done), total=number(row.units)
            )
        if column is Column.DATE:
            return long_date(row.date) if row.date else None
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
        row = self.listing.update_progress(article_id, done, themes)
        if row is not None:
            self.dataChanged.emit(self.index(row, Column.PROGRESS), self.index(row, Column.THEMES))

    def _changed_column(self, column: Column) -> None:
        last = len(self.listing.rows) - 1
        self.dataChanged.emit(self.index(0, column), self.index(last, column))
