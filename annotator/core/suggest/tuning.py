"""Per-theme thresholds and the model's own cross-validated scores, from out-of-fold scores.

The features are fitted once on all training texts (unsupervised, so no label leaks); only
the classifiers are refitted per fold. Folds split by article. Up to 30,000 units: 3-fold
GroupKFold; above: one 80/20 article split (a fit on 100,000 units takes seconds, and a single
holdout of 20,000 units already pins a threshold down).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

from annotator.core.suggest.model import DEFAULT_THRESHOLD, SuggestionModel, fit_themes

INNER_FOLDS = 3
HOLDOUT_ABOVE = 30_000
MIN_POSITIVES_TO_TUNE = 5
THRESHOLDS = np.round(np.arange(0.15, 0.86, 0.05), 2)


def inner_splits(groups: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test index pairs split by article; empty when there are fewer than 3 articles."""
    distinct = len(set(groups))
    if distinct < INNER_FOLDS:
        return []
    index = np.arange(len(groups))
    if len(groups) > HOLDOUT_ABOVE:
        splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
        return list(splitter.split(index, groups=groups))
    return list(GroupKFold(n_splits=INNER_FOLDS).split(index, groups=groups))


def out_of_fold_scores(
    model: SuggestionModel,
    features: sp.csr_matrix,
    labels: np.ndarray,
    hits: np.ndarray,
    splits: list[tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray]:
    """Scores of every tested unit by a model that never saw its article, and which units."""
    scores = np.zeros(labels.shape, dtype=np.float64)
    tested = np.zeros(len(labels), dtype=bool)
    for train_index, test_index in splits:
        themes = fit_themes(
            features[train_index], labels[train_index], hits[train_index], model.theme_keys
        )
        for i, key in enumerate(model.theme_keys):
            scores[test_index, i] = themes[key].score(features[test_index], hits[test_index, i])
        tested[test_index] = True
    return scores, tested


def best_threshold(y: np.ndarray, scores: np.ndarray) -> float:
    if y.sum() < MIN_POSITIVES_TO_TUNE:
        return DEFAULT_THRESHOLD
    f1 = np.array([f1_score(y, scores >= t) for t in THRESHOLDS])
    # Ties are common on few labels: the middle of the best range, not its edge.
    best = THRESHOLDS[f1 >= f1.max() - 1e-9]
    return float(best[len(best) // 2])


def precision_recall_f1(y: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    true_positives = float(np.sum(y & predicted))
    predicted_count, support = float(predicted.sum()), float(y.sum())
    precision = true_positives / predicted_count if predicted_count else 0.0
    recall = true_positives / support if support else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": support}


def f1_score(y: np.ndarray, predicted: np.ndarray) -> float:
    return precision_recall_f1(y, predicted)["f1"]


def tune_thresholds(
    model: SuggestionModel,
    features: sp.csr_matrix,
    labels: np.ndarray,
    hits: np.ndarray,
    groups: Sequence[str],
) -> None:
    """Set each theme's threshold and the model's cross-validated scores (in place)."""
    splits = inner_splits(groups)
    if not splits:
        model.info.cv_note = (
            "fewer than 3 articles labelled: thresholds 0.5, no cross-validation yet"
        )
        return
    scores, tested = out_of_fold_scores(model, features, labels, hits, splits)
    for i, key in enumerate(model.theme_keys):
        y, theme_scores = labels[tested, i], scores[tested, i]
        threshold = best_threshold(y, theme_scores)
        model.themes[key].threshold = threshold
        model.info.cv_scores[key] = precision_recall_f1(y, theme_scores >= threshold)
    model.info.cv_note = (
        f"{'holdout' if len(splits) == 1 else f'{len(splits)}-fold'} by article on {int(tested.sum())} "
        "sentences; thresholds were tuned on the same folds, so these figures are slightly optimistic"
    )
