"""Team → Review disagreements: one unit at a time, each annotator's themes beside it.

The lead decides with the labelling keys: digits toggle a theme of the decision, 0 decides
"no theme", Enter takes the majority and moves on, ↓ / ↑ walk the disagreements, Ctrl+Z /
Ctrl+Y undo and redo. Every decision is stored at once (app/team/review.py)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout, QWidget

from annotator.app.commands import Command
from annotator.app.team.review import ReviewItem, ReviewSession
from annotator.gui.errors import reported
from annotator.gui.fonts import reader_font
from annotator.gui.keyboard import command_for_event
from annotator.storage.store import Store

LRI, PDI = "\u2066", "\u2069"


class _CountSignals(QObject):
    counted = Signal(int)


class _Count(QRunnable):
    def __init__(self, path, theme, pair, signals: _CountSignals):
        super().__init__()
        self.path, self.theme, self.pair, self.signals = path, theme, pair, signals

    def run(self) -> None:
        with Store(self.path, read_only=True) as store:
            total = len(store.judgements.disagreements(self.theme, self.pair))
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.signals.counted.emit(total)


class ReviewWindow(QDialog):
    def __init__(self, review: ReviewSession, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.review, self.language = review, language
        self.names = {t.key: t.name(language) for t in review.store.themes.list(True)}
        self.setObjectName("review_window")
        self.setWindowTitle(self.tr("Review disagreements"))
        self.position = QLabel(self)
        self.position.setObjectName("review_position")
        self.text = QTextBrowser(self)
        self.text.setObjectName("review_text")
        self.text.setFont(reader_font(18))
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.judgements = QLabel(self)
        self.judgements.setObjectName("review_judgements")
        self.judgements.setTextFormat(Qt.TextFormat.RichText)
        help_line = QLabel(self.tr(
            "Digits: toggle a theme of the decision · 0: no theme · Enter: the majority, then"
            " the next · ↓ ↑: next / previous · Ctrl+Z: undo"
        ), self)  # fmt: skip
        help_line.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.position, self.text, self.judgements, help_line):
            layout.addWidget(widget)
        self.resize(820, 520)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.total: int | None = len(review.units) if review.exhausted else None
        review.subscribe(self.redraw)
        self.redraw()
        if self.total is None and review.store.path is not None:
            self._count_in_background()

    def _count_in_background(self) -> None:
        """The total takes a pass over every judgement: on a pool thread, its own connection."""
        self._signals = _CountSignals(self)
        self._signals.counted.connect(self._counted)
        job = _Count(self.review.store.path, self.review.theme, self.review.pair, self._signals)
        QThreadPool.globalInstance().start(job)

    def _counted(self, total: int) -> None:
        self.total = total
        self.redraw()

    def redraw(self) -> None:
        item = self.review.current()
        if item is None:
            self.position.setText(self.tr("No disagreements: the annotators agree everywhere."))
            self.text.clear()
            self.judgements.clear()
            return
        total = "…" if self.total is None else f"{self.total:,}"
        self.position.setText(self.tr("Disagreement {n} of {total} · decided: {decided}").format(
            n=self.review.index + 1, total=total, decided=self.review.decided()
        ))  # fmt: skip
        self.text.setPlainText(f"{item.article.title}\n\n{item.unit.text}")
        self.judgements.setText(self._judgements_html(item))

    def _judgements_html(self, item: ReviewItem) -> str:
        lines = [
            f"<b>{LRI}{name}{PDI}</b>: {self._themes(themes)}"
            for name, themes in sorted(item.judgements.items())
        ]
        lines.append(self.tr("<b>Majority</b>: {themes}").format(
            themes=self._themes(item.majority)))  # fmt: skip
        decision = (
            self.tr("not decided yet") if item.decision is None else self._themes(item.decision)
        )
        lines.append(self.tr("<b>Decision</b>: {themes}").format(themes=decision))
        return "<br>".join(lines)

    def _themes(self, keys: tuple[str, ...]) -> str:
        return "، ".join(self.names.get(k, k) for k in keys) if keys else self.tr("no theme")

    @reported
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._shortcut(event):
            event.accept()
            return
        found = command_for_event(event)
        actions = {
            Command.TOGGLE_THEME: lambda: self.review.toggle_shortcut(found.digit),
            Command.DONE_NO_THEME: self.review.none,
            Command.NEXT_UNIT: self.review.next,
            Command.PREVIOUS_UNIT: self.review.previous,
        }
        if found is None or found.command not in actions:
            super().keyPressEvent(event)
            return
        event.accept()
        actions[found.command]()

    def _shortcut(self, event: QKeyEvent) -> bool:
        """Enter, and Ctrl+Z / Ctrl+Y (matched by physical key, whatever the layout)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.review.accept_majority()
            return True
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.key() == Qt.Key.Key_Z:
                return self.review.undo() or True
            if event.key() == Qt.Key.Key_Y:
                return self.review.redo() or True
        return False
