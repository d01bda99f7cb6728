"""View → Notes: every note in the project, filterable by annotator; a row leads to its sentence."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.locale_format import digits
from annotator.storage.rows import NoteRecord
from annotator.storage.store import Store

ALL = ""  # the filter's "all annotators"


def when_text(iso: str) -> str:
    """A stored UTC time as a local date and time, written the interface's way."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


class NotesView(QDialog):
    """A window beside the main one (not modal): the list stays open while you go to notes."""

    go_to = Signal(int, int)  # article id, unit index

    def __init__(self, store: Store, annotator: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notes_view")
        self.store = store
        self.rows: list[NoteRecord] = []
        self.setWindowTitle(self.tr("Notes"))
        self.resize(900, 480)
        self.annotator_filter = QComboBox(self, objectName="notes_annotator")
        self.table = QTableWidget(0, 5, self, objectName="notes_table")
        self.count = QLabel(self, objectName="notes_count")
        self._lay_out()
        self.fill_annotators(selected=ALL)
        self.annotator_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.cellActivated.connect(self._activated)
        self.reload()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("Annotator:"), self)
        label.setBuddy(self.annotator_filter)
        top.addWidget(label)
        top.addWidget(self.annotator_filter, 1)
        top.addWidget(self.count)
        table = self.table
        table.setHorizontalHeaderLabels(
            [self.tr("Article"), self.tr("Sentence"), self.tr("Annotator"), self.tr("Note"),
             self.tr("Changed")]
        )  # fmt: skip
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (1, 260), (2, 90), (4, 130)):
            header.resizeSection(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(table)
        hint = QLabel(self.tr("Double-click a note, or press Enter, to go to its sentence."), self)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def fill_annotators(self, selected: str) -> None:
        box = self.annotator_filter
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All annotators"), ALL)
        for name in self.store.annotators.names():
            box.addItem(name, name)
        box.setCurrentIndex(max(0, box.findData(selected)))
        box.blockSignals(False)

    def reload(self) -> None:
        name = self.annotator_filter.currentData() or None
        self.rows = self.store.notes.all(name)
        self.table.setRowCount(len(self.rows))
        for row, note in enumerate(self.rows):
            cells = (
                note.article_title,
                f"{note.unit_index}: {note.unit_text}",
                note.annotator,
                note.text.replace("\n", " ⏎ "),
                when_text(note.updated_at),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(note.text if column == 3 else text)
                self.table.setItem(row, column, item)
        self.count.setText(digits(self.tr("%n note(s)", "", len(self.rows))))

    def _activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.go_to.emit(self.rows[row].article_id, self.rows[row].unit_index)
