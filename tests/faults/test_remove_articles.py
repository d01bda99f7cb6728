"""A lead removes articles (`annotator articles remove ID...`, Store.remove_articles): all or
none, logged whole in the event log, never reusing ids, and restorable exactly as they were."""

from __future__ import annotations

import json
import sqlite3

import pytest

from annotator.storage.store import Store
from tests.cli_runner import run_cli
from tests.factories import make_article

TABLES = ("articles", "units", "labels", "unit_status", "notes", "article_progress")


@pytest.fixture
def project(tmp_path):
    """Three articles; the second labelled, skipped and noted by two annotators."""
    path = tmp_path / "p.annotator"
    with Store(path) as store:
        store.articles.add(
            [
                make_article("عنوان أول", ["جملة أولى عن الاقتصاد.", "جملة ثانية."]),
                make_article("عنوان ثان", ["قصف مدفعي على الحدود.", "ارتفاع الأسعار."]),
                make_article("عنوان ثالث", ["إعادة إعمار المدارس."]),
            ]
        )
        units = store.articles.units(store.articles.ids()[1])
        store.labels.set_themes(units[1].id, "amina", ["military"])
        store.labels.set_themes(units[2].id, "amina", ["economic", "reconstruction"])
        store.labels.set_status(units[1].id, "omar", "skipped")
        store.notes.set(units[2].id, "omar", "رقم من بيان رسمي")
        store.search.update()
    return path


def rows(store: Store, article_id: int) -> dict[str, list]:
    """Every row about one article, in every table that holds them."""
    conn = store.conn
    unit_ids = [u.id for u in store.articles.units(article_id)]
    marks = ",".join("?" * len(unit_ids)) or "NULL"
    result = {
        "articles": conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchall(),
        "units": conn.execute("SELECT * FROM units WHERE article_id = ?", (article_id,)).fetchall(),
        "progress": conn.execute(
            "SELECT * FROM article_progress WHERE article_id = ? ORDER BY annotator_id",
            (article_id,),
        ).fetchall(),
        "theme_counts": conn.execute(
            "SELECT * FROM article_theme_counts WHERE article_id = ? AND n > 0 ORDER BY 2, 3",
            (article_id,),
        ).fetchall(),
    }
    for table in ("labels", "unit_status", "notes"):
        result[table] = conn.execute(
            f"SELECT * FROM {table} WHERE unit_id IN ({marks}) ORDER BY 1, 2, 3", unit_ids
        ).fetchall()
    return result


def test_removal_takes_out_everything_and_logs_the_labels(project):
    with Store(project) as store:
        article_id = store.articles.ids()[1]
        first_unit = store.articles.units(article_id)[0].id
        events_before = len(store.events.list())
        removed = store.removal.remove([article_id], "lead")
        assert [(r.id, r.units, r.labels, r.annotators) for r in removed] == [
            (article_id, 3, 3, ("amina", "omar"))
        ]
        assert store.articles.get(article_id) is None and article_id not in store.articles.ids()
        assert all(not value for value in rows(store, article_id).values())
        assert store.articles.list(search="مدفعي") == []
        assert store.figures.project()["labels_by_theme"]["military"] == 0
        assert len(store.events.list()) == events_before + 1  # earlier events are all still there
        event = store.events.list()[-1]
    assert (event.action, event.annotator, event.unit_id) == ("remove_article", "lead", first_unit)
    logged = event.before
    assert logged["article"]["title"] == "عنوان ثان" and len(logged["units"]) == 3
    assert sorted((who, key) for _, who, key, _ in logged["labels"]) == [
        ("amina", "economic"),
        ("amina", "military"),
        ("amina", "reconstruction"),
    ]
    assert [(who, status) for _, who, status, _ in logged["statuses"]] == [
        ("amina", "done_with_themes"),
        ("omar", "skipped"),
        ("amina", "done_with_themes"),
    ]
    assert [(who, text) for _, who, text, _ in logged["notes"]] == [("omar", "رقم من بيان رسمي")]


