"""A project's suggestion model: read back from the project, or trained and saved in it.

A saved model that cannot be used (written by a newer Annotator, or damaged) is never
trusted: `load_saved` says why, the caller reports it and trains a new one. What the model
knows about itself (training size, date, thresholds, cross-validated scores, why it was
trained) is saved beside it as JSON, so the window can show it without numpy.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from annotator.app.suggestions.training import training_units
from annotator.core.suggest.model import SuggestionModel, train
from annotator.core.suggest.serialize import FORMAT_VERSION, ModelFormatError, from_bytes, to_bytes
from annotator.storage.clock import utc_now
from annotator.storage.store import Store


@dataclass
class ProjectModel:
    model: SuggestionModel
    id: int  # its row in the project (0: not saved, the project is read-only)
    training_size: int
    last_event_id: int  # the newest event its training data included
    info: dict


def load_saved(store: Store) -> tuple[ProjectModel | None, str | None]:
    """The newest saved model, or (None, why it cannot be used); (None, None): none saved."""
    saved = store.suggestions.latest_model()
    if saved is None:
        return None, None
    try:
        model = from_bytes(saved.data or b"")
    except ModelFormatError as error:
        return None, str(error)
    return ProjectModel(model, saved.id, saved.labels, saved.last_event_id, saved.info), None


def train_and_save(
    store: Store, theme_keys: Sequence[str], lexicons: Mapping, reasons: Sequence[str]
) -> ProjectModel:
    """Train on the project's labels now and save the model (unless the project is read-only)."""
    units, last_event = training_units(store)
    model = train(units, lexicons, theme_keys)
    info = model_info(model, reasons)
    model_id = 0
    if not store.read_only:
        model_id = store.suggestions.save_model(
            FORMAT_VERSION, len(units), last_event, info, to_bytes(model), utc_now()
        )
    return ProjectModel(model, model_id, len(units), last_event, info)


def model_info(model: SuggestionModel, reasons: Sequence[str]) -> dict:
    """What the window and `suggest --evaluate` show about a model (JSON, no NaN)."""
    info = asdict(model.info)
    info["cv_scores"] = {
        key: {name: _finite(value) for name, value in scores.items()}
        for key, scores in model.info.cv_scores.items()
    }
    return {
        **info,
        "theme_keys": list(model.theme_keys),
        "thresholds": {k: _finite(t.threshold) for k, t in model.themes.items()},
        "positives": {k: t.positives for k, t in model.themes.items()},
        "classifiers": [k for k, t in model.themes.items() if t.coef is not None],
        "reasons": list(reasons),
        "format_version": FORMAT_VERSION,
    }


def _finite(value: float) -> float:
    return round(float(value), 4) if math.isfinite(value) else 0.0
