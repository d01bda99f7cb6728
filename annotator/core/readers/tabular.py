"""JSON Lines, JSON and CSV/TSV -> one article per record.

The article text comes from `text`, `body` or `content` (or the name the field map gives);
`title`, `id`, `url`, `date`, `category`/`section` and `author` are optional; every other
field is kept verbatim in `extra`. Field names match case-insensitively. `line` is the
physical line where the record starts, for all formats (JSON arrays included: the parser
walks the array element by element and counts lines). A record without a title gets a title
label made from its first sentence; its text stays whole.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from annotator.core.boilerplate import Boilerplate
from annotator.core.encoding import decode_bytes
from annotator.core.model import ArticleDraft, ReadError
from annotator.core.readers.dataset import drafts_from_dataset, looks_like_dataset
from annotator.core.readers.plaintext import (
    article_paragraphs,
    blocks_from_paragraphs,
    derived_title,
)
from annotator.core.text import clean_line

# Our field name -> the names looked for in a record, in order of preference.
DEFAULT_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title",),
    "id": ("id",),
    "url": ("url",),
    "date": ("date",),
    "category": ("category", "section"),
    "author": ("author",),
}
METADATA_FIELDS = ("title", "id", "url", "date", "category", "author")
_DRAFT_ATTRIBUTE = {"id": "original_id"}
Record = tuple[int, dict[str, Any]]  # (line where the record starts, its fields)
_C_LONG_MAX = 2**31 - 1  # csv.field_size_limit takes a C long (32 bits on Windows)


def read_records(
    data: bytes, path: str, suffix: str, field_map: Mapping[str, str], boilerplate: Boilerplate
) -> list[ArticleDraft]:
    decoded = decode_bytes(data, path=path, page_breaks=False)
    records = _parse(decoded.text, path, suffix, field_names(field_map)["text"])
    drafts = drafts_from_records(records, path, field_map, boilerplate)
    for draft in drafts:
        draft.encoding, draft.warnings = decoded.encoding, list(decoded.warnings)
    return drafts


def drafts_from_records(
    records: list[Record], path: str, field_map: Mapping[str, str], boilerplate: Boilerplate
) -> list[ArticleDraft]:
    """Records (JSON, CSV or Parquet rows) as drafts: an article each, or, for one of our
    own exports (a row per unit), the articles with their units, labels and notes."""
    if not records:
        raise ReadError(path, "no records found")
    if looks_like_dataset(records[0][1]):
        return drafts_from_dataset(records, path)
    names = field_names(field_map)
    return [_draft(fields, line, path, names, boilerplate) for line, fields in records]


def field_names(field_map: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The names to look for: a mapped name replaces the defaults for that field."""
    unknown = set(field_map) - set(DEFAULT_FIELD_NAMES)
    if unknown:
        known = ", ".join(DEFAULT_FIELD_NAMES)
        raise ValueError(
            f"unknown field(s) in field map: {', '.join(sorted(unknown))} (known: {known})"
        )
    return {
        ours: (field_map[ours],) if ours in field_map else names
        for ours, names in DEFAULT_FIELD_NAMES.items()
    }


def _parse(text: str, path: str, suffix: str, text_names: tuple[str, ...]) -> list[Record]:
    if suffix in (".jsonl", ".ndjson"):
        return _parse_json_lines(text, path)
    if suffix == ".json":
        return _parse_json_document(text, path)
    return _parse_csv(text, path, "\t" if suffix == ".tsv" else _csv_delimiter(text), text_names)


def _parse_json_lines(text: str, path: str) -> list[Record]:
    records = []
    # Split on "\n" only: str.splitlines() would also break at U+2028 inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise ReadError(
                path, f"not valid JSON: {error.msg} (column {error.colno})", number
            ) from None
        records.append((number, _as_record(value, path, number)))
    return records


