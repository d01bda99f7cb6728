"""An exported dataset imports into another project with its articles, units and labels."""

from __future__ import annotations

import json

import pytest

from annotator.core.document import build_article, check_offsets
from annotator.core.model import ReadError
from annotator.core.readers.dataset import (
    IMPORTED_ANNOTATOR,
    drafts_from_dataset,
    looks_like_dataset,
)
from annotator.storage.store import Store
from tests.core.test_export_support import build_project


@pytest.fixture
def project(tmp_path):
    return build_project(tmp_path / "project.annotator")


def read_jsonl(path) -> list[tuple[int, dict]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, json.loads(line)) for n, line in enumerate(lines, start=1)]


def row(**fields) -> dict:
    base = {"article_id": 7, "sentence_index": 0, "kind": "title", "start": 0, "end": 5}
    return {**base, "text": "عنوان", **fields}


def project_contents(path) -> list:
    """Everything a round trip must keep: article fields, units, each annotator's state."""
    with Store(path) as store:
        contents = []
        for article_id in store.articles.ids():
            article, states = (
                store.articles.get(article_id),
                store.labels.article_states(article_id),
            )
            units = [
                (
                    u.index,
                    u.kind,
                    u.start,
                    u.end,
                    u.text,
                    dict(sorted(states.get(u.id, {}).items())),
                )
                for u in store.articles.units(article_id)
            ]
            contents.append((article.title, article.source, article.category, article.date, units))
        return contents


def test_dataset_rows_are_recognised_by_their_fields():
    assert looks_like_dataset(row())
    assert not looks_like_dataset({"title": "x", "text": "y"})


def test_rows_group_into_one_draft_per_article_with_labels(project, tmp_path):
    out = tmp_path / "data.jsonl"
    project.export(format="jsonl", out=out)
    drafts = drafts_from_dataset(read_jsonl(out), out)
    assert len(drafts) == 4
    first = drafts[0]
    assert first.title.startswith("=وزيرا") and first.category == "دولي"
    assert [u.kind for u in first.preset_units] == ["title", "sentence", "sentence", "sentence"]
    assert first.preset_labels[1] == {
        "سارة": ["military"],
        "omar": ["military"],
        "ليلى": ["economic"],
    }
    assert first.preset_status[3] == {"سارة": "skipped"}
    assert first.original_id == "1"


def test_the_full_round_trip_into_a_second_project(project, tmp_path):
    out = tmp_path / "data.jsonl"
    project.export(format="jsonl", out=out)
    articles = [build_article(d) for d in drafts_from_dataset(read_jsonl(out), out)]
    for article in articles:
        check_offsets(article.text, article.units)
    second = tmp_path / "second.annotator"
    with Store(second) as store:
        counts = store.articles.add(articles)
    assert (counts.articles, counts.units) == (4, 14)
    assert project_contents(second) == project_contents(project.path)


def test_a_split_export_imports_split_by_split(project, tmp_path):
    from annotator.core.export import parse_splits

    project.export(format="jsonl", out=tmp_path / "ds", splits=parse_splits("a=0.5,b=0.5"))
    drafts = [
        draft
        for name in ("a", "b")
        for draft in drafts_from_dataset(read_jsonl(tmp_path / "ds" / f"{name}.jsonl"), name)
    ]
    assert sorted(d.original_id for d in drafts) == ["1", "2", "3", "4"]


def test_pre_labelled_rows_without_annotations_get_an_imported_annotator():
    rows = [
        (1, row(labels=["economic"])),
        (2, row(sentence_index=1, start=6, end=9, text="نص.", kind="sentence")),
    ]
    (draft,) = drafts_from_dataset(rows, "x.jsonl")
    assert draft.preset_labels == {0: {IMPORTED_ANNOTATOR: ["economic"]}}
    assert [u.start for u in draft.preset_units] == [0, 6]


