"""Bundled fonts: loaded from resources/fonts at start-up, never installed system-wide."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.core.resources import resource_path

READER_FAMILY = "Noto Naskh Arabic"
# Naskh has no Latin letters; naming a Latin family next lets English lines use a matching one.
FALLBACK_FAMILIES = ["DejaVu Serif", "Noto Serif", "serif"]


def load_bundled_fonts() -> list[str]:
    """Register every font file in resources/fonts; returns the families that loaded."""
    families: list[str] = []
    folder = resource_path("fonts")
    for path in sorted(folder.glob("*.[ot]tf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def reader_font(point_size: int) -> QFont:
    """The reading font: bundled Naskh for Arabic, a serif for anything else."""
    font = QFont()
    font.setFamilies([READER_FAMILY, *FALLBACK_FAMILIES])
    font.setPointSize(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # keeps Naskh curves
    return font
