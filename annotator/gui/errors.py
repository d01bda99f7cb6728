"""Errors shown to people: storage problems as plain messages, crashes logged to a file."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.paths import log_dir
from annotator.storage import errors as storage_errors

log = logging.getLogger("annotator.gui")


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def storage_error_title(error: Exception) -> str:
    titles = {
        storage_errors.DatabaseLocked: tr("The project is in use"),
        storage_errors.DatabaseReadOnly: tr("The project cannot be saved"),
        storage_errors.DatabaseCorrupt: tr("The project file is damaged"),
        storage_errors.DatabaseTooNew: tr("The project needs a newer Annotator"),
        storage_errors.NotAProject: tr("This is not an Annotator project"),
    }
    return next((t for kind, t in titles.items() if isinstance(error, kind)), tr("Project problem"))


def storage_error_advice(error: Exception) -> str:
    advice = {
        storage_errors.DatabaseLocked: tr(
            "Close the other program or window using it, then try again."
        ),
        storage_errors.DatabaseReadOnly: tr(
            "Check that the file and its folder can be written, or save the project elsewhere."
        ),
        storage_errors.DatabaseCorrupt: tr(
            "Restore the project from a backup (.bak file beside it)."
        ),
        storage_errors.DatabaseTooNew: tr(
            "Install the newer version of Annotator. The file was not changed."
        ),
        storage_errors.NotAProject: tr("Choose a file ending in .annotator."),
    }
    return next((a for kind, a in advice.items() if isinstance(error, kind)), "")


def show_storage_error(parent: QWidget | None, error: Exception) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        storage_error_title(error),
        storage_error_title(error),
        parent=parent,
    )
    box.setInformativeText(storage_error_advice(error))
    box.setDetailedText(str(error))
    box.exec()


def log_file() -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "annotator.log"


def configure_logging() -> Path | None:
    """Warnings and crashes go to a log file the user can send us."""
    try:
        handler = logging.FileHandler(log_file(), encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("annotator").addHandler(handler)
    logging.getLogger("annotator").setLevel(logging.INFO)
    return handler.baseFilename and Path(handler.baseFilename)


class CrashReporter:
    """sys.excepthook: log the traceback, tell the user where it is, keep the app running.

    Every label is committed when it is made, so after an unexpected error nothing is lost;
    the dialog says so, which matters more to an annotator than the traceback.
    """

    def __init__(self, parent_getter=lambda: None):
        self.parent_getter = parent_getter
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error at %s\n%s", dt.datetime.now().isoformat(), text)
        if isinstance(error, storage_errors.StorageError):
            show_storage_error(self.parent_getter(), error)
            return
        self._show(text)

    def _show(self, text: str) -> None:
        if self._showing:  # an error inside the dialog must not open dialogs forever
            return
        self._showing = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                tr("Something went wrong"),
                tr("Something went wrong"),
                parent=self.parent_getter(),
            )
            box.setInformativeText(
                tr(
                    "Your labels are saved as you make them, so nothing was lost. The details were written to {path}."
                ).format(path=log_file())
            )
            box.setDetailedText(text)
            box.exec()
        finally:
            self._showing = False
