"""Light, dark and high-contrast colours: following the system, or as chosen in View → Colours.

The system's choice is read from Qt (QStyleHints.colorScheme, the accessibility hints'
contrast preference) and from the palette itself, since several platforms only change the
palette. The reader keeps its own page colours for each kind (paper, not glare white, in
light), and every theme colour is made legible on them (gui/theme_colors.py).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from annotator.gui.theme_colors import is_dark

Role, Group = QPalette.ColorRole, QPalette.ColorGroup


class Mode(enum.Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


@dataclass(frozen=True)
class ReaderColors:
    """The reader's page and what is drawn on it; every pair reads at 4.5:1 or more."""

    page: QColor
    text: QColor
    muted: QColor  # ✓ ↷ ✎ and the date line
    current: QColor  # behind the current sentence
    current_text: QColor
    hit: QColor  # behind a search hit
    current_hit: QColor  # behind the search hit F3 went to
    hit_text: QColor


LIGHT_READER = ReaderColors(
    *map(QColor, ("#fffdf7", "#1f2328", "#5f6570", "#fde68a", "#1f2328", "#bae6fd", "#fdba74", "#1f2328"))
)  # fmt: skip
DARK_READER = ReaderColors(
    *map(QColor, ("#1c1d21", "#e8e6e3", "#a3a9b3", "#5c4813", "#fff7e0", "#124a66", "#8a3c0c", "#ffffff"))
)  # fmt: skip
HIGH_CONTRAST_READER = ReaderColors(
    *map(QColor, ("#000000", "#ffffff", "#e0e0e0", "#ffff00", "#000000", "#00ffff", "#ff80ff", "#000000"))
)  # fmt: skip


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        Role.Window: "#2b2d31", Role.WindowText: "#e8e6e3", Role.Base: "#1e1f22",
        Role.AlternateBase: "#26282c", Role.Text: "#e8e6e3", Role.Button: "#35383d",
        Role.ButtonText: "#e8e6e3", Role.BrightText: "#ffffff", Role.Highlight: "#3a6fc4",
        Role.HighlightedText: "#ffffff", Role.ToolTipBase: "#2b2d31", Role.ToolTipText: "#e8e6e3",
        Role.PlaceholderText: "#9aa0a6", Role.Link: "#8ab4f8", Role.LinkVisited: "#c58af9",
        Role.Light: "#4a4d52", Role.Midlight: "#3d4045", Role.Mid: "#2f3236", Role.Dark: "#1a1b1e",
        Role.Shadow: "#000000",
    }  # fmt: skip
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor("#80858c"))
    return palette


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    for role in (Role.Window, Role.Base, Role.AlternateBase, Role.Button, Role.ToolTipBase):
        palette.setColor(role, QColor("#000000"))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.ToolTipText, Role.BrightText):
        palette.setColor(role, QColor("#ffffff"))
    for role in (Role.Light, Role.Midlight, Role.Mid, Role.Dark, Role.Shadow):
        palette.setColor(role, QColor("#ffffff"))  # frames and borders drawn in white
    palette.setColor(Role.Highlight, QColor("#1aebff"))
    palette.setColor(Role.HighlightedText, QColor("#000000"))
    palette.setColor(Role.PlaceholderText, QColor("#c8c8c8"))
    palette.setColor(Role.Link, QColor("#ffff00"))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor("#a0a0a0"))
    return palette


def system_kind() -> Mode:
    """What the system asks for: high contrast, dark or light."""
    hints = QGuiApplication.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return Mode.HIGH_CONTRAST
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return Mode.DARK
    window = QGuiApplication.palette().color(Role.Window)
    return Mode.DARK if is_dark(window) else Mode.LIGHT


def reader_colors(kind: Mode, from_system: bool = False) -> ReaderColors:
    """The reader's colours for a kind; the system's own high-contrast colours, if asked."""
    if kind is Mode.HIGH_CONTRAST and from_system:
        palette = QGuiApplication.palette()
        text = palette.color(Role.Text)
        return ReaderColors(
            palette.color(Role.Base), text, text, palette.color(Role.Highlight),
            palette.color(Role.HighlightedText), QColor("#00ffff"), QColor("#ff80ff"),
            QColor("#000000"),
        )  # fmt: skip
    readers = {Mode.DARK: DARK_READER, Mode.HIGH_CONTRAST: HIGH_CONTRAST_READER}
    return readers.get(kind, LIGHT_READER)


class Appearance(QObject):
    """The chosen mode, applied to the application; `changed` when the colours change."""

    changed = Signal()

    def __init__(self, mode: Mode, parent: QObject):
        super().__init__(parent)
        self.mode = mode
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._system_changed)
        parent.installEventFilter(self)  # the window hears of palette changes
        self._apply_palette()

    def kind(self) -> Mode:
        """Light, dark or high contrast: the mode, or what the system asks for."""
        return system_kind() if self.mode is Mode.SYSTEM else self.mode

    def reader_colors(self) -> ReaderColors:
        return reader_colors(self.kind(), from_system=self.mode is Mode.SYSTEM)

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self._apply_palette()
        self.changed.emit()

    def _apply_palette(self) -> None:
        hints = QGuiApplication.styleHints()
        if self.mode is Mode.SYSTEM:
            QGuiApplication.setPalette(QPalette())  # the platform's, following its changes
            hints.unsetColorScheme()
            return
        scheme = Qt.ColorScheme.Light if self.mode is Mode.LIGHT else Qt.ColorScheme.Dark
        hints.setColorScheme(scheme)  # native styles (Windows 11, macOS) follow this
        palettes = {Mode.DARK: dark_palette, Mode.HIGH_CONTRAST: high_contrast_palette}
        make = palettes.get(self.mode)
        palette = make() if make else QApplication.style().standardPalette()
        QGuiApplication.setPalette(palette)

    def _system_changed(self, *_args) -> None:
        if self.mode is Mode.SYSTEM:
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and self.mode is Mode.SYSTEM:
            self.changed.emit()  # a platform that changes only the palette
        return False
