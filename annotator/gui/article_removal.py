"""Removing an article from the window: Edit → Remove article…, or the article list's
context menu; always confirmed, undone with Ctrl+Z (a MainWindow mixin)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from annotator.gui.errors import show_storage_error, widen
from annotator.storage.errors import StorageError
from annotator.storage.removal import RemovedArticle

LRI, PDI = "\u2066", "\u2069"


class RemovalActions:
    """Mixed into MainWindow: needs its session, article panel and status line."""

    def on_remove_article(self) -> None:
        """The article selected in the list, else the one open in the reader."""
        article_id = self.article_panel.selected_article_id() or self.session.article_id
        if article_id is None:
            self.status.show_message(self.tr("No article to remove"))
            return
        self.remove_article_asking(article_id)

    def remove_article_asking(self, article_id: int) -> bool:
        """Say what would be removed, and remove it only if the person confirms."""
        preview = self.store.removal.preview(article_id)
        if preview is None or not self.confirm_removal(preview):
            return False
        try:
            removed = self.session.remove_article(article_id)
        except StorageError as error:
            show_storage_error(self, error)
            return False
        self.status.show_message(
            self.tr("Removed “{title}”. Undo (Ctrl+Z) puts it back.").format(title=removed.title)
        )
        self.focus_reader()  # keys label (and Ctrl+Z undoes) at once
        return True

    def confirm_removal(self, preview: RemovedArticle) -> bool:
        return self._removal_box(preview).exec() == QMessageBox.StandardButton.Yes

    def _removal_box(self, preview: RemovedArticle) -> QMessageBox:
        """A question whose safe answer (Cancel) is the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove article"), "", parent=self)
        box.setObjectName("remove_article_box")
        box.setText(self.tr("Remove “{title}” from the project?").format(title=preview.title))
        if preview.annotators:
            names = ", ".join(f"{LRI}{name}{PDI}" for name in preview.annotators)
            detail = self.tr(
                "It is removed for everyone, with its sentences ({units}) and the labels ({labels})"
                " that {names} gave them. The project's event log keeps all of it."
            ).format(units=preview.units, labels=preview.labels, names=names)
        else:
            detail = self.tr(
                "It is removed for everyone, with its sentences ({units}); no one has labelled it yet."
            ).format(units=preview.units)
        box.setInformativeText(detail + "\n" + self.tr("Undo (Ctrl+Z) puts it back."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return widen(box)
