"""Where the words of an article search are in a text, to highlight them in the reader.

The same matching as the search itself (storage/search.py): the text and the query are
normalised by `index_key` (alef forms, ى/ي, ة/ه, diacritics, tatweel, digits, and the
proclitics و ف ب ل ك and ال removed from each word), split into words as SQLite's unicode61
tokenizer splits them (letters and digits; `_` and punctuation separate), and a word of the
text is a hit when one of its words starts with a word of the query. So a search for
الاعمار highlights الإعمار, إعمار and والإعمار, whole, as the reader shows them.
"""

from __future__ import annotations

import re

from annotator.core.normalize import index_key

# A word as written: letters and digits with their diacritics and tatweel.
_WRITTEN_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_INDEX_WORD = re.compile(r"[^\W_]+")  # unicode61: letters and digits


def query_words(query: str) -> tuple[str, ...]:
    """The query's words in their searchable form, each once, in order."""
    return tuple(dict.fromkeys(_INDEX_WORD.findall(index_key(query))))


def hit_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) code-point offsets of the written words of `text` that match."""
    if not words:
        return []
    spans = []
    for found in _WRITTEN_WORD.finditer(text):
        pieces = _INDEX_WORD.findall(index_key(found.group()))
        if any(piece.startswith(word) for piece in pieces for word in words):
            spans.append(found.span())
    return spans
