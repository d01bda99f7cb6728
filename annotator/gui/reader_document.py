"""The article as a newspaper page: a QTextDocument with one block per paragraph.

Each unit is one run of text inserted exactly as stored (Qt shapes and orders Arabic itself).
Theme marks are separate runs placed after a unit's final punctuation, so no word is ever
split into separately shaped pieces. The document remembers where each unit and its marks
sit, so one unit's marks can be redrawn without rebuilding the page.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from annotator.core.scheme import Theme
from annotator.gui.direction import direct_block, text_direction
from annotator.gui.locale_format import long_date
from annotator.gui.mark_object import (
    MARK_FAMILIES,
    OBJECT_CHARACTER,
    mark_format,
    register_mark_object,
)
from annotator.gui.theme_colors import legible_chip
from annotator.storage.rows import ArticleRecord, UnitRecord, UnitState

THIN_SPACE = "\u2009"
DONE_MARK, SKIPPED_MARK, NOTE_MARK = "✓", "↷", "✎"
_SIZE_ADJUSTMENT = {"title": 2, "heading": 1, "sentence": 0}  # Qt scales 1.5x, 1.2x, 1x


# Directional embeddings placed around (never inside) a sentence whose own direction differs
# from its paragraph's, e.g. an English sentence in an Arabic paragraph: without one its final
# period would be drawn at its start. The sentence's text itself reaches Qt unchanged.
LEFT_TO_RIGHT_EMBEDDING, RIGHT_TO_LEFT_EMBEDDING, POP_DIRECTION = "\u202a", "\u202b", "\u202c"


def _embedding_for(text: str, paragraph: Qt.LayoutDirection) -> str:
    own = text_direction(text)
    if own == paragraph:
        return ""
    return (
        LEFT_TO_RIGHT_EMBEDDING
        if own == Qt.LayoutDirection.LeftToRight
        else RIGHT_TO_LEFT_EMBEDDING
    )


@dataclass
class UnitSpan:
    start: int  # document positions of the unit's own text
    end: int
    marks_end: int  # end of the marks run after it (== end when unlabelled)


@dataclass(frozen=True)
class MarkStyle:
    """How to draw the marks: theme key -> (abbreviation, chip colour), and the muted ink of
    ✓ ↷ ✎ and the date line."""

    abbreviations: dict[str, str]
    colors: dict[str, str]
    muted: str = "#5f6570"

    @classmethod
    def for_themes(
        cls, themes: list[Theme], abbreviations: dict[str, str], page: str, muted: str
    ) -> MarkStyle:
        """Each theme's colour made legible on this page (gui/theme_colors.py)."""
        return cls(abbreviations, {t.key: legible_chip(t.color, page) for t in themes}, muted)


def paragraphs_of(article_text: str, units: list[UnitRecord]) -> list[list[int]]:
    """Unit indexes grouped into paragraphs: a line break between units starts a new one."""
    groups: list[list[int]] = []
    previous: UnitRecord | None = None
    for i, unit in enumerate(units):
        new_block = (
            previous is None
            or unit.kind != "sentence"
            or previous.kind != "sentence"
            or "\n" in article_text[previous.end : unit.start]
        )
        if new_block:
            groups.append([])
        groups[-1].append(i)
        previous = unit
    return groups


