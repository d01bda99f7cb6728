"""JSONL and Excel-safe CSV writers; each streams records out as the rows arrive."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Protocol

from annotator.core.export.fields import FIELDS, KINDS, NOTE_FIELDS, build_record
from annotator.core.export.jsonbytes import dumps, string_body
from annotator.core.export.resolve import Resolved
from annotator.core.export.source import (
    END,
    INDEX,
    KIND,
    NOTES,
    SCORES,
    START,
    SUGGESTED,
    TEXT,
    SourceArticle,
    UnitRow,
)
from annotator.core.export.suggested import SUGGESTION_FIELDS, SuggestionDecoder


class RecordWriter(Protocol):
    def start_article(self, article: SourceArticle, fields: dict) -> None: ...

    def write(self, row: UnitRow, resolved: Resolved) -> None: ...

    def close(self) -> None: ...


_KIND_JSON = {kind: dumps(kind) for kind in KINDS}


class JsonlWriter:
    """One JSON object per line, UTF-8, text exactly as stored, keys in FIELDS order.

    A line is joined from pre-made pieces (the article's fields, made once per article; the
    unit's own fields; the labels, made once per label combination; the notes, as SQLite made
    them): the same record json.dumps(build_record(...)) would give, at a fraction of the cost.
    """

    def __init__(self, path: Path):
        self._file = path.open("wb", buffering=1 << 20)
        self._head = b""

    def start_article(self, article: SourceArticle, fields: dict) -> None:
        self._head = dumps(fields)[:-1] + b',"sentence_index":'

    def write(self, row: UnitRow, resolved: Resolved) -> None:
        kind = _KIND_JSON.get(row[KIND]) or dumps(row[KIND])
        notes = row[NOTES]
        self._file.write(
            b'%s%d,"kind":%s,"text":"%s","start":%d,"end":%d,%s,"notes":%s}\n'
            % (
                self._head,
                row[INDEX],
                kind,
                string_body(row[TEXT]),
                row[START],
                row[END],
                resolved.json_labels,
                notes.encode() if notes else b"{}",
            )
        )

    def close(self) -> None:
        self._file.close()


class JsonlSuggestionWriter(JsonlWriter):
    """JSON Lines with `suggested` and `scores` after the label fields (--with-suggestions).

    A class of its own so that the plain export's loop keeps its one-format-per-line speed."""

    def __init__(self, path: Path, decode: SuggestionDecoder):
        super().__init__(path)
        self._decode = decode

    def write(self, row: UnitRow, resolved: Resolved) -> None:
        suggested, scores = self._decode(row[SUGGESTED], row[SCORES])
        notes = row[NOTES]
        self._file.write(
            b'%s%d,"kind":%s,"text":"%s","start":%d,"end":%d,%s,"notes":%s,"suggested":%s,'
            b'"scores":%s}\n'
            % (
                self._head,
                row[INDEX],
                _KIND_JSON.get(row[KIND]) or dumps(row[KIND]),
                string_body(row[TEXT]),
                row[START],
                row[END],
                resolved.json_labels,
                notes.encode() if notes else b"{}",
                dumps(suggested),
                dumps(scores),
            )
        )


# Spreadsheets run a cell starting with these as a formula (CSV injection, OWASP); tab and
# carriage return are on OWASP's list too. A leading apostrophe makes the cell plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LABEL_SEPARATOR = "|"
_CSV_JSON = ("annotations", "annotator_status", *NOTE_FIELDS)  # written as JSON text
_CSV_SCALARS = tuple(f for f in FIELDS if f not in ("labels", *_CSV_JSON))


def excel_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def theme_columns(theme_keys: list[str]) -> list[str]:
    """One 0/1 column per theme, named by its key (prefixed only if a key clashes with a field)."""
    return [f"theme_{k}" if k in FIELDS or k == "labels" else k for k in theme_keys]


def csv_header(theme_keys: list[str], suggestions: bool = False) -> list[str]:
    extra = list(SUGGESTION_FIELDS) if suggestions else []
    return [*_CSV_SCALARS, "labels", *theme_columns(theme_keys), *_CSV_JSON, *extra]


class CsvWriter:
    """UTF-8 with a byte-order mark (so Excel reads Arabic), one 0/1 column per theme."""

    def __init__(self, path: Path, theme_keys: list[str], decode: SuggestionDecoder | None = None):
        self._file = path.open("w", encoding="utf-8-sig", newline="", buffering=1 << 20)
        self._csv = csv.writer(self._file)
        self._keys = theme_keys
        self._decode = decode
        self._article: dict = {}
        self._csv.writerow(csv_header(theme_keys, decode is not None))

    def start_article(self, article: SourceArticle, fields: dict) -> None:
        self._article = fields

    def write(self, row: UnitRow, resolved: Resolved) -> None:
        record = build_record(self._article, row, resolved)
        labels = record["labels"]
        cells = [
            *(excel_safe(record[f]) for f in _CSV_SCALARS),
            LABEL_SEPARATOR.join(labels),
            *(1 if k in labels else 0 for k in self._keys),
            *(json.dumps(record[name], ensure_ascii=False) for name in _CSV_JSON),
        ]
        if self._decode is not None:
            suggested, scores = self._decode(row[SUGGESTED], row[SCORES])
            cells += ["" if suggested is None else LABEL_SEPARATOR.join(suggested)]
            cells += ["" if scores is None else json.dumps(scores)]
        self._csv.writerow(cells)

    def close(self) -> None:
        self._file.close()
