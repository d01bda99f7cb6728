"""When a project's suggestion model is (re)trained.

- no model yet, or one that cannot be used (written by a newer version, damaged): train now;
- themes added or retired, or keywords changed since training: train now (fast: the lexicons
  change what every suggestion means);
- new labels: the window retrains once `retrain_interval` units have changed since the model
  read its labels, so that retraining costs a steady share of the annotators' time: after the
  first 100 sentences, then every 100, and from 500 labelled sentences on every fifth of what
  the model learned from (10,000 labels: every 2,000);
- the command line retrains whenever any label changed since (its answer must be current);
- on demand (Tools → Retrain suggestions now, `annotator suggest --retrain`).
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_MODEL_AT = 100  # labelled units before the first model beyond the lexicons
GROWTH = 5  # then retrain after a fifth of the training size is new


def retrain_interval(training_size: int) -> int:
    """New or changed labelled units that make a model of this training size out of date."""
    return max(FIRST_MODEL_AT, training_size // GROWTH)


@dataclass(frozen=True)
class ModelState:
    """What is known about the saved model when deciding."""

    saved: bool  # a model row exists
    problem: str | None  # why the saved model cannot be used (newer format, damaged)
    stale: tuple[str, ...]  # themes or keywords changed since training
    training_size: int  # labelled units it learned from
    changed_since: int  # units whose labels changed after it read them


def retrain_reasons(state: ModelState, eager: bool = False) -> list[str]:
    """Why to train now ([]: keep the model). `eager`: any changed label is a reason."""
    if not state.saved:
        return ["no model has been trained yet"]
    if state.problem:
        return [state.problem]
    reasons = list(state.stale)
    threshold = 1 if eager else retrain_interval(state.training_size)
    if state.changed_since >= threshold:
        reasons.append(f"{state.changed_since:,} sentences labelled since the model was trained")
    return reasons
