"""Window actions about projects, imports, themes, language and help (a MainWindow mixin)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.app.paths import PROJECT_SUFFIX
from annotator.app.project import open_project
from annotator.gui.errors import show_storage_error
from annotator.gui.help import ShortcutsDialog, show_about
from annotator.gui.i18n import install_translators
from annotator.gui.import_worker import ImportController, describe_report
from annotator.gui.locale_format import apply_locale
from annotator.gui.menus import LANGUAGE_NAMES
from annotator.gui.theme_editor import ThemeEditor
from annotator.storage.errors import StorageError
from annotator.storage.store import Store


def import_patterns() -> str:
    """'*.csv *.htm …': every suffix the readers know (imported late: 60 ms at start-up)."""
    from annotator.core.readers import SUPPORTED_SUFFIXES

    return " ".join(f"*{suffix}" for suffix in sorted(SUPPORTED_SUFFIXES))


class ProjectActions:
    """Mixed into MainWindow: the things reached from the File, Edit, View and Help menus."""

    # -- projects -------------------------------------------------------------------------

    def on_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open project"),
            str(self.database.parent),
            self.tr("Annotator projects (*{suffix});;All files (*)").format(suffix=PROJECT_SUFFIX),
        )
        if path:
            self.open_project_path(path)

    def on_new_project(self) -> None:
        """An empty project (only the default project gets the sample articles)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New project"),
            str(self.database.parent / f"project{PROJECT_SUFFIX}"),
            self.tr("Annotator projects (*{suffix})").format(suffix=PROJECT_SUFFIX),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.create_project(path if path.endswith(PROJECT_SUFFIX) else path + PROJECT_SUFFIX)

    def create_project(self, path: str) -> bool:
        """Create and show a new empty project; an existing file is never replaced."""
        if Path(path).exists():
            QMessageBox.information(
                self,
                self.tr("New project"),
                self.tr(
                    "{name} already exists. Choose another name for the new project, or open"
                    " this one with File → Open project."
                ).format(name=Path(path).name),
            )
            return False
        return self.open_project_path(path)

    def open_project_path(self, path: str) -> bool:
        try:
            opened = open_project(Path(path), is_default=False)
        except StorageError as error:
            show_storage_error(self, error)
            return False
        old_store, old_path = self.session.store, self.database
        try:
            self.switch_store(opened.store, opened.path)
        except StorageError as error:  # damage met while reading what the window shows
            self.switch_store(old_store, old_path)
            opened.store.close()
            show_storage_error(self, error)
            return False
        if old_store is not opened.store:
            old_store.close()
        return True

    def switch_store(self, store: Store, path: Path) -> None:
        """Show another project: a new session, the same views (the caller closes the old)."""
        self.indexer.stop()
        self.database = Path(path)
        self.use_session(store, self.session.annotator)
        self.settings.add_recent_project(self.database)
        self.menu.set_recent(self.settings.recent_projects, self.open_project_path)
        self.indexer.start(store.path)
        self.status.show_damage("")
        self.integrity.start(store.path)
        self.status.show_message(self.tr("Opened {name}").format(name=self.database.name))

    # -- drag and drop imports ------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        projects = [Path(p) for p in paths if p.endswith(PROJECT_SUFFIX)]
        if projects:  # returned packages: merged, not imported
            self.merge_packages(projects)
        others = [p for p in paths if not p.endswith(PROJECT_SUFFIX)]
        if others:
            self.start_import(others)

    # -- importing ------------------------------------------------------------------------

    def on_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import articles"),
            "",
            self.tr("Articles ({patterns});;All files (*)").format(patterns=import_patterns()),
        )
        if paths:
            self.start_import(paths)

    def on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        if folder:
            self.start_import([folder])

    def on_export_dataset(self) -> None:
        # Imported late: the export pulls in pyarrow only when a lead asks for a dataset.
        from annotator.gui.export_dialog import ExportDialog

        ExportDialog(self.database, self.session.store.annotators.names(), self).exec()

    def start_import(self, paths: list[str]) -> None:
        controller = ImportController(self.database, paths, self)
        controller.done.connect(self._import_done)
        controller.start()

    def _import_done(self, report) -> None:
        self.session.articles_changed()
        self.article_model.reload()
        if self.session.article is None:
            self.session.resume()
        self._refresh_all()
        self.indexer.start(self.database)
        self.suggestions.articles_changed()
        describe_report(self, report)

    # -- themes, language, help -----------------------------------------------------------

    def on_edit_themes(self) -> None:
        editor = ThemeEditor(self.store, self.language, self)
        editor.themes_changed.connect(self.session.reload_themes)
        editor.exec()
        self.focus_reader()

    def set_language(self, language: str) -> None:
        self.language = self.settings.language = language
        install_translators(QApplication.instance(), language)
        self.setLocale(apply_locale(language, self.settings.digits))
        self.menu.retranslate()
        self.article_panel.retranslate()
        self.article_model.set_language(language)
        self.reader.set_language(language)
        self.theme_panel.set_language(language)
        self.retranslate_panes()
        self._refresh_all()
        self.status.show_message(
            self.tr("Interface language: {name}").format(name=LANGUAGE_NAMES[language])
        )

    def on_notes_list(self) -> None:
        """View → Notes: one window, brought to the front if already open."""
        from annotator.gui.notes_view import NotesView

        view = self.notes_view
        if view is None or view.store is not self.session.store:
            view = self.notes_view = NotesView(self.session.store, self.session.annotator, self)
            view.go_to.connect(self.go_to_sentence)
        view.fill_annotators(view.annotator_filter.currentData() or "")
        view.reload()
        view.show()
        view.raise_()

    def go_to_sentence(self, article_id: int, unit_index: int) -> None:
        if article_id != self.session.article_id:
            self.session.open_article(article_id, unit_index)
        else:
            self.session.go_to_unit(unit_index)
        self.activateWindow()
        self.focus_reader()

    def on_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def on_about(self) -> None:
        show_about(self)
