"""The annotation window: article list, reader and theme panel side by side."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFileDialog,
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
from annotator.gui.annotator_actions import bound_annotator
from annotator.gui.article_list import ArticleListPanel
from annotator.gui.article_model import ArticleListModel
from annotator.gui.errors import report_storage_error, reported
from annotator.gui.integrity import IntegrityChecker
from annotator.gui.keyboard import label_command, letter_action
from annotator.gui.locale_format import ARABIC_INDIC, apply_locale
from annotator.gui.menus import MenuBar
from annotator.gui.physical_keys import mnemonic_letter, shortcut_by_position
from annotator.gui.qt_dialogs import left_to_right_paths
from annotator.gui.reader import ReaderView
from annotator.gui.search_indexer import SearchIndexer
from annotator.gui.settings import Settings
from annotator.gui.status_bar import StatusLine
from annotator.gui.team_server import TeamServerSync
from annotator.gui.theme_panel import ThemePanel
from annotator.gui.window_actions import WindowActions, window_handlers
from annotator.gui.window_geometry import restore_layout, save_layout
from annotator.storage.errors import DatabaseCorrupt
from annotator.storage.store import Store


def is_typing_field(widget: QWidget | None) -> bool:
    """Widgets where digits are text being typed, not labels."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit):
        return True
    return isinstance(widget, QTextEdit) and not widget.isReadOnly()


# The actions come before QMainWindow in the bases: a handler a mixin defines (drag and drop)
# must win over Qt's own, which would otherwise hide it.
class MainWindow(WindowActions, QMainWindow):
    """Humble view: every decision is the session's; this window wires and redraws."""

    def __init__(
        self, store: Store, database: Path, annotator: str, settings: Settings, language: str
    ):
        super().__init__()
        self.settings, self.language, self.database = settings, language, Path(database)
        apply_locale(language, settings.digits)  # before any widget: they take the default
        annotator = bound_annotator(store) or annotator  # a package labels as its owner
        self.session = AnnotationSession(store, annotator)
        self.add_appearance()  # before the views: they draw in its colours
        self.article_model = ArticleListModel(store, annotator, language, self)
        self.article_panel = ArticleListPanel(self.article_model, self)
        colors = self.appearance.reader_colors()
        self.reader = ReaderView(self.session, language, settings.font_size, self, colors)
        self.theme_panel = ThemePanel(self.session, language, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.status = StatusLine(self.statusBar())
        self.menu = MenuBar(self, self.menu_handlers())
        self.indexer = SearchIndexer(self)
        self.integrity = IntegrityChecker(self)
        self.notes_view = None  # View → Notes, made when first asked for
        self.add_panes()
        self.team_server = TeamServerSync(self)
        self._lay_out()
        self._connect()
        self.start_suggestions()
        self.setAcceptDrops(True)
        self._restore_layout()
        self.session.subscribe(self._on_session_event)
        self.follow_suggestions()
        self.session.resume()
        self._refresh_all()
        if bound_annotator(store):
            self.status.show_message(self.package_note(annotator))
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
        self.link_focus_chain()  # once the panes have their places: moving them reorders it

    def _connect(self) -> None:
        self.reader.unit_clicked.connect(self.session_go_to_unit)
        self.reader.action_requested.connect(lambda name: self.menu.actions[name].trigger())
        self.article_panel.article_activated.connect(self.open_article)
        self.article_panel.article_browsed.connect(self.browse_article)
        self.article_panel.remove_requested.connect(self.remove_article_asking)
        self.article_panel.query_applied.connect(self.on_query_applied)
        self.theme_panel.leave_requested.connect(self.focus_reader)
        self.integrity.damaged.connect(self.on_damage_found)
        self.menu.set_recent(self.settings.recent_projects, self.open_project_path)

    def _restore_layout(self) -> None:
        restore_layout(self, self.splitter, self.settings)
        self.menu.actions[f"language_{self.language}"].setChecked(True)
        self.menu.actions["arabic_digits"].setChecked(self.settings.digits == ARABIC_INDIC)
        self.show_appearance_choice()

    # -- commands -------------------------------------------------------------------------

    def session_go_to_unit(self, index: int) -> None:
        self.session.go_to_unit(index)

    def open_article(self, article_id: int) -> None:
        if article_id != self.session.article_id:
            self.session.open_article(article_id)
        self.focus_reader()

    def browse_article(self, article_id: int) -> None:
        if article_id != self.session.article_id:
            self.session.open_article(article_id)

    def focus_reader(self) -> None:
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    @reported
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Digit keys label the current unit wherever the focus is, unless text is being typed."""
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            left_to_right_paths(watched)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self or watched is not focus:
            return False
        if self._by_key_position(focus, event):
            return True
        if focus is self.reader:
            return False
        if is_typing_field(focus):
            if event.key() == Qt.Key.Key_Escape:
                self.focus_reader()
                return True
            return False
        found = label_command(event)
        if found is not None:
            perform(self.session, found.command, found.digit)
            return True
        action = letter_action(event)
        if action is not None:
            self.menu.actions[action].trigger()
            return True
        return False

    def _by_key_position(self, focus: QWidget, event: QKeyEvent) -> bool:
        """Ctrl shortcuts and Arabic menu letters by the key pressed, on any layout."""
        letter = mnemonic_letter(event) if self.language == "ar" else None
        if letter is not None and self.menu.open_by_mnemonic(letter):
            return True
        actions = self.menu.actions.values()
        return shortcut_by_position(event, focus, actions, is_typing_field(focus))

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
        elif event.change is Change.NOTE:
            if self.notes_view is not None and self.notes_view.isVisible():
                self.notes_view.reload()
        elif event.change is Change.THEMES:
            self.article_model.reload_themes()
        elif event.change is Change.ARTICLES:
            self.article_model.reload()
            self._refresh_all()
        elif event.change is Change.NOTHING_UNCERTAIN:
            self.nothing_uncertain()
        self._refresh_undo()

    def _refresh_all(self) -> None:
        self.article_panel.show_article(self.session.article_id)
        article = self.session.article
        who = self.session.annotator
        title = f"{article.title} — {who} — {APP_NAME}" if article else f"{who} — {APP_NAME}"
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
        return window_handlers(self)

    # -- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        focus = QApplication.focusWidget()
        if focus is not None:
            focus.clearFocus()  # a note being typed is saved on focus-out
        save_layout(self, self.splitter, self.settings)
        self.settings.sync()
        self.indexer.stop()
        self.suggestions.stop()
        self.integrity.wait()
        self.team_server.stop()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
