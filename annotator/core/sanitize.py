"""Characters that have no place in stored text, removed on import with a warning naming them.

Control characters other than tab and newline (a JSON `\\u0000`, a stray escape), lone
surrogates (half of a UTF-16 pair, which no UTF-8 file or database can hold) and Unicode
noncharacters (U+FDD0..U+FDEF and the last two code points of every plane) are removed from
the title, the text and the metadata of every article, whatever the reader. Removing is
friendlier than refusing the file: the article is still readable, and the warning says which
file, which record and which characters. The one exception is an exported dataset, whose
units carry offsets that removing a character would shift: its reader refuses such a file.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from annotator.core.model import ArticleDraft, Block
from annotator.core.text import clean_line, clean_text

_BMP_CLASS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_ASTRAL_NONCHARACTERS = tuple(
    chr(plane * 0x10000 + last) for plane in range(1, 17) for last in (0xFFFE, 0xFFFF)
)
# Tab, line feed and carriage return stay (clean_text turns the last into a line feed).
UNWANTED = re.compile(f"[{_BMP_CLASS}{''.join(_ASTRAL_NONCHARACTERS)}]")
# The class above is ten times slower to search than its BMP part (re checks the scattered
# astral code points one by one); every paragraph of every import is checked, so the common
# case runs the fast class, and 32 substring searches (C speed) for the astral ones.
_BMP_UNWANTED = re.compile(f"[{_BMP_CLASS}]")
NAMED_AT_MOST = 5  # distinct characters named in a warning


def kind_of(char: str) -> str:
    point = ord(char)
    if 0xD800 <= point <= 0xDFFF:
        return "lone surrogate"
    if point < 0x20 or 0x7F <= point <= 0x9F:
        return "control character"
    return "noncharacter"


def has_unwanted(text: str) -> bool:
    return _BMP_UNWANTED.search(text) is not None or any(
        char in text for char in _ASTRAL_NONCHARACTERS
    )


def _strip(text: str, found: Counter[str]) -> str:
    if not has_unwanted(text):
        return text
    found.update(UNWANTED.findall(text))
    return UNWANTED.sub("", text)


def _strip_value(value: Any, found: Counter[str]) -> Any:
    """Metadata kept verbatim: strings cleaned wherever they are (keys too); nesting is
    bounded before this runs (parsing.MAX_METADATA_DEPTH)."""
    if isinstance(value, str):
        return _strip(value, found)
    if isinstance(value, list):
        return [_strip_value(item, found) for item in value]
    if isinstance(value, dict):
        return {_strip(str(k), found): _strip_value(v, found) for k, v in value.items()}
    return value


def _clean_blocks(blocks: list[Block], found: Counter[str]) -> list[Block]:
    cleaned = []
    for block in blocks:
        text = _strip(block.text, found)
        if text is not block.text:  # removing may leave doubled spaces or an empty block
            text = clean_line(text) if block.kind == "heading" else clean_text(text)
        if text:
            cleaned.append(block if text is block.text else Block(block.kind, text))
    return cleaned


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in (str(k), *_strings(v))]
    return []


def _draft_texts(draft: ArticleDraft) -> str:
    """Every text of a draft in one string: one search for the common, clean case."""
    texts = [draft.title, draft.url, draft.category, draft.date, draft.author, draft.original_id]
    texts += [block.text for block in draft.blocks]
    if draft.extra:
        texts += _strings(draft.extra)
    return "\n".join(texts)


def sanitize_draft(draft: ArticleDraft) -> str | None:
    """Remove unwanted characters from a draft in place; what was removed (None: nothing)."""
    if not has_unwanted(_draft_texts(draft)):
        return None
    found: Counter[str] = Counter()
    title = _strip(draft.title, found)
    draft.title = title if title is draft.title else clean_line(title)
    draft.blocks = _clean_blocks(draft.blocks, found)
    for name in ("url", "category", "date", "author", "original_id"):
        setattr(draft, name, _strip(getattr(draft, name), found))
    draft.extra = _strip_value(draft.extra, found)
    return describe(found) if found else None


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def unwanted_problem(text: str) -> str | None:
    """Why a text that may not be changed (an exported dataset's unit) cannot be imported."""
    bad = UNWANTED.search(text) if has_unwanted(text) else None
    if bad is None:
        return None
    char = bad.group()
    return (
        f"the text holds {code_point(char)} ({kind_of(char)}); removing it would shift the "
        "offsets of the units after it, so the dataset cannot be imported as it is"
    )


def describe(found: Counter[str]) -> str:
    """'removed 3 characters that cannot be stored as text: U+0000 (control character) ×2, …'"""
    total = sum(found.values())
    named = [
        f"{code_point(char)} ({kind_of(char)})" + (f" ×{count}" if count > 1 else "")
        for char, count in found.most_common(NAMED_AT_MOST)
    ]
    more = len(found) - NAMED_AT_MOST
    listing = ", ".join(named) + (f" and {more} other kinds" if more > 0 else "")
    noun = "character" if total == 1 else "characters"
    return f"removed {total} {noun} that do not belong in text: {listing}"
