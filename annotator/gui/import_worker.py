"""Importing files off the UI thread, with a progress dialog that can cancel between files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.core.names import printable_path
from annotator.gui.errors import show_storage_error, storage_error_title, widen
from annotator.gui.worker import CancellableWorker
from annotator.storage.errors import StorageError
from annotator.storage.store import Store

LRI, PDI = "\u2066", "\u2069"
FAILURES_LISTED = 10  # in the message itself; all of them are in its details


class ImportWorker(CancellableWorker):
    """Runs annotator.app.importer.import_paths on its own connection; never touches widgets."""

    progress = Signal(int, int, str)  # files done, files total, name of the file just done
    finished = Signal(object)  # ImportReport, or an Exception if the import could not run

    def __init__(self, database: Path, paths: list[str]):
        super().__init__()
        self.database, self.paths = database, paths

    @Slot()
    def run(self) -> None:
        try:
            from annotator.app.importer import import_paths

            # Its own connection: SQLite connections must not be shared between threads, and
            # WAL lets the window keep reading (and labelling) while files are imported.
            with Store(self.database) as store:
                report = import_paths(
                    store, self.paths, progress=self._report, cancelled=self.cancelled
                )
        except Exception as error:  # reported to the user by the window, not lost in a thread
            self.finished.emit(error)
            return
        self.finished.emit(report)

    def _report(self, done: int, total: int, path: Path) -> None:
        self.progress.emit(done, total, printable_path(path.name))


class ImportController(QObject):
    """Owns the thread, the worker and the progress dialog of one import."""

    done = Signal(object)  # the ImportReport (or error), after the dialog closed

    def __init__(self, database: Path, paths: list[str], parent: QWidget):
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = ImportWorker(database, paths)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(
            self.tr("Reading the files…"), self.tr("Cancel"), 0, 0, parent
        )
        self.dialog.setObjectName("import_progress")
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setMinimumDuration(300)
        self.dialog.setMinimumWidth(420)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        """What the dialog's Cancel button does."""
        self.dialog.cancel()

    def _cancel(self) -> None:
        self.worker.cancel()
        self.dialog.show()  # cancel() hides it; keep saying what is happening until it stops
        self.dialog.setLabelText(self.tr("Stopping after the current file…"))

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.dialog.wasCanceled():
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        self.dialog.setLabelText(
            self.tr("Files imported: {done} of {total}\nLast: {name}").format(
                done=done, total=total, name=name
            )
        )

    def _finished(self, result: object) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        self.done.emit(result)
        self.deleteLater()


class ImportReportBox(QMessageBox):
    """What was imported and, file by file, what was not and why."""

    def __init__(self, parent: QWidget | None, report):
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle(self.tr("Import"))
        if isinstance(report, Exception):  # the import could not run at all
            self.setIcon(QMessageBox.Icon.Critical)
            self.setText(self.tr("The import could not run. Nothing was imported."))
            self.setDetailedText(str(report))
            widen(self)
            return
        self.setIcon(QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning)
        self.setText(self._summary(report))
        informative = [self._failures(report.failures)] if report.failures else []
        if report.skipped:
            informative.append(self._skipped(report.skipped))
        self.setInformativeText("\n\n".join(informative))
        details = [str(f) for f in report.failures] + [str(s) for s in report.skipped]
        if details:
            self.setDetailedText("\n".join(details))
        widen(self)

    def _summary(self, report) -> str:
        parts = [
            self.tr("Imported {articles} ({sentences}) from {files}.").format(
                articles=self.tr("%n article(s)", "", report.articles),
                sentences=self.tr("%n sentence(s)", "", report.units),
                files=self.tr("%n file(s)", "", report.files),
            )
        ]
        if report.duplicates:
            parts.append(
                self.tr(
                    "%n article(s) already in the project were left out.", "", report.duplicates
                )
            )
        if report.stopped is not None:
            parts.append(
                self.tr(
                    "The import stopped because the project could not take more: {reason}"
                    " The files counted above are imported whole; the others were not."
                ).format(reason=storage_error_title(report.stopped))
            )
        if report.cancelled:
            parts.append(
                self.tr(
                    "The import was cancelled. The files imported before it stopped are kept"
                    " whole; the others were not imported."
                )
            )
        return "\n".join(parts)

    def _failures(self, failures: list) -> str:
        lines = [self.tr("%n file(s) could not be imported:", "", len(failures))]
        for failure in failures[:FAILURES_LISTED]:
            # A line takes its direction from its first letter: the Arabic line starts with a
            # right-to-left mark, and the file name is isolated so that it cannot turn it.
            name = f"{LRI}{printable_path(Path(failure.path).name)}{PDI}"
            line = self.tr("• {name}: {reason}")
            lines.append(line.format(name=name, reason=self.reason(failure.reason)))
        if len(failures) > FAILURES_LISTED:
            more = len(failures) - FAILURES_LISTED
            lines.append(self.tr("… and %n more (see the details).", "", more))
        return "\n".join(lines)

    def _skipped(self, skipped: list) -> str:
        lines = [
            self.tr(
                "%n item(s) in the folders were left out: links that lead outside the folder"
                " or nowhere are never followed.",
                "",
                len(skipped),
            )
        ]
        for item in skipped[:FAILURES_LISTED]:
            lines.append(f"• {LRI}{printable_path(Path(item.path).name)}{PDI}")
        return "\n".join(lines)

    def reason(self, reason: str) -> str:
        """The importer's reason in the interface language, for the reasons users meet most."""
        known = {
            "no such file or folder": self.tr("no such file or folder"),
            "empty file": self.tr("the file is empty"),
            "no article text found": self.tr("no article text found"),
            "binary data": self.tr("not a text file"),
            "undecodable": self.tr("unknown text encoding"),
            "unsupported file type": self.tr("unsupported file type"),
            "file too large": self.tr("the file is too large"),
            "cannot read the file": self.tr("the file cannot be read"),
            "cannot segment": self.tr("the text could not be split into sentences"),
            "cannot store": self.tr("the project could not store it"),
            "no records found": self.tr("no records found"),
            "no Arabic text": self.tr("no Arabic text"),
            "not a regular file": self.tr("not a regular file"),
            "nested too deeply": self.tr("nested too deeply to read"),
            "bad CSV": self.tr("not a valid CSV file"),
            "a JSON file must hold": self.tr("not a valid JSON file"),
            "unexpected text after the JSON value": self.tr("not a valid JSON file"),
            "not a TREC-style news file": self.tr("not a TREC-style news file"),
            "record has no text field": self.tr("a record has no text field"),
            "a broken link": self.tr("a link that leads nowhere"),
            "a link to a": self.tr("a link that leads outside the folder"),
        }
        return next((text for start, text in known.items() if reason.startswith(start)), reason)


def describe_report(parent: QWidget, report) -> None:
    """Tell the user what was imported and, file by file, what was not."""
    if isinstance(report, StorageError):  # a locked or read-only project: say so plainly
        show_storage_error(parent, report)
        return
    ImportReportBox(parent, report).exec()
