"""The window's handle on the background process that computes suggestions (no Qt here).

    service = SuggestionService(project_path)
    service.start()                 # a "spawn" process: the window's thread never trains
    service.article_opened(7)       # score it first
    for event in service.poll(): ...   # {"kind": "written", "articles": [7]}, ...
    service.stop()

"spawn" rather than fork: the window's process holds Qt threads and a SQLite connection,
which a forked child must not inherit. The child's life is tied to the window's (it dies
with it, and ignores Ctrl-C, as the import workers do). Importing this module costs nothing:
numpy and scikit-learn are imported by the child only.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from pathlib import Path

STOP_SECONDS = 2.0  # a worker busy training is stopped after this long


def service_main(path: str, commands, events, parent_pid: int) -> None:
    """The child process's entry point."""
    from annotator.app.import_pool import worker_started
    from annotator.app.suggestions.worker import run_worker

    worker_started(parent_pid)
    run_worker(path, commands, events)


class SuggestionService:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.process = None
        self._context = multiprocessing.get_context("spawn")
        self._commands = self._events = None

    def start(self) -> None:
        if self.is_running():
            return
        self._commands, self._events = self._context.Queue(), self._context.Queue()
        self.process = self._context.Process(
            target=service_main,
            args=(str(self.path), self._commands, self._events, os.getpid()),
            name="annotator-suggestions",
            daemon=True,
        )
        self.process.start()

    def is_running(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def send(self, kind: str, **fields) -> None:
        if self.is_running():
            self._commands.put({"kind": kind, **fields})

    def article_opened(self, article_id: int) -> None:
        self.send("article", article_id=article_id)

    def labels_changed(self) -> None:
        self.send("labels_changed")

    def articles_changed(self) -> None:
        self.send("articles_changed")

    def retrain(self) -> None:
        self.send("retrain")

    def poll(self) -> list[dict]:
        """The events the worker sent since the last poll (never blocks)."""
        found: list[dict] = []
        if self._events is None:
            return found
        while True:
            try:
                found.append(self._events.get_nowait())
            except (queue.Empty, OSError, ValueError):
                return found

    def stop(self, timeout: float = STOP_SECONDS) -> None:
        """Ask the worker to stop, then end it if it is busy (SQLite keeps the file whole)."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.is_alive():
            self._commands.put({"kind": "stop"})
            process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join(5)
        for channel in (self._commands, self._events):
            channel.cancel_join_thread()
            channel.close()
        self._commands = self._events = None
