"""The suggestion workflow without Qt: when to train, saving and loading, scoring in batches."""

from __future__ import annotations

import json
import math

import pytest

from annotator.app.suggestions import scoring
from annotator.app.suggestions.engine import RETRAIN_ASKED, SuggestionEngine
from annotator.app.suggestions.policy import (
    FIRST_MODEL_AT,
    ModelState,
    retrain_interval,
    retrain_reasons,
)
from annotator.core.scheme import Theme
from annotator.storage.store import Store
from tests.app.suggest_data import add_labelled_articles, add_unlabelled_articles


@pytest.fixture
def project(tmp_path):
    with Store(tmp_path / "p.annotator") as store:
        yield store


def test_the_retraining_interval_grows_with_the_project():
    assert retrain_interval(0) == FIRST_MODEL_AT == retrain_interval(499)
    assert retrain_interval(10_000) == 2_000
    assert retrain_interval(100_000) == 20_000
    fresh = ModelState(True, None, (), 0, 99)
    assert retrain_reasons(fresh) == []
    assert retrain_reasons(fresh, eager=True) == [
        "99 sentences labelled since the model was trained"
    ]
    assert retrain_reasons(ModelState(True, None, (), 0, 100)) != []
    assert retrain_reasons(ModelState(False, None, (), 0, 0)) == ["no model has been trained yet"]
    assert retrain_reasons(ModelState(True, "damaged", (), 5, 0)) == ["damaged"]
    stale = ModelState(True, None, ("theme keywords changed since training",), 5, 0)
    assert retrain_reasons(stale) == ["theme keywords changed since training"]


def test_a_project_with_no_labels_gets_a_keyword_model_and_suggestions(project):
    add_unlabelled_articles(project, 3)
    engine = SuggestionEngine(project)
    assert engine.ensure_model() == ["no model has been trained yet"]
    assert engine.current.training_size == 0 and engine.current.id > 0
    written = engine.suggest_all()
    assert written == project.suggestions.coverage(engine.current.id)[1] == 3 * 7
    again = SuggestionEngine(project)  # a reopened project: the saved model, no training
    assert again.ensure_model() == [] and again.current.id == engine.current.id
    assert again.suggest_all() == 0  # everything is current
    for unit_id, suggestion in _all_suggestions(project).items():
        assert all(0.0 <= s <= 1.0 and math.isfinite(s) for s in suggestion.scores.values())
        assert set(suggestion.scores) == {"military", "economic", "reconstruction"}, unit_id


def _all_suggestions(store: Store) -> dict:
    found = {}
    for article_id in store.articles.ids():
        found.update(store.suggestions.for_article(article_id))
    return found


def test_labels_retrain_after_the_interval_and_at_once_from_the_command_line(project):
    add_unlabelled_articles(project, 2)
    engine = SuggestionEngine(project)
    engine.ensure_model()
    add_labelled_articles(project, 2, sentences=4)  # 10 labelled units: below the interval
    assert engine.ensure_model() == []
    assert engine.ensure_model(eager=True) == ["10 sentences labelled since the model was trained"]
    assert engine.current.training_size == 10
    assert engine.ensure_model(eager=True) == []
    assert engine.ensure_model(force=True) == [RETRAIN_ASKED]


def test_keywords_changed_or_a_theme_added_or_retired_retrains(project):
    add_unlabelled_articles(project, 1)
    engine = SuggestionEngine(project)
    engine.ensure_model()
    project.themes.update("economic", keywords="سوق\nأسعار")
    assert engine.ensure_model() == ["theme keywords changed since training"]
    project.themes.add(Theme("aid", "مساعدات", "Aid", "#123456", None, keywords="مساعدات"))
    assert engine.ensure_model() == ["themes added since training: aid"]
    engine.suggest_all()
    stored = _all_suggestions(project)
    assert all("aid" in s.scores for s in stored.values())
    project.themes.retire("reconstruction")
    assert engine.ensure_model() == ["themes retired since training: reconstruction"]
    engine.suggest_all()
    assert all("reconstruction" not in s.scores for s in _all_suggestions(project).values())


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_a_damaged_or_newer_saved_model_is_reported_and_replaced(project, damage):
    add_unlabelled_articles(project, 1)
    SuggestionEngine(project).ensure_model()
    if damage == "garbage":
        project.conn.execute("UPDATE suggestion_models SET data = x'00010203'")
    else:
        saved = project.suggestions.latest_model()
        project.suggestions.save_model(99, 0, 0, {}, _newer_format(saved.data), "2099-01-01")
    messages: list[str] = []
    engine = SuggestionEngine(project, report=messages.append)
    reasons = engine.ensure_model()
    expected = "damaged" if damage == "garbage" else "saved by a newer Annotator"
    assert (
        len(messages) == 1 and expected in messages[0] and "a new model is trained" in messages[0]
    )
    assert reasons and expected in reasons[0]
    assert engine.suggest_all() == 7
    assert SuggestionEngine(project).ensure_model() == []  # the new model is read back


def _newer_format(data: bytes) -> bytes:
    """The same model as a newer version would write it (format_version 99)."""
    import io
    import zipfile

    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        manifest = json.loads(source.read("manifest.json"))
        manifest["format_version"] = 99
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("arrays.npz", source.read("arrays.npz"))
    return target.getvalue()


def test_batches_are_written_in_small_transactions_and_can_stop(project, monkeypatch):
    add_unlabelled_articles(project, 5, sentences=9)  # 50 units
    monkeypatch.setattr(scoring, "SCORE_BATCH", 20)
    monkeypatch.setattr(scoring, "WRITE_ROWS", 7)
    engine = SuggestionEngine(project)
    engine.ensure_model()
    pauses: list[int] = []
    written, articles = engine.suggest_next_batch(pause=lambda: pauses.append(1))
    assert written == 20 and len(pauses) == 2  # 7 + 7 + 6 rows, a pause between
    assert articles == set(project.articles.ids()[:2])  # 10 units an article
    written, _ = engine.suggest_next_batch(stop=lambda: True)
    assert written == 0 and project.suggestions.coverage(engine.current.id)[0] == 20
    assert engine.suggest_all() == 30
    assert engine.suggest_next_batch() == (0, set())


def test_a_model_learns_the_projects_labels(project):
    truth = add_labelled_articles(project, 40, sentences=6)
    engine = SuggestionEngine(project)
    engine.ensure_model()
    assert engine.current.training_size == len(truth)
    assert set(engine.current.info["classifiers"]) == {"military", "economic", "reconstruction"}
    add_unlabelled_articles(project, 4, seed=3)
    engine.suggest_all()
    info = project.suggestions.latest_model(with_data=False).info
    assert set(info["thresholds"]) == {"military", "economic", "reconstruction"}
    assert info["training_size"] == len(truth) and info["reasons"]
