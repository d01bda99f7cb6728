"""The rows that travel between a project and its team server, in one agreed shape.

Both ends are in the storage layer (SQLite in `replica.py`, PostgreSQL in `hub/`); the
application moves these between them. Articles are known by their content hash, units by
their article's hash, their position and a digest of their text, events by their UUIDv7.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple


def text_digest(text: str) -> str:
    """SHA-256 of the UTF-8 text in hex: PostgreSQL's
    encode(sha256(convert_to(text, 'UTF8')), 'hex') gives the same."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ThemeRow(NamedTuple):
    key: str
    name_ar: str
    name_en: str
    color: str
    shortcut: int | None
    position: int
    definition_ar: str
    definition_en: str
    retired: bool
    keywords: str


class ArticleRow(NamedTuple):
    content_hash: str
    title: str
    text: str
    source: str
    url: str
    category: str
    date: str
    author: str
    original_id: str
    encoding: str
    extra: str
    unit_count: int
    imported_at: str


class UnitRow(NamedTuple):
    article_hash: str
    idx: int
    kind: str
    start: int
    end: int
    text: str


class AssignmentRow(NamedTuple):
    article_hash: str
    annotator: str
    assigned_at: str


class EventRow(NamedTuple):
    uid: str
    annotator: str
    device: str
    article_hash: str
    idx: int
    unit_digest: str  # text_digest of the unit's text: the unit must be the same text
    action: str
    before: str  # JSON text
    after: str
    at: str
