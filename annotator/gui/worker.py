"""The base of the background workers (import, export): cancellable, never touching widgets."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject


class CancellableWorker(QObject):
    """Runs in a QThread; the GUI thread asks it to stop, and the work checks between steps."""

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: called from the GUI thread while run() works in the worker thread."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()