class ReaderDocument:
    """Builds the page and keeps the map from units to document positions."""

    def __init__(self, document: QTextDocument):
        self.document = document
        register_mark_object(document)  # parented to the document, which keeps it alive
        self.spans: list[UnitSpan] = []
        self._starts: list[int] = []
        self.style = MarkStyle({}, {})
        self._suggested: dict[int, tuple[str, ...]] = {}
        self._notes: dict[int, str] = {}

    def build(
        self,
        article: ArticleRecord | None,
        units: list[UnitRecord],
        states: dict[int, UnitState],
        style: MarkStyle,
        paragraph_spacing: float,
        notes: dict[int, str] | None = None,
        suggested: dict[int, tuple[str, ...]] | None = None,
    ) -> None:
        """`suggested`: unit id -> theme keys drawn as outlined chips after its marks."""
        self.style, self.spans, self._notes = style, [], notes or {}
        self._suggested = suggested or {}
        self.document.clear()
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        first_block = True
        groups = paragraphs_of(article.text if article else "", units)
        for n, group in enumerate(groups):
            text = " ".join(units[i].text for i in group)
            block_format = self._block_format(text, units[group[0]].kind, paragraph_spacing)
            if first_block:
                cursor.setBlockFormat(block_format)
                first_block = False
            else:
                cursor.insertBlock(block_format)
            self._insert_paragraph(cursor, article, units, states, group)
            if n == 0 and article is not None and units[group[0]].kind == "title":
                self._insert_meta_line(cursor, article, paragraph_spacing)
        cursor.endEditBlock()
        self._starts = [s.start for s in self.spans]

    def _insert_paragraph(self, cursor, article, units, states, group: list[int]) -> None:
        paragraph_direction = text_direction(" ".join(units[i].text for i in group))
        for position, i in enumerate(group):
            unit = units[i]
            if position > 0:
                gap = article.text[units[i - 1].end : unit.start] if article else " "
                cursor.insertText(gap or " ", QTextCharFormat())
            embedding = _embedding_for(unit.text, paragraph_direction)
            if embedding:
                cursor.insertText(embedding, QTextCharFormat())
            start = cursor.position()
            cursor.insertText(unit.text, self._unit_format(unit.kind))
            end = cursor.position()
            if embedding:
                cursor.insertText(POP_DIRECTION, QTextCharFormat())
            state = states.get(unit.id, UnitState())
            note, suggested = self._notes.get(unit.id, ""), self._suggested.get(unit.id, ())
            self._insert_marks(cursor, state, unit.kind, note, suggested)
            self.spans.append(UnitSpan(start, end, cursor.position()))

    def _insert_meta_line(self, cursor, article: ArticleRecord, spacing: float) -> None:
        # Where the file came from is in the list's tooltip; a web address is worth showing.
        date = long_date(article.date) if article.date else ""
        meta = " · ".join(part for part in (date, article.category, article.url) if part)
        if not meta:
            return
        cursor.insertBlock(self._block_format(meta, "meta", spacing))
        char_format = QTextCharFormat()
        char_format.setForeground(QColor(self.style.muted))
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        cursor.insertText(meta, char_format)

    @staticmethod
    def _block_format(text: str, kind: str, spacing: float) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        direct_block(block_format, text)
        block_format.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block_format.setBottomMargin(spacing * (0.4 if kind in ("title", "meta") else 1.0))
        block_format.setTopMargin(spacing * 0.6 if kind == "heading" else 0)
        return block_format

    @staticmethod
    def _unit_format(kind: str) -> QTextCharFormat:
        char_format = QTextCharFormat()
        if kind != "sentence":
            char_format.setFontWeight(QFont.Weight.Bold)
            char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, _SIZE_ADJUSTMENT[kind])
        return char_format

    def _insert_marks(
        self, cursor: QTextCursor, state: UnitState, kind: str, note: str, suggested=()
    ) -> None:
        """A space, then a muted ✓ (done, no theme) or ↷ (skipped), one chip per theme, the
        suggested themes as outlined chips, and ✎ if the unit has a note, after the unit's last
        character. A skipped unit keeps its themes (stored, exported in `annotations`, not
        counted as done): ↷ then its chips."""
        symbol = {"done_no_theme": DONE_MARK, "skipped": SKIPPED_MARK}.get(state.status, "")
        chips = [(key, False) for key in state.themes] + [(key, True) for key in suggested]
        if not chips and not symbol and not note:
            return
        cursor.insertText(" ", self._unit_format(kind))
        if symbol:
            cursor.insertText(symbol, self._muted_format())
        for n, (key, outlined) in enumerate(chips):
            if n or symbol:
                cursor.insertText(THIN_SPACE, QTextCharFormat())
            letters = self.style.abbreviations.get(key, key)
            color = self.style.colors.get(key, "#888888")
            cursor.insertText(OBJECT_CHARACTER, mark_format(letters, color, outlined))
        if note:
            if chips or symbol:
                cursor.insertText(THIN_SPACE, QTextCharFormat())
            cursor.insertText(NOTE_MARK, self._muted_format())

    def _muted_format(self) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setForeground(QColor(self.style.muted))
        char_format.setFontFamilies(MARK_FAMILIES)
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        return char_format

    def set_marks(
        self, index: int, state: UnitState, kind: str, note: str = "", suggested=()
    ) -> None:
        """Redraw one unit's marks and move the positions of every unit after it."""
        span = self.spans[index]
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        cursor.setPosition(span.end)
        cursor.setPosition(span.marks_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._insert_marks(cursor, state, kind, note, suggested)
        cursor.endEditBlock()
        shift = cursor.position() - span.marks_end
        span.marks_end = cursor.position()
        for later in self.spans[index + 1 :]:
            later.start += shift
            later.end += shift
            later.marks_end += shift
        self._starts = [s.start for s in self.spans]

    def unit_at(self, position: int) -> int | None:
        """The unit whose text or marks cover a document position."""
        i = bisect.bisect_right(self._starts, position) - 1
        if i < 0:
            return None
        return i if position <= self.spans[i].marks_end else None
