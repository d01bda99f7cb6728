"""The lead's editor of the project guidelines: plain Markdown text, saved into the project."""

from __future__ import annotations

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.errors import show_storage_error
from annotator.storage.errors import StorageError
from annotator.storage.store import Store


class GuidelinesEditor(QDialog):
    """Plain text (Markdown); each paragraph takes its own direction as it is typed.

    A QTextEdit kept to plain text rather than a QPlainTextEdit: only the rich text layout
    gives each paragraph the direction and side of its own first letter."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("guidelines_editor")
        self.setWindowTitle(self.tr("Project guidelines"))
        self.resize(720, 560)
        hint = QLabel(
            self.tr(
                "Written in Markdown: # a heading, **bold**, *italic*, - a list item, a blank"
                " line between paragraphs. Annotators see it beside the text (F2)."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.text = QTextEdit(self)
        self.text.setObjectName("guidelines_source")
        self.text.setAcceptRichText(False)
        self.text.setTabChangesFocus(True)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.text.setPlainText(store.project.info().guidelines)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self.store.project.set_guidelines(self.text.toPlainText())
        except StorageError as error:  # read-only or damaged project: say so, keep the text
            show_storage_error(self, error)
            return
        self.accept()