def test_csv_cells_lose_the_formula_guard_only_when_the_offsets_say_so():
    rows = [
        (
            1,
            row(
                text="'=عنوا",
                annotations='{"a": ["x"]}',
                annotator_status='{"a": "done_with_themes"}',
            ),
        )
    ]
    (draft,) = drafts_from_dataset(rows, "x.csv")
    assert draft.preset_units[0].text == "=عنوا"
    assert draft.preset_labels == {0: {"a": ["x"]}}


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"kind": "paragraph"}, "kind must be one of"),
        ({"end": 9}, "text has 5 characters but start and end span 9"),
        ({"start": -1}, "whole number"),
        ({"start": "x"}, "whole number"),
        ({"annotations": ["a"]}, "annotations must map annotator names"),
        ({"annotations": {"a": "economic"}}, "must be a list of theme keys"),
        ({"annotator_status": {"a": "finished"}}, "unknown status 'finished'"),
    ],
)
def test_bad_rows_fail_the_file_with_the_line(fields, reason):
    with pytest.raises(ReadError, match=reason) as caught:
        drafts_from_dataset([(3, row(**fields))], "bad.jsonl")
    assert caught.value.line == 3


def test_overlapping_or_repeated_units_are_refused():
    overlapping = [(1, row()), (2, row(sentence_index=1, start=3, end=8))]
    with pytest.raises(ReadError, match="overlaps"):
        drafts_from_dataset(overlapping, "bad.jsonl")
    repeated = [(1, row()), (2, row(start=6, end=11))]
    with pytest.raises(ReadError, match="same sentence_index"):
        drafts_from_dataset(repeated, "bad.jsonl")


NOTES = {"omar": "هل هذه جملة عسكرية أم اقتصادية؟\nسطر ثانٍ.", "سارة": "note in English"}


def project_notes(path) -> list:
    with Store(path) as store:
        return [(r.article_title, r.unit_index, r.annotator, r.text) for r in store.notes.all()]


@pytest.mark.parametrize(("format", "name"), [("jsonl", "data.jsonl"), ("csv", "data.csv"),
                                              ("parquet", "data.parquet")])  # fmt: skip
def test_notes_come_back_with_an_imported_export(project, tmp_path, capsys, format, name):
    """Export, then `annotator import` into another project: the notes are there again, each
    its annotator's, on the same sentence (and logged as note events)."""
    from annotator.main import main

    with Store(project.path) as store:
        first = store.articles.ids()[0]
        units = store.articles.units(first)
        for unit, (annotator, text) in zip(units[1:], NOTES.items(), strict=False):
            store.notes.set(unit.id, annotator, text)
    before = project_notes(project.path)
    assert len(before) == 2
    project.export(format=format, out=tmp_path / name)
    second = tmp_path / "second.annotator"
    assert main(["--db", str(second), "import", str(tmp_path / name), "--quiet"]) == 0
    capsys.readouterr()
    assert project_notes(second) == before
    with Store(second) as store:
        logged = store.conn.execute("SELECT COUNT(*) FROM events WHERE action = 'note'")
        assert logged.fetchone()[0] == 2


def test_a_note_that_is_not_text_is_refused_with_its_line():
    rows = [(4, row(notes={"omar": ["not", "text"]}))]
    with pytest.raises(ReadError, match="the note of 'omar' must be text") as caught:
        drafts_from_dataset(rows, "x.jsonl")
    assert caught.value.line == 4


def test_a_process_that_reads_parquet_exits_cleanly_every_time(project, tmp_path):
    """pyarrow's threaded read_table left clean-up running after it returned: a process that
    read a Parquet file and then ended aborted with code 134 about half the time
    (apache/arrow#33975). The importer's workers read files and end."""
    import subprocess
    import sys

    project.export(format="parquet", out=tmp_path / "data.parquet")
    child = "import sys; from annotator.core.readers import read_file; read_file(sys.argv[1])"
    for attempt in range(5):
        done = subprocess.run(
            [sys.executable, "-c", child, str(tmp_path / "data.parquet")],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, ""), attempt
