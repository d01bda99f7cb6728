"""Every format loads with no glue code in pandas, pyarrow and Hugging Face `datasets`."""

from __future__ import annotations

import csv
import json
import re

import pandas as pd
import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq
import pytest

from annotator.core.export.fields import FIELDS
from annotator.storage.store import Store
from tests.core.test_export_support import ARTICLES, build_project, unit_count


@pytest.fixture
def project(tmp_path):
    return build_project(tmp_path / "project.annotator")


PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


@pytest.fixture(autouse=True)
def offline_datasets(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))


def load_with_datasets(kind: str, path, tmp_path):
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    return datasets.load_dataset(
        kind, data_files=str(path), split="train", cache_dir=str(tmp_path / "cache")
    )


def article_texts(project) -> dict[int, str]:
    with Store(project.path) as store:
        return {i: store.articles.get(i).text for i in store.articles.ids()}


def check_records(records: list[dict], project) -> None:
    """Every unit, in article order, each text exactly its slice, logical order only."""
    texts = article_texts(project)
    assert len(records) == unit_count()
    assert [(r["article_id"], r["sentence_index"]) for r in records] == sorted(
        (r["article_id"], r["sentence_index"]) for r in records
    )
    for record in records:
        assert record["text"] == texts[record["article_id"]][record["start"] : record["end"]]
        assert not PRESENTATION_FORMS.search(json.dumps(record, ensure_ascii=False))


def test_jsonl_loads_in_pandas_pyarrow_and_datasets(project, tmp_path):
    out = tmp_path / "out" / "data.jsonl"
    result = project.export(format="jsonl", out=out)
    assert result.records == unit_count()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(records[0]) == list(FIELDS)
    check_records(records, project)
    frame = pd.read_json(out, lines=True)
    assert list(frame.columns) == list(FIELDS)
    assert frame.loc[1, "labels"] == ["military"]
    table = pa_json.read_json(out)
    assert table.schema.field("labels").type == pa.list_(pa.string())
    dataset = load_with_datasets("json", out, tmp_path)
    assert dataset.num_rows == unit_count()
    assert dataset[0]["text"] == ARTICLES[0][0]  # the formula-like title, untouched


def test_parquet_has_a_real_list_column_and_loads_everywhere(project, tmp_path):
    out = tmp_path / "data.parquet"
    project.export(format="parquet", out=out)
    table = pq.read_table(out)
    assert table.schema.field("labels").type == pa.list_(pa.string())
    assert table.schema.field("annotations").type.num_fields == 3  # one per annotator
    check_records(table.to_pylist(), project)
    frame = pd.read_parquet(out)
    assert list(frame.loc[2, "labels"]) == ["reconstruction"]
    dataset = load_with_datasets("parquet", out, tmp_path)
    assert dataset[1]["annotations"]["سارة"] == ["military"]
    assert dataset[0]["annotations"]["omar"] is None  # omar never touched the title


def test_unlabelled_units_are_explicit_negatives(project, tmp_path):
    out = tmp_path / "data.jsonl"
    project.export(format="jsonl", out=out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    statuses = {(r["article_id"], r["sentence_index"]): (r["labels"], r["status"]) for r in records}
    assert statuses[(1, 0)] == ([], "not_seen")
    assert statuses[(1, 3)] == ([], "skipped")
    assert statuses[(2, 2)] == ([], "done_no_theme")  # a 1-1 tie on economic: left out


def test_csv_is_what_excel_expects(project, tmp_path):
    out = tmp_path / "data.csv"
    project.export(format="csv", out=out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8 Arabic
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == unit_count()
    title = rows[0]
    assert title["article_title"] == "'" + ARTICLES[0][0]  # '=...' would run as a formula
    assert title["text"] == "'" + ARTICLES[0][0]
    escaped = {r["text"][:2] for r in rows if r["text"].startswith("'")}
    assert escaped == {"'=", "'-", "'@", "'+"}
    quoted = rows[2]["text"]
    assert quoted == 'وقال المتحدث إن "الجيش مستعد" \\ للرد.'
    assert rows[2]["labels"] == "reconstruction"
    assert (rows[2]["military"], rows[2]["economic"], rows[2]["reconstruction"]) == ("0", "0", "1")
    assert json.loads(rows[1]["annotations"])["ليلى"] == ["economic"]
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert frame["economic"].sum() == 2


def test_csv_loads_in_datasets(project, tmp_path):
    out = tmp_path / "data.csv"
    project.export(format="csv", out=out)
    dataset = load_with_datasets("csv", out, tmp_path)
    assert dataset.num_rows == unit_count()
    assert "reconstruction" in dataset.column_names


def test_one_annotator_and_only_done(project, tmp_path):
    out = tmp_path / "omar.jsonl"
    result = project.export(format="jsonl", out=out, annotator="omar", only_done=True)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.records == len(records) == 8  # the units omar marked done
    assert {r["status"] for r in records} <= {"done_no_theme", "done_with_themes"}
    economic = next(r for r in records if r["text"].startswith("The central bank"))
    assert economic["labels"] == ["economic"]  # omar's own label, whatever سارة said


def test_the_dataset_card_says_what_is_inside(project, tmp_path):
    result = project.export(format="jsonl", out=tmp_path / "data.jsonl")
    card = result.card.read_text(encoding="utf-8")
    assert result.card == tmp_path / "README.md"
    for expected in (
        "configs:",
        "| `military` | عسكري | Military | الجملة تتناول القوات المسلحة",
        "The sentence is about armed forces",
        "## Theme co-occurrence",
        "| `economic` | 0 | 2 | 1 |",  # economic with military, itself, reconstruction
        "| سارة | 6 |",
        "Annotator 0.1.0",
        "## Record fields",
    ):
        assert expected in card
    assert result.chart.read_bytes().startswith(b"\x89PNG")


def test_a_foreign_readme_is_never_overwritten(project, tmp_path):
    (tmp_path / "README.md").write_text("my own notes", encoding="utf-8")
    result = project.export(format="jsonl", out=tmp_path / "data.jsonl")
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "my own notes"
    assert result.card == tmp_path / "data.README.md"


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_a_project_nobody_has_labelled_yet_loads_too(tmp_path, fmt):
    from annotator.core.export import parse_splits

    fresh = build_project(tmp_path / "fresh.annotator", judgements={})
    out = tmp_path / "ds"
    result = fresh.export(format=fmt, out=out, splits=parse_splits("train=0.5,test=0.5"))
    assert result.records == unit_count()
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    loaded = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "cache"))
    assert sum(len(split) for split in loaded.values()) == unit_count()
