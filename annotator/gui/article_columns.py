"""The article list's columns on a narrow pane: the title always keeps room to be read.

When the pane leaves the title less than TITLE_ROOM pixels, the source column is hidden, then
the date; they come back as the pane widens. A column the person showed or hid from the
header's menu stays as they chose, whatever the width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from annotator.gui.article_model import Column

TITLE_ROOM = 150  # pixels: about twenty Arabic letters at the list's size
DEFAULT_WIDTHS = {Column.PROGRESS: 58, Column.THEMES: 76, Column.DATE: 86, Column.SOURCE: 96}
GIVEN_UP_FIRST = (Column.SOURCE, Column.DATE)


class ColumnFitter(QObject):
    """Watches the table's size; hides and shows the columns that can give way."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table
        self.widths = dict(DEFAULT_WIDTHS)
        self.chosen: dict[Column, bool] = {}  # from the header's menu: shown or hidden
        header = table.horizontalHeader()
        for column, width in self.widths.items():
            header.resizeSection(column, width)
        header.sectionResized.connect(self._remember_width)
        self.viewport = table.viewport()  # its width is the room the columns share
        self.viewport.installEventFilter(self)

    def choose(self, column: Column, shown: bool) -> None:
        self.chosen[column] = shown
        self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        shown = {column for column in self.widths if self.chosen.get(column, True)}
        for column in GIVEN_UP_FIRST:
            if self._title_room(shown) >= TITLE_ROOM:
                break
            if column not in self.chosen:
                shown.discard(column)
        for column in self.widths:
            header.setSectionHidden(column, column not in shown)

    def _title_room(self, shown: set[Column]) -> int:
        return self.viewport.width() - sum(self.widths[c] for c in shown)

    def _remember_width(self, column: int, _old: int, new: int) -> None:
        if column in self.widths and new > 0:  # a hidden section reports 0
            self.widths[Column(column)] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The type first: nothing else is touched while the table is being destroyed.
        if event.type() == QEvent.Type.Resize and watched is self.viewport:
            self.fit()
        return False
