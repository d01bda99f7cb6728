"""Export options: split syntax, formats, annotators and destinations are checked up front."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.export import ExportError, ExportOptions, Split, parse_splits
from annotator.core.export.options import command_line


def test_split_fractions_parse_in_order():
    assert parse_splits("train=0.8, dev=0.1,test=0.1") == (
        Split("train", 0.8),
        Split("dev", 0.1),
        Split("test", 0.1),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("train=0.8,dev=0.1", "add up to 1"),
        ("train=0.8,dev=0.3,test=-0.1", "above 0"),
        ("train=0.5,train=0.5", "must differ"),
        ("train:0.5,dev=0.5", "NAME=FRACTION"),
        ("train=half,dev=0.5", "not a number"),
        ("tr ain=0.5,dev=0.5", "NAME=FRACTION"),
        ("", "NAME=FRACTION"),
    ],
)
def test_bad_splits_are_refused_with_a_reason(text, message):
    with pytest.raises(ExportError, match=message):
        parse_splits(text)


def test_unknown_format_rule_and_annotator_are_refused(tmp_path):
    out = tmp_path / "data.jsonl"
    with pytest.raises(ExportError, match="unknown format 'xml'"):
        ExportOptions("xml", out).validate([])
    with pytest.raises(ExportError, match="unknown rule"):
        ExportOptions("jsonl", out, resolve="mean").validate([])
    with pytest.raises(ExportError, match="no annotator named 'zaid'.*سارة"):
        ExportOptions("jsonl", out, annotator="zaid").validate(["سارة"])


def test_destinations_that_cannot_work_are_refused(tmp_path):
    (tmp_path / "a_file").write_text("x")
    with pytest.raises(ExportError, match="is a folder"):
        ExportOptions("jsonl", tmp_path).validate([])
    with pytest.raises(ExportError, match="looks like csv"):
        ExportOptions("jsonl", tmp_path / "data.csv").validate([])
    with pytest.raises(ExportError, match="must be a folder"):
        ExportOptions("jsonl", tmp_path / "a_file", splits=parse_splits("a=1")).validate([])
    with pytest.raises(ExportError, match="not a folder"):
        ExportOptions("jsonl", tmp_path / "a_file" / "data.jsonl").validate([])


def test_an_unwritable_folder_is_refused_even_for_root():
    # /sys refuses new files to everyone, root included (os.access would say yes to root).
    with pytest.raises(ExportError, match="cannot write into /sys/annotator: permission denied"):
        ExportOptions("jsonl", Path("/sys/annotator/data.jsonl")).validate([])


def test_missing_folders_are_fine_they_are_made_at_the_end(tmp_path):
    ExportOptions("jsonl", tmp_path / "new" / "deeper" / "data.jsonl").validate([])


def test_the_command_line_repeats_the_export():
    options = ExportOptions(
        "parquet",
        Path("out dir"),
        annotator="سارة",
        only_done=True,
        splits=parse_splits("train=0.9,test=0.1"),
        seed=7,
    )
    assert command_line(options, Path("p.annotator")) == (
        "annotator export --db p.annotator --format parquet --out 'out dir' --annotator 'سارة'"
        " --only-done --split train=0.9,test=0.1 --seed 7"
    )
