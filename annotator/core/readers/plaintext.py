"""Plain text -> one article, recognising text copied from a news page.

A copied page looks like the seed article: an English theme notice, a section name alone on
a line ("دولي"), a blank line, the title, then paragraphs with unpunctuated subheadings and
the comment form, back-to-top button and share bar at the end. The notice and the page
furniture are dropped (resources/boilerplate.txt), the section becomes `category`, the title
`title`, subheadings heading blocks.

Plain text without that form: the first line is the title when it is short, unpunctuated and
followed by more text. Otherwise the title is a label made from the start of the text (its
first sentence, cut at about 80 characters) and the text itself stays whole in the body, so
no sentence is lost or moved.
"""

from __future__ import annotations

import re

from annotator.core.boilerplate import Boilerplate
from annotator.core.encoding import Decoded
from annotator.core.model import ArticleDraft, Block, ReadError
from annotator.core.text import clean_line, clean_text

# Sentence-final or clause-final marks: a line ending in one of them is prose, not a heading.
_TERMINAL = re.compile(r"[.!?؟…:;؛،,][\"'»”’)\]]*$")
_FIRST_SENTENCE = re.compile(r"^.+?[.!?؟…](?=\s|$)")
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 200
MAX_CATEGORY_WORDS = 3
MAX_CATEGORY_CHARS = 30
DERIVED_TITLE_CHARS = 80


def plaintext_draft(decoded: Decoded, path: str, boilerplate: Boilerplate) -> ArticleDraft:
    """The article of an already decoded text file."""
    paras = article_paragraphs(decoded.text, boilerplate)
    if not paras:
        raise ReadError(path, "no article text found (empty or only page boilerplate)")
    category, paras = _take_category(paras, boilerplate)
    title, paras = take_title(paras)
    draft = ArticleDraft(
        title=title, blocks=blocks_from_paragraphs(paras), source=path, cleaned=True
    )
    draft.category, draft.encoding, draft.warnings = category, decoded.encoding, decoded.warnings
    return draft


def article_paragraphs(text: str, boilerplate: Boilerplate) -> list[str]:
    """Clean paragraphs without page furniture lines.

    Paragraphs are split on blank lines, or on every newline in a text without blank lines
    (decided before boilerplate lines are dropped, since dropping leaves blank lines).
    """
    text = clean_text(text)
    separator = "\n\n" if "\n\n" in text else "\n"
    kept = "\n".join("" if boilerplate.is_boilerplate(line) else line for line in text.split("\n"))
    return [p.strip() for p in kept.split(separator) if p.strip()]


def is_short_unpunctuated(line: str, max_words: int, max_chars: int) -> bool:
    """A single line that reads like a label (heading, title, section), not a sentence."""
    return (
        "\n" not in line
        and len(line) <= max_chars
        and len(line.split()) <= max_words
        and not _TERMINAL.search(line)
    )


def looks_like_heading(paragraph: str) -> bool:
    return is_short_unpunctuated(paragraph, MAX_HEADING_WORDS, MAX_HEADING_CHARS)


def blocks_from_paragraphs(paras: list[str]) -> list[Block]:
    """Paragraph blocks; a heading-like paragraph with text after it becomes a heading block."""
    last = len(paras) - 1
    return [
        Block("heading" if i < last and looks_like_heading(p) else "paragraph", p)
        for i, p in enumerate(paras)
    ]


def take_title(paras: list[str]) -> tuple[str, list[str]]:
    """Split off a title line when there is one; else derive a title label (body unchanged)."""
    first_line, rest = _split_first_line(paras)
    if rest and is_short_unpunctuated(first_line, MAX_TITLE_WORDS, MAX_TITLE_CHARS):
        return first_line, rest
    return derived_title(paras[0]), paras


def derived_title(text: str) -> str:
    """The first sentence of a text, cut on a word boundary near DERIVED_TITLE_CHARS."""
    first_line = clean_line(text.split("\n", 1)[0])
    sentence = _FIRST_SENTENCE.match(first_line)
    title = sentence.group() if sentence else first_line
    if len(title) <= DERIVED_TITLE_CHARS:
        return title
    cut = title[: DERIVED_TITLE_CHARS + 1].rsplit(" ", 1)[0]
    return cut.rstrip("،,;؛:") + "…"


def _take_category(paras: list[str], boilerplate: Boilerplate) -> tuple[str, list[str]]:
    """A section name on the first line ("دولي"): a known one, or a short line set apart by
    a blank line and followed by a title-like line and more text."""
    first_line, rest = _split_first_line(paras)
    if not rest or not is_short_unpunctuated(first_line, MAX_CATEGORY_WORDS, MAX_CATEGORY_CHARS):
        return "", paras
    if boilerplate.is_category(first_line):
        return first_line, rest
    set_apart = paras[0] == first_line and len(paras) > 2
    if set_apart and is_short_unpunctuated(paras[1], MAX_TITLE_WORDS, MAX_TITLE_CHARS):
        return first_line, rest
    return "", paras


def _split_first_line(paras: list[str]) -> tuple[str, list[str]]:
    """The first line of the first paragraph, and the paragraphs that follow it."""
    first_line, _, rest_of_first = paras[0].partition("\n")
    return first_line, ([rest_of_first] if rest_of_first else []) + paras[1:]
