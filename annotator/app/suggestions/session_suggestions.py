"""The suggestions an annotation session shows, accepts and navigates by (no Qt, no numpy).

The background worker stores suggestions in the project; the session reads those of the open
article when it opens (one indexed query) and again when the worker says it wrote some.

- Shown: outlined chips after each sentence not yet done, and each theme's confidence in the
  theme panel. Never a label until accepted: Enter gives the sentence exactly the suggested
  themes, logged as the action "accept" (a later change is an ordinary "set"), so a lead can
  measure how often suggestions are taken as they are.
- Hidden: when switched off (View menu), and by default on articles a team package assigns
  to more than one annotator, where suggestions would make their agreement look higher.
- Only themes in use: a theme retired since the suggestion was computed is left out.
- Most uncertain next (U): the sentence not yet done whose suggestion is least sure, in this
  article, then in the article ranked most uncertain (`ranking`, computed off the window's
  thread by uncertainty.py's measure).
"""

from __future__ import annotations

from annotator.app.navigation import Move
from annotator.app.session_events import Change
from annotator.app.suggestions.uncertainty import thresholds_of, unit_uncertainty
from annotator.core.status import DONE_STATUSES, Status
from annotator.storage.labels import done_state
from annotator.storage.rows import LabelChange, StoredSuggestion, UnitRecord

ARTICLES_TRIED = 5  # ranked articles opened in search of one with a sentence left to do


class SessionSuggestions:
    def __init__(self, session):
        self.session = session
        self.enabled = True  # View → Show suggestions
        self.on_shared = False  # View → Show suggestions on shared articles
        self.by_unit: dict[int, StoredSuggestion] = {}
        self.assigned = 0  # annotators the open article is assigned to
        self.thresholds: dict[str, float] = {}
        self.ranking: list[int] | None = None  # article ids, most uncertain first
        session.subscribe(self._on_session_event)

    def _on_session_event(self, event) -> None:
        if event.change is Change.ARTICLE:
            self.reload()

    def reload(self) -> None:
        """Read the open article's stored suggestions and the model's thresholds."""
        store, article = self.session.store, self.session.article
        self.by_unit = store.suggestions.for_article(article.id) if article else {}
        self.assigned = store.suggestions.annotators_assigned(article.id) if article else 0
        saved = store.suggestions.latest_model(with_data=False)
        self.thresholds = thresholds_of(saved.info) if saved else {}

    def refresh(self) -> None:
        """The worker wrote suggestions for the open article: read and redraw them."""
        self.reload()
        self.session._emit(Change.SUGGESTIONS)

    def set_shown(self, enabled: bool | None = None, on_shared: bool | None = None) -> None:
        self.enabled = self.enabled if enabled is None else enabled
        self.on_shared = self.on_shared if on_shared is None else on_shared
        self.session._emit(Change.SUGGESTIONS)

    # -- what is shown -----------------------------------------------------------------------

    def visible(self) -> bool:
        return self.enabled and (self.on_shared or self.assigned < 2)

    def hidden_as_shared(self) -> bool:
        return self.enabled and not self.on_shared and self.assigned >= 2

    def for_unit(self, unit: UnitRecord | None) -> StoredSuggestion | None:
        """A unit's suggestion over the themes in use, if suggestions are visible."""
        stored = self.by_unit.get(unit.id) if unit is not None and self.visible() else None
        if stored is None:
            return None
        active = {t.key for t in self.session.themes}
        return StoredSuggestion(
            tuple(k for k in stored.themes if k in active),
            {k: v for k, v in stored.scores.items() if k in active},
            stored.model_id,
        )

    def chips(self, unit: UnitRecord) -> tuple[str, ...]:
        """The suggested themes drawn after a unit: only on units not yet done."""
        if self.session.state_of(unit).status in DONE_STATUSES:
            return ()
        found = self.for_unit(unit)
        return found.themes if found else ()

    def chips_by_unit(self) -> dict[int, tuple[str, ...]]:
        return {u.id: themes for u in self.session.units if (themes := self.chips(u))}

    # -- uncertainty ---------------------------------------------------------------------------

    def most_uncertain_index(self, exclude: int | None) -> int | None:
        """The unit not yet seen whose suggestion is least sure (ties: the next in reading
        order); None when no such unit has a suggestion."""
        session, active = self.session, {t.key for t in self.session.themes}
        count, start = len(session.units), session.index
        best: tuple[tuple[float, int], int] | None = None  # (uncertainty, closeness), index
        for i, unit in enumerate(session.units):
            stored = self.by_unit.get(unit.id)
            if i == exclude or stored is None or session.state_of(unit).status != Status.NOT_SEEN:
                continue
            scores = {k: v for k, v in stored.scores.items() if k in active}
            key = (unit_uncertainty(scores, self.thresholds), -((i - start) % count))
            if best is None or key > best[0]:
                best = (key, i)
        return None if best is None else best[1]


class SuggestionMixin:
    """AnnotationSession's suggestion commands (it needs the session's units, store, undo)."""

    def accept_suggestion(self) -> LabelChange | None:
        """Enter: the current unit's shown suggestion becomes its labels, then the next unit
        not done; None (nothing done) when no suggestion is shown for it."""
        unit = self.current_unit
        themes = self.suggestions.chips(unit) if unit else ()
        if not themes:
            return None
        state = done_state(themes)
        change = self._record(
            self.store.labels.apply_state(unit.id, self.annotator, state, "accept")
        )
        self.next_unfinished_unit()
        return change

    def most_uncertain_next(self) -> Move:
        """U: the least sure sentence left in this article, else in the next ranked article."""
        index = self.suggestions.most_uncertain_index(exclude=self.index)
        if index is not None:
            return self.go_to_unit(index)
        ranked = [a for a in self.suggestions.ranking or () if a != self.article_id]
        for article_id in ranked[:ARTICLES_TRIED]:
            if self.open_article(article_id):
                index = self.suggestions.most_uncertain_index(exclude=None)
                if index is not None:
                    self.go_to_unit(index)
                    return Move.ARTICLE_OPENED
        self._emit(Change.NOTHING_UNCERTAIN)
        return Move.STAYED
