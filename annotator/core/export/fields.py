"""Dataset records: one per unit, the same fields in every format, checked before writing."""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath

from annotator.core.export.options import ExportError
from annotator.core.export.resolve import Resolved
from annotator.core.export.source import (
    END,
    INDEX,
    KIND,
    NOTES,
    START,
    TEXT,
    SourceArticle,
    UnitRow,
)
from annotator.core.text import has_presentation_forms

ARTICLE_FIELDS = (
    "article_id",
    "article_title",
    "article_source",
    "article_url",
    "article_date",
    "article_category",
)
UNIT_FIELDS = ("sentence_index", "kind", "text", "start", "end")
LABEL_FIELDS = ("labels", "status", "annotations", "annotator_status")
NOTE_FIELDS = ("notes",)  # annotator -> note on the unit ({} when nobody wrote one)
FIELDS = ARTICLE_FIELDS + UNIT_FIELDS + LABEL_FIELDS + NOTE_FIELDS
KINDS = ("title", "heading", "sentence")
# UTF-8 of U+F000..U+FFFF starts with this byte; the presentation forms live there.
_PRESENTATION_LEAD_BYTE = b"\xef"


class IntegrityError(ExportError):
    """A stored unit that does not match its article, or text in visual (reshaped) form."""


def article_fields(article: SourceArticle) -> dict:
    """The article half of every record of this article (checked once per article)."""
    fields = {
        "article_id": article.id,
        "article_title": article.title,
        "article_source": portable_source(article.source),
        "article_url": article.url,
        "article_date": article.date,
        "article_category": article.category,
    }
    for name, value in fields.items():
        if isinstance(value, str) and has_presentation_forms(value):
            raise IntegrityError(
                f"article {article.id}: {name} contains Arabic presentation forms "
                "(reshaped text); export refused"
            )
    return fields


def portable_source(source: str) -> str:
    """Where an article came from, without the folders of the lead's computer: a web address
    or a relative path as it is, an absolute path (or one climbing out with ..) as the name."""
    if not source or "://" in source:
        return source
    posix, windows = PurePosixPath(source), PureWindowsPath(source)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or source.startswith("~"):
        return windows.name if "\\" in source else posix.name
    if ".." in windows.parts:
        return windows.name
    return source


def units_are_sound(article: SourceArticle) -> bool:
    """Every unit's text is exactly its slice of the article, with no presentation forms.

    Checked per article rather than per unit: the units joined with NUL equal the slices
    joined with NUL, and the NULs are only the separators, so each unit equals its slice.
    """
    text, units = article.text, article.units
    stored = b"\0".join([row[TEXT] for row in units])
    sliced = "\0".join([text[row[START] : row[END]] for row in units]).encode()
    if stored != sliced or stored.count(b"\0") != len(units) - 1:
        return False
    return _PRESENTATION_LEAD_BYTE not in stored or not has_presentation_forms(stored.decode())


def unit_problem(article: SourceArticle) -> IntegrityError:
    """The error naming the first unit that fails units_are_sound, and why."""
    for row in article.units:
        where = f"article {article.id}, unit {row[INDEX]}"
        if article.text[row[START] : row[END]].encode() != row[TEXT]:
            return IntegrityError(
                f"{where}: text does not match the article at {row[START]}:{row[END]}; "
                "export refused"
            )
        if has_presentation_forms(row[TEXT].decode()):
            return IntegrityError(
                f"{where}: text contains Arabic presentation forms (reshaped text); export refused"
            )
    return IntegrityError(f"article {article.id}: a unit holds a NUL character; export refused")


def build_record(article: dict, row: UnitRow, resolved: Resolved) -> dict:
    """The record as a dict: what every format holds (the JSONL line is exactly this)."""
    return {
        **article,
        "sentence_index": row[INDEX],
        "kind": row[KIND],
        "text": row[TEXT].decode(),
        "start": row[START],
        "end": row[END],
        **resolved.label_fields(),
        "notes": notes_of(row),
    }


def notes_of(row: UnitRow) -> dict[str, str]:
    """The unit's notes, annotator -> text ({} for none)."""
    return json.loads(row[NOTES]) if row[NOTES] else {}
