"""The fast JSONL line is exactly the record; CSV cells are safe from formula injection."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.export.fields import build_record
from annotator.core.export.judgements import FIELD_SEPARATOR as US
from annotator.core.export.judgements import JudgementDecoder
from annotator.core.export.resolve import Resolver
from annotator.core.export.source import SourceArticle
from annotator.core.export.writers import JsonlWriter, excel_safe, theme_columns

FIELDS = {
    "article_id": 3,
    "article_title": 'عنوان "مقتبس"',
    "article_source": "C:\\news\\a.txt",
    "article_url": "",
    "article_date": "2026-01-15",
    "article_category": "دولي",
}
RESOLVER = Resolver("majority", None, JudgementDecoder({1: "سارة"}, {"economic": 0}))
RESOLVED = RESOLVER.resolve(f"1{US}done_with_themes", f"1{US}economic")


def jsonl_line(
    tmp_path, text: str, kind: str = "sentence", notes: str | None = None
) -> tuple[bytes, dict]:
    row = (3, 4, kind, 10, 10 + len(text), text.encode(), None, None, notes)
    path = tmp_path / "line.jsonl"
    writer = JsonlWriter(path)
    writer.start_article(SourceArticle(3, "", "", "", "", "", "", []), FIELDS)
    writer.write(row, RESOLVED)
    writer.close()
    return path.read_bytes(), build_record(FIELDS, row, RESOLVED)


@pytest.mark.parametrize(
    "text",
    [
        "جملة عادية.",
        'قال "نعم" \\ و/أو',
        "tab\there, bell\x07, nul\x00, line\u2028separator",
        "emoji 📈 and عربي",
    ],
)
def test_the_fast_jsonl_line_is_the_record(tmp_path, text):
    line, record = jsonl_line(tmp_path, text)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line) == record
    assert list(json.loads(line)) == list(record)  # same field order as FIELDS


def test_a_units_notes_end_the_jsonl_line(tmp_path):
    notes = json.dumps({"سارة": 'راجع "الرقم"\nمرة أخرى'}, ensure_ascii=False)
    line, record = jsonl_line(tmp_path, "جملة.", notes=notes)
    assert json.loads(line) == record
    assert record["notes"] == {"سارة": 'راجع "الرقم"\nمرة أخرى'}
    assert json.loads(jsonl_line(tmp_path, "جملة.")[0])["notes"] == {}


@given(st.text(max_size=40))
def test_any_text_round_trips_through_a_jsonl_line(tmp_path_factory, text):
    line, record = jsonl_line(tmp_path_factory.mktemp("j"), text)
    assert json.loads(line)["text"] == text == record["text"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+966 11 000", "'+966 11 000"),
        ("-ناقش الجانبان", "'-ناقش الجانبان"),
        ("@user", "'@user"),
        ("\tindent", "'\tindent"),
        ("عادي = نص", "عادي = نص"),
        ("", ""),
        (12, 12),
    ],
)
def test_cells_that_would_run_as_formulas_are_escaped(value, expected):
    assert excel_safe(value) == expected


def test_theme_columns_never_clash_with_record_fields():
    assert theme_columns(["economic", "text", "labels", "status"]) == [
        "economic",
        "theme_text",
        "theme_labels",
        "theme_status",
    ]
