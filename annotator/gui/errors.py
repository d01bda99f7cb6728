"""Errors shown to people: storage problems as plain messages, crashes logged to a file."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from annotator.paths import log_dir
from annotator.storage import errors as storage_errors

log = logging.getLogger("annotator.gui")
translate = QCoreApplication.translate


def storage_error_title(error: Exception) -> str:
    titles = {
        storage_errors.DatabaseLocked: translate("errors", "The project is in use"),
        storage_errors.DatabaseReadOnly: translate("errors", "The project cannot be saved"),
        storage_errors.DatabaseCorrupt: translate("errors", "The project file is damaged"),
        storage_errors.DatabaseTooNew: translate("errors", "The project needs a newer Annotator"),
        storage_errors.NotAProject: translate("errors", "This is not an Annotator project"),
    }
    fallback = translate("errors", "Project problem")
    return next((t for kind, t in titles.items() if isinstance(error, kind)), fallback)


def storage_error_advice(error: Exception) -> str:
    advice = {
        storage_errors.DatabaseLocked: translate(
            "errors",
            "Another program or window is writing to it. Close it or wait a moment, then try"
            " again. Nothing you labelled before was lost.",
        ),
        storage_errors.DatabaseReadOnly: translate(
            "errors",
            "The file or its folder cannot be written. Check their permissions, or copy the"
            " project to a folder you can write to and open the copy.",
        ),
        storage_errors.DatabaseCorrupt: translate(
            "errors", "Restore the project from a backup (a .bak file beside it)."
        ),
        storage_errors.DatabaseTooNew: translate(
            "errors", "Install the newer version of Annotator. The file was not changed."
        ),
        storage_errors.NotAProject: translate("errors", "Choose a file ending in .annotator."),
    }
    return next((a for kind, a in advice.items() if isinstance(error, kind)), "")


MESSAGE_WIDTH = 440  # Qt sizes a box by its short title and wraps advice into a thin column


def widen(box: QMessageBox, width: int = MESSAGE_WIDTH) -> QMessageBox:
    """Give a message box's text room, so that a paragraph reads as one."""
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = box.findChild(QLabel, name)
        if label is not None:
            label.setMinimumWidth(width)
    return box


def storage_error_box(parent: QWidget | None, error: Exception) -> QMessageBox:
    title = storage_error_title(error)
    box = QMessageBox(QMessageBox.Icon.Critical, title, title, parent=parent)
    box.setInformativeText(storage_error_advice(error))
    box.setDetailedText(str(error))  # the technical reason, with the file's path
    return widen(box)


def show_storage_error(parent: QWidget | None, error: Exception) -> None:
    storage_error_box(parent, error).exec()


def log_file() -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "annotator.log"


def configure_logging() -> Path | None:
    """Warnings and crashes go to a log file the user can send us (one handler, however
    often this is called)."""
    logger = logging.getLogger("annotator")
    for old in [h for h in logger.handlers if getattr(h, "annotator_log", False)]:
        logger.removeHandler(old)
        old.close()
    try:
        handler = logging.FileHandler(log_file(), encoding="utf-8")
    except OSError:
        return None
    handler.annotator_log = True
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return Path(handler.baseFilename)


class CrashReporter:
    """sys.excepthook: log the traceback, tell the user where it is, keep the app running.

    Every label is committed when it is made, so after an unexpected error nothing is lost;
    the dialog says so, which matters more to an annotator than the traceback. Storage
    errors (a locked or read-only project) get their own plain message instead.
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
        if isinstance(error, storage_errors.StorageError):
            log.warning("storage error: %s", error)
            self._once(lambda: show_storage_error(self.parent_getter(), error))
            return
        log.error("unexpected error at %s\n%s", dt.datetime.now().isoformat(), text)
        self._once(lambda: self._show(text))

    def _once(self, show) -> None:
        if self._showing:  # an error inside the dialog must not open dialogs forever
            return
        self._showing = True
        try:
            show()
        finally:
            self._showing = False

    def _show(self, text: str) -> None:
        title = translate("errors", "Something went wrong")
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, parent=self.parent_getter())
        box.setInformativeText(
            translate(
                "errors",
                "Your labels are saved as you make them, so nothing was lost."
                " The details were written to {path}.",
            ).format(path=log_file())
        )
        box.setDetailedText(text)
        widen(box).exec()
