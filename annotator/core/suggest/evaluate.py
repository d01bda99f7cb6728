"""How good the suggestions are on the project's own labels: cross-validation split by article.

`cross_validate` trains on some articles and scores the others (GroupKFold), so the sentences
of one article are never on both sides; `lexicon_only` scores the lexicons with no model;
`learning_curve` trains on growing numbers of labelled sentences (whole articles, as people
label them) and tests on the same held-out folds. These are the figures for Tools →
Suggestion quality and `annotator suggest --evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.model_selection import GroupKFold

from annotator.core.suggest.model import LabelledUnit, label_matrix, train
from annotator.core.suggest.suggester import Suggester
from annotator.core.suggest.tuning import precision_recall_f1


@dataclass
class Evaluation:
    theme_keys: tuple[str, ...]
    per_theme: dict[str, dict[str, float]] = field(default_factory=dict)  # P, R, F1, support
    tested: int = 0
    note: str = ""  # set when there was too little to evaluate

    @property
    def macro_f1(self) -> float | None:
        """Mean F1 over themes with at least one positive example (None: no such theme)."""
        scored = [s["f1"] for s in self.per_theme.values() if s["support"] > 0]
        return float(np.mean(scored)) if scored else None


def score_predictions(
    theme_keys: Sequence[str], truth: np.ndarray, predicted: np.ndarray
) -> Evaluation:
    evaluation = Evaluation(tuple(theme_keys), tested=len(truth))
    for i, key in enumerate(theme_keys):
        evaluation.per_theme[key] = precision_recall_f1(truth[:, i], predicted[:, i])
    return evaluation


def lexicon_only(
    units: Sequence[LabelledUnit], lexicons: Mapping[str, Iterable[str]], theme_keys: Sequence[str]
) -> Evaluation:
    batch = Suggester(theme_keys, lexicons).suggest([u.text for u in units])
    return score_predictions(theme_keys, label_matrix(units, theme_keys), batch.suggested)


def article_folds(units: Sequence[LabelledUnit], folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    groups = [u.group for u in units]
    folds = min(folds, len(set(groups)))
    if folds < 2:
        return []
    return list(GroupKFold(n_splits=folds).split(np.arange(len(units)), groups=groups))


def cross_validate(
    units: Sequence[LabelledUnit],
    lexicons: Mapping[str, Iterable[str]],
    theme_keys: Sequence[str],
    folds: int = 5,
    train_size: int | None = None,
    seed: int = 0,
) -> Evaluation:
    """Out-of-fold precision, recall and F1 per theme; `train_size` caps the labelled units
    each fold trains on (whole articles in a random order, for a learning curve)."""
    splits = article_folds(units, folds)
    if not splits:
        return Evaluation(tuple(theme_keys), note="at least 2 labelled articles are needed")
    truth = label_matrix(units, theme_keys)
    predicted = np.zeros_like(truth)
    for train_index, test_index in splits:
        chosen = _whole_articles(units, train_index, train_size, seed)
        model = train([units[i] for i in chosen], lexicons, theme_keys)
        batch = Suggester(theme_keys, lexicons, model).suggest([units[i].text for i in test_index])
        predicted[test_index] = batch.suggested
    return score_predictions(theme_keys, truth, predicted)


def _whole_articles(
    units: Sequence[LabelledUnit], index: np.ndarray, size: int | None, seed: int
) -> list[int]:
    if size is None:
        return list(index)
    by_article: dict[str, list[int]] = {}
    for i in index:
        by_article.setdefault(units[i].group, []).append(int(i))
    order = np.random.default_rng(seed).permutation(sorted(by_article))
    chosen: list[int] = []
    for article in order:
        if len(chosen) >= size:
            break
        chosen += by_article[article][: size - len(chosen)]
    return chosen


def learning_curve(
    units: Sequence[LabelledUnit],
    lexicons: Mapping[str, Iterable[str]],
    theme_keys: Sequence[str],
    sizes: Sequence[int] = (50, 100, 200, 400, 800),
    folds: int = 5,
) -> dict[int, Evaluation]:
    """Evaluation by number of labelled sentences trained on (same test folds for each)."""
    return {
        size: cross_validate(units, lexicons, theme_keys, folds, train_size=size) for size in sizes
    }
