"""The annotation window: article list, reader and theme panel side by side."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QWidget,
)

from annotator import APP_NAME
from annotator.app.commands import perform
from annotator.app.session import AnnotationSession, Change, SessionEvent
from annotator.gui.article_list import ArticleListPanel
from annotator.gui.article_model import ArticleListModel
from annotator.gui.article_removal import RemovalActions
from annotator.gui.errors import report_storage_error, reported
from annotator.gui.integrity import IntegrityChecker
from annotator.gui.keyboard import label_command
from annotator.gui.menus import MenuBar
from annotator.gui.project_actions import ProjectActions
from annotator.gui.reader import ReaderView
from annotator.gui.search_indexer import SearchIndexer
from annotator.gui.settings import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings
from annotator.gui.status_bar import StatusLine
from annotator.gui.team_server import TeamServerSync
from annotator.gui.theme_panel import ThemePanel
from annotator.storage.errors import DatabaseCorrupt
from annotator.storage.store import Store


def is_typing_field(widget: QWidget | None) -> bool:
    """Widgets where digits are text being typed, not labels."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit):
        return True
    return isinstance(widget, QTextEdit) and not widget.isReadOnly()


class MainWindow(QMainWindow, ProjectActions, RemovalActions):
    """Humble view: every decision is the session's; this window wires and redraws."""

    def __init__(
        self, store: Store, database: Path, annotator: str, settings: Settings, language: str
    ):
        super().__init__()
        self.settings, self.language, self.database = settings, language, Path(database)
        self.session = AnnotationSession(store, annotator)
        self.article_model = ArticleListModel(store, annotator, language, self)
        self.article_panel = ArticleListPanel(self.article_model, self)
        self.reader = ReaderView(self.session, language, settings.font_size, self)
        self.theme_panel = ThemePanel(self.session, language, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.status = StatusLine(self.statusBar())
        self.menu = MenuBar(self, self.menu_handlers())
        self.indexer = SearchIndexer(self)
        self.integrity = IntegrityChecker(self)
        self.team_server = TeamServerSync(self)
        self._lay_out()
        self._connect()
        self.setAcceptDrops(True)
        self._restore_layout()
        self.session.subscribe(self._on_session_event)
        self.session.resume()
        self._refresh_all()
        self.indexer.start(store.path)
        self.integrity.start(store.path)
        QApplication.instance().installEventFilter(self)
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)  # keys label from the first press

    @property
    def store(self) -> Store:
        return self.session.store

    def _lay_out(self) -> None:
        self.setObjectName("main_window")
        for pane in (self.article_panel, self.reader, self.theme_panel):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.resize(1400, 860)
        self.splitter.setSizes([540, 680, 240])

    def _connect(self) -> None:
        self.reader.unit_clicked.connect(self.session_go_to_unit)
        self.article_panel.article_activated.connect(self.open_article)
        self.article_panel.remove_requested.connect(self.remove_article_asking)
        self.article_panel.search_box.returnPressed.connect(self.article_panel.table.setFocus)
        self.theme_panel.leave_requested.connect(self.focus_reader)
        self.integrity.damaged.connect(self.on_damage_found)
        self.menu.set_recent(self.settings.recent_projects, self.open_project_path)

    def _restore_layout(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.menu.actions[f"language_{self.language}"].setChecked(True)

    # -- commands -------------------------------------------------------------------------

    def session_go_to_unit(self, index: int) -> None:
        self.session.go_to_unit(index)

    def open_article(self, article_id: int) -> None:
        if article_id != self.session.article_id:
            self.session.open_article(article_id)
        self.focus_reader()

    def focus_reader(self) -> None:
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    @reported
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Digit keys label the current unit wherever the focus is, unless text is being typed."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if (
            focus is None
            or focus is self.reader
            or focus.window() is not self
            or watched is not focus
        ):
            return False
        if is_typing_field(focus):
            if event.key() == Qt.Key.Key_Escape:
                self.focus_reader()
                return True
            return False
        found = label_command(event)
        if found is None:
            return False
        perform(self.session, found.command, found.digit)
        return True

    def on_damage_found(self, path: str, error: DatabaseCorrupt) -> None:
        """The background check found damage: stop writing to the file and say what to do."""
        if Path(path) != self.database:
            return  # a project this window has left meanwhile
        self.store.damage_found(error)
        self.status.show_damage(self.tr("Damaged project: changes are not saved"))
        report_storage_error(self, error)

    # -- following the session ------------------------------------------------------------

    def _on_session_event(self, event: SessionEvent) -> None:
        self.indexer.user_active()
        if event.change is Change.ARTICLE:
            self._refresh_all()
        elif event.change is Change.UNIT_STATE:
            done, _total = self.session.progress()
            self.article_model.update_progress(
                self.session.article_id, done, self.session.themes_used()
            )
            self._refresh_status()
        elif event.change is Change.END_OF_ARTICLE:
            self.status.show_message(
                self.tr("Last sentence of this article. Press ↓ again to open the next article.")
            )
        elif event.change is Change.THEMES:
            self.article_model.reload_themes()
        elif event.change is Change.ARTICLES:
            self.article_model.reload()
            self._refresh_all()
        self._refresh_undo()

    def _refresh_all(self) -> None:
        self.article_panel.show_article(self.session.article_id)
        article = self.session.article
        title = f"{article.title} — {APP_NAME}" if article else APP_NAME
        self.setWindowTitle(title)
        self._refresh_status()
        self._refresh_undo()

    def _refresh_status(self) -> None:
        self.status.update(self.session, self.database)

    def _refresh_undo(self) -> None:
        self.menu.actions["undo"].setEnabled(self.session.can_undo())
        self.menu.actions["redo"].setEnabled(self.session.can_redo())

    # -- menu handlers --------------------------------------------------------------------

    def menu_handlers(self) -> dict[str, Callable[[], None]]:
        """Each menu action's handler, by the action's name in gui/menus.py."""
        return {
            "open_project": self.on_open_project,
            "new_project": self.on_new_project,
            "import_files": self.on_import_files,
            "import_folder": self.on_import_folder,
            "export_dataset": self.on_export_dataset,
            "quit": self.close,
            "undo": self.on_undo,
            "redo": self.on_redo,
            "find": self.article_panel.focus_search,
            "remove_article": self.on_remove_article,
            "edit_themes": self.on_edit_themes,
            "connect_team_server": lambda: self.team_server.connect_dialog(),
            "font_bigger": lambda: self.set_font_size(self.settings.font_size + 1),
            "font_smaller": lambda: self.set_font_size(self.settings.font_size - 1),
            "font_reset": lambda: self.set_font_size(DEFAULT_FONT_SIZE),
            "back_to_text": self.focus_reader,
            "language_ar": lambda: self.set_language("ar"),
            "language_en": lambda: self.set_language("en"),
            "shortcuts": self.on_shortcuts,
            "about": self.on_about,
        }

    def on_undo(self) -> None:
        if self.session.undo() is None:
            self.status.show_message(self.tr("Nothing to undo"))

    def on_redo(self) -> None:
        if self.session.redo() is None:
            self.status.show_message(self.tr("Nothing to redo"))

    def set_font_size(self, points: int) -> None:
        points = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, points))
        self.settings.font_size = points
        self.reader.set_font_size(points)
        self.status.show_message(self.tr("Text size {points} pt").format(points=points))

    # -- drag and drop imports ------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # -- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        focus = QApplication.focusWidget()
        if focus is not None:
            focus.clearFocus()  # a note being typed is saved on focus-out
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("splitter", self.splitter.saveState())
        self.settings.sync()
        self.indexer.stop()
        self.integrity.wait()
        self.team_server.stop()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
