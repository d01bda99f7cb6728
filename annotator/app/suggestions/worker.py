"""The background process that keeps a project's suggestions current (started by service.py).

Its loop, between batches of work:
1. reads the window's commands (an article opened: score it first; labels or articles
   changed; retrain now; stop);
2. trains when the policy says so (at start, and every CHECK_SECONDS while labels come in);
3. scores the articles asked for, then the rest of the project one batch at a time.
Everything it has to say goes back as plain dicts on the events queue: a model trained,
articles whose suggestions were written, progress, a message, an error.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import time
from collections import deque
from pathlib import Path

from annotator.app.suggestions.engine import SuggestionEngine
from annotator.storage.errors import StorageError
from annotator.storage.store import Store

CHECK_SECONDS = 10.0  # how often new labels are counted while the worker is idle
WRITE_REST_SECONDS = 0.002  # between write transactions: the window's labels go first
log = logging.getLogger(__name__)


class SuggestionWorker:
    def __init__(self, store: Store, commands, events):
        self.store, self.commands, self.events = store, commands, events
        self.engine = SuggestionEngine(store, report=lambda text: self.emit("message", text=text))
        self.articles: deque[int] = deque()
        self.stopping = False
        self.force_retrain = False
        self.project_done = False
        self.next_check = 0.0

    def emit(self, kind: str, **fields) -> None:
        self.events.put({"kind": kind, **fields})

    def run(self) -> None:
        while not self.stopping:
            self.read_commands(block=self.project_done and not self.articles)
            if self.stopping:
                break
            if self.force_retrain or time.monotonic() >= self.next_check:
                self.check_model()
            if self.articles:
                self.score_article(self.articles.popleft())
            elif not self.project_done:
                self.score_batch()

    def read_commands(self, block: bool) -> None:
        timeout = max(0.05, self.next_check - time.monotonic()) if block else None
        try:
            command = self.commands.get(timeout=timeout) if block else self.commands.get_nowait()
            while True:
                self.handle(command)
                command = self.commands.get_nowait()
        except queue.Empty:
            return

    def handle(self, command: dict) -> None:
        kind = command.get("kind")
        if kind == "stop":
            self.stopping = True
        elif kind == "article":
            article_id = int(command["article_id"])
            with contextlib.suppress(ValueError):
                self.articles.remove(article_id)
            self.articles.appendleft(article_id)
        elif kind == "retrain":
            self.force_retrain = True
        elif kind == "labels_changed":
            self.next_check = 0.0
        elif kind == "articles_changed":
            self.engine.restart_pass()
            self.project_done = False

    def check_model(self) -> None:
        force, self.force_retrain = self.force_retrain, False
        started = time.monotonic()
        reasons = self.engine.ensure_model(
            force=force, training=lambda why: self.emit("training", reasons=why)
        )
        self.next_check = time.monotonic() + CHECK_SECONDS
        if reasons:
            self.project_done = False
            current = self.engine.current
            self.emit(
                "model", model_id=current.id, training_size=current.training_size,
                info=current.info, seconds=round(time.monotonic() - started, 2),
            )  # fmt: skip

    def score_article(self, article_id: int) -> None:
        if self.engine.suggest_article(article_id):
            self.emit("written", articles=[article_id])

    def score_batch(self) -> None:
        written, articles = self.engine.suggest_next_batch(
            stop=self.stop_requested, pause=self.rest
        )
        if not written:
            self.project_done = True
            done, total = self.store.suggestions.coverage(self.engine.scorer.model_id)
            self.emit("progress", done=done, total=total, finished=True)
            return
        self.emit("written", articles=sorted(articles))

    def stop_requested(self) -> bool:
        """Between write transactions: a stop or an article to score first ends the batch."""
        self.read_commands(block=False)
        return self.stopping or bool(self.articles)

    @staticmethod
    def rest() -> None:
        time.sleep(WRITE_REST_SECONDS)


def run_worker(path: str, commands, events) -> None:
    """The process's work: any failure is reported to the window, never a silent death."""
    try:
        with Store(Path(path)) as store:
            if store.read_only:
                events.put({"kind": "unavailable", "text": "the project cannot be written"})
                return
            SuggestionWorker(store, commands, events).run()
    except StorageError as error:
        events.put({"kind": "error", "text": str(error)})
    except Exception as error:  # reported, and logged with its traceback
        log.exception("suggestion worker failed")
        events.put({"kind": "error", "text": f"{type(error).__name__}: {error}"})
    finally:
        events.put({"kind": "stopped"})
