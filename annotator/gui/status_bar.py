"""The status bar: who is annotating, progress in the article and overall, which file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.gui.session import AnnotationSession, count_overall
from annotator.storage.store import Store

MESSAGE_MS = 8000


class CountSignals(QObject):
    counted = Signal(object, int, int)  # the session asked for, done, total


class OverallCount(QRunnable):
    """Counts a whole project on a pool thread, on its own connection (0.4 s at 1M sentences)."""

    def __init__(self, session: AnnotationSession, signals: CountSignals):
        super().__init__()
        self.session, self.signals = session, signals
        self.path, self.annotator = session.store.path, session.annotator

    def run(self) -> None:
        try:
            with Store(self.path) as store:
                done, total = count_overall(store, self.annotator)
        except Exception:  # the figure is a nicety: never let it take the app down
            return
        with contextlib.suppress(RuntimeError):  # the window closed while counting
            self.signals.counted.emit(self.session, done, total)


class StatusLine(QObject):
    """Permanent labels on the status bar, updated from the session."""

    def __init__(self, bar: QStatusBar):
        super().__init__(bar)
        self.bar = bar
        self.labels = {
            name: QLabel(bar) for name in ("annotator", "article", "overall", "database")
        }
        for name, label in self.labels.items():
            label.setObjectName(f"status_{name}")
            bar.addPermanentWidget(label)
        self._signals = CountSignals(self)
        self._signals.counted.connect(self._counted)
        self._counting: AnnotationSession | None = None

    def update(self, session: AnnotationSession, database: Path) -> None:
        labels = self.labels
        labels["annotator"].setText(self.tr("Annotator: {name}").format(name=session.annotator))
        done, total = session.progress()
        labels["article"].setText(self.tr("Article: {done}/{total}").format(done=done, total=total))
        labels["database"].setText(database.name)
        labels["database"].setToolTip(str(database))
        overall = session.known_overall_progress()
        if overall is not None:
            self._show_overall(*overall)
        elif self._counting is not session:
            self._start_count(session)

    def _start_count(self, session: AnnotationSession) -> None:
        self._counting = session
        self.labels["overall"].setText(self.tr("Overall: counting…"))
        if session.store.path is None:  # an in-memory project cannot be opened twice
            session.overall_progress()
            self._counted(session, *session.overall_progress())
            return
        QThreadPool.globalInstance().start(OverallCount(session, self._signals))

    def _counted(self, session: AnnotationSession, done: int, total: int) -> None:
        if session.known_overall_progress() is None:
            session.accept_overall_count(done, total)
        self._show_overall(*session.known_overall_progress())

    def _show_overall(self, done: int, total: int) -> None:
        share = 100 * done / total if total else 0
        self.labels["overall"].setText(
            self.tr("Overall: {done}/{total} ({share:.1f}%)").format(
                done=f"{done:,}", total=f"{total:,}", share=share
            )
        )

    def show_message(self, text: str) -> None:
        self.bar.showMessage(text, MESSAGE_MS)
