"""Arabic sentence segmentation: split one cleaned paragraph into unit spans.

Two precompiled regular expressions find the *gaps* between units (the whitespace after a
sentence end, or an empty gap where a space is missing); the units are what lies between.
Whatever looks like a terminator but is not one (decimals, dates, times, URLs, e-mail
addresses, initials, titles, list numbers) is ruled out inside the expressions: most of those
have no whitespace right after the dot, and the rest are caught by look-behinds at the gap.

Speed matters (the importer segments whole corpora): each expression starts with a single
character class so the regex engine skips ahead in C to candidate characters, and the Python
work is one list item per unit.
"""

from __future__ import annotations

import re

from annotator.core.text import ARABIC_LETTER

_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'»”’)\\]}›"  # closing quotes and brackets stay with the sentence they end
_LETTER = r"[^\W\d_]"
_AR = ARABIC_LETTER.pattern

# Latin abbreviations whose period is not a sentence end (single letters are handled apart).
_LATIN_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Prof St Jr Sr vs etc Inc Ltd Co Corp No Gen Col Lt Sgt Capt Gov Sen Rep "
    "Rev Fig Vol Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec approx Ave Mt"
)
# Words a line cannot end on if its sentence is over: the text goes on after the line break.
_CONTINUATION_WORDS = (
    "و أو ثم في من على إلى الى عن مع أن إن لكن بين حتى التي الذي الذين اللذين عبر ضد نحو لدى"
)
_CONTINUATION_MARKS = "،,؛;:«(\\[“"
# Characters that cannot open a unit: a gap right before them is not a boundary.
_CANNOT_START = "،,؛;)\\]»”"
# A line that starts like a list item is its own unit even after "،" or ":".
_LIST_ITEM = r"(?:[-–—•*·▪●]\s|\d{1,3}[.)\-]\s|\(\d{1,3}\)\s)"


def _fixed_width_lookbehind(words: str, prefix: str, suffix: str) -> str:
    """Negative look-behinds for space-separated words; Python needs a fixed width, so one
    look-behind per word length."""
    by_length: dict[int, list[str]] = {}
    for word in words.split():
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "".join(f"(?<!{prefix}(?:{'|'.join(group)}){suffix})" for group in by_length.values())


def _not_an_abbreviation() -> str:
    """At the gap after a period: the period belongs to a token, not to the sentence."""
    single_letter = (
        # د. أ. م. U.S. أ.د. ق.م. -- but "2025 م." (a Gregorian year) does end a sentence.
        rf"(?:(?<![\s.(«\"'/\-]{_LETTER}\.)(?<!^{_LETTER}\.)|(?<=\d\s[مه]\.))"
    )
    latin = _fixed_width_lookbehind(_LATIN_ABBREVIATIONS, r"\b", r"\.")
    list_number = r"(?<!^\d\.)(?<!\n\d\.)(?<!^\d\d\.)(?<!\n\d\d\.)"
    return single_letter + latin + list_number


def _space_after_end() -> str:
    """Whitespace after a sentence end, unless what follows shows the sentence goes on."""
    # A comma, a lowercase Latin letter or more end punctuation after the gap means the
    # "end" was not one (a number, an abbreviation, a spaced-out ". . .").
    return rf"{_not_an_abbreviation()}\s+(?![\s{_CANNOT_START}{_TERMINATORS}a-z])"


def _missing_space() -> str:
    """Empty gap in sloppy text with no space between two Arabic sentences ("البلدين.وتأتي")."""
    # The word before must not be a single letter: "ق.م" and "أ.د" are abbreviations.
    shapes = (
        rf"{_AR}{{2}}[.؟!…]",  # البلدين.وتأتي
        r"[%)\]»\"”'][.؟!…]",  # 250%.وخلال  (سانا).وقال
        r"\.\.",  # any run of two or more dots: منقبة..في  تتوالى...ومقتل
        r"[؟!][؟!]",  # لماذا؟!قال
    )
    ends = "|".join(f"(?<={shape})" for shape in shapes)
    return f"(?:{ends})(?={_AR}{{2}})"


def _sentence_gap() -> str:
    """A run of end punctuation (and closers), then the gap after it as group 1."""
    end = f"[{_TERMINATORS}]"
    run_starts_here = f"(?<!^{end})(?<!\\n{end})(?<!{end}{end})"  # no "..." unit on its own
    rest_of_run = f"[{_TERMINATORS}{_CLOSERS}]*+"
    return f"{end}{run_starts_here}{rest_of_run}({_space_after_end()}|{_missing_space()})"


def _line_gap() -> str:
    """A line break (with the whitespace around it) that is a boundary.

    The match starts with the gap's first whitespace character, so the look-behinds that
    inspect the end of the line carry one extra trailing whitespace character.
    """
    unfinished_line = rf"(?<![{_CONTINUATION_MARKS}]\s)" + _fixed_width_lookbehind(
        _CONTINUATION_WORDS, r"\s", r"\s"
    )
    has_newline = r"(?:(?<=\n)|[^\S\n]*+\n)\s*+"
    finished = f"{unfinished_line}{has_newline}(?![{_CANNOT_START}])"
    return rf"\s(?<=\S\s)(?:{finished}|{has_newline}(?={_LIST_ITEM}))"


_SENTENCE_GAP = re.compile(_sentence_gap())
_LINE_GAP = re.compile(_line_gap())
_LEADING_SPACE = re.compile(r"\s*")


def _gaps(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sorted (start, end) of every gap between units in text[start:end]."""
    gaps = [match.span(1) for match in _SENTENCE_GAP.finditer(text, start, end)]
    if "\n" in text:
        line_gaps = [match.span() for match in _LINE_GAP.finditer(text, start, end)]
        # A gap found by both passes is the same whitespace run, so the union is clean.
        gaps = sorted(set(gaps).union(line_gaps))
    return gaps


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """Return (start, end) code-point spans of the sentences in one paragraph, trimmed.

    Spans are in order, non-empty, free of surrounding whitespace, and together cover every
    non-whitespace character of text.
    """
    start = _LEADING_SPACE.match(text).end()
    end = len(text.rstrip())
    if start >= end:
        return []
    gaps = _gaps(text, start, end)
    starts = [start, *(gap_end for _, gap_end in gaps)]
    ends = [*(gap_start for gap_start, _ in gaps), end]
    return list(zip(starts, ends, strict=True))
