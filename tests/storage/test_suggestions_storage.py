"""Theme keywords and the suggestion tables (storage.themes, storage.suggestions), real SQLite."""

from __future__ import annotations

import pytest

from annotator.core.scheme import Theme, ThemeError
from annotator.core.suggest.lexicon import default_lexicons
from annotator.storage.store import Store
from tests.factories import make_article


def ids_of(store: Store, article_index: int = 0) -> list[int]:
    article_id = store.articles.ids()[article_index]
    return [u.id for u in store.articles.units(article_id)]


@pytest.fixture
def two_articles(store):
    store.articles.add(
        [
            make_article("قصف على المدينة", ["سقطت قذائف على الحي.", "ارتفعت الأسعار."]),
            make_article("إعادة الإعمار", ["بدأت إعادة إعمار المدارس.", "افتتح الوزير معرضا."]),
        ]
    )
    return store


# -- keywords ---------------------------------------------------------------------------------


def test_default_themes_carry_the_bundled_lexicons(store):
    lexicons = default_lexicons()
    for theme in store.themes.list():
        assert theme.keywords.splitlines() == list(lexicons[theme.key])


def test_keywords_are_checked_and_stored_one_term_a_line(store):
    theme = store.themes.update("military", keywords="دبابة, قصف*\n# a comment\nدبابه، مدفع")
    assert theme.keywords == "دبابة\nقصف*\nمدفع\n"  # دبابه is دبابة in another spelling
    assert store.themes.get("military").keywords == theme.keywords
    with pytest.raises(ThemeError, match=r"keywords: term '\*x': '\*' may only end a term"):
        store.themes.update("military", keywords="دبابة, *x")
    assert store.themes.get("military").keywords == theme.keywords  # nothing changed


def test_a_new_theme_gets_its_keywords_and_keeps_them_when_retired(store):
    store.themes.add(Theme("aid", "مساعدات", "Aid", "#123456", None, keywords="مساعدات\nإغاثة"))
    store.themes.retire("aid")
    (aid,) = [t for t in store.themes.list(include_retired=True) if t.key == "aid"]
    assert aid.retired and aid.keywords == "مساعدات\nإغاثة\n"
    with pytest.raises(ThemeError, match="has no letter"):
        store.themes.add(Theme("bad", "سيء", "Bad", "#123456", None, keywords="123"))


# -- models -----------------------------------------------------------------------------------


def test_only_the_newest_model_of_this_format_is_kept(store):
    assert store.suggestions.latest_model() is None
    first = store.suggestions.save_model(1, 10, 5, {"a": 1}, b"one", "2026-01-01T00:00:00Z")
    newer_format = store.suggestions.save_model(9, 10, 5, {}, b"future", "2026-01-02T00:00:00Z")
    second = store.suggestions.save_model(1, 20, 8, {"thresholds": {"x": 0.4}}, b"two", "now")
    latest = store.suggestions.latest_model()
    assert (latest.id, latest.labels, latest.last_event_id, latest.data) == (second, 20, 8, b"two")
    assert latest.info == {"thresholds": {"x": 0.4}}
    assert store.suggestions.latest_model(with_data=False).data is None
    kept = [r[0] for r in store.conn.execute("SELECT id FROM suggestion_models ORDER BY id")]
    assert kept == [newer_format, second] and first not in kept


# -- training data ----------------------------------------------------------------------------


def test_training_rows_are_done_units_per_annotator_or_the_adjudication(two_articles):
    store = two_articles
    a, b, c = ids_of(store)[1], ids_of(store)[2], ids_of(store, 1)[1]
    store.labels.set_themes(a, "amina", ["military"])
    store.labels.set_themes(a, "omar", ["military", "economic"])  # disagrees: both kept
    store.labels.set_themes(b, "amina", [])  # done, no theme
    store.labels.set_status(c, "amina", "skipped")  # teaches nothing
    rows = store.suggestions.training_rows()
    assert sorted((r.unit_id, tuple(sorted(r.themes))) for r in rows) == [
        (a, ("economic", "military")),
        (a, ("military",)),
        (b, ()),
    ]
    lead = store.annotators.ensure("lead")
    store.conn.execute(
        "INSERT INTO adjudications (unit_id, themes, annotator_id, decided_at) VALUES (?, ?, ?, ?)",
        (a, '["economic"]', lead, "2026-01-01T00:00:00Z"),
    )
    rows, last_event = store.suggestions.training_data()
    assert sorted((r.unit_id, r.themes) for r in rows) == [(a, ("economic",)), (b, ())]
    assert {r.article_id for r in rows} == {store.articles.ids()[0]}
    assert last_event == store.suggestions.last_event_id() > 0


