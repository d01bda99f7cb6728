"""Screen readers: what is said when the current sentence or its themes change.

The reader's accessible description always holds the current sentence in words (its place,
status, themes and text), so a screen reader can read it again at any time; every change is
also announced (QAccessibleAnnouncementEvent, Qt 6.8+: AT-SPI, UI Automation and NSAccessibility
speak it without moving the focus). Moving to another sentence interrupts what was being said;
a theme change waits its turn.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from annotator.app.session import AnnotationSession, Change, SessionEvent
from annotator.gui.unit_summary import describe_unit, theme_names

Politeness = QAccessible.AnnouncementPoliteness
_MOVES = (Change.ARTICLE, Change.CURRENT_UNIT)


class Announcer(QObject):
    """Follows a session and speaks for the reader."""

    def __init__(self, session: AnnotationSession, reader: QWidget, language: str):
        super().__init__(reader)
        self.reader, self.language = reader, language
        self.last_announcement = ""
        self.set_session(session)

    def set_session(self, session: AnnotationSession) -> None:
        self.session = session
        session.subscribe(self._on_session_event)
        self._describe()

    def set_language(self, language: str) -> None:
        self.language = language
        self._describe()

    def _on_session_event(self, event: SessionEvent) -> None:
        if event.change in _MOVES:
            self.announce(self._describe(), Politeness.Assertive)
        elif event.change is Change.UNIT_STATE and event.unit_index == self.session.index:
            self._describe()
            self.announce(self.themes_and_status(), Politeness.Polite)

    def themes_and_status(self) -> str:
        """'Sentence 3 of 12 — done. Themes: Military, Economic.'"""
        summary = describe_unit(self.session)
        names = theme_names(self.session, self.language)
        if not names:
            return f"{summary}."
        comma = "، " if self.language == "ar" else ", "
        return f"{summary}. " + self.tr("Themes: {names}.").format(names=comma.join(names))

    def _describe(self) -> str:
        """The reader's description: the current sentence, its status, themes and text."""
        unit = self.session.current_unit
        text = self.themes_and_status()
        if unit is not None:
            text += f" {unit.text}"
        self.reader.setAccessibleDescription(text)
        return text

    def announce(self, text: str, politeness: QAccessible.AnnouncementPoliteness) -> None:
        event = QAccessibleAnnouncementEvent(self.reader, text)
        event.setPoliteness(politeness)
        QAccessible.updateAccessibility(event)
        self.last_announcement = text
