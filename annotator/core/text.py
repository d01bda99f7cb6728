"""Text clean-up shared by every reader: logical order, normalised whitespace."""

from __future__ import annotations

import re
import unicodedata

# Arabic Presentation Forms A and B: the output of reshapers and of some PDF copy-paste.
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_SPACE_CHARS = r" \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Only runs that need changing (a non-plain space, or two or more spaces): matching every single
# space made clean_text the slowest step of an import.
_HORIZONTAL_SPACE = re.compile(
    rf"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][{_SPACE_CHARS}]*| [{_SPACE_CHARS}]+"
)
_MANY_NEWLINES = re.compile(r"\n{3,}")
# Bidi embedding/override controls are visual-order artefacts; marks (LRM/RLM/ALM) are kept out too
# because stored text must be plain logical order that any tool can search.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def has_presentation_forms(text: str) -> bool:
    return PRESENTATION_FORMS.search(text) is not None


def _unshape(text: str) -> str:
    """Map presentation-form letters back to their logical base letters (NFKC on those only)."""
    if not has_presentation_forms(text):
        return text
    return PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text).replace(
        "\ufeff", ""
    )


def normalize_newlines(text: str) -> str:
    """Line feeds only; vertical tabs and form feeds (page breaks) are line breaks too."""
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
        .replace("\x0b", "\n")
        .replace("\x0c", "\n")
    )


# Anything clean_text may have to change, in one character class: most texts need none of
# the slower fixes, and one failed search is far cheaper than several regex substitutions.
_NEEDS_FIXING = re.compile(
    "[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\u200e\u200f\u061c\u202a-\u202e"
    "\u2066-\u2069\ufb50-\ufdff\ufe70-\ufeff]|  "
)


def clean_text(text: str) -> str:
    """Normalise a block of text: NFC, no BOM or bidi controls, single spaces, at most one blank line."""
    text = normalize_newlines(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _NEEDS_FIXING.search(text):
        text = _unshape(text.replace("\ufeff", ""))
        text = _BIDI_CONTROLS.sub("", text)
        text = _HORIZONTAL_SPACE.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = "\n".join(line.strip() for line in text.split("\n"))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def clean_line(text: str) -> str:
    """Clean a single-line value (title, heading, metadata): newlines become spaces."""
    return clean_text(text).replace("\n", " ").strip()


ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters: a check that a decoding produced Arabic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if ARABIC_LETTER.match(c)) / len(letters)
