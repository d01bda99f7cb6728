"""Compute suggestions with a project's model and store them, in batches.

Units are scored SCORE_BATCH at a time (numpy works best on big batches) and written
WRITE_ROWS rows per transaction, each holding the project's write lock for a few
milliseconds only, so an annotator's label never waits long behind them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

from annotator.app.suggestions.models import ProjectModel
from annotator.core.suggest.suggester import Suggester
from annotator.storage.store import Store

SCORE_BATCH = 10_000  # units scored together
WRITE_ROWS = 1_000  # rows per write transaction
DECIMALS = 3

Row = tuple[int, int, str, str]  # unit id, model id, suggested keys and scores as JSON


class Scorer:
    """Turns (unit id, text) pairs into suggestion rows for one model and scheme.

    The JSON is written from a template (theme keys are [a-z0-9_], nothing to escape) and the
    few distinct sets of suggested themes are encoded once: at a million rows, json.dumps per
    row cost a fifth of the whole pass.
    """

    def __init__(self, project_model: ProjectModel, theme_keys: Sequence[str], lexicons: Mapping):
        self.model_id = project_model.id
        self.theme_keys = tuple(theme_keys)
        self.suggester = Suggester(theme_keys, lexicons, project_model.model)
        self._scores_json = "{" + ",".join(f'"{k}":%.{DECIMALS}f' for k in self.theme_keys) + "}"
        self._themes_json: dict[tuple[bool, ...], str] = {}

    def rows(self, units: Sequence[tuple]) -> list[Row]:
        """`units` are (unit id, ..., text) rows: the text is the last field."""
        batch = self.suggester.suggest([unit[-1] for unit in units])
        template, model_id = self._scores_json, self.model_id
        suggested = [self._themes(tuple(row)) for row in batch.suggested.tolist()]
        return [
            (unit[0], model_id, themes, template % tuple(scores))
            for unit, themes, scores in zip(units, suggested, batch.scores.tolist(), strict=True)
        ]

    def _themes(self, mask: tuple[bool, ...]) -> str:
        found = self._themes_json.get(mask)
        if found is None:
            chosen = [k for k, on in zip(self.theme_keys, mask, strict=True) if on]
            found = self._themes_json[mask] = json.dumps(chosen)
        return found


def write_rows(
    store: Store, rows: list[Row], stop: Callable[[], bool] = lambda: False, pause=None
) -> int:
    """Write rows WRITE_ROWS per transaction; `pause()` runs between them (the window's turn)."""
    written = 0
    for start in range(0, len(rows), WRITE_ROWS):
        if stop():
            break
        if pause is not None and start:
            pause()
        written += store.suggestions.write_json(rows[start : start + WRITE_ROWS])
    return written


def suggest_article(store: Store, scorer: Scorer, article_id: int) -> int:
    """Compute the units of one article that this model has not scored yet."""
    units = store.suggestions.pending_in_article(article_id, scorer.model_id)
    return write_rows(store, scorer.rows(units)) if units else 0


def next_batch(store: Store, scorer: Scorer, after_unit: int) -> list[tuple]:
    """The next units (unit id, article id, text) this model has not scored, by unit id."""
    return store.suggestions.pending(scorer.model_id, after_unit, SCORE_BATCH)
