"""Colour helpers shared by the reader, the list, the theme panel and the guidelines.

Legibility is measured as WCAG 2 defines it (relative luminance, contrast ratio), and 4.5:1
is asked of a chip's letters against the chip and of a chip against the page it sits on, on
light, dark and high-contrast pages alike. A theme keeps its hue; only its lightness moves
as far as a page needs.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

LEGIBLE = 4.5  # WCAG AA for text: chip letters, and chips against the page
BLACK, WHITE = QColor("#000000"), QColor("#ffffff")
_STEPS = 40


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour: 0 (black) to 1 (white)."""
    red, green, blue = (_channel(c) for c in color.getRgbF()[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(color: QColor) -> QColor:
    """Black or white, whichever has the higher contrast on a chip of this colour."""
    return BLACK if contrast(BLACK, color) >= contrast(WHITE, color) else WHITE


def mix(color: QColor, other: QColor, share: float) -> QColor:
    """`share` of `color` over `other`."""
    first, second = color.getRgbF()[:3], other.getRgbF()[:3]
    return QColor.fromRgbF(
        *(share * a + (1 - share) * b for a, b in zip(first, second, strict=True))
    )


def is_dark(color: QColor) -> bool:
    return relative_luminance(color) < 0.18  # below mid grey's luminance


def legible_chip(color: str, page: str) -> str:
    """The theme's colour, darkened on a light page or lightened on a dark one until its
    letters and the chip itself both reach 4.5:1 (the colour itself when it already does)."""
    return _legible_chip(color.lower(), page.lower())


@lru_cache(maxsize=512)
def _legible_chip(color: str, page: str) -> str:
    chip, background = QColor(color), QColor(page)
    towards = WHITE if is_dark(background) else BLACK
    for step in range(_STEPS + 1):
        candidate = QColor(mix(towards, chip, step / _STEPS).name())  # checked as drawn: 8 bits
        if (
            contrast(candidate, background) >= LEGIBLE
            and contrast(readable_on(candidate), candidate) >= LEGIBLE
        ):
            return candidate.name()
    return towards.name()


def tint(color: str, page: QColor, ink: QColor, share: float = 0.35) -> QColor:
    """A background of `share` of the theme's colour over the page (less, if needed for
    `ink` to read on it at 4.5:1)."""
    while share > 0:
        candidate = QColor(mix(QColor(color), page, share).name())
        if contrast(candidate, ink) >= LEGIBLE:
            return candidate
        share -= 0.05
    return QColor(page)
