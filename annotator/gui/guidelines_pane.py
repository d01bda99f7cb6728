"""The guidelines pane (F2): what each theme means and the lead's guidelines, beside the text.

The themes chosen for the current sentence are marked in it as the annotator labels. The
guidelines are Markdown stored in the project (store.project); a lead edits them here, while
in a package (scheme locked) they are the lead's and read only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.app.session import AnnotationSession, Change, SessionEvent
from annotator.app.theme_marks import theme_abbreviations
from annotator.gui.guidelines_document import (
    GuidelinesPage,
    PageColors,
    PageWords,
    build_page,
    mark_chosen,
)
from annotator.gui.theme_colors import legible_chip, tint
from annotator.storage.project_info import ProjectInfo

_FOLLOWED = (Change.ARTICLE, Change.CURRENT_UNIT, Change.UNIT_STATE)


class GuidelinesPane(QWidget):
    """The page and, for a lead, an Edit… button; redrawn only while it is shown."""

    edit_requested = Signal()

    def __init__(self, session: AnnotationSession, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.language = session, language
        self.setObjectName("guidelines_pane")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("edit_guidelines")
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.locked_note = QLabel(self)
        self.locked_note.setObjectName("guidelines_locked")
        self.locked_note.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guidelines_text")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setUndoRedoEnabled(False)
        self.page = GuidelinesPage()
        self._stale = True  # the page is rebuilt when next shown
        self._lay_out()
        session.subscribe(self._on_session_event)
        self.retranslate()

    def _lay_out(self) -> None:
        header = QHBoxLayout()  # the dock's title names the pane
        header.addStretch(1)
        header.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.browser, 1)

    # -- what it shows --------------------------------------------------------------------

    def info(self) -> ProjectInfo:
        return self.session.store.project.info()

    def set_session(self, session: AnnotationSession) -> None:
        self.session = session
        session.subscribe(self._on_session_event)
        self.refresh()

    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("Edit…"))
        self.locked_note.setText(
            self.tr("These guidelines come from your lead: they cannot be changed here.")
        )
        self.setAccessibleName(self.tr("Guidelines"))
        self.setAccessibleDescription(self.tr("Shown and hidden with F2"))
        self.browser.setAccessibleName(self.tr("Guidelines"))
        self.browser.setAccessibleDescription(
            self.tr("What each theme means, then the project's guidelines")
        )
        self.edit_button.setAccessibleName(self.tr("Edit the guidelines"))
        self.locked_note.setAccessibleDescription(self.tr("Why the guidelines cannot be edited"))
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the page now if it is shown, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self._rebuild()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._rebuild()

    def _rebuild(self) -> None:
        self._stale = False
        info = self.info()
        locked = info.scheme_locked
        self.edit_button.setEnabled(not locked)
        self.edit_button.setToolTip(
            self.locked_note.text() if locked else self.tr("Write the project's guidelines")
        )
        self.locked_note.setVisible(locked)
        themes = self.session.themes
        words = PageWords(
            self.tr("Themes"),
            self.tr("Project guidelines"),
            self.tr("No guidelines have been written for this project yet."),
            self.tr("key {digit}"),
        )
        abbreviations = theme_abbreviations(themes, self.language)
        scroll = self.browser.verticalScrollBar().value()
        colors = self.colors()
        self.page = build_page(
            self.browser.document(), themes, abbreviations, self.language, info.guidelines,
            words, colors,
        )  # fmt: skip
        self.browser.verticalScrollBar().setValue(scroll)
        self._mark_chosen(colors)

    def colors(self) -> PageColors:
        palette = QGuiApplication.palette()  # the widget's own follows a moment later
        page, ink = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        themes = self.session.themes
        return PageColors(
            chips={t.key: legible_chip(t.color, page.name()) for t in themes},
            tints={t.key: tint(t.color, page, ink, share=0.22) for t in themes},
            muted=palette.color(QPalette.ColorRole.PlaceholderText),
        )

    def _mark_chosen(self, colors: PageColors | None = None) -> None:
        chosen = set(self.session.current_state().themes)
        mark_chosen(self.browser.document(), self.page, chosen, colors or self.colors())

    def chosen_themes(self) -> list[str]:
        """Keys of the themes marked as chosen, in the page's order."""
        return [key for key, entry in self.page.entries.items() if entry.chosen]

    # -- following the session ------------------------------------------------------------

    def _on_session_event(self, event: SessionEvent) -> None:
        if event.change is Change.THEMES:
            self.refresh()
        elif event.change in _FOLLOWED and self.isVisible() and not self._stale:
            self._mark_chosen()

    def focus_page(self) -> None:
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
