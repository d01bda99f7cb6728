"""Who is labelling: switch annotator, or the package's own name (a MainWindow mixin)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from annotator.app.session import AnnotationSession
from annotator.gui.annotator_dialog import SwitchAnnotatorDialog
from annotator.storage.store import Store


def bound_annotator(store: Store) -> str | None:
    """A package's annotator: its labels are that person's, whoever opens it."""
    return store.project.info().bound_annotator


class AnnotatorActions:
    """Mixed into MainWindow: needs its session, settings, views and _on_session_event."""

    def use_session(self, store: Store, annotator: str) -> None:
        """Label in this store as this annotator (a package's own name wins): same views."""
        annotator = bound_annotator(store) or annotator
        self.session = AnnotationSession(store, annotator)
        self.session.subscribe(self._on_session_event)
        self.follow_suggestions()
        self.article_model.store = store
        self.article_model.listing.annotator = annotator
        self.article_model.reload_themes()
        self.article_model.reload()
        self.reader.set_session(self.session)
        self.theme_panel.set_session(self.session)
        self.set_pane_session()
        self.session.resume()
        self._refresh_all()

    def on_switch_annotator(self) -> None:
        bound = bound_annotator(self.session.store)
        if bound is not None:
            QMessageBox.information(self, self.tr("Switch annotator"), self.package_note(bound))
            return
        names = self.session.store.annotators.names()
        dialog = SwitchAnnotatorDialog(names, self.session.annotator, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.switch_annotator(dialog.chosen())
        self.focus_reader()

    def switch_annotator(self, name: str) -> None:
        if name == self.session.annotator:
            return
        self.settings.annotator = name
        self.use_session(self.session.store, name)
        self.status.show_message(self.tr("Labelling as {name}").format(name=name))

    def package_note(self, name: str) -> str:
        return self.tr(
            "This project is a package for {name}: every label in it is saved under that name."
        ).format(name=name)
