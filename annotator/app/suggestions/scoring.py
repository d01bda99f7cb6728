"""Compute suggestions with a project's model and store them, in batches.

Units are scored SCORE_BATCH at a time (numpy works best on big batches) and written
WRITE_ROWS rows per transaction, each holding the project's write lock for a few
milliseconds only, so an annotator's label never waits long behind them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from annotator.app.suggestions.models import ProjectModel
from annotator.core.suggest.suggester import Suggester
from annotator.storage.store import Store

SCORE_BATCH = 10_000  # units scored together
WRITE_ROWS = 1_000  # rows per write transaction
DECIMALS = 3

Row = tuple[int, int, list[str], dict[str, float]]  # unit id, model id, suggested, scores


class Scorer:
    """Turns (unit id, text) pairs into suggestion rows for one model and scheme."""

    def __init__(self, project_model: ProjectModel, theme_keys: Sequence[str], lexicons: Mapping):
        self.model_id = project_model.id
        self.theme_keys = tuple(theme_keys)
        self.suggester = Suggester(theme_keys, lexicons, project_model.model)

    def rows(self, units: Sequence[tuple]) -> list[Row]:
        """`units` are (unit id, ..., text) rows: the text is the last field."""
        batch = self.suggester.suggest([unit[-1] for unit in units])
        keys, rows = self.theme_keys, []
        for unit, scores, suggested in zip(units, batch.scores, batch.suggested, strict=True):
            rows.append(
                (
                    unit[0],
                    self.model_id,
                    [k for k, on in zip(keys, suggested, strict=True) if on],
                    {k: round(float(s), DECIMALS) for k, s in zip(keys, scores, strict=True)},
                )
            )
        return rows


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
        written += store.suggestions.write(rows[start : start + WRITE_ROWS])
    return written


def suggest_article(store: Store, scorer: Scorer, article_id: int) -> int:
    """Compute the units of one article that this model has not scored yet."""
    units = store.suggestions.pending_in_article(article_id, scorer.model_id)
    return write_rows(store, scorer.rows(units)) if units else 0


def next_batch(store: Store, scorer: Scorer, after_unit: int) -> list[tuple]:
    """The next units (unit id, article id, text) this model has not scored, by unit id."""
    return store.suggestions.pending(scorer.model_id, after_unit, SCORE_BATCH)
