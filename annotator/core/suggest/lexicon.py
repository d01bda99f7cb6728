"""Theme lexicons: the keywords and phrases a theme carries, as typed in a theme editor.

A term is one word (`إعمار`), a phrase (`إعادة الإعمار`) or a word stem ending in `*`
(`عسكري*` matches عسكرية, العسكريين, ...). Terms are kept as typed; spelling variants are
folded only when matching (see matcher.py), so `الاعمار` and `الإعمار` are the same term.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from pathlib import Path

from annotator.core.normalize import normalize
from annotator.core.resources import resource_path

# What separates terms as people type them: new lines, Latin or Arabic commas, semicolons.
_SEPARATORS = re.compile(r"[\n\r,،;؛]+")
_LETTER = re.compile(r"[^\W\d_]")
_INNER_SPACE = re.compile(r"\s+")
MAX_TERM_LENGTH = 100
WILDCARD = "*"


class LexiconError(ValueError):
    """A term that cannot be matched (the message names it and says why)."""


def parse_terms(text: str) -> list[str]:
    """The terms of a keyword list: one a line and/or separated by commas; `#` starts a comment.

    Blank entries are skipped and a term repeated in another spelling (`الاعمار`, `الإعمار`) is
    kept once, as first written. Raises LexiconError for a term with no letter, a misplaced `*`
    or a term longer than MAX_TERM_LENGTH characters.
    """
    terms: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        for raw in _SEPARATORS.split(line.split("#", 1)[0]):
            term = _INNER_SPACE.sub(" ", raw).strip()
            if not term:
                continue
            check_term(term)
            key = term_key(term)
            if key not in seen:
                seen.add(key)
                terms.append(term)
    return terms


def check_term(term: str) -> str:
    if len(term) > MAX_TERM_LENGTH:
        raise LexiconError(f"term {term[:30]!r}… is longer than {MAX_TERM_LENGTH} characters")
    if not _LETTER.search(term):
        raise LexiconError(f"term {term!r} has no letter")
    stem = term.removesuffix(WILDCARD)
    if WILDCARD in stem:
        raise LexiconError(f"term {term!r}: '*' may only end a term")
    if term.endswith(WILDCARD) and (" " in stem or len(normalize(stem)) < 3):
        raise LexiconError(f"term {term!r}: '*' needs a single word of at least 3 letters")
    return term


def term_key(term: str) -> str:
    """The folded form two spellings of the same term share."""
    words = normalize(term).split()
    return " ".join(strip_article(w) for w in words)


def strip_article(word: str) -> str:
    """A term's own leading ال is optional when matching (`الإعمار` also finds `إعمار`) when at
    least 4 letters remain: `المال` stays whole, or it would find the name `كمال` (ك + مال)."""
    return word[2:] if word.startswith("ال") and len(word) >= 6 else word


def format_terms(terms: list[str] | tuple[str, ...]) -> str:
    """The editable text of a term list: one term a line (parse_terms reads it back)."""
    return "".join(f"{term}\n" for term in terms)


def read_lexicon_file(path: Path) -> list[str]:
    """Terms of a UTF-8 lexicon file; a bad term is reported with the file and line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        try:
            parse_terms(line)
        except LexiconError as error:
            raise LexiconError(f"{path}:{number}: {error}") from None
    return parse_terms("\n".join(lines))


def default_lexicons(folder: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The bundled lexicons (resources/lexicons/<theme key>.txt) by theme key."""
    folder = folder or resource_path("lexicons")
    return {path.stem: tuple(read_lexicon_file(path)) for path in sorted(folder.glob("*.txt"))}


def lexicons_of(keywords: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Each theme's terms from its stored keyword text (theme key -> text).

    Stored text was checked when it was saved; a term that no longer passes (written by
    another version, say) is left out rather than stopping every suggestion.
    """
    lexicons: dict[str, tuple[str, ...]] = {}
    for key, text in keywords.items():
        try:
            lexicons[key] = tuple(parse_terms(text))
        except LexiconError:
            lexicons[key] = tuple(_good_terms(text))
    return lexicons


def _good_terms(text: str) -> list[str]:
    terms: list[str] = []
    for line in text.splitlines():
        for raw in _SEPARATORS.split(line.split("#", 1)[0]):
            with contextlib.suppress(LexiconError):
                terms += parse_terms(raw)
    return list(dict.fromkeys(terms))
