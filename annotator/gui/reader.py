"""The reader: the open article as flowing right-to-left paragraphs, current unit highlighted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from annotator.app.commands import perform
from annotator.app.session import AnnotationSession, Change, SessionEvent
from annotator.app.theme_marks import theme_abbreviations
from annotator.gui.appearance import LIGHT_READER, ReaderColors
from annotator.gui.errors import reported
from annotator.gui.fonts import reader_font
from annotator.gui.keyboard import command_for_event, letter_action
from annotator.gui.reader_document import MarkStyle, ReaderDocument
from annotator.gui.search_hits import SearchHits

PAGE_MARGIN = 28


class ReaderView(QTextBrowser):
    """Read-only page; key presses become labelling commands, clicks choose the current unit."""

    unit_clicked = Signal(int)
    action_requested = Signal(str)  # a window action by a letter of another layout (ى: note)

    def __init__(
        self,
        session: AnnotationSession,
        language: str,
        font_size: int,
        parent: QWidget | None = None,
        colors: ReaderColors = LIGHT_READER,
    ):
        super().__init__(parent)
        self.session = session
        self.language = language
        self.colors = colors
        self.page = ReaderDocument(self.document())
        self.hits = SearchHits()  # the article search's words, highlighted (F3 moves)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.document().setDocumentMargin(PAGE_MARGIN)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self._paint_page()
        self.name_for_screen_readers()
        self.set_font_size(font_size)
        session.subscribe(self._on_session_event)

    # -- building -------------------------------------------------------------------------

    def set_font_size(self, points: int) -> None:
        self.document().setDefaultFont(reader_font(points))
        self._points = points
        self.rebuild()

    def set_colors(self, colors: ReaderColors) -> None:
        """Light, dark or high-contrast page (gui/appearance.py): marks are drawn anew."""
        self.colors = colors
        self._paint_page()
        self.rebuild()

    def _paint_page(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, self.colors.page)
        palette.setColor(QPalette.ColorRole.Text, self.colors.text)
        self.setPalette(palette)

    def set_language(self, language: str) -> None:
        self.language = language
        self.name_for_screen_readers()
        self.rebuild()

    def name_for_screen_readers(self) -> None:
        """Its name and keys; its description is the current sentence (gui/accessibility.py)."""
        self.setAccessibleName(self.tr("Article text"))
        self.setWhatsThis(
            self.tr(
                "The article, the current sentence highlighted. 1 to 9 toggle its themes, 0"
                " marks it done with none, Space marks it done and moves on, S skips it, Up"
                " and Down move, Tab goes to the next sentence not done, F6 to the theme panel."
            )
        )

    def set_session(self, session: AnnotationSession) -> None:
        self.session = session
        session.subscribe(self._on_session_event)
        self.rebuild()

    def rebuild(self) -> None:
        s = self.session
        themes = s.all_themes
        letters = theme_abbreviations(themes, self.language)
        style = MarkStyle.for_themes(
            themes, letters, self.colors.page.name(), self.colors.muted.name()
        )
        spacing, suggested = self._points * 0.9, s.suggestions.chips_by_unit()
        self.page.build(s.article, s.units, s.states, style, spacing, s.notes, suggested)
        self._highlight(scroll=True)

    def _on_session_event(self, event: SessionEvent) -> None:
        if event.change in (Change.ARTICLE, Change.THEMES):
            self.rebuild()
        elif event.change is Change.CURRENT_UNIT:
            self._highlight(scroll=True)
        elif event.change in (Change.UNIT_STATE, Change.NOTE) and event.unit_index is not None:
            self._redraw_marks(event.unit_index)
            self._highlight(scroll=False)
        elif event.change is Change.SUGGESTIONS:
            for index in range(len(self.page.spans)):
                self._redraw_marks(index)
            self._highlight(scroll=False)

    def _redraw_marks(self, index: int) -> None:
        """One unit's labels, note and (while it is not done) suggestion drawn again."""
        s = self.session
        unit = s.units[index]
        chips = s.suggestions.chips(unit)
        self.page.set_marks(index, s.state_of(unit), unit.kind, s.note_of(unit.id), chips)

    # -- the current unit -----------------------------------------------------------------

    def refresh_highlight(self, scroll: bool = False) -> None:
        self._highlight(scroll)

    def _highlight(self, scroll: bool) -> None:
        spans, index = self.page.spans, self.session.index
        if not spans or index >= len(spans):
            self.setExtraSelections([])
            return
        span = spans[index]
        current = self._selection(span.start, span.end, self.colors.current)
        current.format.setForeground(self.colors.current_text)
        self.setExtraSelections([current, *self._hit_selections()])
        # The widget's own cursor follows the current unit: building the page would otherwise
        # leave it at the end, and Qt scrolls to it whenever the window is resized or shown.
        caret = QTextCursor(self.document())
        caret.setPosition(span.start)
        self.setTextCursor(caret)
        if scroll:
            self.scroll_to_unit(index)

    def _selection(self, start: int, end: int, background) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document())
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.format = QTextCharFormat()
        selection.format.setBackground(background)
        return selection

    def _hit_selections(self) -> list[QTextEdit.ExtraSelection]:
        """The search's words, over the current sentence's highlight; F3's one stronger."""
        if not self.hits.words:
            return []
        spans, found = self.page.spans, []
        for hit in self.hits.of(self.session):
            start = spans[hit.unit].start
            strong = hit == self.hits.current
            colour = self.colors.current_hit if strong else self.colors.hit
            selection = self._selection(start + hit.start, start + hit.end, colour)
            selection.format.setForeground(self.colors.hit_text)
            found.append(selection)
        return found

    def scroll_to_unit(self, index: int) -> None:
        """Keep the whole unit in view; when it must move, bring it to a third of the height."""
        span = self.page.spans[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        top = self.cursorRect(cursor).top()
        cursor.setPosition(span.end)
        bottom = self.cursorRect(cursor).bottom()
        height = self.viewport().height()
        bar = self.verticalScrollBar()
        if index == 0:
            bar.setValue(0)
        elif top < 0 or bottom > height:
            bar.setValue(bar.value() + top - height // 3)

    # -- input ----------------------------------------------------------------------------

    @reported
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Key map, then session: the session commits and tells every view what changed."""
        found = command_for_event(event)
        if found is None:
            action = letter_action(event)
            if action is not None:
                self.action_requested.emit(action)
                return
            super().keyPressEvent(event)
            return
        event.accept()
        perform(self.session, found.command, found.digit)

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's names
        return False  # Tab and Shift+Tab move between unfinished units here, not between widgets

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.tooltip_at(event.pos()), self.viewport())
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """A sentence's note (and its themes) when the pointer rests on it; "" for none."""
        index = self.page.unit_at(self.cursorForPosition(point).position())
        if index is None:
            return ""
        unit = self.session.units[index]
        names = {t.key: t.name(self.language) for t in self.session.all_themes}
        themes = [names.get(k, k) for k in self.session.state_of(unit).themes]
        note = self.session.note_of(unit.id)
        comma = "، " if self.language == "ar" else ", "
        lines = [comma.join(themes)] if themes else []
        if note:
            lines.append(self.tr("Note: {note}").format(note=note))
        return "\n".join(lines)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            position = self.cursorForPosition(event.position().toPoint()).position()
            index = self.page.unit_at(position)
            if index is not None:
                self.unit_clicked.emit(index)
