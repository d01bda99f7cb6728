"""Control characters, lone surrogates and noncharacters are removed on import, with a warning
naming the file, the line and the characters; the project stays exportable."""

from __future__ import annotations

import json

import pytest

from annotator.storage.store import Store
from tests.cli_runner import run_cli

# Escapes as a JSON file holds them: json.loads turns them into the characters themselves.
RECORD = (
    '{"title": "عنوان\\u0000 الخبر", "text": "نص \\u0000عربي\\u0007 مع \\ud800رموز\\ufdd0. '
    'وجملة \\u0085ثانية\\uffff.", "author": "كاتب\\u001b", "tags": ["وسم\\udfff"]}'
)


@pytest.fixture
def project(tmp_path, capsys):
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"text": "نص سليم."}) + "\n" + RECORD + "\n", encoding="utf-8")
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(source))
    return db, code, out, err


def test_unwanted_characters_are_removed_with_a_warning_naming_file_line_and_characters(project):
    db, code, out, err = project
    assert code == 0 and "Imported 2 articles" in out
    warning = next(line for line in err.splitlines() if "news.jsonl:2:" in line)
    assert "removed 9 characters that do not belong in text" in warning
    for named in ("U+0000 (control character) ×2", "U+D800 (lone surrogate)", "U+FDD0"):
        assert named in warning
    assert "news.jsonl:1" not in err  # the clean record gets no warning
    with Store(db) as store:
        article = store.articles.get(store.articles.ids()[1])
        units = store.articles.units(article.id)
    assert article.title == "عنوان الخبر"
    assert article.author == "كاتب" and article.extra == {"tags": ["وسم"]}
    assert [u.text for u in units] == ["عنوان الخبر", "نص عربي مع رموز.", "وجملة ثانية."]
    assert not set(article.text) & set("\0\x07\x1b\x85\ud800\udfff\ufdd0\uffff")
    for unit in units:
        assert article.text[unit.start : unit.end] == unit.text


def test_a_project_fed_a_nul_escape_still_exports(project, tmp_path, capsys):
    db = project[0]
    code, out, err = run_cli(capsys, "--db", str(db), "export", "--out", str(tmp_path / "d.jsonl"))
    assert code == 0, err
    records = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text("utf-8").splitlines()]
    assert len(records) == 5 and not any("\0" in r["text"] for r in records)


def test_an_exported_dataset_with_a_nul_in_a_unit_is_refused_not_shifted(tmp_path, capsys):
    rows = [
        {"article_id": 1, "sentence_index": 0, "kind": "title", "start": 0, "end": 5},
        {"article_id": 1, "sentence_index": 1, "kind": "sentence", "start": 7, "end": 16},
    ]
    rows[0]["text"], rows[1]["text"] = "عنوان", "نص\u0000 عربي."
    source = tmp_path / "dataset.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    code, _, err = run_cli(capsys, "--db", str(tmp_path / "p.annotator"), "import", str(source))
    assert code == 1
    assert "dataset.jsonl:2: the text holds U+0000 (control character)" in err
