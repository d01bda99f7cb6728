"""The export on a worker thread: progress and the result reach the dialog only by signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot

from annotator.app.exporting import export_project
from annotator.core.export import ExportError, ExportOptions
from annotator.gui.qt_chart import chart_drawer
from annotator.gui.worker import CancellableWorker
from annotator.storage.errors import StorageError


class ExportWorker(CancellableWorker):
    """Runs one export on its own read connection; talks to the dialog only through signals."""

    progress = Signal(int, int)  # units read, units in the project
    finished = Signal(object)  # ExportResult, ExportCancelled, or the error that stopped it

    def __init__(self, database: Path, options: ExportOptions):
        super().__init__()
        self.database, self.options = database, options

    @Slot()
    def run(self) -> None:
        try:
            result = export_project(
                self.database, self.options, self.progress.emit, self.cancelled, chart_drawer()
            )
        except (ExportError, StorageError, OSError) as error:  # shown by the dialog
            self.finished.emit(error)
            return
        self.finished.emit(result)
