"""Figures and paging for the window: progress, article counts, keyset pages, search index,
and writes from two connections taking turns."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from annotator.storage.errors import DatabaseLocked, DatabaseReadOnly
from annotator.storage.rows import UnitState
from annotator.storage.store import Store
from tests.factories import make_article


def articles(count: int, sentences: int = 3):
    return [
        make_article(f"عنوان رقم {n}", [f"جملة {i} من المقال {n}." for i in range(sentences)])
        for n in range(count)
    ]


@pytest.fixture
def filled(store):
    store.articles.add(articles(12))
    return store


def test_progress_counts_done_units_of_one_annotator(filled):
    total = 12 * 4
    assert filled.figures.progress("mona") == (0, total)  # never seen: nothing done, no error
    units = filled.articles.units(1)
    filled.labels.set_themes(units[0].id, "mona", ["military"])
    filled.labels.set_themes(units[1].id, "mona", [])
    filled.labels.set_status(units[2].id, "mona", "skipped")  # skipped is not done
    filled.labels.set_themes(units[3].id, "ali", ["economic"])
    assert filled.figures.progress("mona") == (2, total)
    assert filled.figures.progress("ali") == (1, total)
    filled.labels.apply_state(units[0].id, "mona", UnitState(), "undo")
    assert filled.figures.progress("mona") == (1, total)
    assert (
        filled.figures.progress("mona")[0] == filled.figures.project()["annotators"]["mona"]["done"]
    )


def test_progress_of_an_empty_project(store):
    assert store.figures.progress("mona") == (0, 0)


def test_count_articles_matches_the_listing(filled):
    filled.annotators.ensure("mona")
    for unit in filled.articles.units(2)[:2]:
        filled.labels.set_themes(unit.id, "mona", ["economic"])
    for unit in filled.articles.units(3):
        filled.labels.set_themes(unit.id, "mona", [])
    for status in (None, "all", "not_started", "in_progress", "done"):
        for annotator in (None, "mona"):
            listed = filled.articles.list(annotator, status)
            assert filled.articles.count(annotator, status) == len(listed), (status, annotator)
    assert filled.articles.count("mona", "in_progress") == 1
    assert filled.articles.count("mona", "done") == 1
    assert filled.articles.count(search="المقال 7") == len(filled.articles.list(search="المقال 7"))


def test_keyset_pages_cover_every_article_once(filled):
    seen, after = [], None
    while page := filled.articles.list(limit=5, after_id=after):
        seen += [a.id for a in page]
        after = page[-1].id
    assert seen == filled.articles.ids()
    assert [a.id for a in filled.articles.list(limit=3, offset=2)] == seen[2:5]  # still works


def test_keyset_paging_keeps_the_filters(filled):
    for unit in filled.articles.units(5)[:1]:
        filled.labels.set_themes(unit.id, "mona", ["military"])
    assert [a.id for a in filled.articles.list("mona", "not_started", after_id=4)] == [
        i for i in filled.articles.ids() if i > 4 and i != 5
    ]


def test_search_index_is_built_lazily_in_batches(filled):
    assert filled.search.pending() == 12
    assert filled.search.update(limit=5) == 5
    assert filled.search.pending() == 7
    while filled.search.update(limit=5):
        pass
    assert filled.search.pending() == 0
    assert filled.search.update() == 0


def test_search_before_the_index_is_complete_indexes_the_rest(filled):
    filled.search.update(limit=2)
    assert [a.title for a in filled.articles.list(search="عنوان رقم 11")] == ["عنوان رقم 11"]
    assert filled.search.pending() == 0


def test_two_connections_indexing_at_once_index_each_article_once(tmp_path):
    path = tmp_path / "p.annotator"
    with Store(path) as first:
        first.articles.add(articles(40))
    errors = []

    def index():
        try:
            with Store(path) as store:
                while store.search.update(limit=3):
                    pass
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=index) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with Store(path) as store:
        assert store.search.pending() == 0
        indexed = store.conn.execute("SELECT COUNT(*) FROM article_search").fetchone()[0]
        assert indexed == 40
        assert len(store.articles.list(search="المقال 39")) == 1


def test_writers_take_turns_instead_of_failing(tmp_path):
    """A transaction that reads, then writes, while another connection commits meanwhile.

    With a plain (deferred) BEGIN the later write fails at once with "database is locked"
    (its read snapshot is stale); BEGIN IMMEDIATE makes the other writer wait its turn.
    """
    path = tmp_path / "p.annotator"
    with Store(path) as setup:
        setup.articles.add(articles(1))
    first, second = Store(path), Store(path)
    unit = first.articles.units(1)[1].id
    inside, errors = threading.Event(), []

    def read_then_write():
        try:
            with first.transaction():
                first.conn.execute("SELECT COUNT(*) FROM unit_status").fetchone()
                inside.set()
                time.sleep(0.3)
                first.labels.set_themes(unit, "mona", ["military"])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    worker = threading.Thread(target=read_then_write)
    worker.start()
    inside.wait(5)
    second.labels.set_themes(unit, "ali", ["economic"])  # waits until the first one commits
    worker.join()
    assert not errors
    assert second.labels.state(unit, "mona").themes == ("military",)
    assert second.labels.state(unit, "ali").themes == ("economic",)
    first.close()
    second.close()


def test_toggles_from_two_connections_keep_both_themes(tmp_path):
    path = tmp_path / "p.annotator"
    with Store(path) as setup:
        setup.articles.add(articles(1))
    first, second = Store(path), Store(path)
    unit = first.articles.units(1)[1].id
    first.labels.toggle_theme(unit, "mona", "military")
    change = second.labels.toggle_theme(unit, "mona", "economic")  # second never saw military
    assert change.after == UnitState(("military", "economic"), "done_with_themes")
    second.labels.toggle_theme(unit, "mona", "military")
    assert first.labels.state(unit, "mona").themes == ("economic",)
    assert [e.action for e in first.events.list(unit)] == ["set", "set", "set"]
    first.close()
    second.close()


def test_mark_done_keeps_the_themes_in_the_database(store):
    store.articles.add(articles(1))
    unit = store.articles.units(1)[1].id
    store.labels.toggle_theme(unit, "mona", "reconstruction")
    store.labels.set_status(unit, "mona", "skipped")
    assert store.labels.mark_done(unit, "mona").after == UnitState(
        ("reconstruction",), "done_with_themes"
    )


def test_same_new_annotator_from_two_connections(tmp_path):
    path = tmp_path / "p.annotator"
    first, second = Store(path), Store(path)
    assert first.annotators.ensure("huda") == second.annotators.ensure("huda")
    first.close()
    second.close()


def test_write_lock_held_past_the_busy_timeout_is_reported_as_locked(tmp_path):
    path = tmp_path / "p.annotator"
    with Store(path) as setup:
        setup.articles.add(articles(1))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
    store = Store(path)
    store.conn.execute("PRAGMA busy_timeout = 50")  # simulated: a short busy timeout
    try:
        with pytest.raises(DatabaseLocked):
            store.labels.set_themes(store.articles.units(1)[1].id, "mona", ["military"])
        with pytest.raises(DatabaseLocked):
            store.check_writable()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.labels.set_themes(
        store.articles.units(1)[1].id, "mona", ["military"]
    )  # free again: it works
    store.close()


def test_read_only_connection_is_reported_by_check_writable(tmp_path):
    """Simulated with PRAGMA query_only (chmod does not stop root, who runs CI)."""
    with Store(tmp_path / "p.annotator") as store:
        store.conn.execute("PRAGMA query_only = ON")
        with pytest.raises(DatabaseReadOnly):
            store.check_writable()
        with pytest.raises(DatabaseReadOnly):
            store.annotators.ensure("mona")
