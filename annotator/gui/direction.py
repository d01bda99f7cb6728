"""Which way a text reads, and the side it starts on: one rule for every editable or laid-out
paragraph (reader, guidelines, notes, theme definitions)."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextOption


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction of the first strong character (the Unicode bidi rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.RightToLeft  # digits or punctuation only: follow the Arabic page


def start_side(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """Right for right-to-left, left otherwise; absolute, or Qt would swap the sides again
    for right-to-left blocks."""
    side = (
        Qt.AlignmentFlag.AlignRight
        if direction == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft
    )
    return side | Qt.AlignmentFlag.AlignAbsolute


def direct_block(block_format: QTextBlockFormat, text: str) -> None:
    """A paragraph in its own text's direction, starting on that side."""
    direction = text_direction(text)
    block_format.setLayoutDirection(direction)
    block_format.setAlignment(start_side(direction))


def direct_option(option: QTextOption, direction: Qt.LayoutDirection) -> None:
    """A document's default option (new paragraphs too) in one direction, starting on its side."""
    option.setTextDirection(direction)
    option.setAlignment(start_side(direction))
