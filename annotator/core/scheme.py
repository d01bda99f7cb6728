"""The theme scheme: what annotators can tag a unit with."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from annotator.core.resources import resource_path

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Theme:
    key: str  # stable identifier used in the database and exports; never changes
    name_ar: str
    name_en: str
    color: str
    shortcut: int | None  # digit 1-9, or None
    position: int = 0
    definition_ar: str = ""
    definition_en: str = ""
    retired: bool = False
    keywords: str = ""  # the theme's lexicon for suggestions: one term a line (core.suggest)

    def name(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en


class ThemeError(ValueError):
    """An invalid theme definition or edit."""


def validate_key(key: str) -> str:
    if not KEY_PATTERN.match(key):
        raise ThemeError(
            f"theme key {key!r} must be lowercase ASCII letters, digits or _, starting with a letter"
        )
    return key


def validate_color(color: str) -> str:
    if not COLOR_PATTERN.match(color):
        raise ThemeError(f"colour {color!r} must look like #RRGGBB")
    return color.lower()


def validate_shortcut(shortcut: int | None) -> int | None:
    if shortcut is not None and not 1 <= shortcut <= 9:
        raise ThemeError(f"shortcut {shortcut} must be a digit from 1 to 9")
    return shortcut


def load_default_scheme(path: Path | None = None) -> list[Theme]:
    """Read the bundled default scheme (resources/themes.json)."""
    data = json.loads((path or resource_path("themes.json")).read_text(encoding="utf-8"))
    return [Theme(position=i, **entry) for i, entry in enumerate(data["themes"])]
