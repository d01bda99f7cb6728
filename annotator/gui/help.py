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


def shortcut_rows() -> list[tuple[str, str]]:
    """The keyboard contract, in the order an annotator learns it.

    Key names stay as printed on the keys; only the words are translated.
    """
    space, click = translate("help", "Space"), translate("help", "Click")
    return [
        (
            "1 … 9   ١ … ٩",
            translate(
                "help", "Toggle the theme with that number on the current sentence (marks it done)"
            ),
        ),
        ("0   ٠", translate("help", "Done with no theme (clears its themes)")),
        (space, translate("help", "Done as it is, then next sentence")),
        ("S   س", translate("help", "Skip for now, then next sentence")),
        (
            "↓   ↑",
            translate(
                "help", "Next / previous sentence (past the last: ↓ again opens the next article)"
            ),
        ),
        ("Tab   Enter", translate("help", "Next sentence not done yet")),
        ("Shift+Tab", translate("help", "Previous sentence not done yet")),
        ("Home   End", translate("help", "First / last sentence of the article")),
        ("PgDn   PgUp", translate("help", "Next / previous article (also Ctrl+↓ / Ctrl+↑)")),
        (click, translate("help", "Make the clicked sentence current")),
        ("Ctrl+Z", translate("help", "Undo the last change (goes back to its article)")),
        ("Ctrl+Shift+Z   Ctrl+Y", translate("help", "Redo")),
        ("Ctrl+F", translate("help", "Search articles")),
        ("Esc", translate("help", "Leave the search or note field and return to the text")),
        ("Ctrl+=   Ctrl+-   Ctrl+0", translate("help", "Bigger / smaller / normal text")),
        ("Ctrl+O   Ctrl+N", translate("help", "Open a project / start a new one")),
        ("Ctrl+I", translate("help", "Import files")),
        ("Ctrl+E", translate("help", "Export a dataset")),
        ("F1", translate("help", "This help")),
        ("Ctrl+Q", translate("help", "Quit (everything is already saved)")),
    ]


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
        table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 1.8))
        for keys, action in shortcut_rows():
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
