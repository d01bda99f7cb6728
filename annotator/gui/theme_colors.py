"""Colour helpers shared by the reader, the list and the theme panel."""

from __future__ import annotations

from PySide6.QtGui import QColor


def readable_on(color: QColor) -> QColor:
    """Black or white, whichever reads better on a mark's background colour."""
    luminance = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return QColor("#111111") if luminance > 160 else QColor("#ffffff")
