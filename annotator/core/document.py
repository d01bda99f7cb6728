"""Turn a reader's draft into a segmented article: one clean text, units with offsets."""

from __future__ import annotations

import hashlib

from annotator.core.model import Article, ArticleDraft, Block, Unit
from annotator.core.segment import split_paragraph
from annotator.core.text import clean_line, clean_text

PARAGRAPH_BREAK = "\n\n"


def content_hash(title: str, text: str) -> str:
    """Identity of an article's content: the same text imported twice has the same hash."""
    return hashlib.sha256(f"{title}\x00{text}".encode()).hexdigest()


def _body_units(offset: int, kind: str, text: str) -> list[Unit]:
    if kind == "heading":
        return [Unit("heading", text, offset, offset + len(text))]
    return [Unit("sentence", text[s:e], offset + s, offset + e) for s, e in split_paragraph(text)]


def build_article(draft: ArticleDraft) -> Article:
    """Join title and blocks with blank lines and segment every paragraph into sentences."""
    if draft.preset_units is not None:
        return _article_from_preset(draft)
    title = clean_line(draft.title)
    pieces: list[str] = [title] if title else []
    units: list[Unit] = [Unit("title", title, 0, len(title))] if title else []
    offset = len(title) + len(PARAGRAPH_BREAK) if title else 0
    for block in draft.blocks:
        text = _block_text(block, draft.cleaned)
        if not text:
            continue
        units.extend(_body_units(offset, block.kind, text))
        pieces.append(text)
        offset += len(text) + len(PARAGRAPH_BREAK)
    full = PARAGRAPH_BREAK.join(pieces)
    return _article(draft, title, full, units)


def _block_text(block: Block, cleaned: bool) -> str:
    if cleaned and (block.kind != "heading" or "\n" not in block.text):
        return block.text
    return clean_line(block.text) if block.kind == "heading" else clean_text(block.text)


def _article(draft: ArticleDraft, title: str, text: str, units: list[Unit]) -> Article:
    return Article(draft, text, units, content_hash(title, text))


def _article_from_preset(draft: ArticleDraft) -> Article:
    """Rebuild the article text from units that carry their own offsets (a dataset round trip)."""
    units = sorted(draft.preset_units or [], key=lambda u: u.start)
    chars: list[str] = []
    for unit in units:
        gap = unit.start - len(chars)
        if gap < 0:
            raise ValueError(f"unit at {unit.start} overlaps the previous one")
        # Gaps held whitespace we no longer know: a paragraph break where there is room.
        chars.extend(PARAGRAPH_BREAK if gap == 2 else "\n" * gap if gap > 2 else " " * gap)
        chars.extend(unit.text)
    full = "".join(chars)
    title = next((u.text for u in units if u.kind == "title"), draft.title)
    return _article(draft, title, full, units)


def check_offsets(article_text: str, units: list[Unit]) -> None:
    """Raise if any unit's text is not exactly the slice of the article it claims to be."""
    for unit in units:
        if article_text[unit.start : unit.end] != unit.text:
            raise ValueError(f"unit offsets {unit.start}:{unit.end} do not match its text")
