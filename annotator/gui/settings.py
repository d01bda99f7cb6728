"""User preferences kept in QSettings, each declared once with its type and default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

MAX_RECENT_PROJECTS = 8
DEFAULT_FONT_SIZE = 17  # points; Naskh needs more size than Latin text to read comfortably
MIN_FONT_SIZE, MAX_FONT_SIZE = 9, 48
LANGUAGES = ("ar", "en")


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


class Settings:
    """Typed access to the preferences; pass a QSettings to keep tests away from the user's."""

    def __init__(self, backend: QSettings | None = None):
        self.backend = backend if backend is not None else QSettings()

    def _get(self, key: str, default, kind: type):
        value = self.backend.value(key, default)
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    @property
    def language(self) -> str:
        value = self._get("ui/language", "", str)
        return value if value in LANGUAGES else system_language()

    @language.setter
    def language(self, value: str) -> None:
        self.backend.setValue("ui/language", value)

    @property
    def font_size(self) -> int:
        size = self._get("reader/font_size", DEFAULT_FONT_SIZE, int)
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self.backend.setValue("reader/font_size", int(value))

    @property
    def annotator(self) -> str:
        return self._get("user/annotator", "", str)

    @annotator.setter
    def annotator(self, value: str) -> None:
        self.backend.setValue("user/annotator", value)

    def flag(self, key: str, default: bool) -> bool:
        """A yes/no preference (QSettings' INI files give "true"/"false" back as text)."""
        value = self.backend.value(key, default)
        return value.lower() == "true" if isinstance(value, str) else bool(value)

    def set_flag(self, key: str, value: bool) -> None:
        self.backend.setValue(key, bool(value))

    @property
    def digits(self) -> str:
        """ "western" (0-9, the default) or "arabic_indic" (٠-٩, Arabic interface only)."""
        value = self._get("ui/digits", "western", str)
        return value if value in ("western", "arabic_indic") else "western"

    @digits.setter
    def digits(self, value: str) -> None:
        self.backend.setValue("ui/digits", value)

    @property
    def appearance(self) -> str:
        """ "system" (the default), "light", "dark" or "high_contrast": View → Colour theme."""
        value = self._get("ui/appearance", "system", str)
        return value if value in ("system", "light", "dark", "high_contrast") else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self.backend.setValue("ui/appearance", value)

    @property
    def guidelines_shown(self) -> bool:
        """The guidelines pane (F2) beside the text; hidden until asked for."""
        return self._get("ui/guidelines_shown", "false", str) == "true"

    @guidelines_shown.setter
    def guidelines_shown(self, value: bool) -> None:
        self.backend.setValue("ui/guidelines_shown", "true" if value else "false")

    def window_state(self, name: str) -> QByteArray | None:
        """Saved geometry or splitter state, None until the window was closed once."""
        value = self.backend.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, name: str, value: QByteArray) -> None:
        self.backend.setValue(f"window/{name}", value)

    @property
    def recent_projects(self) -> list[str]:
        """Projects opened lately, newest first; files that no longer exist are left out."""
        value = self.backend.value("projects/recent", [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if p and Path(p).is_file()][:MAX_RECENT_PROJECTS]

    def add_recent_project(self, path: Path) -> None:
        text = str(Path(path).resolve())
        paths = [text] + [p for p in self.recent_projects if p != text]
        self.backend.setValue("projects/recent", paths[:MAX_RECENT_PROJECTS])
        self.backend.setValue("projects/last", text)

    @property
    def last_project(self) -> Path | None:
        value = self._get("projects/last", "", str)
        return Path(value) if value else None

    def sync(self) -> None:
        self.backend.sync()
