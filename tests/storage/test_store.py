"""The store: import, duplicates, labels, status, notes, events, themes, progress."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.scheme import Theme, ThemeError
from annotator.storage.errors import RecordRefused
from annotator.storage.rows import UnitState
from tests.factories import make_article


def test_article_and_units_are_stored_with_offsets(store, article):
    counts = store.articles.add([article])
    assert (counts.articles, counts.units, counts.duplicates) == (1, 4, 0)
    (summary,) = store.articles.list()
    record = store.articles.get(summary.id)
    assert record.category == "دولي" and record.source == "seed.txt"
    for unit in store.articles.units(summary.id):
        assert record.text[unit.start : unit.end] == unit.text
    assert [u.kind for u in store.articles.units(summary.id)] == [
        "title",
        "sentence",
        "sentence",
        "sentence",
    ]


def test_reimport_is_skipped_and_reported(store, article):
    store.articles.add([article])
    counts = store.articles.add([article])
    assert (counts.articles, counts.duplicates) == (0, 1)
    assert len(store.articles.list()) == 1


def test_failed_batch_stores_nothing(store, article):
    bad = make_article("عنوان", ["جملة."])
    bad.units[1] = bad.units[1]._replace(kind="paragraph")  # violates the CHECK constraint
    with pytest.raises(RecordRefused, match="CHECK constraint"):
        store.articles.add([article, bad])
    assert store.articles.list() == []


def test_several_themes_per_unit_and_status(store, article):
    store.articles.add([article])
    unit = store.articles.units(1)[1]
    change = store.labels.set_themes(unit.id, "mona", ["reconstruction", "military"])
    assert change.before == UnitState((), "not_seen")
    assert change.after == UnitState(("military", "reconstruction"), "done_with_themes")
    assert store.labels.state(unit.id, "mona") == change.after
    store.labels.set_themes(unit.id, "mona", [])
    assert store.labels.state(unit.id, "mona") == UnitState((), "done_no_theme")


def test_labels_are_per_annotator(store, article):
    store.articles.add([article])
    unit = store.articles.units(1)[1]
    store.labels.set_themes(unit.id, "mona", ["military"])
    store.labels.set_themes(unit.id, "ali", ["economic"])
    states = store.labels.article_states(1)[unit.id]
    assert states["mona"].themes == ("military",) and states["ali"].themes == ("economic",)


def test_every_change_is_in_the_append_only_event_log(store, article):
    store.articles.add([article])
    unit = store.articles.units(1)[1]
    store.labels.set_themes(unit.id, "mona", ["military"])
    store.labels.apply_state(unit.id, "mona", UnitState(), "undo")
    events = store.events.list(unit.id)
    assert [(e.action, e.annotator) for e in events] == [("set", "mona"), ("undo", "mona")]
    assert events[1].before == {"themes": ["military"], "status": "done_with_themes"}
    assert events[1].after == {"themes": [], "status": "not_seen"}
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM events")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE events SET action = 'x'")


def test_unknown_theme_is_refused_and_nothing_changes(store, article):
    store.articles.add([article])
    unit = store.articles.units(1)[1]
    with pytest.raises(ThemeError, match="unknown theme"):
        store.labels.set_themes(unit.id, "mona", ["sports"])
    assert store.labels.state(unit.id, "mona") == UnitState()


def test_progress_and_theme_marks_follow_labels(store, article):
    store.articles.add([article])
    units = store.articles.units(1)
    for unit in units[:2]:
        store.labels.set_themes(unit.id, "mona", ["economic"])
    (row,) = store.articles.list("mona")
    assert (row.done, row.units, row.themes) == (2, 4, ("economic",))
    assert store.articles.list("mona", status="in_progress")
    assert not store.articles.list("mona", status="done")
    for unit in units[2:]:
        store.labels.set_themes(unit.id, "mona", [])
    assert store.articles.list("mona", status="done")
    store.labels.set_status(units[0].id, "mona", "skipped")
    (row,) = store.articles.list("mona")
    assert row.done == 3
    assert store.articles.list(status="not_started") == []


def test_reads_for_an_unknown_annotator_find_nothing_and_add_no_one(store, article):
    store.articles.add([article])
    unit = store.articles.units(1)[1].id
    assert [(s.id, s.done) for s in store.articles.list("nobody")] == [(1, 0)]
    assert store.articles.count("nobody", "done") == 0
    assert store.labels.state(unit, "nobody") == UnitState()
    assert store.notes.get(unit, "nobody") == ""
    assert store.labels.annotator_states(1, "nobody") == {}
    assert store.figures.progress("nobody") == (0, len(store.articles.units(1)))
    assert "nobody" not in store.annotators.names()


def test_search_ignores_arabic_spelling_variants(store, article):
    store.articles.add([article, make_article("أخبار الرياضة", ["فاز الفريق بالمباراة."])])
    for query in ("الاعمار", "إعمار", "اعمار", "الإعمار"):
        assert [a.title for a in store.articles.list(search=query)] == [article.units[0].text]
    assert len(store.articles.list(search="مباراه")) == 1


def test_notes_are_saved_and_logged(store, article):
    store.articles.add([article])
    unit = store.articles.units(1)[1]
    store.notes.set(unit.id, "mona", "  جملة غامضة  ")
    assert store.notes.get(unit.id, "mona") == "جملة غامضة"
    store.notes.set(unit.id, "mona", "جملة غامضة")  # unchanged: no new event
    assert [e.action for e in store.events.list(unit.id)] == ["note"]


def test_position_is_remembered_per_annotator(store, article):
    store.articles.add([article])
    store.positions.save("mona", 1, 2)
    store.positions.save("ali", 1, 0)
    store.positions.save("mona", 1, 3)
    assert store.positions.get("mona") == (1, 3)
    assert store.positions.get("ali") == (1, 0)
    assert store.positions.get("nobody") is None


def test_theme_edits_keep_labels(store, article):
    store.articles.add([article])
    unit = store.articles.units(1)[1]
    store.labels.set_themes(unit.id, "mona", ["military"])
    store.themes.update("military", name_ar="دفاعي", color="#AA0000", shortcut=5)
    store.themes.move("military", 2)
    store.themes.retire("military")
    assert [t.key for t in store.themes.list()] == ["economic", "reconstruction"]
    assert store.labels.state(unit.id, "mona").themes == ("military",)
    with pytest.raises(ThemeError, match="retired"):
        store.labels.set_themes(store.articles.units(1)[2].id, "mona", ["military"])
    store.themes.retire("military", retired=False)
    theme = store.themes.get("military")
    assert (theme.name_ar, theme.color, theme.shortcut, theme.position) == (
        "دفاعي",
        "#aa0000",
        5,
        2,
    )


def test_theme_validation(store):
    new = Theme("humanitarian", "إنساني", "Humanitarian", "#ff9900", 4)
    assert store.themes.add(new).position == 3
    with pytest.raises(ThemeError, match="already exists"):
        store.themes.add(new)
    with pytest.raises(ThemeError, match="already used"):
        store.themes.add(Theme("other", "آخر", "Other", "#000000", 1))
    with pytest.raises(ThemeError, match="lowercase"):
        store.themes.add(Theme("Bad Key", "آخر", "Other", "#000000", None))
    with pytest.raises(ThemeError, match="#RRGGBB"):
        store.themes.update("economic", color="blue")
    with pytest.raises(ThemeError, match="cannot change"):
        store.themes.update("economic", position=3)


def test_two_connections_both_keep_their_labels(tmp_path, article):
    from annotator.storage.store import Store

    path = tmp_path / "shared.annotator"
    first, second = Store(path), Store(path)
    first.articles.add([article])
    units = first.articles.units(1)
    first.labels.set_themes(units[1].id, "mona", ["military"])
    second.labels.set_themes(units[2].id, "ali", ["economic"])
    first.close()
    second.close()
    with Store(path) as check:
        assert check.labels.state(units[1].id, "mona").themes == ("military",)
        assert check.labels.state(units[2].id, "ali").themes == ("economic",)
