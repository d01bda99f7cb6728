"""Read an exported dataset back (`annotator export` JSONL, or its CSV) into article drafts.

Rows are grouped by `article_id` into one draft per article whose units are taken as they
are (preset_units, with their offsets) instead of being segmented again, and whose labels
and statuses are restored per annotator from `annotations` and `annotator_status`. Rows that
carry `labels` but no `annotations` (pre-labelled data from elsewhere) are given to the
annotator named IMPORTED_ANNOTATOR.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft, ReadError, Unit
from annotator.core.names import describe, name_problem
from annotator.core.sanitize import unwanted_problem
from annotator.core.status import Status

REQUIRED_FIELDS = ("article_id", "sentence_index", "kind", "start", "end", "text")
KINDS = ("title", "heading", "sentence")
STATUSES = tuple(Status)
IMPORTED_ANNOTATOR = "imported"
_CSV_FORMULA_GUARD = "'"  # the export's CSV puts it before a cell starting with = + - @ tab CR


def looks_like_dataset(record: dict) -> bool:
    """True for a row of our own dataset export: it has every unit field."""
    return all(name in record for name in REQUIRED_FIELDS)


def drafts_from_dataset(
    records: Iterable[tuple[int, dict]], path: str | Path
) -> list[ArticleDraft]:
    """One draft per article_id, in order of first appearance; a bad row fails the file."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for line, record in records:
        if not looks_like_dataset(record):
            missing = [n for n in REQUIRED_FIELDS if n not in record]
            raise ReadError(str(path), f"dataset row lacks {', '.join(missing)}", line)
        groups.setdefault(str(record["article_id"]), []).append((line, record))
    return [_draft(rows, str(path)) for rows in groups.values()]


def _draft(rows: list[tuple[int, dict]], path: str) -> ArticleDraft:
    rows = sorted(rows, key=lambda item: _integer(item[1]["start"], "start", path, item[0]))
    units = [_unit(record, path, line) for line, record in rows]
    _check_layout(units, rows, path)
    first_line, first = min(rows, key=lambda item: item[0])
    draft = ArticleDraft(
        title=str(first.get("article_title") or ""),
        blocks=[],
        source=str(first.get("article_source") or ""),
        url=str(first.get("article_url") or ""),
        category=str(first.get("article_category") or ""),
        date=str(first.get("article_date") or ""),
        original_id=str(first["article_id"]),
        line=first_line,
        preset_units=units,
    )
    labels, status, notes = {}, {}, {}
    for index, (line, record) in enumerate(rows):
        labels_here, status_here = _judgements(record, path, line)
        notes_here = _notes(record, path, line)
        for found, here in ((labels, labels_here), (status, status_here), (notes, notes_here)):
            if here:
                found[index] = here
    draft.preset_labels, draft.preset_status, draft.preset_notes = labels, status, notes
    return draft


def _integer(value: Any, name: str, path: str, line: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ReadError(path, f"{name} must be a whole number, not {value!r}", line) from None
    if number < 0 or (isinstance(value, float) and value != number):
        raise ReadError(path, f"{name} must be a whole number ≥ 0, not {value!r}", line)
    return number


def _unit(record: dict, path: str, line: int) -> Unit:
    kind = record["kind"]
    if kind not in KINDS:
        raise ReadError(path, f"kind must be one of {', '.join(KINDS)}, not {kind!r}", line)
    start = _integer(record["start"], "start", path, line)
    end = _integer(record["end"], "end", path, line)
    text = _unguarded_text(record["text"], end - start, path, line)
    return Unit(kind, text, start, end)


def _unguarded_text(value: Any, length: int, path: str, line: int) -> str:
    """The unit text; a CSV cell's formula guard is removed when the offsets say it was added."""
    if not isinstance(value, str):
        raise ReadError(path, f"text must be a string, not {type(value).__name__}", line)
    if len(value) == length + 1 and value.startswith(_CSV_FORMULA_GUARD):
        value = value[1:]
    if len(value) != length:
        raise ReadError(
            path, f"text has {len(value)} characters but start and end span {length}", line
        )
    problem = unwanted_problem(value)
    if problem:
        raise ReadError(path, problem, line)
    return value


def _check_layout(units: list[Unit], rows: list[tuple[int, dict]], path: str) -> None:
    """Units of one article may not overlap (each is a distinct stretch of the article)."""
    for (previous, current), (line, _) in zip(pairwise(units), rows[1:], strict=True):
        if current.start < previous.end:
            raise ReadError(
                path, f"unit at {current.start} overlaps the one ending at {previous.end}", line
            )
    indices = [str(record["sentence_index"]) for _, record in rows]
    if len(set(indices)) != len(indices):
        raise ReadError(path, "two rows of one article have the same sentence_index", rows[0][0])


def _judgements(record: dict, path: str, line: int) -> tuple[dict, dict]:
    """(annotator -> themes, annotator -> status) for one row."""
    annotations = _mapping(record.get("annotations"), "annotations", path, line)
    statuses = _mapping(record.get("annotator_status"), "annotator_status", path, line)
    if annotations is None:
        labels = _theme_list(record.get("labels"), "labels", path, line, joined=True)
        annotations = {IMPORTED_ANNOTATOR: labels} if labels else {}
    labels = {
        str(name): _theme_list(themes, f"annotations of {name}", path, line)
        for name, themes in annotations.items()
        if themes is not None  # an annotator who never touched this unit (Parquet/struct nulls)
    }
    status = {}
    for name, value in (statuses or {}).items():
        if value is None or value == "not_seen" and not labels.get(str(name)):
            continue
        if value not in STATUSES:
            raise ReadError(path, f"unknown status {value!r} for annotator {name!r}", line)
        status[str(name)] = value
    _check_names(set(labels) | set(status), path, line)
    return labels, status


def _notes(record: dict, path: str, line: int) -> dict[str, str]:
    """annotator -> note for one row (the export's `notes`; Parquet gives nulls for none)."""
    notes = {}
    for name, text in (_mapping(record.get("notes"), "notes", path, line) or {}).items():
        if text is None or text == "":
            continue
        if not isinstance(text, str):
            raise ReadError(path, f"the note of {name!r} must be text", line)
        problem = unwanted_problem(text)
        if problem:
            raise ReadError(path, f"the note of {name!r}: {problem}", line)
        notes[str(name)] = text
    _check_names(set(notes), path, line)
    return notes


def _check_names(names: set[str], path: str, line: int) -> None:
    """Annotator names are checked as the store checks them, here with the line to blame."""
    for name in sorted(names):
        problem = name_problem(name)
        if problem is not None:
            shown = name if len(name) <= 40 else name[:40] + "…"
            raise ReadError(path, f"annotator {shown!r}: {describe(problem, name)}", line)


def _mapping(value: Any, name: str, path: str, line: int) -> dict | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):  # the CSV export holds these as JSON text
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise ReadError(path, f"{name} is not valid JSON", line) from None
    if not isinstance(value, dict):
        raise ReadError(path, f"{name} must map annotator names to values", line)
    return value


def _theme_list(value: Any, name: str, path: str, line: int, joined: bool = False) -> list[str]:
    if value is None or value == "":
        return []
    if joined and isinstance(value, str):  # the CSV `labels` column: theme keys joined by |
        return [key for key in value.split("|") if key]
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        raise ReadError(path, f"{name} must be a list of theme keys", line)
    return list(value)
