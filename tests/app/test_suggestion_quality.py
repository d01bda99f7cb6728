"""Suggestion quality on the project's own labels: figures, learning curve, and every edge case
ending in a sentence instead of NaN."""

from __future__ import annotations

import json
import math

import pytest

from annotator.app.suggestions.evaluation import evaluate_project
from annotator.core.scheme import Theme
from annotator.storage.store import Store
from tests.app.suggest_data import add_labelled_articles, add_unlabelled_articles


@pytest.fixture
def project(tmp_path):
    with Store(tmp_path / "q.annotator") as store:
        yield store


def no_nan(value) -> bool:
    """True when no float anywhere in a JSON-like value is NaN or infinite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(no_nan(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(no_nan(v) for v in value)
    return True


def test_figures_per_theme_and_a_learning_curve(project):
    add_labelled_articles(project, 30, sentences=8)  # 270 labelled units
    result = evaluate_project(project, folds=3, sizes=(50, 100, 400))
    assert (result.labelled, result.articles, result.folds) == (270, 30, 3)
    by_key = {t.key: t for t in result.themes}
    assert set(by_key) == {"military", "economic", "reconstruction"}
    for theme in by_key.values():
        assert theme.support > 0 and 0.0 <= theme.f1 <= 1.0 and theme.precision is not None
    assert result.macro_f1 > 0.8  # the templates are easy: the model must learn them
    assert [size for size, _ in result.curve] == [50, 100, 180]  # 400 > what a fold trains on
    assert result.curve[-1][1] == result.macro_f1
    assert no_nan(result.as_json()) and json.dumps(result.as_json())


def test_no_labels_says_so(project):
    add_unlabelled_articles(project, 2)
    result = evaluate_project(project)
    assert result.labelled == 0 and result.themes == [] and result.macro_f1 is None
    assert "No sentence is labelled yet" in result.messages[0]
    assert result.as_json()["notes"] == [{"code": "no_labels", "count": 0, "themes": []}]


def test_one_article_gives_the_keywords_figures_and_says_two_are_needed(project):
    add_labelled_articles(project, 1, sentences=8)
    result = evaluate_project(project)
    assert result.folds == 0 and result.macro_f1 is None and result.curve == []
    assert any("Only one article is labelled" in m for m in result.messages)
    assert result.keywords_macro_f1 is not None and no_nan(result.as_json())


def test_a_theme_nobody_used_is_not_measured_and_named(project):
    project.themes.add(Theme("aid", "مساعدات", "Aid", "#123456", None, keywords="مساعدات"))
    add_labelled_articles(project, 6, sentences=6)
    result = evaluate_project(project, folds=3, sizes=())
    aid = next(t for t in result.themes if t.key == "aid")
    assert aid.support == 0 and aid.f1 is None and aid.keywords_f1 is None
    assert any("aid" in m and "Not measured" in m for m in result.messages)
    assert no_nan(result.as_json())


def test_contradicting_labels_are_counted_and_still_learned(project):
    truth = add_labelled_articles(project, 6, sentences=6)
    first = next(iter(truth))
    project.labels.set_themes(first, "omar", ["economic", "military"])  # disagrees with amina
    result = evaluate_project(project, folds=3, sizes=())
    assert result.labelled == len(truth) + 1
    assert any("contradicting labels" in m for m in result.messages)
    assert result.macro_f1 is not None and no_nan(result.as_json())
