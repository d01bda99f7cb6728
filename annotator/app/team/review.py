"""Settling disagreements: a lead walks the units where annotators disagree (no Qt here).

The lead sets each unit's final themes with the labelling keys (digits toggle, 0 none, Enter
the majority, down the next disagreement). A decision is an adjudication, stored apart from
everyone's labels (which never change), logged as an event and undoable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.status import DONE_STATUSES
from annotator.storage.rows import ArticleRecord, UnitRecord
from annotator.storage.store import Store

PAGE = 100  # disagreements read at a time


@dataclass(frozen=True)
class ReviewItem:
    """One unit under review, as the reader shows it."""

    unit: UnitRecord
    article: ArticleRecord
    judgements: dict[str, tuple[str, ...]]  # each annotator who finished it -> their themes
    majority: tuple[str, ...]  # themes more than half of them chose
    decision: tuple[str, ...] | None  # the lead's, if any


class ReviewSession:
    def __init__(
        self,
        store: Store,
        lead: str,
        theme: str | None = None,
        pair: tuple[str, str] | None = None,
    ):
        self.store, self.lead, self.theme, self.pair = store, lead, theme, pair
        self.units: list[int] = []  # disagreements found so far, in article order
        self._last: tuple[int, int] | None = None  # (article, index) of the last one found
        self.exhausted = False  # every disagreement is in `units`
        self.index = 0
        self._fetch()
        self._keys = [t.key for t in store.themes.list(include_retired=True)]
        self._undo: list[tuple[int, tuple | None, tuple | None]] = []  # unit, before, after
        self._redo: list[tuple[int, tuple | None, tuple | None]] = []
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- what is shown ------------------------------------------------------------------------

    def current(self) -> ReviewItem | None:
        if not self.units:
            return None
        unit_id = self.units[self.index]
        unit = self.store.articles.unit(unit_id)
        states = self.store.labels.unit_states(unit_id)
        judgements = {
            name: state.themes for name, state in states.items() if state.status in DONE_STATUSES
        }
        votes = Counter(key for themes in judgements.values() for key in themes)
        majority = tuple(k for k in self._keys if votes[k] > len(judgements) / 2)
        return ReviewItem(
            unit,
            self.store.articles.get(unit.article_id),
            judgements,
            majority,
            self.store.adjudications.get(unit_id),
        )

    def _fetch(self) -> bool:
        """The next page of disagreements (a few milliseconds, whatever the project's size)."""
        if self.exhausted:
            return False
        page = self.store.judgements.disagreements_after(self._last, PAGE, self.theme, self.pair)
        if len(page) < PAGE:
            self.exhausted = True
        if page:
            self.units.extend(unit for unit, _article, _index in page)
            self._last = page[-1][1:]
        return bool(page)

    def count(self) -> int:
        """How many disagreements there are in all (a whole pass: the window asks off its
        thread, on its own connection)."""
        return len(self.store.judgements.disagreements(self.theme, self.pair))

    def decided(self) -> int:
        return self.store.adjudications.count()

    # -- moving --------------------------------------------------------------------------------

    def go_to(self, index: int) -> bool:
        while index >= len(self.units) - 1 and self._fetch():
            pass  # keep a page ahead of the lead
        if not 0 <= index < len(self.units) or index == self.index:
            return False
        self.index = index
        self._changed()
        return True

    def next(self) -> bool:
        return self.go_to(self.index + 1)

    def previous(self) -> bool:
        return self.go_to(self.index - 1)

    # -- deciding ------------------------------------------------------------------------------

    def toggle(self, key: str) -> None:
        """Add or remove a theme from the decision (starting from the majority)."""
        item = self.current()
        if item is None:
            return
        start = item.decision if item.decision is not None else item.majority
        themes = [k for k in start if k != key] if key in start else [*start, key]
        self._decide(item.unit.id, tuple(themes))

    def toggle_shortcut(self, digit: int) -> None:
        theme = next((t for t in self.store.themes.list() if t.shortcut == digit), None)
        if theme is not None:
            self.toggle(theme.key)

    def none(self) -> None:
        item = self.current()
        if item is not None:
            self._decide(item.unit.id, ())

    def accept_majority(self) -> None:
        """Enter: the majority becomes the decision, then the next disagreement."""
        item = self.current()
        if item is not None:
            self._decide(item.unit.id, item.majority)
            self.next()

    def _decide(self, unit_id: int, themes: tuple[str, ...] | None) -> None:
        before = self.store.adjudications.decide(unit_id, themes, self.lead)
        self._undo.append((unit_id, before, self.store.adjudications.get(unit_id)))
        self._redo.clear()
        self._changed()

    def undo(self) -> bool:
        return self._step(self._undo, self._redo, back=True)

    def redo(self) -> bool:
        return self._step(self._redo, self._undo, back=False)

    def _step(self, source: list, target: list, back: bool) -> bool:
        if not source:
            return False
        unit_id, before, after = source.pop()
        self.store.adjudications.decide(unit_id, before if back else after, self.lead)
        target.append((unit_id, before, after))
        if unit_id in self.units:
            self.index = self.units.index(unit_id)
        self._changed()
        return True
