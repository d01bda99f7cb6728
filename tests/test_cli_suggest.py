"""`annotator suggest`, `themes edit --keywords` and `export --with-suggestions`, end to end."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from annotator.storage.store import Store
from tests.app.suggest_data import add_labelled_articles, add_unlabelled_articles
from tests.cli_runner import run_cli
from tests.environment import read_only_folder

KEYS = ["military", "economic", "reconstruction"]


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def project(tmp_path):
    db = tmp_path / "p.annotator"
    with Store(db) as store:
        add_unlabelled_articles(store, 3, sentences=4)
    return db


def models(db) -> list[tuple]:
    with Store(db) as store:
        return store.conn.execute("SELECT id, labels FROM suggestion_models ORDER BY id").fetchall()


# -- keywords ---------------------------------------------------------------------------------


def test_keywords_are_edited_checked_and_listed(project, tmp_path, capsys):
    db = str(project)
    code, _, _ = run_cli(
        capsys, "--db", db, "themes", "edit", "economic", "--keywords", "سوق, أسعار*"
    )
    assert code == 0
    code, out, _ = run_cli(capsys, "--db", db, "themes", "list", "--json")
    economic = next(t for t in json.loads(out) if t["key"] == "economic")
    assert economic["keywords"] == "سوق\nأسعار*\n"
    terms = tmp_path / "terms.txt"
    terms.write_text("# aid words\nإغاثة\nمساعدات إنسانية\n", encoding="utf-8")
    code, out, _ = run_cli(
        capsys, "--db", db, "themes", "edit", "economic", "--keywords-file", str(terms)
    )
    assert code == 0 and "(2 keywords)" in out
    code, out, _ = run_cli(
        capsys, "--db", db, "themes", "edit", "economic", "--keywords", "12, x*y"
    )
    assert code == 2 and "keywords: term '12' has no letter" in out


# -- suggest ----------------------------------------------------------------------------------


def test_suggest_json_gives_every_sentence_in_article_order(project, capsys):
    code, out, _ = run_cli(capsys, "--db", str(project), "suggest", "--json")
    records = lines(out)
    assert code == 0 and len(records) == 3 * 5
    assert [(r["article_id"], r["sentence_index"]) for r in records] == [
        (a, i) for a in (1, 2, 3) for i in range(5)
    ]
    for record in records:
        assert set(record) == {"article_id", "sentence_index", "text", "suggested", "scores"}
        assert list(record["scores"]) == KEYS
        assert all(0 <= s <= 1 for s in record["scores"].values())
        assert set(record["suggested"]) <= set(KEYS)
    assert models(project) == [(1, 0)]  # no labels: a keyword model, saved
    code, out, _ = run_cli(capsys, "--db", str(project), "suggest", "--json", "--article", "2")
    assert [r["article_id"] for r in lines(out)] == [2] * 5 and models(project) == [(1, 0)]


def test_suggest_trains_first_when_labels_are_newer_than_the_model(project, capsys):
    run_cli(capsys, "--db", str(project), "suggest", "--json")
    with Store(project) as store:
        truth = add_labelled_articles(store, 4, sentences=5)
        store.themes.retire("reconstruction")
    code, out, _ = run_cli(capsys, "--db", str(project), "suggest", "--json")
    assert code == 0 and models(project) == [(2, len(truth))]
    assert all(list(r["scores"]) == KEYS[:2] for r in lines(out))  # retired: left out
    run_cli(capsys, "--db", str(project), "suggest", "--json", "--article", "1")
    assert models(project) == [(2, len(truth))]  # current: not trained again
    code, _, _ = run_cli(capsys, "--db", str(project), "suggest", "--retrain", "--article", "1")
    assert code == 0 and models(project) == [(3, len(truth))]


def test_an_unknown_article_and_bad_folds_are_refused(project, capsys):
    code, _, err = run_cli(capsys, "--db", str(project), "suggest", "--article", "99")
    assert code == 2 and "no article with id 99" in err
    code, _, err = run_cli(capsys, "--db", str(project), "suggest", "--evaluate", "--folds", "1")
    assert code == 2 and "--folds must be at least 2" in err


def test_a_damaged_model_is_reported_and_replaced(project, capsys):
    run_cli(capsys, "--db", str(project), "suggest", "--json")
    with Store(project) as store:
        store.conn.execute("UPDATE suggestion_models SET data = x'504b0304'")
    code, out, err = run_cli(capsys, "--db", str(project), "suggest", "--json")
    assert code == 0 and "damaged" in err and "a new model is trained" in err
    assert len(lines(out)) == 15 and models(project) == [(2, 0)]


def test_a_read_only_project_is_suggested_in_memory(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "p.annotator"
    with Store(db) as store:
        add_unlabelled_articles(store, 3, sentences=4)
    run_cli(capsys, "--db", str(db), "suggest", "--json")  # a model, saved
    with read_only_folder(folder):
        code, out, err = run_cli(capsys, "--db", str(db), "suggest", "--json", "--retrain")
    assert code == 0 and len(lines(out)) == 15 and "reading only" in err
    assert models(db) == [(1, 0)]  # trained in memory, nothing written


def test_evaluate_prints_figures_and_json(tmp_path, capsys):
    db = tmp_path / "e.annotator"
    with Store(db) as store:
        add_labelled_articles(store, 12, sentences=6)
    code, out, _ = run_cli(capsys, "--db", str(db), "suggest", "--evaluate", "--folds", "3")
    assert code == 0 and "84 labelled sentences in 12 articles, 3-fold" in out
    assert "military" in out and "macro-F1" in out and "Learning curve" in out
    code, out, _ = run_cli(capsys, "--db", str(db), "suggest", "--evaluate", "--json")
    result = json.loads(out)
    assert result["folds"] == 5 and [t["key"] for t in result["themes"]] == KEYS
    assert result["curve"][0][0] == 50 and result["macro_f1"] is not None


def test_evaluate_with_no_labels_says_so(project, capsys):
    code, out, _ = run_cli(capsys, "--db", str(project), "suggest", "--evaluate")
    assert code == 0 and "note: No sentence is labelled yet" in out


# -- export --with-suggestions ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_with_suggestions_adds_two_fields(project, tmp_path, capsys, fmt):
    run_cli(capsys, "--db", str(project), "suggest", "--article", "1")  # article 1 only
    out = tmp_path / f"d.{fmt}"
    code, _, _ = run_cli(
        capsys, "--db", str(project), "export", "--out", str(out), "--with-suggestions", "--quiet"
    )
    assert code == 0
    frame = {
        "jsonl": lambda: pd.read_json(out, lines=True),
        "csv": lambda: pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False),
        "parquet": lambda: pd.read_parquet(out),
    }[fmt]()
    assert list(frame.columns[-2:]) == ["suggested", "scores"] and len(frame) == 15
    first, last = frame.iloc[0], frame.iloc[-1]
    scores = json.loads(first["scores"]) if fmt == "csv" else first["scores"]
    assert set(scores) == set(KEYS)
    if fmt == "csv":
        assert last["suggested"] == "" and last["scores"] == ""
    else:
        assert last["suggested"] is None and last["scores"] is None  # never computed
    assert "suggested" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_export_without_the_flag_has_no_suggestion_fields(project, tmp_path, capsys):
    run_cli(capsys, "--db", str(project), "suggest")
    out = tmp_path / "plain.jsonl"
    run_cli(capsys, "--db", str(project), "export", "--out", str(out), "--quiet")
    assert "suggested" not in json.loads(out.read_text(encoding="utf-8").splitlines()[0])
