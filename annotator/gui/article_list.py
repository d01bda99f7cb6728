"""The article list panel: search box, status filter and the virtualised table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.article_columns import ColumnFitter
from annotator.gui.article_delegate import ArticleRowDelegate
from annotator.gui.article_model import ARTICLE_ID_ROLE, ArticleListModel, Column
from annotator.gui.locale_format import digits
from annotator.storage.search import has_words

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the store


class ArticleTable(QTableView):
    """The table (digit keys label the reader's sentence: the window's event filter).

    Its highlight is always the article the reader shows: moving through it with the keys
    opens the article reached (moved_to), and Tab leaves it instead of walking its cells.
    """

    moved_to = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def keyboardSearch(self, search: str) -> None:
        """Type-to-find jumps would fight with digit labelling; the search box does finding."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.currentIndex().row()
        super().keyPressEvent(event)
        current = self.currentIndex()
        if current.isValid() and current.row() != before:
            self.moved_to.emit(current)


class ArticleListPanel(QWidget):
    """Filter and search over the project's articles; activating a row opens it."""

    article_activated = Signal(int)  # open it and return to the text
    article_browsed = Signal(int)  # open it, the keyboard staying in the list
    remove_requested = Signal(int)  # from the row's context menu; the window confirms
    query_applied = Signal(str)  # the search now listed (its words are highlighted in the text)
    order_requested = Signal(object)  # None (import order) or "uncertainty"

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("article_search")
        self.search_box.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.order_box = QComboBox(self)
        self.order_box.setObjectName("article_order")
        self.table = ArticleTable(self)
        self.table.setObjectName("article_table")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("article_count")
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._shown_id: int | None = None  # the reader's article: the only one highlighted
        self._lay_out()
        self._configure_table()
        self.retranslate()
        self._connect()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.order_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)

    def _configure_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setItemDelegate(ArticleRowDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        # The start of a headline says most; Qt puts the ellipsis at the logical end in Arabic too.
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = table.verticalHeader()
        rows.setVisible(False)
        # Fixed heights: the view never measures rows, so 100,000 of them cost nothing.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(table.fontMetrics().height() * 1.9))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.columns = ColumnFitter(table)  # on a narrow pane, source and date give way
        # Right-click the header to hide or show columns (on a narrow pane titles need room).
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._row_menu)

    def _column_menu(self, position) -> None:
        header, model = self.table.horizontalHeader(), self.table.model()
        menu = QMenu(self)
        for column in Column:
            if column is Column.TITLE:
                continue
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.columns.choose(c, shown))
        menu.exec(header.mapToGlobal(position))

    def row_menu(self, article_id: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("article_row_menu")
        menu.addAction(self.tr("Open"), lambda: self.article_activated.emit(article_id))
        menu.addAction(self.tr("Remove article…"), lambda: self.remove_requested.emit(article_id))
        return menu

    def _row_menu(self, position) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            menu = self.row_menu(index.data(ARTICLE_ID_ROLE))
            menu.exec(self.table.viewport().mapToGlobal(position))

    def selected_article_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ARTICLE_ID_ROLE) if rows else None

    def _connect(self) -> None:
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._open_first_match)
        self._search_timer.timeout.connect(self._apply_query)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_query())
        self.order_box.currentIndexChanged.connect(
            lambda _i: self.order_requested.emit(self.order())
        )
        self.table.activated.connect(self._activate)
        self.table.clicked.connect(self._activate)
        self.table.moved_to.connect(lambda i: self.article_browsed.emit(i.data(ARTICLE_ID_ROLE)))
        self.model.modelReset.connect(self._show_count)
        self.model.modelReset.connect(lambda: self.show_article(self._shown_id))

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Search articles (Ctrl+F)"))
        self.search_box.setToolTip(
            self.tr("Finds spelling variants: الاعمار finds الإعمار and والإعمار")
        )
        current = self.status_filter.currentIndex()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        for label, status in (
            (self.tr("All"), None),
            (self.tr("Not started"), "not_started"),
            (self.tr("In progress"), "in_progress"),
            (self.tr("Done"), "done"),
        ):
            self.status_filter.addItem(label, status)
        self.status_filter.setCurrentIndex(max(0, current))
        self.status_filter.blockSignals(False)
        self.status_filter.setToolTip(
            self.tr("Show only the articles you have not started, are working on, or have finished")
        )
        self._translate_order_box()
        self._name_for_screen_readers()
        self._show_count()

    def _translate_order_box(self) -> None:
        order = self.order_box.currentIndex()
        self.order_box.blockSignals(True)
        self.order_box.clear()
        self.order_box.addItem(self.tr("Import order"), None)
        self.order_box.addItem(self.tr("Most uncertain first"), "uncertainty")
        self.order_box.setCurrentIndex(max(0, order))
        self.order_box.blockSignals(False)
        self.order_box.setToolTip(
            self.tr("Most uncertain first: articles whose suggestions are least sure come first")
        )

    def _name_for_screen_readers(self) -> None:
        self.setAccessibleName(self.tr("Article list"))
        self.setAccessibleDescription(self.tr("Search, filter and choose the article to read"))
        self.search_box.setAccessibleName(self.tr("Search articles"))
        self.status_filter.setAccessibleName(self.tr("Show articles"))
        self.order_box.setAccessibleName(self.tr("Order of the articles"))
        self.order_box.setAccessibleDescription(self.order_box.toolTip())
        self.table.setAccessibleName(self.tr("Articles"))
        self.table.setAccessibleDescription(
            self.tr(
                "Up and Down open the article they reach, Enter returns to the text,"
                " Tab moves on to the theme panel"
            )
        )
        self.count_label.setAccessibleDescription(self.tr("How many articles are listed"))

    def order(self) -> str | None:
        return self.order_box.currentData()

    def _show_count(self) -> None:
        count = self.model.matching
        listing = self.model.listing
        filtered = listing.status is not None or bool(listing.search)
        text = (
            self.tr("%n article(s) match", "", count)
            if filtered
            else self.tr("%n article(s) in the project", "", count)
        )
        if listing.search and not has_words(listing.search):
            text = self.tr("Nothing to search for: type letters or digits")
        self.count_label.setText(digits(text))

    def _apply_query(self) -> None:
        self._search_timer.stop()
        # The first search may have to finish the search index: show that it is working.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.model.set_query(self.status_filter.currentData(), self.search_box.text().strip())
        finally:
            QApplication.restoreOverrideCursor()
        self.query_applied.emit(self.model.listing.search)

    def _open_first_match(self) -> None:
        """Enter in the search box: search now, then open the first article found."""
        self._apply_query()
        if self.model.rowCount():
            self._activate(self.model.index(0, 0))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_activated.emit(index.data(ARTICLE_ID_ROLE))

    def show_article(self, article_id: int | None) -> None:
        """Select the open article's row (without opening it again) and scroll to it."""
        self._shown_id = article_id
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()
