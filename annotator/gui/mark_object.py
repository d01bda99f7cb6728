"""Theme marks drawn as small rounded chips inside the reader's text (Qt inline objects).

A text run's background always fills the whole line box (tall in Naskh), so a chip is drawn
as an inline object instead: one U+FFFC character per mark in the document, its letters and
colour kept in the character format. It is a separate character, so no word is split.
A suggested theme (not a label until accepted) is the same chip outlined, not filled.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from annotator.gui.theme_colors import readable_on

MARK_OBJECT_TYPE = QTextFormat.ObjectTypes.UserObject + 1
LETTERS_PROPERTY = QTextFormat.Property.UserProperty + 1
COLOR_PROPERTY = QTextFormat.Property.UserProperty + 2
SUGGESTED_PROPERTY = QTextFormat.Property.UserProperty + 3
MARK_FAMILIES = ["DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", "sans-serif"]
OBJECT_CHARACTER = "\ufffc"


def mark_format(letters: str, color: str, suggested: bool = False) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setObjectType(MARK_OBJECT_TYPE)
    char_format.setProperty(LETTERS_PROPERTY, letters)
    char_format.setProperty(COLOR_PROPERTY, color)
    char_format.setProperty(SUGGESTED_PROPERTY, suggested)
    char_format.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    char_format.setToolTip(letters)
    return char_format


class MarkObject(QPyTextObject):
    """Sizes and paints the chips; registered once per reader document."""

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.document = document

    def _font(self) -> QFont:
        font = QFont()
        font.setFamilies(MARK_FAMILIES)
        font.setBold(True)
        font.setPointSizeF(max(7.0, self.document.defaultFont().pointSizeF() * 0.62))
        return font

    def intrinsicSize(self, doc: QTextDocument, position: int, char_format: QTextFormat) -> QSizeF:
        metrics = QFontMetricsF(self._font())
        letters = str(char_format.property(LETTERS_PROPERTY) or "")
        return QSizeF(
            metrics.horizontalAdvance(letters) + metrics.height() * 0.6, metrics.height() * 1.15
        )

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF,
        doc: QTextDocument,
        position: int,
        char_format: QTextFormat,
    ) -> None:
        color = QColor(str(char_format.property(COLOR_PROPERTY) or "#888888"))
        suggested = bool(char_format.property(SUGGESTED_PROPERTY))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = rect.height() * 0.25
        if suggested:  # outlined: a suggestion, not a label
            painter.setPen(QPen(color, max(1.2, rect.height() * 0.08)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
            painter.setPen(color.darker(125))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(rect, radius, radius)
            painter.setPen(readable_on(color))
        painter.setFont(self._font())
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignCenter, str(char_format.property(LETTERS_PROPERTY) or "")
        )
        painter.restore()


def register_mark_object(document: QTextDocument) -> MarkObject:
    handler = MarkObject(document)
    document.documentLayout().registerHandler(MARK_OBJECT_TYPE, handler)
    return handler
