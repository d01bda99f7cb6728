"""Importing files off the UI thread, with a progress dialog that can cancel between files."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.storage.store import Store


class ImportWorker(QObject):
    """Runs annotator.importer.import_paths on its own connection; never touches widgets."""

    progress = Signal(int, int, str)  # files done, files total, current file name
    finished = Signal(object)  # ImportReport, or an Exception if the import could not run

    def __init__(self, database: Path, paths: list[str]):
        super().__init__()
        self.database, self.paths = database, paths
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            from annotator.importer import import_paths

            # Its own connection: SQLite connections must not be shared between threads, and
            # WAL lets the window keep reading (and labelling) while files are imported.
            with Store(self.database) as store:
                report = import_paths(
                    store, self.paths, progress=self._report, cancelled=self._cancel.is_set
                )
        except Exception as error:  # reported to the user by the window, not lost in a thread
            self.finished.emit(error)
            return
        self.finished.emit(report)

    def _report(self, done: int, total: int, path: Path) -> None:
        self.progress.emit(done, total, path.name)


class ImportController(QObject):
    """Owns the thread, the worker and the progress dialog of one import."""

    done = Signal(object)  # the ImportReport (or error), after the dialog closed

    def __init__(self, database: Path, paths: list[str], parent: QWidget):
        super().__init__(parent)
        self.parent_widget = parent
        self.thread = QThread(self)
        self.worker = ImportWorker(database, paths)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)

    def start(self) -> None:
        self.thread.start()

    def _cancel(self) -> None:
        self.worker.cancel()
        self.dialog.setLabelText(self.tr("Stopping after the current file…"))

    def _progress(self, done: int, total: int, name: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        if name:
            self.dialog.setLabelText(
                self.tr("Importing {name} ({done} of {total})").format(
                    name=name, done=done + 1, total=total
                )
            )

    def _finished(self, result: object) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        self.done.emit(result)
        self.deleteLater()


def describe_report(parent: QWidget, report) -> None:
    """Tell the user what was imported and, file by file, what was not."""
    tr = parent.tr
    if isinstance(report, Exception):
        QMessageBox.critical(parent, tr("Import failed"), str(report))
        return
    summary = tr("{articles} articles ({units} sentences) imported from {files} files.").format(
        articles=report.articles, units=report.units, files=report.files
    )
    if report.duplicates:
        summary += " " + tr("{n} duplicates were already in the project.").format(
            n=report.duplicates
        )
    if report.cancelled:
        summary += " " + tr("Import was cancelled; files already imported are kept.")
    box = QMessageBox(
        QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning,
        tr("Import"),
        summary,
        parent=parent,
    )
    if report.failures:
        box.setInformativeText(
            tr("{n} files could not be imported.").format(n=len(report.failures))
        )
        box.setDetailedText("\n".join(str(f) for f in report.failures))
    box.exec()
