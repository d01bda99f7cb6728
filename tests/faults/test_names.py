"""File names cannot fake report lines; annotator names are checked in one place (at most 64
characters, no control characters, not empty) by the store, the command line and imports."""

from __future__ import annotations

import json
import re

import pytest

from annotator.main import main
from annotator.storage.store import Store
from tests.cli_runner import run_cli

ARABIC = "خبر عن الاقتصاد\n\nارتفعت أسعار الوقود في الأسواق اليوم.\n"


def test_a_file_name_holding_a_line_break_cannot_fake_report_lines(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARABIC, encoding="utf-8")
    fake = "x.txt: fine\n  all 40 files imported\x1b[2K.txt"
    (folder / fake).write_text("English only, no Arabic.\n", encoding="utf-8")
    (folder / "nul\nname.jsonl").write_text('{"text": "نص\\u0000 عربي."}\n', encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "p.annotator"), "import", str(folder))
    assert code == 1 and "Imported 2 articles" in out
    lines = err.splitlines()
    assert lines[0].startswith("warning: ") and "'" in lines[0]  # the warning's name is quoted
    assert repr(str(folder / "nul\nname.jsonl")) + ":1: removed " in lines[0]
    assert lines[1:] == [
        "1 files failed and were not imported:",
        f"  {str(folder / fake)!r}: no Arabic text (Annotator labels Arabic articles)",
    ]
    assert "\x1b" not in err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * 100_000, "at most 64 characters (this one has 100,000)"),
        ("a\nb", "cannot hold control characters, line breaks or direction marks"),
        ("\u202eanimA", "cannot hold control characters, line breaks or direction marks"),
        ("   ", "an annotator needs a name"),
    ],
)
def test_the_store_refuses_names_that_are_not_sane(tmp_path, name, message):
    with Store(tmp_path / "p.annotator") as store:
        with pytest.raises(ValueError, match=re.escape(message)):
            store.annotators.ensure(name)
        assert store.annotators.names() == []
        assert store.annotators.ensure(" سلمى ") == store.annotators.ensure("سلمى")
        assert store.annotators.names() == ["سلمى"]


def test_the_command_line_refuses_a_long_name_before_doing_anything(tmp_path, capsys):
    db = tmp_path / "p.annotator"
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), "--annotator", "x" * 100_000, "articles", "remove", "1"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "argument --annotator: an annotator name has at most 64 characters" in err
    assert len(err) < 1000  # the name itself is not echoed back
    assert not db.exists()


def test_a_dataset_with_an_unusable_annotator_name_is_refused_at_its_line(tmp_path, capsys):
    rows = [
        {"article_id": 1, "sentence_index": 0, "kind": "title", "start": 0, "end": 5},
        {"article_id": 1, "sentence_index": 1, "kind": "sentence", "start": 7, "end": 16},
    ]
    rows[0]["text"], rows[1]["text"] = "عنوان", "نص عربي قصير."[:9]
    rows[1]["annotations"] = {"y" * 500: ["economic"]}
    source = tmp_path / "dataset.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    code, _, err = run_cli(capsys, "--db", str(tmp_path / "p.annotator"), "import", str(source))
    assert code == 1
    assert "dataset.jsonl:2: annotator 'yyyy" in err and "at most 64 characters" in err
