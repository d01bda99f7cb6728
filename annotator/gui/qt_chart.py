"""The dataset card's chart drawn with Qt, for installs without matplotlib (the packaged app).

Qt shapes and orders Arabic itself, so theme names are drawn exactly as stored. Painting on a
QImage is allowed outside the GUI thread, where the export worker runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter

from annotator.core.export.chart import (
    FONT_FAMILIES,
    LEGEND_INK,
    NO_THEME_COLOR,
    SPLIT_ALPHAS,
    chart_available,
    row_count,
)
from annotator.core.export.stats import SplitFigures
from annotator.core.scheme import Theme

WIDTH, ROW_HEIGHT, LABEL_WIDTH, TOP, MARGIN = 880, 70, 190, 80, 24
INK, MUTED = QColor("#222222"), QColor("#555555")


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def _totals(rows: list[Theme | None], figures: list[SplitFigures]) -> list[int]:
    return [sum(row_count(split, row) for split in figures) for row in rows]


def _title(painter: QPainter) -> None:
    painter.setPen(INK)
    painter.setFont(_font(17, bold=True))
    painter.drawText(QRectF(0, 10, WIDTH, 28), Qt.AlignmentFlag.AlignCenter, "Records per theme")
    painter.setFont(_font(17))
    painter.drawText(QRectF(0, 38, WIDTH, 30), Qt.AlignmentFlag.AlignCenter, "عدد الجمل لكل موضوع")


def _label(painter: QPainter, row: Theme | None, top: float) -> None:
    arabic, english = (row.name_ar, row.name_en) if row else ("بلا موضوع", "No theme")
    box = QRectF(MARGIN, top, LABEL_WIDTH - 2 * MARGIN, ROW_HEIGHT / 2)
    align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    painter.setPen(INK)
    painter.setFont(_font(16))
    painter.drawText(box, align, arabic)
    painter.setFont(_font(14))
    painter.drawText(box.translated(0, ROW_HEIGHT / 2 - 6), align, english)


def _bar(painter, row: Theme | None, figures, top: float, scale: float) -> float:
    """One row's stacked segments (a shade per split); returns where the bar ends."""
    x = float(LABEL_WIDTH)
    for n, split in enumerate(figures):
        color = QColor(row.color if row else NO_THEME_COLOR)
        color.setAlphaF(SPLIT_ALPHAS[min(n, len(SPLIT_ALPHAS) - 1)])
        width = row_count(split, row) * scale
        box = QRectF(x, top + 12, width, ROW_HEIGHT - 24)
        if row is None:  # hatched, so that no split's grey in the legend can be taken for it
            painter.fillRect(box, QBrush(color, Qt.BrushStyle.BDiagPattern))
            painter.setPen(color)
            painter.drawRect(box)
        else:
            painter.fillRect(box, color)
        x += width
    return x


def _legend(painter: QPainter, figures: list[SplitFigures], top: float) -> None:
    painter.setFont(_font(13))
    x = float(LABEL_WIDTH)
    for n, split in enumerate(figures):
        color = QColor(LEGEND_INK)
        color.setAlphaF(SPLIT_ALPHAS[min(n, len(SPLIT_ALPHAS) - 1)])
        painter.fillRect(QRectF(x, top + 4, 14, 14), color)
        painter.setPen(INK)
        painter.drawRect(QRectF(x, top + 4, 14, 14))
        label = f"{split.name} ({split.target:.0%})"
        painter.setPen(INK)
        painter.drawText(QRectF(x + 20, top, 160, 22), Qt.AlignmentFlag.AlignVCenter, label)
        x += 180


def draw_theme_chart_qt(path: Path, themes: list[Theme], figures: list[SplitFigures]) -> None:
    """Horizontal bars, records per theme (and with no theme), one shade per split."""
    rows: list[Theme | None] = [*themes, None]
    totals = _totals(rows, figures)
    height = TOP + ROW_HEIGHT * len(rows) + (50 if len(figures) > 1 else 16)
    image = QImage(WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _title(painter)
    scale = (WIDTH - LABEL_WIDTH - 90) / max(max(totals), 1)
    for i, (row, total) in enumerate(zip(rows, totals, strict=True)):
        top = TOP + i * ROW_HEIGHT
        _label(painter, row, top)
        end = _bar(painter, row, figures, top, scale)
        painter.setPen(MUTED)
        painter.setFont(_font(13))
        painter.drawText(
            QRectF(end + 6, top, 90, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, f"{total:,}"
        )
    if len(figures) > 1:
        _legend(painter, figures, TOP + ROW_HEIGHT * len(rows) + 12)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write the chart {path}")


def chart_drawer():
    """matplotlib's chart where it is installed (same as the CLI), else the Qt one."""
    return None if chart_available() is None else draw_theme_chart_qt
