"""Handing out work: coverage, overlap, balance by sentences, seeds, adding without moving."""

from __future__ import annotations

import pytest

from annotator.app.team.assign import (
    AssignmentError,
    plan_assignment,
    record_assignment,
    write_packages,
)
from annotator.core.scheme import Theme, ThemeError
from annotator.storage.store import Store
from tests.gui.gui_factories import make_article

SENTENCE = "قال المسؤول إن المفاوضات مستمرة."


def articles_of_sizes(sizes: list[int]):
    return [
        make_article(f"خبر {n}", [[f"{SENTENCE} ({n}-{i})" for i in range(size)]])
        for n, size in enumerate(sizes)
    ]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lead.annotator") as opened:
        opened.articles.add(articles_of_sizes([3, 30, 4, 28, 5, 6, 25, 7, 8, 22, 9, 10, 2, 40, 12]))
        yield opened


def test_every_article_goes_out_and_a_share_to_several(store):
    plan = plan_assignment(store, ["a", "b", "c"], overlap=0.4, per_article=2, seed=3)
    given = [a for ids in plan.articles.values() for a in ids]
    assert set(given) == set(store.articles.ids())
    assert len(plan.shared) == round(0.4 * 15)
    for article in store.articles.ids():
        expected = 2 if article in plan.shared else 1
        assert sum(article in ids for ids in plan.articles.values()) == expected


def test_the_load_is_balanced_by_sentences_not_articles(store):
    plan = plan_assignment(store, ["a", "b", "c"], overlap=0.0, seed=1)
    loads = sorted(plan.sentences.values())
    assert loads[-1] - loads[0] <= 12  # within about one small article of each other
    by_count = sorted(sum(1 for _ in ids) for ids in plan.articles.values())
    largest_first = sorted(s.units for s in store.articles.list())[-3:]
    assert loads[-1] - loads[0] < largest_first[-1] - largest_first[0] + 12
    assert sum(by_count) == 15


def test_the_same_seed_gives_the_same_assignment(store):
    first = plan_assignment(store, ["a", "b", "c"], overlap=0.3, seed=11)
    again = plan_assignment(store, ["a", "b", "c"], overlap=0.3, seed=11)
    other = plan_assignment(store, ["a", "b", "c"], overlap=0.3, seed=12)
    assert first.articles == again.articles and first.shared == again.shared
    assert (first.articles, first.shared) != (other.articles, other.shared)


def test_assigning_again_adds_and_never_moves_work(store):
    record_assignment(store, plan_assignment(store, ["a", "b"], overlap=0.0, seed=1))
    before = {n: store.team.assigned(n) for n in ("a", "b")}
    with pytest.raises(AssignmentError, match="already assigned"):
        plan_assignment(store, ["a", "b", "c"], articles="all")
    store.articles.add(articles_of_sizes([11, 13]))
    plan = plan_assignment(store, ["a", "b", "c"], overlap=0.0, articles="all", seed=2)
    record_assignment(store, plan)
    assert sorted(a for ids in plan.articles.values() for a in ids) == store.articles.ids()[-2:]
    for name, ids in before.items():
        assert set(ids) <= set(store.team.assigned(name))


def test_bad_options_are_refused(store):
    for kwargs, message in [
        ({"overlap": 1.5}, "between 0 and 1"),
        ({"per_article": 0}, "at least 1"),
    ]:
        with pytest.raises(AssignmentError, match=message):
            plan_assignment(store, ["a", "b"], **kwargs)
    with pytest.raises(ValueError, match="name"):
        plan_assignment(store, [""])


def test_a_package_holds_its_articles_is_bound_and_keeps_the_scheme(tmp_path, store):
    store.themes.add(Theme("humanitarian", "إنساني", "Humanitarian", "#2a9d8f", 4))
    store.project.set_guidelines("# الإرشادات\n\nاقرأ الجملة كاملة.")
    record_assignment(store, plan_assignment(store, ["سلمى", "omar"], overlap=0.0, seed=4))
    paths = write_packages(store, ["سلمى", "omar"], tmp_path / "out")
    assert paths["سلمى"].name == "سلمى.annotator"
    with Store(paths["سلمى"]) as package:
        info = package.project.info()
        assert info.id == store.project.info().id and info.bound_annotator == "سلمى"
        assert info.scheme_locked and "الإرشادات" in info.guidelines
        assert [t.key for t in package.themes.list()] == [t.key for t in store.themes.list()]
        hashes = {r[0] for r in package.conn.execute("SELECT content_hash FROM articles")}
        assigned = set(store.team.assigned("سلمى"))
        lead_hashes = {
            r[1]
            for r in store.conn.execute("SELECT id, content_hash FROM articles")
            if r[0] in assigned
        }
        assert hashes == lead_hashes
        with pytest.raises(ThemeError, match="lead"):
            package.themes.update("military", name_en="Army")
    with pytest.raises(AssignmentError, match="already exist"):
        write_packages(store, ["omar"], tmp_path / "out")
