"""The keyboard help (F1) and the About box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import APP_NAME, __version__
from annotator.gui.shortcuts import help_rows

translate = QCoreApplication.translate


class LeftToRightDelegate(QStyledItemDelegate):
    """Draws key names left to right: in an Arabic UI the cell's right-to-left paragraph
    turned "Ctrl+=   Ctrl+-" into "-+Ctrl   =+Ctrl" (Qt's item views ignore bidi isolates)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        right_to_left = option.direction == Qt.LayoutDirection.RightToLeft
        option.direction = Qt.LayoutDirection.LeftToRight
        # Keep the cell's text on the reading-start side of the interface language.
        side = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
        option.displayAlignment = (
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | side
        )


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(840, 620)
        intro = QLabel(
            self.tr(
                "Labels are saved the moment you make them. Keys work the same with an"
                " Arabic keyboard layout."
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._table())
        layout.addWidget(buttons)

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 2, self)
        table.setObjectName("shortcuts")
        table.setStyleSheet("QTableWidget::item { padding: 0px 10px; }")
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows = table.verticalHeader()
        rows.setMinimumSectionSize(int(table.fontMetrics().height() * 1.8))
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # long ones wrap
        table.setWordWrap(True)
        for keys, action in help_rows():
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(action))
        table.setItemDelegateForColumn(0, LeftToRightDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        translate("help", "About {app}").format(app=APP_NAME),
        translate(
            "help",
            "<h3>{app} {version}</h3><p>Label Arabic news sentence by sentence, offline.</p>"
            "<p>Reading font: Noto Naskh Arabic (SIL Open Font License 1.1).</p>",
        ).format(app=APP_NAME, version=__version__),
    )