def test_restore_puts_back_exactly_the_same_rows(project):
    with Store(project) as store:
        article_id = store.articles.ids()[1]
        before = rows(store, article_id)
        store.removal.remove([article_id], "lead")
        store.removal.restore([article_id], "lead")
        assert rows(store, article_id) == before
        assert [a.id for a in store.articles.list(search="مدفعي")] == [article_id]
        assert store.events.list()[-1].action == "restore_article"
        # Restored units take labels again, and the counters follow.
        unit = store.articles.units(article_id)[0]
        store.labels.set_themes(unit.id, "amina", ["military"])
        assert store.figures.project()["labels_by_theme"]["military"] == 2


def test_ids_of_a_removed_article_are_never_given_again(project):
    with Store(project) as store:
        last = store.articles.ids()[-1]
        last_unit = store.articles.units(last)[-1].id
        store.removal.remove([last], "lead")
        store.articles.add([make_article("عنوان جديد", ["خبر جديد عن الاقتصاد."])])
        new = store.articles.ids()[-1]
        assert new > last and store.articles.units(new)[0].id > last_unit
        store.removal.restore([last], "lead")  # its ids are still free
        assert store.articles.get(last).title == "عنوان ثالث"


def test_unknown_ids_change_nothing(project):
    with Store(project) as store:
        ids = store.articles.ids()
        with pytest.raises(Exception, match="no article with id 99 in this project"):
            store.removal.remove([ids[0], 99], "lead")
        assert store.articles.ids() == ids
        with pytest.raises(Exception, match="no article with id 1 among the removed articles"):
            store.removal.restore([ids[0]], "lead")


def test_restoring_an_article_imported_again_since_is_refused(project):
    with Store(project) as store:
        article_id = store.articles.ids()[2]
        store.removal.remove([article_id], "lead")
        store.articles.add([make_article("عنوان ثالث", ["إعادة إعمار المدارس."])])
        twin = store.articles.ids()[-1]
        with pytest.raises(Exception, match=f"imported again since, as article {twin}"):
            store.removal.restore([article_id], "lead")


def test_cli_removes_and_restores_with_clear_messages_and_exit_codes(project, capsys):
    db = str(project)
    code, out, err = run_cli(capsys, "--db", db, "--annotator", "lead", "articles", "remove", "2")
    assert code == 0, err
    assert "Removed article 2 (عنوان ثان): 3 units, 3 labels by amina, omar." in out
    assert "`annotator articles restore 2` puts them back" in out
    code, out, err = run_cli(capsys, "--db", db, "articles", "remove", "2", "3")
    assert code == 2 and "no article with id 2 in this project; nothing was changed" in err
    code, out, _ = run_cli(capsys, "--db", db, "articles", "--json")
    assert [a["id"] for a in json.loads(out)] == [1, 3]
    code, out, err = run_cli(capsys, "--db", db, "articles", "restore", "2", "--json")
    assert code == 0 and json.loads(out)[0]["labels"] == 3
    code, out, err = run_cli(capsys, "--db", db, "articles", "restore", "2")
    assert code == 2 and "no article with id 2 among the removed articles" in err


def test_removing_an_unexportable_article_makes_the_project_exportable(tmp_path, capsys):
    """A project written before import cleaned text can hold a NUL; removing it is the way out."""
    db = tmp_path / "old.annotator"
    with Store(db) as store:
        store.articles.add(
            [
                make_article("خبر سليم", ["جملة عربية."]),
                make_article("خبر معطوب", ["جملة\0 فيها محرف فارغ."]),
            ]
        )
    out_file = str(tmp_path / "d.jsonl")
    code, _, err = run_cli(capsys, "--db", str(db), "export", "--out", out_file)
    assert code == 2 and "NUL" in err
    code, _, err = run_cli(capsys, "--db", str(db), "articles", "remove", "2")
    assert code == 0, err
    code, _, err = run_cli(capsys, "--db", str(db), "export", "--out", out_file)
    assert code == 0, err


def test_the_event_log_stays_append_only(project):
    with Store(project) as store:
        store.removal.remove([store.articles.ids()[0]], "lead")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.conn.execute("DELETE FROM events")
