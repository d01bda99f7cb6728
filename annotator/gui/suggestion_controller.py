"""The window's side of the background suggestion process: start it, tell it, listen to it.

The process (app/suggestions/service.py) trains and scores in its own interpreter, so the
window's thread never does that work and never even imports scikit-learn. This object starts
it a moment after a project opens (the window comes up first), polls its events on a timer,
redraws the open article when its suggestions were written, and tells it what the annotator
does: an article opened (score it first), labels changed, articles imported or removed.
The uncertainty order of the articles is read on a pool thread with its own connection.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from annotator.app.session import AnnotationSession, Change, SessionEvent
from annotator.app.suggestions.ranking import rank_articles
from annotator.app.suggestions.service import SuggestionService

START_DELAY_MS = 1500  # after a project opens: the window is drawn and usable first
POLL_MS = 250
LABELS_NOTICE_MS = 5000  # the worker hears of new labels at most this often
log = logging.getLogger(__name__)


class RankingSignals(QObject):
    ready = Signal(str, list)  # project path, article ids most uncertain first


class RankingJob(QRunnable):
    def __init__(self, path: Path, annotator: str, keys: list[str], signals: RankingSignals):
        super().__init__()
        self.path, self.annotator, self.keys, self.signals = path, annotator, keys, signals

    def run(self) -> None:
        try:
            ranked = rank_articles(self.path, self.annotator, self.keys)
        except Exception:  # a nicety: U and the list's order wait for the next try
            log.warning("uncertainty order not computed", exc_info=True)
            return
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.signals.ready.emit(str(self.path), ranked)


class SuggestionController(QObject):
    status = Signal(str)  # a line for the status bar
    ranking_ready = Signal(list)  # article ids, most uncertain first

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.session: AnnotationSession | None = None
        self.path: Path | None = None
        self.service: SuggestionService | None = None
        self.start_timer = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self.start_timer.timeout.connect(self._start)
        self.poll_timer = QTimer(self, interval=POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.labels_timer = QTimer(self, singleShot=True, interval=LABELS_NOTICE_MS)
        self.labels_timer.timeout.connect(lambda: self.service and self.service.labels_changed())
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.ranking_signals = RankingSignals(self)
        self.ranking_signals.ready.connect(self._ranking_ready)

    # -- the project ---------------------------------------------------------------------------

    def open(self, session: AnnotationSession, path: Path | None) -> None:
        """Follow this session's project (the previous one's process is stopped)."""
        self.stop()
        self.session, self.path = session, Path(path) if path else None
        session.subscribe(self._on_session_event)
        if self.path is not None:
            self.start_timer.start()

    def _start(self) -> None:
        if self.path is None or self.session is None:
            return
        self.service = SuggestionService(self.path)
        self.service.start()
        self.poll_timer.start()
        if self.session.article_id is not None:
            self.service.article_opened(self.session.article_id)

    def stop(self) -> None:
        self.start_timer.stop()
        self.poll_timer.stop()
        self.labels_timer.stop()
        if self.service is not None:
            self.service.stop()
            self.service = None
        self.pool.waitForDone()

    def retrain(self) -> None:
        if self.service is None:
            self._start()
        if self.service is not None:
            self.service.retrain()
            self.status.emit(self.tr("Retraining the suggestions…"))

    def articles_changed(self) -> None:
        if self.service is not None:
            self.service.articles_changed()

    # -- following the session -------------------------------------------------------------

    def _on_session_event(self, event: SessionEvent) -> None:
        if self.service is None or self.session is None:
            return
        if event.change is Change.ARTICLE and self.session.article_id is not None:
            self.service.article_opened(self.session.article_id)
        elif event.change is Change.UNIT_STATE and not self.labels_timer.isActive():
            self.labels_timer.start()
        elif event.change in (Change.ARTICLES, Change.THEMES):
            self.service.articles_changed()
            self.service.labels_changed()

    # -- listening to the process -------------------------------------------------------------

    def poll(self) -> None:
        if self.service is None:
            return
        for event in self.service.poll():
            self._handle(event)
        if self.service is not None and not self.service.is_running():
            self.poll_timer.stop()  # ended (an error was said) or died: nothing more will come
            if self.service.process is not None and self.service.process.exitcode not in (0, None):
                self.status.emit(self.tr("Suggestions stopped: their process ended unexpectedly"))

    def _handle(self, event: dict) -> None:
        kind, session = event.get("kind"), self.session
        if kind == "written" and session is not None and session.article_id in event["articles"]:
            session.suggestions.refresh()
        elif kind == "model":
            self._model_trained(event)
        elif kind == "training":
            self.status.emit(self.tr("Training the suggestions on the project's labels…"))
        elif kind == "progress" and event.get("finished"):
            self.status.emit(
                self.tr("Suggestions ready for all {count} sentences").format(
                    count=f"{event['total']:,}"
                )
            )
            self.compute_ranking()
        elif kind in ("message", "error", "unavailable"):
            text = event.get("text", "")
            log.warning("suggestions: %s", text)
            self.status.emit(self.tr("Suggestions: {problem}").format(problem=text))

    def _model_trained(self, event: dict) -> None:
        self.status.emit(
            self.tr("Suggestions trained on {count} labelled sentences").format(
                count=f"{event['training_size']:,}"
            )
        )
        if self.session is not None:
            self.session.suggestions.refresh()
            if self.session.article_id is not None and self.service is not None:
                self.service.article_opened(self.session.article_id)

    # -- the uncertainty order ---------------------------------------------------------------

    def compute_ranking(self) -> None:
        if self.path is None or self.session is None:
            return
        keys = [t.key for t in self.session.themes]
        self.pool.start(RankingJob(self.path, self.session.annotator, keys, self.ranking_signals))

    def _ranking_ready(self, path: str, ranked: list) -> None:
        if self.session is None or self.path is None or Path(path) != self.path:
            return  # a project the window has left
        self.session.suggestions.ranking = ranked
        self.ranking_ready.emit(ranked)
