"""The keyboard help (F1) and the About box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import APP_NAME, __version__

LRI, PDI = "\u2066", "\u2069"


def tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


def shortcut_rows() -> list[tuple[str, str]]:
    """The keyboard contract, in the order an annotator learns it."""
    return [
        (
            "1 … 9   ١ … ٩",
            tr("Toggle the theme with that number on the current sentence (marks it done)"),
        ),
        ("0   ٠", tr("Done with no theme (clears its themes)")),
        (tr("Space"), tr("Done as it is, then next sentence")),
        ("S   س", tr("Skip for now, then next sentence")),
        ("↓   ↑", tr("Next / previous sentence (past the last: ↓ again opens the next article)")),
        (tr("Tab / Enter"), tr("Next sentence not done yet")),
        (tr("Shift+Tab"), tr("Previous sentence not done yet")),
        (tr("Home / End"), tr("First / last sentence of the article")),
        (tr("Page Down / Page Up"), tr("Next / previous article (also Ctrl+↓ / Ctrl+↑)")),
        (tr("Click"), tr("Make the clicked sentence current")),
        ("Ctrl+Z", tr("Undo the last change (goes back to its article)")),
        ("Ctrl+Shift+Z   Ctrl+Y", tr("Redo")),
        ("Ctrl+F", tr("Search articles")),
        (tr("Esc"), tr("Leave the search or note field and return to the text")),
        ("Ctrl+=   Ctrl+-", tr("Bigger / smaller text")),
        ("F1", tr("This help")),
        ("Ctrl+Q", tr("Quit (everything is already saved)")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(760, 640)
        intro = QLabel(
            tr(
                "Labels are saved the moment you make them. Keys work the same with an Arabic keyboard layout."
            ),
            self,
        )
        intro.setWordWrap(True)
        table = QTableWidget(0, 2, self)
        table.setObjectName("shortcuts")
        table.setHorizontalHeaderLabels([tr("Keys"), tr("Action")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for keys, action in shortcut_rows():
            row = table.rowCount()
            table.insertRow(row)
            # Isolated left-to-right: in an Arabic UI "Ctrl+=   Ctrl+-" would otherwise be
            # reordered by the bidi algorithm into "-+Ctrl+=   Ctrl".
            table.setItem(row, 0, QTableWidgetItem(f"{LRI}{keys}{PDI}"))
            table.setItem(row, 1, QTableWidgetItem(action))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        tr("About {app}").format(app=APP_NAME),
        tr(
            "<h3>{app} {version}</h3><p>Label Arabic news sentence by sentence, offline.</p>"
            "<p>Reading font: Noto Naskh Arabic (SIL Open Font License 1.1).</p>"
        ).format(app=APP_NAME, version=__version__),
    )
