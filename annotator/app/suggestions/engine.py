"""The project's suggestions kept current: one object the command line and the worker drive.

    engine = SuggestionEngine(store, report=print)
    engine.ensure_model()            # load, or train when the policy says so
    engine.suggest_article(7)        # that article first
    while engine.suggest_next_batch():  # then the rest of the project, batch by batch
        ...

A saved model that cannot be used is reported (`report`) and replaced by a new one.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.app.suggestions.models import ProjectModel, load_saved, train_and_save
from annotator.app.suggestions.policy import ModelState, retrain_reasons
from annotator.app.suggestions.scheme import active_scheme
from annotator.app.suggestions.scoring import Scorer, next_batch, suggest_article, write_rows
from annotator.core.suggest.suggester import Suggester
from annotator.storage.store import Store

RETRAIN_ASKED = "retraining was asked for"


class SuggestionEngine:
    def __init__(self, store: Store, report: Callable[[str], None] = lambda _message: None):
        self.store, self.report = store, report
        self.current: ProjectModel | None = None
        self.scorer: Scorer | None = None
        self._loaded = False
        self._after_unit = 0  # where the pass over the project has got to

    def ensure_model(
        self, eager: bool = False, force: bool = False, training=lambda _reasons: None
    ) -> list[str]:
        """Train if the policy (or `force`) says so; returns why it trained ([]: it did not).

        `training(reasons)` is called just before a training starts."""
        keys, lexicons = active_scheme(self.store)
        problem = None
        if not self._loaded:
            self.current, problem = load_saved(self.store)
            self._loaded = True
            if problem:
                self.report(f"{problem}; a new model is trained")
        reasons = (
            [RETRAIN_ASKED]
            if force
            else retrain_reasons(self._state(problem, keys, lexicons), eager)
        )
        if reasons:
            training(reasons)
            self.current = train_and_save(self.store, keys, lexicons, reasons)
            self.restart_pass()
        if reasons or self.scorer is None or self.scorer.theme_keys != keys:
            self.scorer = Scorer(self.current, keys, lexicons)
        return reasons

    def _state(self, problem: str | None, keys, lexicons) -> ModelState:
        current = self.current
        if current is None:
            return ModelState(problem is not None, problem, (), 0, 0)
        stale = Suggester(keys, lexicons, current.model).staleness(lexicons)
        changed = self.store.suggestions.changed_since(current.last_event_id)
        return ModelState(True, None, tuple(stale), current.training_size, changed)

    def restart_pass(self) -> None:
        self._after_unit = 0

    def suggest_article(self, article_id: int) -> int:
        """Score the units of one article the current model has not scored; how many."""
        assert self.scorer is not None, "ensure_model() first"
        return suggest_article(self.store, self.scorer, article_id)

    def suggest_next_batch(
        self, stop: Callable[[], bool] = lambda: False, pause=None
    ) -> tuple[int, set[int]]:
        """Score and store the next batch of units not yet scored by this model.

        Returns (units written, their articles); (0, set()) once the project is done."""
        assert self.scorer is not None, "ensure_model() first"
        units = next_batch(self.store, self.scorer, self._after_unit)
        if not units:
            return 0, set()
        rows = self.scorer.rows(units)
        written = write_rows(self.store, rows, stop, pause)
        done_units = units[:written]
        if done_units:
            self._after_unit = done_units[-1][0]
        return written, {unit[1] for unit in done_units}

    def suggest_all(self, progress: Callable[[int], None] = lambda _n: None) -> int:
        """Score every unit not yet scored by the current model (the command line's pass)."""
        total = 0
        while True:
            written, _articles = self.suggest_next_batch()
            if not written:
                return total
            total += written
            progress(total)
