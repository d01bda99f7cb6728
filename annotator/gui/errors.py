"""Errors shown to people: storage problems as plain messages, crashes logged to a file."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from annotator.app.paths import log_dir
from annotator.storage import errors as storage_errors

log = logging.getLogger("annotator.gui")
translate = QCoreApplication.translate


def storage_error_title(error: Exception) -> str:
    titles = {
        storage_errors.DatabaseLocked: translate("errors", "The project is in use"),
        storage_errors.DatabaseReadOnly: translate("errors", "The project cannot be saved"),
        storage_errors.DatabaseCorrupt: translate("errors", "The project file is damaged"),
        storage_errors.DiskFull: translate("errors", "The disk is full"),
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
        storage_errors.DiskFull: translate(
            "errors",
            "The last change could not be saved. Everything saved before it is safe. Free some"
            " space on the disk, then go on where you were.",
        ),
        storage_errors.DatabaseTooNew: translate(
            "errors", "Install the newer version of Annotator. The file was not changed."
        ),
        storage_errors.NotAProject: translate("errors", "Choose a file ending in .annotator."),
    }
    if isinstance(error, storage_errors.DatabaseCorrupt):
        return corrupt_advice(error)
    return next((a for kind, a in advice.items() if isinstance(error, kind)), "")


def corrupt_advice(error: storage_errors.DatabaseCorrupt) -> str:
    """Name the newest backup when there is one: the person should not have to hunt for it."""
    stopped = translate("errors", "No more changes are written to it, so nothing more is lost.")
    if error.backup is None:
        restore = translate(
            "errors", "No backup (.bak) was found beside it: restore it from your own backups."
        )
    else:
        restore = translate(
            "errors",
            "To restore it, close Annotator, move the damaged file aside and copy the newest"
            " backup in its place: {backup}",
        ).format(backup=f"\u2066{error.backup}\u2069")
    return f"{stopped} {restore}"


def reported(method):
    """For Qt's virtual overrides (keyPressEvent, eventFilter): an exception raised there is
    wrapped by PySide with a mangled message (and can crash Qt), so hand it to the app's
    excepthook here, as a slot's would be, and carry on."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except Exception:  # reported to the person by the excepthook
            sys.excepthook(*sys.exc_info())
            return True  # the event was handled (as far as it could be)

    return wrapper


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


_REPORTED: set[str] = set()  # storage problems already shown in a message box


def report_storage_error(parent: QWidget | None, error: Exception) -> None:
    """A message box the first time; the same problem again (a damaged project refusing
    every key press) only in the window's status bar, so the annotator is never trapped
    in a stream of dialogs."""
    status = getattr(parent, "status", None)
    if str(error) in _REPORTED and status is not None:
        status.show_message(storage_error_title(error))
        return
    _REPORTED.add(str(error))
    show_storage_error(parent, error)


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
            self._storage_error(error)
            return
        log.error("unexpected error at %s\n%s", dt.datetime.now().isoformat(), text)
        self._once(lambda: self._show(text))

    def _storage_error(self, error: storage_errors.StorageError) -> None:
        parent = self.parent_getter()
        self._once(lambda: report_storage_error(parent, error))

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
