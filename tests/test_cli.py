"""The command line, end to end: import, listing, show, stats, themes, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from annotator.app.paths import default_database
from annotator.cli import build_parser
from annotator.core.text import has_presentation_forms
from tests.cli_runner import run_cli

ARTICLE_A = "مؤتمر المانحين\n\nتعهد المانحون بتقديم 3.5 مليار دولار لإعادة الإعمار. وقال د. سامي إن الأولوية للمدارس.\n"
ARTICLE_B = (
    "اشتباكات على الحدود\n\nتبادل الجيشان القصف المدفعي فجر اليوم. ولم ترد أنباء عن إصابات.\n"
)


@pytest.fixture
def project(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "nested").mkdir()
    (folder / "nested" / "b.txt").write_bytes(ARTICLE_B.encode("cp1256"))
    db = tmp_path / "p.annotator"
    code, out, _ = run_cli(capsys, "--db", str(db), "import", str(folder), "--quiet")
    assert code == 0 and "Imported 2 articles" in out
    return db


def test_articles_json_lists_each_article_with_progress(project, capsys):
    code, out, _ = run_cli(capsys, "--db", str(project), "articles", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["title"] for r in rows] == ["مؤتمر المانحين", "اشتباكات على الحدود"]
    for key in ("id", "title", "source", "category", "date", "units", "done"):
        assert key in rows[0]
    assert rows[0]["units"] == 3 and rows[0]["done"] == 0


def test_show_json_has_units_offsets_and_encoding(project, capsys):
    _, out, _ = run_cli(capsys, "--db", str(project), "show", "2", "--json")
    article = json.loads(out)
    assert article["encoding"] == "windows-1256"
    assert [u["kind"] for u in article["units"]] == ["title", "sentence", "sentence"]
    text = "اشتباكات على الحدود\n\n" + ARTICLE_B.split("\n\n")[1].strip()
    for unit in article["units"]:
        assert text[unit["start"] : unit["end"]] == unit["text"]
        assert unit["labels"] == {} and unit["status"] == {}


def test_show_reports_labels_and_status_per_annotator(project, capsys):
    from annotator.storage.store import Store

    with Store(project) as store:
        unit = store.articles.units(1)[1]
        store.labels.set_themes(unit.id, "mona", ["reconstruction", "economic"])
    _, out, _ = run_cli(capsys, "--db", str(project), "show", "1", "--json")
    first = json.loads(out)["units"][1]
    assert first["labels"] == {"mona": ["economic", "reconstruction"]}
    assert first["status"] == {"mona": "done_with_themes"}
    _, out, _ = run_cli(capsys, "--db", str(project), "--annotator", "mona", "articles", "--json")
    assert json.loads(out)[0]["done"] == 1


def test_reimport_skips_duplicates_and_changes_nothing(project, tmp_path, capsys):
    code, out, _ = run_cli(capsys, "--db", str(project), "import", str(tmp_path / "in"), "--quiet")
    assert code == 0 and "Imported 0 articles" in out and "Skipped 2 duplicate" in out
    _, out, _ = run_cli(capsys, "--db", str(project), "stats", "--json")
    assert json.loads(out)["articles"] == 2


def test_bad_files_are_reported_with_line_and_the_rest_imported(tmp_path, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "broken.jsonl").write_text(
        json.dumps({"title": "عنوان", "text": "نص سليم تماما هنا."}, ensure_ascii=False)
        + "\n{not json\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "notext.csv").write_text("title,summary\nعنوان,ملخص\n", encoding="utf-8")
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(folder), "--quiet")
    assert code == 1
    assert "Imported 1 articles" in out
    assert "broken.jsonl:2:" in err
    for name in ("empty.txt", "binary.txt", "notext.csv"):
        assert name in err
    _, out, _ = run_cli(capsys, "--db", str(db), "articles", "--json")
    assert [r["title"] for r in json.loads(out)] == ["مؤتمر المانحين"]  # nothing of broken.jsonl


def test_size_limit_refuses_big_files(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE_A * 2000, encoding="utf-8")
    code, _, err = run_cli(
        capsys,
        "--db",
        str(tmp_path / "p.annotator"),
        "import",
        str(big),
        "--max-size",
        "0.05",
        "--quiet",
    )
    assert code == 1 and "big.txt" in err and "MB" in err


def test_missing_path_and_bad_map_are_clear_errors(tmp_path, capsys):
    code, _, err = run_cli(
        capsys, "--db", str(tmp_path / "p.annotator"), "import", str(tmp_path / "nope"), "--quiet"
    )
    assert code == 1 and "no such file or folder" in err
    code, _, err = run_cli(
        capsys, "--db", str(tmp_path / "p.annotator"), "import", str(tmp_path), "--map", "nonsense"
    )
    assert code == 2 and "OURS=THEIRS" in err


def test_field_map_reads_other_column_names(tmp_path, capsys):
    data = tmp_path / "feed.csv"
    data.write_text(
        "headline,article_body\nعنوان الخبر,بدأت أعمال إعادة بناء الجسر. وتستمر شهرين.\n",
        encoding="utf-8-sig",
    )
    db = tmp_path / "p.annotator"
    code, _, _ = run_cli(
        capsys,
        "--db",
        str(db),
        "import",
        str(data),
        "--quiet",
        "--map",
        "text=article_body",
        "--map",
        "title=headline",
    )
    assert code == 0
    _, out, _ = run_cli(capsys, "--db", str(db), "show", "1", "--json")
    assert json.loads(out)["title"] == "عنوان الخبر"


def test_show_unknown_article_is_an_error(project, capsys):
    code, _, err = run_cli(capsys, "--db", str(project), "show", "99")
    assert code == 2 and "no article with id 99" in err


def test_piped_output_is_logical_and_visual_is_reshaped(project, capsys):
    _, out, _ = run_cli(capsys, "--db", str(project), "show", "1")
    assert "مؤتمر المانحين" in out and not has_presentation_forms(out)
    _, out, _ = run_cli(capsys, "--db", str(project), "show", "1", "--bidi", "visual")
    assert has_presentation_forms(out) and "مؤتمر المانحين" not in out


def test_themes_can_be_edited_from_the_command_line(project, capsys):
    args = ["--db", str(project), "themes"]
    code, _, _ = run_cli(
        capsys,
        *args,
        "add",
        "humanitarian",
        "--ar",
        "إنساني",
        "--en",
        "Humanitarian",
        "--color",
        "#ff9900",
        "--shortcut",
        "4",
    )
    assert code == 0
    run_cli(capsys, *args, "edit", "military", "--en", "Armed forces", "--color", "#990000")
    run_cli(capsys, *args, "move", "humanitarian", "0")
    run_cli(capsys, *args, "retire", "economic")
    _, out, _ = run_cli(capsys, *args, "list", "--json")
    themes = json.loads(out)
    assert [t["key"] for t in themes] == ["humanitarian", "military", "reconstruction"]
    assert themes[1]["name_en"] == "Armed forces"
    code, out, _ = run_cli(
        capsys, *args, "add", "humanitarian", "--ar", "x", "--en", "x", "--color", "#000000"
    )
    assert code == 2 and "already exists" in out


def test_env_var_chooses_the_database(tmp_path, capsys, monkeypatch):
    db = tmp_path / "env.annotator"
    monkeypatch.setenv("ANNOTATOR_DB", str(db))
    run_cli(capsys, "stats")
    assert db.exists()


def test_default_database_gets_the_sample_article_once(capsys):
    _, out, _ = run_cli(capsys, "articles", "--json")
    rows = json.loads(out)
    assert default_database().exists()
    assert len(rows) == 1 and "بوتين" in rows[0]["title"] and rows[0]["category"] == "دولي"
    _, out, _ = run_cli(capsys, "articles", "--json")
    assert len(json.loads(out)) == 1


def test_unreadable_database_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.annotator"
    bad.write_text("not a database")
    code, _, err = run_cli(capsys, "--db", str(bad), "stats")
    assert code == 2 and "bad.annotator" in err and "Traceback" not in err


def test_every_command_has_help_text():
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        assert sub.description, f"{name} has no description"
        for action in sub._actions:
            if action.dest not in ("help",) and action.option_strings:
                assert action.help, f"{name} {action.option_strings} has no help"


def test_module_entry_point_runs_as_a_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("annotator ")
