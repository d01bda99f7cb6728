"""What a suggestion model learns from: the project's units marked done, as labelled.

Every annotator who marked a unit done gives one example (two annotators who disagree give
two: the model then scores that text in between, which is what their disagreement says);
where a lead adjudicated a unit, the decision alone. Skipped and unseen units teach nothing.
The article is the group: cross-validation never puts one article on both sides.
"""

from __future__ import annotations

from annotator.core.suggest.model import LabelledUnit
from annotator.storage.store import Store


def training_units(store: Store) -> tuple[list[LabelledUnit], int]:
    """The labelled units, and the newest event id they include (read in one snapshot)."""
    rows, last_event = store.suggestions.training_data()
    units = [LabelledUnit(r.text, frozenset(r.themes), str(r.article_id)) for r in rows]
    return units, last_event
