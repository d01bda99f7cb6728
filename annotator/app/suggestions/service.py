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

import contextlib
import multiprocessing
import os
import queue
import sys
from pathlib import Path

STOP_SECONDS = 2.0  # a worker busy training is stopped after this long
BACKGROUND_NICENESS = 19  # POSIX: the lowest priority; the window's process goes first
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def background_process() -> None:
    """Make this (child) process a considerate background worker, before numpy is imported.

    One thread for numpy's libraries (OpenBLAS would otherwise take every core for a matrix
    product, and on a two-core workstation the window's thread with it) and the lowest
    priority. Measured (tests/perf/bench_gui_suggestions.py --quick, a busy 2-core machine):
    key -> label p99 while a model trained 27 ms with neither, 20 ms at niceness 10, 8 ms at
    19 (10.8 ms with nothing in the background, same run). Idle processor time still goes
    to the worker in full.
    """
    for name in _ONE_THREAD:
        os.environ[name] = "1"
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICENESS)
    elif sys.platform == "win32":  # pragma: no cover - BELOW_NORMAL_PRIORITY_CLASS
        with contextlib.suppress(Exception):
            import ctypes

            kernel = ctypes.windll.kernel32
            kernel.SetPriorityClass(kernel.GetCurrentProcess(), 0x4000)


def service_main(path: str, commands, events, parent_pid: int) -> None:
    """The child process's entry point."""
    background_process()
    try:
        from annotator.app.import_pool import worker_started
        from annotator.app.suggestions.worker import run_worker
    except Exception as error:  # an installation missing a part: said, not a silent death
        events.put({"kind": "error", "text": f"suggestions cannot run: {error}"})
        events.put({"kind": "stopped"})
        return
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


class BackgroundEvaluation:
    """Suggestion quality measured in a one-off "spawn" process (seconds to minutes on a big
    project); `poll()` gives its outcome once there is one, `cancel()` ends it."""

    def __init__(self, path: Path, folds: int = 5):
        context = multiprocessing.get_context("spawn")
        self._outcome = context.Queue()
        self.process = context.Process(
            target=evaluation_main,
            args=(str(path), folds, self._outcome, os.getpid()),
            name="annotator-suggestion-quality",
            daemon=True,
        )
        self.process.start()

    def poll(self) -> dict | None:
        """{"result": evaluation JSON} or {"error": text} once done; None while it runs."""
        try:
            return self._outcome.get_nowait()
        except queue.Empty:
            if not self.process.is_alive() and self.process.exitcode not in (0, None):
                return {"error": f"the measuring process stopped (code {self.process.exitcode})"}
            return None

    def cancel(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self._outcome.cancel_join_thread()
        self._outcome.close()


def evaluation_main(path: str, folds: int, outcome, parent_pid: int) -> None:
    """Runs in the child: the project's suggestion quality as plain JSON, or why not."""
    background_process()
    from annotator.app.import_pool import worker_started
    from annotator.app.suggestions.evaluation import evaluate_project
    from annotator.storage.store import Store

    worker_started(parent_pid)
    try:
        with Store(Path(path), read_only=True) as store:
            outcome.put({"result": evaluate_project(store, folds=folds).as_json()})
    except Exception as error:  # shown in the dialog, never a silent end
        outcome.put({"error": f"{type(error).__name__}: {error}"})
