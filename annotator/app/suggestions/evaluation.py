"""How good the suggestions are on the project's own labels (Suggestion quality, --evaluate).

Cross-validation split by article (the sentences of one article are never on both sides),
precision, recall and F1 per theme, the keywords alone for comparison, and a learning curve
(macro-F1 when trained on 50, 100, 200, 400, 800 labelled sentences and on all of them).
Every case that leaves nothing to measure ends in a sentence, never in NaN: no labels, one
article, a theme nobody has used, labels that contradict each other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from annotator.app.suggestions.scheme import active_scheme
from annotator.app.suggestions.training import training_units
from annotator.core.suggest.evaluate import Evaluation, cross_validate, lexicon_only
from annotator.core.suggest.model import LabelledUnit
from annotator.storage.store import Store

CURVE_SIZES = (50, 100, 200, 400, 800)


NOTES = {  # what each note says (the window shows its own translation of these)
    "no_labels": "No sentence is labelled yet: suggestions come from the themes' keywords "
    "alone. Label sentences (or accept suggestions) and their quality can be measured.",
    "one_article": "Only one article is labelled: at least two are needed, since the "
    "sentences of one article are never used both to train and to test.",
    "unused_themes": "Not measured, no labelled sentence has them yet: {themes}. Until labels "
    "show what they mean they are suggested from their keywords alone.",
    "contradictions": "{count} sentences carry contradicting labels (annotators disagree, or "
    "the same text was labelled differently). All are learned from: the model scores such "
    "sentences in between, and its figures count them as errors either way.",
}


@dataclass
class Note:
    code: str  # a key of NOTES
    count: int = 0
    themes: list[str] = field(default_factory=list)

    def text(self) -> str:
        return NOTES[self.code].format(count=f"{self.count:,}", themes=", ".join(self.themes))


@dataclass
class ThemeQuality:
    key: str
    support: int  # labelled sentences with this theme (0: not measured)
    precision: float | None = None  # None: not measured
    recall: float | None = None
    f1: float | None = None
    keywords_f1: float | None = None  # the keywords alone


@dataclass
class ProjectEvaluation:
    labelled: int  # labelled examples (a sentence done by two annotators counts twice)
    articles: int
    folds: int
    themes: list[ThemeQuality] = field(default_factory=list)
    macro_f1: float | None = None
    keywords_macro_f1: float | None = None
    curve: list[tuple[int, float | None]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        return [note.text() for note in self.notes]

    def as_json(self) -> dict:
        return {**asdict(self), "messages": self.messages}


def evaluate_project(
    store: Store, folds: int = 5, sizes: tuple[int, ...] = CURVE_SIZES
) -> ProjectEvaluation:
    keys, lexicons = active_scheme(store)
    units, _last_event = training_units(store)
    articles = len({u.group for u in units})
    result = ProjectEvaluation(len(units), articles, min(folds, articles))
    result.notes += contradiction_notes(units)
    if not units:
        result.notes.append(Note("no_labels"))
        return result
    keywords = lexicon_only(units, lexicons, keys)
    result.keywords_macro_f1 = _rounded(keywords.macro_f1)
    if articles < 2:
        result.folds = 0
        result.notes.append(Note("one_article"))
        result.themes = [_theme(keywords, None, key) for key in keys]
        return result
    measured = cross_validate(units, lexicons, keys, folds)
    result.themes = [_theme(keywords, measured, key) for key in keys]
    result.macro_f1 = _rounded(measured.macro_f1)
    result.curve = learning_points(units, lexicons, keys, folds, sizes, result.macro_f1)
    result.notes += unused_theme_notes(result.themes)
    return result


def learning_points(
    units, lexicons, keys, folds: int, sizes, full: float | None
) -> list[tuple[int, float | None]]:
    """Macro-F1 by training size (same test folds): the sizes the labels allow, then all
    (`full`, already measured)."""
    most = len(units) - len(units) // max(folds, 2)  # what a fold trains on at most
    points = [
        (size, _rounded(cross_validate(units, lexicons, keys, folds, train_size=size).macro_f1))
        for size in sizes
        if size < most
    ]
    points.append((most, full))
    return points


def _theme(keywords: Evaluation, measured: Evaluation | None, key: str) -> ThemeQuality:
    figures = (measured or keywords).per_theme.get(key, {})
    support = int(figures.get("support", 0))
    quality = ThemeQuality(key, support)
    keyword_figures = keywords.per_theme.get(key, {})
    if support == 0:
        return quality
    quality.keywords_f1 = _rounded(keyword_figures.get("f1"))
    if measured is not None:
        quality.precision = _rounded(figures.get("precision"))
        quality.recall = _rounded(figures.get("recall"))
        quality.f1 = _rounded(figures.get("f1"))
    return quality


def unused_theme_notes(themes: list[ThemeQuality]) -> list[Note]:
    unused = [t.key for t in themes if t.support == 0]
    return [Note("unused_themes", themes=unused)] if unused else []


def contradiction_notes(units: list[LabelledUnit]) -> list[Note]:
    """Sentences labelled differently (by two annotators, or the same text twice)."""
    by_text: dict[str, set[frozenset[str]]] = defaultdict(set)
    for unit in units:
        by_text[unit.text].add(unit.labels)
    contradicted = sum(1 for labels in by_text.values() if len(labels) > 1)
    return [Note("contradictions", count=contradicted)] if contradicted else []


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), 3)
