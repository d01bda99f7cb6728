"""Arabic sentence segmentation: split one cleaned paragraph into unit spans.

The whole decision is one precompiled regular expression that matches the *gaps* between
units (usually the whitespace after a sentence end, sometimes an empty gap), so the only
Python work is one loop step per unit. Everything that looks like a terminator but is not
one (decimals, dates, URLs, initials, list markers) is ruled out inside the expression:
most of those have no whitespace right after the dot, and the rest are caught by
look-behinds at the gap.
"""

from __future__ import annotations

import re

from annotator.core.text import ARABIC_LETTER

_TERMINATOR = "[.!?؟…]"
_CLOSER = "[\"'»”’)\\]}›]"  # closing quotes and brackets stay with the sentence they end
_LETTER = r"[^\W\d_]"
_AR = ARABIC_LETTER.pattern

# Latin abbreviations whose period is not a sentence end (single letters are handled apart).
_LATIN_ABBREVIATIONS = [
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "St",
    "Jr",
    "Sr",
    "vs",
    "etc",
    "Inc",
    "Ltd",
    "Co",
    "Corp",
    "No",
    "Gen",
    "Col",
    "Lt",
    "Sgt",
    "Capt",
    "Gov",
    "Sen",
    "Rep",
    "Rev",
    "Fig",
    "Vol",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "approx",
    "Ave",
    "Mt",
]
# Words a line cannot end on if the sentence is over: the text goes on after the line break.
_CONTINUATION_WORDS = [
    "و",
    "أو",
    "ثم",
    "في",
    "من",
    "على",
    "إلى",
    "الى",
    "عن",
    "مع",
    "أن",
    "إن",
    "لكن",
    "بين",
    "حتى",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "عبر",
    "ضد",
    "نحو",
    "لدى",
]
_CONTINUATION_MARKS = "،,؛;:«(\\[“"
# Characters that cannot open a unit: a gap right before them is not a boundary.
_CANNOT_START = "،,؛;)\\]»”"


def _fixed_width_lookbehind(words: list[str], prefix: str, suffix: str, negative: bool) -> str:
    """Python look-behinds need a fixed width: one look-behind per word length."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(re.escape(word))
    sign = "!" if negative else "="
    return "".join(
        f"(?<{sign}{prefix}(?:{'|'.join(group)}){suffix})" for group in by_length.values()
    )


def _sentence_end() -> str:
    """A terminator, possibly followed by up to three closing quotes or brackets."""
    shapes = "|".join(f"(?<={_TERMINATOR}{_CLOSER * n})" for n in range(4))
    return f"(?:{shapes})"


def _not_an_abbreviation() -> str:
    """Periods that belong to a token: initials, titles, list numbers at a line start."""
    single_letter = (
        # د. أ. م. U.S. أ.د. ق.م. -- but "2025 م." (year, Gregorian) does end a sentence.
        rf"(?:(?<![\s.(«\"'/\-]{_LETTER}\.)(?<!^{_LETTER}\.)|(?<=\d\s[مه]\.))"
    )
    latin = _fixed_width_lookbehind(_LATIN_ABBREVIATIONS, r"\b", r"\.", negative=True)
    list_number = r"(?<!^\d\.)(?<!\n\d\.)(?<!^\d\d\.)(?<!\n\d\d\.)"
    return single_letter + latin + list_number


def _after_terminator() -> str:
    """Whitespace after a real sentence end, unless the text clearly goes on."""
    # A comma or a lowercase Latin letter after the gap means the "end" was not one.
    return _sentence_end() + _not_an_abbreviation() + rf"\s+(?![\s{_CANNOT_START}a-z])"


def _line_break() -> str:
    """A line break is a boundary unless the line is visibly unfinished."""
    unfinished = rf"(?<![{_CONTINUATION_MARKS}])" + _fixed_width_lookbehind(
        _CONTINUATION_WORDS, r"\s", "", negative=True
    )
    gap = r"[^\S\n]*\n\s*+"
    list_item = r"(?:[-–—•*·▪●]\s|\d{1,3}[.)\-]\s|\(\d{1,3}\)\s)"
    return rf"(?<=\S)(?:{unfinished}{gap}(?![{_CANNOT_START}])|{gap}(?={list_item}))"


def _missing_space() -> str:
    """Empty gap: sloppy text with no space between two Arabic sentences ("البلدين.وتأتي")."""
    ends = "|".join(f"(?<={_AR}{{2}}{shape})" for shape in (r"[.؟!…]", r"\.\.\.", r"[؟!][؟!]"))
    return f"(?:{ends})(?={_AR}{{2}})"


_GAP = re.compile(f"{_after_terminator()}|{_line_break()}|{_missing_space()}")
_LEADING_SPACE = re.compile(r"\s*")


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """Return (start, end) code-point spans of the sentences in one paragraph, trimmed."""
    start = _LEADING_SPACE.match(text).end()
    end = len(text.rstrip())
    if start >= end:
        return []
    spans = []
    for gap in _GAP.finditer(text, start, end):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, end))
    return spans
