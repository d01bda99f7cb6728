"""The note field: a few wrapped lines, wide enough for an Arabic sentence, in its own direction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.gui.direction import direct_option, text_direction

VISIBLE_LINES = 3


class NoteField(QPlainTextEdit):
    """The current unit's note. Enter or Esc saves it and hands the keyboard back to the
    reader; Shift+Enter starts a new line; leaving the field saves it too."""

    leave_requested = Signal()
    finished = Signal()  # the text is ready to be saved

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on; a note never holds a tab
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.textChanged.connect(self._follow_direction)
        self._follow_direction()
        lines = self.fontMetrics().lineSpacing() * VISIBLE_LINES
        margins = self.contentsMargins()
        frame = 2 * self.document().documentMargin() + margins.top() + margins.bottom()
        self.setFixedHeight(int(lines + frame))

    def _follow_direction(self) -> None:
        """The note takes the direction of its first letter, and starts on that side: an
        Arabic note reads from the right in the English interface too."""
        direction = text_direction(self.toPlainText()) if self.toPlainText().strip() else None
        if direction is None:
            direction = self.layoutDirection()
        option = self.document().defaultTextOption()
        if (
            option.textDirection() == direction
            and option.alignment() & Qt.AlignmentFlag.AlignAbsolute
        ):
            return
        direct_option(option, direction)
        self.document().setDefaultTextOption(option)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Escape or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift):
            self.finished.emit()
            self.leave_requested.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.finished.emit()
        super().focusOutEvent(event)
