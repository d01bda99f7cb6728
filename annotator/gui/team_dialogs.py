"""Team → Hand out work… and Team → Progress: dialogs over app/team (no rules of their own)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.team.assign import (
    DEFAULT_OVERLAP,
    DEFAULT_PER_ARTICLE,
    AssignmentError,
    plan_assignment,
    record_assignment,
    write_packages,
)
from annotator.storage.errors import StorageError
from annotator.storage.store import Store

LRI, PDI = "\u2066", "\u2069"


class HandOutDialog(QDialog):
    """Who gets which articles, as packages written to a folder."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.written = store, {}
        self.setObjectName("hand_out_dialog")
        self.setWindowTitle(self.tr("Hand out work"))
        self.names = QLineEdit(self)
        self.names.setPlaceholderText(self.tr("names, separated by commas"))
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0, 1)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(DEFAULT_OVERLAP)
        self.per_article = QSpinBox(self)
        self.per_article.setRange(1, 20)
        self.per_article.setValue(DEFAULT_PER_ARTICLE)
        self.articles = QComboBox(self)
        self.articles.addItem(self.tr("Articles nobody has started"), "not_started")
        self.articles.addItem(self.tr("All articles"), "all")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.folder = QLineEdit(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Annotators:"), self.names)
        form.addRow(self.tr("Share given to several:"), self.overlap)
        form.addRow(self.tr("Annotators per shared article:"), self.per_article)
        form.addRow(self.tr("Which articles:"), self.articles)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.tr("Write packages to:"), folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.hand_out)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"))
        if chosen:
            self.folder.setText(chosen)

    def hand_out(self) -> bool:
        names = [n.strip() for n in self.names.text().split(",") if n.strip()]
        if not self.folder.text().strip():
            self.message.setText(self.tr("Choose a folder for the packages."))
            return False
        try:
            plan = plan_assignment(
                self.store, names, self.overlap.value(), self.per_article.value(),
                self.articles.currentData(), self.seed.value(),
            )  # fmt: skip
            record_assignment(self.store, plan)
            self.written = write_packages(self.store, names, Path(self.folder.text()))
        except (AssignmentError, StorageError, ValueError) as error:
            self.message.setText(str(error))
            return False
        self.accept()
        return True


class ProgressDialog(QDialog):
    """One row per annotator: assigned, done, skipped, last work, last merged package."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("team_progress")
        self.setWindowTitle(self.tr("Team progress"))
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("progress_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Annotator"), self.tr("Articles"), self.tr("Sentences done"),
             self.tr("Skipped"), self.tr("Last work"), self.tr("Last merged")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row in store.team.progress():
            self._add(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(760, 360)

    def _add(self, row) -> None:
        at = self.table.rowCount()
        self.table.insertRow(at)
        cells = [
            row.annotator,
            f"{row.articles:,}",
            f"{row.done:,} / {row.sentences:,}",
            f"{row.skipped:,}",
            _when(row.last_activity),
            _when(row.last_merge),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(at, column, item)


def _when(iso: str | None) -> str:
    """A time a reader understands: date and minutes, isolated left to right."""
    return "-" if not iso else f"{LRI}{iso[:16].replace('T', ' ')}{PDI}"


class ReviewChoiceDialog(QDialog):
    """Which disagreements to walk: all, about one theme, or between two annotators."""

    def __init__(self, store: Store, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("review_choice")
        self.setWindowTitle(self.tr("Review disagreements"))
        self.theme = QComboBox(self)
        self.theme.setObjectName("review_theme")
        self.theme.addItem(self.tr("Every theme"), None)
        for theme in store.themes.list():
            self.theme.addItem(theme.name(language), theme.key)
        self.pair = QComboBox(self)
        self.pair.setObjectName("review_pair")
        self.pair.addItem(self.tr("Every annotator"), None)
        names = [row.annotator for row in store.team.progress()] or store.annotators.names()
        for first, second in ((a, b) for i, a in enumerate(names) for b in names[i + 1 :]):
            self.pair.addItem(f"{LRI}{first}{PDI} / {LRI}{second}{PDI}", (first, second))
        form = QFormLayout()
        form.addRow(self.tr("About:"), self.theme)
        form.addRow(self.tr("Between:"), self.pair)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str | None, tuple[str, str] | None]:
        return self.theme.currentData(), self.pair.currentData()