def test_changed_since_counts_units_whose_labels_changed_not_notes(two_articles):
    store = two_articles
    start = store.suggestions.last_event_id()
    units = ids_of(store)
    store.labels.toggle_theme(units[1], "amina", "military")
    store.labels.toggle_theme(units[1], "amina", "economic")  # the same unit again
    store.notes.set(units[2], "amina", "a note teaches the model nothing")
    assert store.suggestions.changed_since(start) == 1
    store.labels.set_themes(units[2], "amina", [])
    assert store.suggestions.changed_since(start) == 2


# -- suggestions per unit -----------------------------------------------------------------------


def test_written_suggestions_are_read_back_and_outdated_ones_are_pending(two_articles):
    store = two_articles
    first, second = ids_of(store), ids_of(store, 1)
    store.suggestions.write(
        [(u, 1, ["military"], {"military": 0.8, "economic": 0.1}) for u in first]
    )
    stored = store.suggestions.for_article(store.articles.ids()[0])
    assert set(stored) == set(first)
    assert stored[first[1]].themes == ("military",)
    assert stored[first[1]].scores == {"military": 0.8, "economic": 0.1}
    assert [row[0] for row in store.suggestions.pending(1)] == second
    assert [row[0] for row in store.suggestions.pending(2)] == first + second  # model 2 is new
    assert [row[0] for row in store.suggestions.pending(1, after_unit=second[0])] == second[1:]
    assert store.suggestions.coverage(1) == (len(first), len(first) + len(second))
    rows = list(store.suggestions.project_rows())
    assert [(r[0], r[1]) for r in rows] == [
        (article, index) for article in store.articles.ids() for index in range(3)
    ]
    assert rows[0][3].themes == ("military",) and rows[3][3] is None


def test_removing_an_article_removes_its_suggestions(two_articles):
    store = two_articles
    store.suggestions.write([(u, 1, [], {"military": 0.1}) for u in ids_of(store)])
    store.removal.remove([store.articles.ids()[0]], "lead")
    assert store.conn.execute("SELECT COUNT(*) FROM suggestions").fetchone()[0] == 0


def test_articles_rank_by_their_most_uncertain_unit_not_yet_done(two_articles):
    store = two_articles
    first, second = ids_of(store), ids_of(store, 1)
    store.suggestions.write([(u, 1, [], {"military": 0.05}) for u in first])
    store.suggestions.write([(second[1], 1, [], {"military": 0.45, "economic": 0.9})])
    store.suggestions.write([(first[2], 1, [], {"military": 0.52})])  # the most uncertain
    article_1, article_2 = store.articles.ids()
    ranking = store.suggestions.article_uncertainty("amina", {"military": 0.5, "economic": 0.5})
    assert [a for a, _u in ranking] == [article_1, article_2]
    assert ranking[0][1] == pytest.approx(0.96) and ranking[1][1] == pytest.approx(0.9)
    store.labels.set_themes(first[2], "amina", [])  # done by amina: no longer counts for her
    ranking = store.suggestions.article_uncertainty("amina", {"military": 0.5, "economic": 0.5})
    assert [a for a, _u in ranking] == [article_2, article_1]
    assert store.suggestions.article_uncertainty("amina", {}) == []


def test_annotators_assigned_to_an_article(two_articles):
    store = two_articles
    article = store.articles.ids()[0]
    assert store.suggestions.annotators_assigned(article) == 0
    for name in ("amina", "omar"):
        store.conn.execute(
            "INSERT INTO assignments (article_id, annotator_id, assigned_at) VALUES (?, ?, ?)",
            (article, store.annotators.ensure(name), "2026-01-01T00:00:00Z"),
        )
    assert store.suggestions.annotators_assigned(article) == 2
    assert store.suggestions.annotators_assigned(store.articles.ids()[1]) == 0
