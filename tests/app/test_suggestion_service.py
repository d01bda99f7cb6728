"""The background process that computes suggestions: a real spawned process on a real file."""

from __future__ import annotations

import time

import pytest

from annotator.app.suggestions.service import SuggestionService
from annotator.storage.store import Store
from tests.app.suggest_data import add_labelled_articles, add_unlabelled_articles

pytestmark = pytest.mark.slow


class Events(list):
    """Every event the worker sent, and how far the test has read them."""

    read = 0


def wait_for(service: SuggestionService, kind: str, seen: Events, timeout: float = 60.0):
    """The next event of `kind` after those already read, polling until it arrives."""
    deadline = time.monotonic() + timeout
    while True:
        while seen.read < len(seen):
            event = seen[seen.read]
            seen.read += 1
            if event["kind"] == "error":
                pytest.fail(f"the worker failed: {event['text']}")
            if event["kind"] == kind:
                return event
        if time.monotonic() > deadline:
            pytest.fail(f"no {kind!r} event within {timeout} s; saw {[e['kind'] for e in seen]}")
        seen.extend(service.poll())
        time.sleep(0.05)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "service.annotator"
    with Store(path) as store:
        add_labelled_articles(store, 20, sentences=6)
        add_unlabelled_articles(store, 10)
    return path


def test_the_worker_trains_scores_the_project_and_stops(project):
    service = SuggestionService(project)
    service.start()
    seen = Events()
    try:
        model = wait_for(service, "model", seen)
        assert model["training_size"] == 20 * 7 and model["model_id"] > 0
        assert model["info"]["reasons"] == ["no model has been trained yet"]
        assert any(e["kind"] == "training" for e in seen)
        finished = wait_for(service, "progress", seen)
        assert finished["finished"] and finished["done"] == finished["total"] == 30 * 7
        with Store(project) as store:  # another connection sees every unit scored
            assert store.suggestions.coverage(model["model_id"]) == (210, 210)
        service.retrain()
        retrained = wait_for(service, "model", seen)
        assert retrained["info"]["reasons"] == ["retraining was asked for"]
        assert retrained["model_id"] != model["model_id"]
        process = service.process
    finally:
        service.stop()
    assert not process.is_alive() and service.poll() == []


def test_an_opened_article_is_scored_first_and_new_labels_retrain(project):
    with Store(project) as store:
        last = store.articles.ids()[-1]
    service = SuggestionService(project)
    service.start()
    service.article_opened(last)
    seen = Events()
    try:
        written = wait_for(service, "written", seen)
        assert written["articles"] == [last]  # before the pass over the project
        wait_for(service, "progress", seen)
        with Store(project) as store:
            add_labelled_articles(store, 15, sentences=6, seed=5)  # 105 new labels
        service.labels_changed()
        model = wait_for(service, "model", seen)
        assert "105 sentences labelled" in model["info"]["reasons"][0]
        assert model["training_size"] == 35 * 7
    finally:
        service.stop()


def test_a_worker_busy_training_is_stopped_within_seconds(tmp_path):
    path = tmp_path / "big.annotator"
    with Store(path) as store:
        add_labelled_articles(store, 150, sentences=20)
    service = SuggestionService(path)
    service.start()
    seen = Events()
    wait_for(service, "training", seen)
    started = time.monotonic()
    process = service.process
    service.stop(timeout=0.5)
    assert not process.is_alive() and time.monotonic() - started < 6
    with Store(path) as store:  # the project is whole and writable
        assert store.check_integrity() == []
        store.labels.set_themes(store.articles.units(1)[1].id, "omar", [])
