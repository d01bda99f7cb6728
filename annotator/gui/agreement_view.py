"""Team → Agreement: the figures per theme with Krippendorff's reading guide, and a chart.

The figures are computed on a pool thread with their own connection (the bootstrap can take
seconds on a large project); the dialog only shows them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.storage.store import Store

READING_COLORS = {"reliable": "#2e8b57", "tentative": "#d4a017", "unreliable": "#c0392b"}


class _Signals(QObject):
    done = Signal(object)  # the AgreementReport, or the error that stopped it


class _Compute(QRunnable):
    def __init__(self, path: Path, signals: _Signals):
        super().__init__()
        self.path, self.signals = path, signals

    def run(self) -> None:
        # Imported here: numpy costs the window's start-up a tenth of a second.
        from annotator.app.team.agreement import project_agreement

        try:
            with Store(self.path, read_only=True) as store:
                result = project_agreement(store)
        except Exception as error:  # shown in the dialog, never lost in a thread
            result = error
        self.signals.done.emit(result)


class AgreementChart(QWidget):
    """One bar per theme (alpha, with its interval) over the reading guide's bands."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[str, float | None, float | None, float | None]] = []
        self.setMinimumHeight(160)

    def show_report(self, report, names: dict[str, str]) -> None:
        self.rows = [(names.get(t.theme, t.theme), t.alpha.value, t.alpha.low, t.alpha.high)
                     for t in report.themes]  # fmt: skip
        self.update()

    def paintEvent(self, event) -> None:
        from annotator.core.agreement import READING_GUIDE

        painter = QPainter(self)
        width, height = self.width() - 150, self.height()
        band_height = height / max(1, len(self.rows))
        for band in READING_GUIDE:  # the guide's bands as a light background
            left = 140 + width * (band.minimum if band.minimum is not None else 0.0)
            right = 140 + width * (band.below if band.below is not None else 1.0)
            color = QColor(READING_COLORS[band.reading.value])
            color.setAlpha(40)
            painter.fillRect(QRectF(left, 0, right - left, height), color)
        for row, values in enumerate(self.rows):
            self._bar(painter, row * band_height, band_height, width, values)
        painter.end()

    def _bar(self, painter: QPainter, top: float, height: float, width: float, values) -> None:
        name, value, low, high = values
        label = QRectF(0, top + height * 0.25, 135, height * 0.5)
        painter.drawText(label, Qt.AlignmentFlag.AlignVCenter, name)
        if value is None:
            return
        bar = QRectF(140, top + height * 0.25, width * max(0.0, value), height * 0.5)
        painter.fillRect(bar, QColor("#4a5568"))
        if low is not None:  # the 95% interval as a line across the bar's end
            painter.setPen(QPen(QColor("#111111"), 2))
            middle = int(top + height * 0.5)
            painter.drawLine(
                int(140 + width * max(0, low)), middle, int(140 + width * max(0, high)), middle
            )


class AgreementDialog(QDialog):
    def __init__(self, path: Path, language: str, names: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("agreement_dialog")
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self.names, self.report = names, None
        self.summary = QLabel(self.tr("Computing…"), self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("agreement_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Theme"), self.tr("Sentences"), self.tr("Agreement"),
             self.tr("Cohen's kappa (mean)"), self.tr("Krippendorff's alpha [95%]"),
             self.tr("Reading")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.chart = AgreementChart(self)
        guide = QLabel(self.tr(
            "Krippendorff's reading guide: alpha 0.8 or more is reliable; 0.667 to 0.8 allows"
            " tentative conclusions; below that the labels are not reliable."
        ), self)  # fmt: skip
        guide.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.table, self.chart, guide, close):
            layout.addWidget(widget)
        self.resize(900, 560)
        self.signals = _Signals(self)
        self.signals.done.connect(self.show_report)
        QThreadPool.globalInstance().start(_Compute(Path(path), self.signals))

    def show_report(self, report) -> None:
        if isinstance(report, Exception):
            self.summary.setText(self.tr("The agreement could not be computed: {error}").format(
                error=report))  # fmt: skip
            return
        self.report = report
        self.summary.setText(self.tr(
            "{units} sentences finished by two or more annotators ({names})."
        ).format(units=f"{report.units:,}", names=", ".join(report.annotators)))  # fmt: skip
        for theme in report.themes:
            self._row(self.names.get(theme.theme, theme.theme), theme.units,
                      theme.observed_agreement, theme.cohen_kappa.value, theme.alpha)  # fmt: skip
        sets = report.label_sets
        self._row(
            self.tr("Whole label sets (MASI)"),
            sets.units,
            sets.observed_agreement,
            None,
            sets.alpha,
        )
        self.chart.show_report(report, self.names)

    def _row(self, name: str, units: int, observed, kappa, alpha) -> None:
        at = self.table.rowCount()
        self.table.insertRow(at)
        cells = [name, f"{units:,}", _figure(observed), _figure(kappa), _alpha(alpha),
                 self._reading(alpha)]  # fmt: skip
        for column, text in enumerate(cells):
            self.table.setItem(at, column, QTableWidgetItem(text))

    def _reading(self, alpha) -> str:
        if alpha.value is None:
            return self.tr("Not defined (too few or identical judgements)")
        words = {
            "reliable": self.tr("Reliable"),
            "tentative": self.tr("Tentative"),
            "unreliable": self.tr("Not reliable"),
        }
        return words[alpha.reading.value]


def _figure(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def _alpha(alpha) -> str:
    if alpha.value is None:
        return "-"
    if alpha.low is None:
        return f"{alpha.value:.3f}"
    return f"{alpha.value:.3f}  [{alpha.low:.3f}, {alpha.high:.3f}]"
