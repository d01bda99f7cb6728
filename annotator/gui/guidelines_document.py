"""The guidelines pane's page: each theme's definition, then the lead's guidelines (Markdown).

Every paragraph takes the direction of its own first letter (Arabic right to left, English
left to right), whatever the interface language, as in the reader. The themes chosen for the
current sentence are marked (✓ and a tint) by editing one character and a few block formats,
so following the reader costs microseconds, not a new page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from annotator.core.scheme import Theme
from annotator.gui.direction import direct_block
from annotator.gui.mark_object import OBJECT_CHARACTER, mark_format, register_mark_object

CHOSEN, NOT_CHOSEN = "✓", "\u2007"  # a figure space keeps the names lined up


@dataclass(frozen=True)
class PageWords:
    """The page's own words, in the interface language."""

    themes_heading: str
    guidelines_heading: str
    no_guidelines: str
    key: str  # "key {digit}"


@dataclass(frozen=True)
class PageColors:
    """Colours of the page, from the window's appearance."""

    chips: dict[str, str]  # theme key -> chip colour legible on this page
    tints: dict[str, QColor]  # theme key -> background of a chosen theme's entry
    muted: QColor


@dataclass
class ThemeEntry:
    mark_position: int  # the ✓ character before the theme's name
    blocks: range  # block numbers of its name and definition
    chosen: bool = False


@dataclass
class GuidelinesPage:
    """What was built: where each theme's entry is, to mark the chosen ones later."""

    entries: dict[str, ThemeEntry] = field(default_factory=dict)


def definition(theme: Theme, language: str) -> str:
    """The definition in the interface language, else the one there is."""
    own = theme.definition_ar if language == "ar" else theme.definition_en
    return (own or theme.definition_en or theme.definition_ar).strip()


def paragraph_format(text: str) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    direct_block(block_format, text)
    return block_format


def _heading_format(size_step: int) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFontWeight(QFont.Weight.Bold)
    char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, size_step)
    return char_format


def build_page(
    document: QTextDocument,
    themes: list[Theme],
    abbreviations: dict[str, str],
    language: str,
    guidelines: str,
    words: PageWords,
    colors: PageColors,
) -> GuidelinesPage:
    document.clear()
    register_mark_object(document)
    page = GuidelinesPage()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.setBlockFormat(paragraph_format(words.themes_heading))
    cursor.insertText(words.themes_heading, _heading_format(1))
    for theme in themes:
        page.entries[theme.key] = _insert_theme(
            cursor, theme, abbreviations.get(theme.key, ""), language, words, colors
        )
    heading = paragraph_format(words.guidelines_heading)
    heading.setTopMargin(14)
    cursor.insertBlock(heading)
    cursor.insertText(words.guidelines_heading, _heading_format(1))
    _insert_guidelines(cursor, guidelines, words, colors)
    cursor.endEditBlock()
    return page


def _insert_theme(cursor, theme, letters, language, words, colors) -> ThemeEntry:
    name = theme.name(language)
    header = paragraph_format(name)
    header.setTopMargin(8)
    cursor.insertBlock(header, QTextCharFormat())
    first_block = cursor.block().blockNumber()
    mark_position = cursor.position()
    cursor.insertText(NOT_CHOSEN, _heading_format(0))
    cursor.insertText(" ", QTextCharFormat())
    cursor.insertText(OBJECT_CHARACTER, mark_format(letters, colors.chips.get(theme.key, "#888")))
    title = f" {name}"
    if theme.shortcut:
        title += f"   ({words.key.format(digit=theme.shortcut)})"
    cursor.insertText(title, _heading_format(0))
    for line in filter(None, (part.strip() for part in definition(theme, language).splitlines())):
        cursor.insertBlock(paragraph_format(line), QTextCharFormat())
        cursor.insertText(line, QTextCharFormat())
    return ThemeEntry(mark_position, range(first_block, cursor.block().blockNumber() + 1))


def _insert_guidelines(cursor: QTextCursor, text: str, words: PageWords, colors) -> None:
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    if not text.strip():
        muted = QTextCharFormat()
        muted.setForeground(colors.muted)
        cursor.setBlockFormat(paragraph_format(words.no_guidelines))
        cursor.insertText(words.no_guidelines, muted)
        return
    # Inserted Markdown merges its first paragraph into the cursor's block, which loses that
    # block's heading level and margins: they are taken again from Markdown's own page.
    source = QTextDocument()
    source.setMarkdown(text)
    block, model = cursor.block(), source.begin()
    cursor.insertMarkdown(text)
    while block.isValid() and model.isValid():
        block_format, wanted = block.blockFormat(), model.blockFormat()
        block_format.setHeadingLevel(wanted.headingLevel())
        block_format.setTopMargin(wanted.topMargin())
        block_format.setBottomMargin(wanted.bottomMargin())
        direct_block(block_format, block.text())  # each paragraph its own direction
        QTextCursor(block).setBlockFormat(block_format)
        block, model = block.next(), model.next()


def mark_chosen(document: QTextDocument, page: GuidelinesPage, chosen, colors: PageColors) -> None:
    """✓ and a tint on the entries of the chosen themes, nothing on the others."""
    cursor = QTextCursor(document)
    for key, entry in page.entries.items():
        wanted = key in chosen
        if wanted == entry.chosen:
            continue
        entry.chosen = wanted
        cursor.setPosition(entry.mark_position)
        cursor.setPosition(entry.mark_position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(CHOSEN if wanted else NOT_CHOSEN, _heading_format(0))
        for number in entry.blocks:
            block = document.findBlockByNumber(number)
            block_format = block.blockFormat()
            if wanted:
                block_format.setBackground(QBrush(colors.tints[key]))
            else:
                block_format.clearBackground()
            QTextCursor(block).setBlockFormat(block_format)