def _parse_json_document(text: str, path: str) -> list[Record]:
    """A JSON array of records (or one record), each with the line where it starts."""
    position = _skip_space(text, 0)
    line = text.count("\n", 0, position) + 1
    try:
        if text.startswith("{", position):
            value, end = json.JSONDecoder().raw_decode(text, position)
            records = [(line, _as_record(value, path, line))]
        elif text.startswith("[", position):
            records, end = _array_records(text, position + 1, path)
        else:
            raise ReadError(path, "a JSON file must hold an array of records or one record", line)
    except json.JSONDecodeError as error:
        reason = f"not valid JSON: {error.msg} (column {error.colno})"
        raise ReadError(path, reason, error.lineno) from None
    if _skip_space(text, end) < len(text):
        raise ReadError(path, "unexpected text after the JSON value", text.count("\n", 0, end) + 1)
    return records


def _array_records(text: str, position: int, path: str) -> tuple[list[Record], int]:
    decoder, records, line, counted = json.JSONDecoder(), [], 1, 0
    position = _skip_space(text, position)
    while not text.startswith("]", position):
        line, counted = line + text.count("\n", counted, position), position
        value, position = decoder.raw_decode(text, position)
        records.append((line, _as_record(value, path, line)))
        position = _skip_space(text, position)
        if text.startswith(",", position):
            position = _skip_space(text, position + 1)
        elif not text.startswith("]", position):
            raise json.JSONDecodeError("expected ',' or ']'", text, position)
    return records, position + 1


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _as_record(value: Any, path: str, line: int) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ReadError(path, f"a record must be a JSON object, not {type(value).__name__}", line)
    return value


def _csv_delimiter(text: str) -> str:
    """Comma unless the header line has more semicolons or tabs (spreadsheet exports vary)."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _parse_csv(text: str, path: str, delimiter: str, text_names: tuple[str, ...]) -> list[Record]:
    # The csv module refuses fields over 131,072 characters by default; an article can be
    # longer (the file size limit, --max-size, bounds it). The limit is process-wide.
    csv.field_size_limit(max(csv.field_size_limit(), min(len(text) + 1, _C_LONG_MAX)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [name.strip() for name in next(reader, [])]
        _require_text_column(header, text_names, path)
        records, previous_end = [], reader.line_num
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ReadError(
                    path, f"row has {len(row)} fields, the header has {len(header)}", start
                )
            records.append((start, dict(zip(header, row, strict=True))))
    except csv.Error as error:
        raise ReadError(path, f"bad CSV: {error}", reader.line_num) from None
    return records


def _require_text_column(header: list[str], text_names: tuple[str, ...], path: str) -> None:
    if not header:
        raise ReadError(path, "no records found")
    if _find_key(dict.fromkeys(header), text_names) is None:
        wanted, found = " or ".join(text_names), ", ".join(header)
        raise ReadError(path, f"no text column: expected {wanted} (columns: {found})", 1)


def _find_key(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The record's own spelling of the first wanted name it has (case-insensitive)."""
    by_lower = {key.lower(): key for key in record}
    return next((by_lower[n.lower()] for n in names if n.lower() in by_lower), None)


def _draft(
    fields: dict[str, Any],
    line: int,
    path: str,
    names: dict[str, tuple[str, ...]],
    boilerplate: Boilerplate,
) -> ArticleDraft:
    text_key = _find_key(fields, names["text"])
    if text_key is None:
        raise ReadError(path, f"record has no text field ({' or '.join(names['text'])})", line)
    if not isinstance(fields[text_key], str):
        raise ReadError(path, f"field {text_key!r} is not a string", line)
    paras = article_paragraphs(fields[text_key], boilerplate)
    if not paras:
        raise ReadError(path, f"record has an empty text (field {text_key!r})", line)
    draft = ArticleDraft(
        title="", blocks=blocks_from_paragraphs(paras), source=path, line=line, cleaned=True
    )
    used = {text_key}
    for ours in METADATA_FIELDS:
        key = _find_key(fields, names[ours])
        if key is not None:
            setattr(draft, _DRAFT_ATTRIBUTE.get(ours, ours), clean_line(_as_text(fields[key])))
            used.add(key)
    draft.title = draft.title or derived_title(paras[0])
    draft.extra = {key: value for key, value in fields.items() if key not in used}
    return draft


def _as_text(value: Any) -> str:
    """A metadata value as text: lists joined with commas, other JSON values as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_as_text(item) for item in value)
    return json.dumps(value, ensure_ascii=False)
