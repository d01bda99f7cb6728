"""Random Arabic, Latin and control-character text through every reader into a real project,
then through every export format: nothing crashes (a file may fail, cleanly, with a reason),
and every unit and every record is exactly its slice of the article's text."""

from __future__ import annotations

import csv
import html
import io
import json
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from annotator.app.importer import import_paths
from annotator.core.export import ExportOptions, export_dataset
from annotator.core.text import has_presentation_forms
from annotator.storage.export_queries import ExportSnapshot
from annotator.storage.store import Store

WORDS = [
    *["الإعمار", "والاقتصاد", "عسكري", "سوريا", "مدرسة", "مستشفى", "وقال", "الوزير", "إن"],
    *["الأسعار", "ارتفعت", "في", "الأسواق", "اليوم", "بنسبة", "المانحون", "تعهد"],
    *["Donors", "pledged", "aid", "the", "central", "bank"],
    *["3.5", "٢٫٥", "2026-01-15", "د.", "https://example.org/a", "x@example.org"],
]
MARKS = [
    *[".", "،", "؛", "؟", "!", "…", "«", "»", "(", ")", '"', "'", "=", "+", "-", "@"],
    *["<", ">", "&", "\\", "|", ",", ";", " ", " ", " ", " ", "\n", "\n\n", "\t", "\r\n"],
]
ODD = [  # what breaks naive code: controls, marks, separators, surrogates, noncharacters
    *["\u00a0", "\u064e", "\u0640", "\u200c", "\u200f", "\u202e", "\u2028", "\ufeff"],
    *["\ufefb", "\ufdd0", "\uffff", "\ud800", "\U0001f4c8", "\x85", "\x7f", "\x0b"],
    *["\x0c", "\x1a", *(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")],
]
# Mostly words and punctuation, now and then something odd: text that is all control
# characters is only ever refused as binary, which would test nothing else.
PIECE = st.one_of(
    *[st.sampled_from(WORDS)] * 8, *[st.sampled_from(MARKS)] * 5, st.sampled_from(ODD)
)
TEXT = st.lists(PIECE, min_size=1, max_size=60).map(" ".join)
TITLE = st.lists(PIECE, min_size=1, max_size=8).map(" ".join)
# trafilatura drops a page whose text is only a few words: give the random text company.
HTML_LEAD = "افتتح الوزير اليوم مدرسة جديدة في المدينة بعد سنوات من الانتظار. "
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def utf8(text: str) -> bytes:
    """As a broken file holds it: a lone surrogate becomes bytes that are not UTF-8."""
    return text.encode("utf-8", "surrogatepass")


def write_records(fmt: str, title: str, text: str) -> bytes:
    if fmt == "jsonl":
        return json.dumps({"title": title, "text": text}).encode() + b"\n"
    if fmt == "json":
        return json.dumps([{"title": title, "text": text}, {"text": text + " ثانية"}]).encode()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter="\t" if fmt == "tsv" else ",")
    writer.writerows([["title", "text"], [title, text]])
    return utf8(buffer.getvalue())


def source_file(fmt: str, title: str, text: str) -> bytes:
    if fmt == "txt":
        return utf8(f"{title}\n\n{text}\n")
    if fmt == "html":
        body = f"<h1>{html.escape(title)}</h1><p>{html.escape(HTML_LEAD + text)}</p>"
        return utf8(f"<html><head><title>{html.escape(title)}</title></head>"
                    f"<body><article>{body}</article></body></html>")  # fmt: skip
    if fmt == "trec":
        return utf8(
            f"<DOC>\n<DOCNO>D1</DOCNO>\n<TITLE>{html.escape(title)}</TITLE>\n"
            f"<TEXT>\n{html.escape(text)}\n</TEXT>\n</DOC>\n"
        )
    return write_records(fmt, title, text)


def exported_texts(folder: Path, fmt: str) -> list[tuple[int, int, int, str]]:
    """(article id, start, end, text) of every record of an export."""
    path = folder / f"data.{fmt}"
    if fmt == "parquet":
        table = pq.read_table(path).to_pylist()
    elif fmt == "jsonl":
        table = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        table = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    return [(int(r["article_id"]), int(r["start"]), int(r["end"]), r["text"]) for r in table]


def check_units(store: Store) -> dict[int, str]:
    texts = {}
    for article_id in store.articles.ids():
        text = store.articles.get(article_id).text
        assert not has_presentation_forms(text)
        assert not set(text) & set("\x00\x07\x1b\x7f\x85\ud800\ufdd0\uffff")
        for unit in store.articles.units(article_id):
            assert text[unit.start : unit.end] == unit.text
        texts[article_id] = text
    return texts


def no_chart(path: Path, themes, figures) -> None:
    path.write_bytes(b"")  # the chart is not what this test is about (and costs 0.3 s)


def check_exports(db: Path, folder: Path, texts: dict[int, str], units: int) -> None:
    for fmt in ("jsonl", "csv", "parquet"):
        out = folder / fmt
        with ExportSnapshot(db) as snapshot:
            export_dataset(snapshot, ExportOptions(fmt, out / f"data.{fmt}"), draw_chart=no_chart)
        records = exported_texts(out, fmt)
        assert len(records) == units
        for article_id, start, end, text in records:
            expected = texts[article_id][start:end]
            guarded = fmt == "csv" and expected[:1] in ("=", "+", "-", "@", "\t", "\r")
            assert text == ("'" + expected if guarded else expected), (fmt, text, expected)


@pytest.mark.parametrize("fmt", ["txt", "html", "jsonl", "json", "csv", "tsv", "trec"])
@SETTINGS
@given(title=TITLE, text=TEXT)
def test_any_text_through_every_reader_and_every_export(fmt, title, text):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / f"news.{fmt}"
        source.write_bytes(source_file(fmt, title, text))
        db = folder / "p.annotator"
        with Store(db) as store:
            report = import_paths(store, [source])  # never raises
            assert report.files == 1
            if report.failures:  # a clean failure: this file, with a reason
                assert len(report.failures) == 1 and report.articles == 0
                assert report.failures[0].path == str(source) and report.failures[0].reason
                event(f"refused: {report.failures[0].reason.split(':')[0][:40]}")
            else:
                event("imported")
            texts = check_units(store)
            units = sum(len(store.articles.units(i)) for i in texts)
        check_exports(db, folder, texts, units)
