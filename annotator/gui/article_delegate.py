"""How the article list draws its cells: progress as a bar, theme marks as lettered chips."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from annotator.gui.article_model import PROGRESS_ROLE, THEME_MARKS_ROLE, Column
from annotator.gui.theme_colors import readable_on

_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def has_right_to_left(text: str) -> bool:
    return bool(_RIGHT_TO_LEFT.search(text))


PROGRESS_DONE, PROGRESS_PART, PROGRESS_TRACK = (
    QColor("#2e8b57"),
    QColor("#d4a017"),
    QColor("#e5e7eb"),
)


class ArticleRowDelegate(QStyledItemDelegate):
    """Draws progress as a small bar with figures, and theme marks as lettered chips; a
    source or date with no Arabic in it reads left to right in the Arabic interface too
    (the right-to-left cell turned "000_567d9f.txt" into "txt.567d9f_000")."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() in (Column.SOURCE, Column.DATE) and not has_right_to_left(option.text):
            start = (
                Qt.AlignmentFlag.AlignRight
                if option.direction == Qt.LayoutDirection.RightToLeft
                else Qt.AlignmentFlag.AlignLeft
            )
            option.direction = Qt.LayoutDirection.LeftToRight
            option.displayAlignment = (
                start | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
            )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.column() == Column.PROGRESS:
            self._paint_progress(painter, option, index)
        elif index.column() == Column.THEMES:
            self._paint_marks(painter, option, index)
        else:
            super().paint(painter, option, index)

    def _background(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )

    def _paint_progress(self, painter, option, index) -> None:
        self._background(painter, option)
        done, total = index.data(PROGRESS_ROLE) or (0, 0)
        bar = QRect(option.rect.adjusted(6, 0, -6, 0))
        bar.setTop(option.rect.bottom() - 5)
        bar.setHeight(3)
        painter.save()
        painter.fillRect(bar, PROGRESS_TRACK)
        if total and done:
            filled = QRect(bar)
            filled.setWidth(max(2, bar.width() * done // total))
            if option.direction == Qt.LayoutDirection.RightToLeft:
                filled.moveRight(bar.right())
            painter.fillRect(filled, PROGRESS_DONE if done >= total else PROGRESS_PART)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        painter.drawText(
            option.rect.adjusted(0, 0, 0, -4), Qt.AlignmentFlag.AlignCenter, index.data()
        )
        painter.restore()

    def _paint_marks(self, painter, option, index) -> None:
        self._background(painter, option)
        marks = index.data(THEME_MARKS_ROLE) or []
        metrics = QFontMetrics(option.font)
        height = metrics.height()
        x_step = 1 if option.direction == Qt.LayoutDirection.LeftToRight else -1
        x = option.rect.left() + 4 if x_step > 0 else option.rect.right() - 4
        top = option.rect.top() + (option.rect.height() - height) // 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for letters, color in marks:
            width = metrics.horizontalAdvance(letters) + 8
            chip = QRect(x if x_step > 0 else x - width, top, width, height)
            painter.setBrush(QColor(color))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(readable_on(QColor(color)))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, letters)
            x += x_step * (width + 3)
        painter.restore()
