"""The learning curve of Suggestion quality drawn with Qt (no chart library in the installer).

Macro-F1 (0 to 1, up the side) by labelled sentences trained on (along the bottom, one step
per measured size), with the keywords alone as a dashed line to beat.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

LINE, BASELINE, GRID, INK = (
    QColor("#1f78b4"),
    QColor("#9a6b00"),
    QColor("#e5e7eb"),
    QColor("#374151"),
)
MARGINS = (52, 28, 20, 44)  # left, top, right, bottom


class LearningCurveChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learning_curve")
        self.points: list[tuple[int, float | None]] = []
        self.baseline: float | None = None
        self.setMinimumHeight(200)

    def sizeHint(self) -> QSize:
        return QSize(520, 230)

    def set_curve(self, points: list[tuple[int, float | None]], baseline: float | None) -> None:
        self.points, self.baseline = list(points), baseline
        self.update()

    def plot_area(self) -> QRectF:
        left, top, right, bottom = MARGINS
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def position(self, index: int, value: float) -> QPointF:
        area, count = self.plot_area(), max(len(self.points), 1)
        x = area.left() + area.width() * (index + 0.5) / count
        return QPointF(x, area.bottom() - area.height() * max(0.0, min(1.0, value)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        # Axes read left to right in both languages; only the words are Arabic in Arabic.
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._grid(painter)
        if self.baseline is not None:
            self._baseline(painter)
        self._line(painter)
        self._axis_titles(painter)
        painter.end()

    def _grid(self, painter: QPainter) -> None:
        area = self.plot_area()
        for step in range(5):
            value = step / 4
            y = self.position(0, value).y()
            painter.setPen(GRID)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(INK)
            painter.drawText(
                QRectF(0, y - 9, area.left() - 6, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:.2f}",
            )
        for index, (size, _value) in enumerate(self.points):
            x = self.position(index, 0).x()
            box = QRectF(x - 40, area.bottom() + 4, 80, 18)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{size:,}")

    def _baseline(self, painter: QPainter) -> None:
        area, y = self.plot_area(), self.position(0, self.baseline).y()
        painter.setPen(QPen(BASELINE, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.drawText(  # below the line: the points' own figures are above theirs
            QRectF(area.left() + 4, y + 2, area.width() - 8, 16),
            Qt.AlignmentFlag.AlignRight,
            self.tr("keywords alone {value}").format(value=f"{self.baseline:.2f}"),
        )

    def _line(self, painter: QPainter) -> None:
        measured = [(i, v) for i, (_s, v) in enumerate(self.points) if v is not None]
        if not measured:
            return
        path = QPainterPath(self.position(*measured[0]))
        for index, value in measured[1:]:
            path.lineTo(self.position(index, value))
        painter.setPen(QPen(LINE, 2.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(LINE)
        for index, value in measured:
            point = self.position(index, value)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(point, 3.5, 3.5)
            painter.setPen(INK)
            painter.drawText(
                QRectF(point.x() - 30, point.y() - 22, 60, 16),
                Qt.AlignmentFlag.AlignCenter,
                f"{value:.2f}",
            )

    def _axis_titles(self, painter: QPainter) -> None:
        painter.setPen(INK)
        bottom = QRectF(0, self.height() - 20, self.width(), 18)
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignCenter, self.tr("labelled sentences trained on")
        )
        painter.save()
        painter.translate(12, self.plot_area().center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-60, -8, 120, 16), Qt.AlignmentFlag.AlignCenter, self.tr("macro-F1")
        )
        painter.restore()
