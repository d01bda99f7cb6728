"""Arabic normalisation for search and matching (never for storage or display)."""

from __future__ import annotations

import re

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_TRANSLATE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
    }
)
# Proclitics an annotator does not type when searching: conjunctions, prepositions, article.
_PROCLITIC = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)")
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Fold the spelling variants of Arabic that readers treat as the same letters."""
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_TRANSLATE).casefold()


def strip_proclitics(word: str) -> str:
    """Remove leading و ف ب ل ك and ال from a normalised word, keeping at least two letters."""
    stripped = _PROCLITIC.sub("", word, count=1)
    return stripped if len(stripped) >= 2 else word


def search_key(text: str) -> str:
    """A string of normalised, proclitic-free words for substring search."""
    return " ".join(strip_proclitics(w) for w in _WORD.findall(normalize(text)))


def matches(query: str, text: str) -> bool:
    """True if every word of the query occurs in the text, ignoring spelling variants and clitics."""
    haystack = " " + search_key(text)
    return all(" " + word in haystack for word in search_key(query).split())
