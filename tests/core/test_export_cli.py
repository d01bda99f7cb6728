"""`annotator export` from the command line: summaries, and clear errors that write nothing."""

from __future__ import annotations

import json

import pytest

from annotator.main import main
from tests.core.test_export_support import build_project, unit_count


@pytest.fixture
def project(tmp_path):
    return build_project(tmp_path / "project.annotator")


def written(folder) -> list[str]:
    """What the export left (the project's own -wal/-shm files aside)."""
    return sorted(p.name for p in folder.rglob("*") if not p.name.startswith("project."))


def test_export_prints_a_summary_and_writes_the_card(project, tmp_path, capsys):
    out = tmp_path / "out" / "data.jsonl"
    assert main(["export", "--db", str(project.path), "--format", "jsonl", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Exported {unit_count()} records from 4 articles" in printed
    assert f"Dataset card: {tmp_path / 'out' / 'README.md'} (beside the data" in printed
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    # Names only: the card travels with the dataset, not the folders of the lead's computer.
    assert "annotator export --db project.annotator --format jsonl --out data.jsonl" in card
    assert str(tmp_path) not in card


def test_split_summary_reports_the_balance(project, tmp_path, capsys):
    out = tmp_path / "ds"
    code = main(
        ["--db", str(project.path), "export", "--out", str(out), "--format", "parquet"]
        + ["--split", "train=0.5,dev=0.25,test=0.25", "--seed", "2"]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "Theme balance" in printed and "worst gap from target" in printed
    assert written(out) == [
        "README.md",
        "dev.parquet",
        "test.parquet",
        "themes.png",
        "train.parquet",
    ]


def test_json_summary_and_format_from_the_file_name(project, tmp_path, capsys):
    out = tmp_path / "data.csv"
    assert main(["export", "--db", str(project.path), "--out", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["records"] == unit_count()
    assert summary["files"][0] == str(out)


def test_the_annotator_given_before_the_command_counts_too(project, tmp_path, capsys):
    out = tmp_path / "omar.jsonl"
    code = main(["--annotator", "omar", "export", "--db", str(project.path), "--out", str(out)])
    assert code == 0
    assert "--annotator omar" in (tmp_path / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--annotator", "zaid"], "no annotator named 'zaid'"),
        (["--split", "train=0.8,test=0.1"], "add up to 1, these add up to 0.9"),
        (["--annotator", "omar", "--resolve", "any"], "not allowed with argument"),
        (["--resolve", "mean"], "invalid choice: 'mean'"),
    ],
)
def test_bad_options_get_a_clear_error_and_write_nothing(
    project, tmp_path, capsys, arguments, message
):
    out = tmp_path / "out" / "data.jsonl"
    try:
        code = main(["export", "--db", str(project.path), "--out", str(out), *arguments])
    except SystemExit as stop:  # argparse's own errors
        code = stop.code
    assert code == 2
    assert message in capsys.readouterr().err
    assert written(tmp_path) == []


def test_an_unwritable_destination_is_refused(project, tmp_path, capsys):
    code = main(["export", "--db", str(project.path), "--out", "/sys/annotator/data.jsonl"])
    assert code == 2
    assert "cannot write into /sys/annotator" in capsys.readouterr().err


def test_a_missing_project_or_format_is_refused(tmp_path, capsys, project):
    code = main(["export", "--db", str(tmp_path / "none.annotator"), "--out", "x.jsonl"])
    assert code == 2
    assert "no project at" in capsys.readouterr().err
    assert not (tmp_path / "none.annotator").exists()  # exporting never creates a project
    code = main(["export", "--db", str(project.path), "--out", str(tmp_path / "data")])
    assert code == 2
    assert "give --format" in capsys.readouterr().err


def test_every_option_has_help_text():
    from annotator.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    for action in commands["export"]._actions:
        assert action.help, action.dest
