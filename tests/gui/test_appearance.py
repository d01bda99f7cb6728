"""Dark mode and contrast (issue 13, item 9): the window follows the system's light, dark or
high-contrast colours or the one chosen in View → Colour theme, and theme colours stay
legible on each: 4.5:1 (WCAG) for chip letters against the chip, and for chips, marks and
text against the page."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.core.scheme import load_default_scheme
from annotator.gui.appearance import (
    DARK_READER,
    HIGH_CONTRAST_READER,
    LIGHT_READER,
    Mode,
    dark_palette,
    high_contrast_palette,
)
from annotator.gui.mark_object import COLOR_PROPERTY, MARK_OBJECT_TYPE
from annotator.gui.theme_colors import LEGIBLE, contrast, legible_chip, readable_on
from annotator.gui.theme_panel import checked_style

pytestmark = pytest.mark.gui

READERS = {"light": LIGHT_READER, "dark": DARK_READER, "high contrast": HIGH_CONTRAST_READER}
# Colours a lead may well pick besides the defaults: yellow and grey are the hard ones.
OTHER_COLORS = ["#8e44ad", "#f1c40f", "#95a5a6", "#ff9900", "#00ffff", "#000000", "#ffffff"]


def theme_colors() -> list[str]:
    return [t.color for t in load_default_scheme()] + OTHER_COLORS


def palettes() -> dict[str, QPalette]:
    light = QApplication.style().standardPalette()
    return {"light": light, "dark": dark_palette(), "high contrast": high_contrast_palette()}


@pytest.fixture(autouse=True)
def system_colours_after(qapp):
    yield
    QGuiApplication.setPalette(QPalette())
    QGuiApplication.styleHints().unsetColorScheme()


def test_default_theme_colours_are_legible_on_every_reader_page():
    for kind, colors in READERS.items():
        for color in theme_colors():
            chip = QColor(legible_chip(color, colors.page.name()))
            assert contrast(readable_on(chip), chip) >= LEGIBLE, (kind, color, chip.name())
            assert contrast(chip, colors.page) >= LEGIBLE, (kind, color, chip.name())


def test_the_readers_own_colours_read_at_4_5_to_1_on_each_page():
    for kind, c in READERS.items():
        pairs = {
            "text": (c.text, c.page),
            "marks ✓ ↷ ✎": (c.muted, c.page),
            "current sentence": (c.current_text, c.current),
            "search hit": (c.hit_text, c.hit),
            "current hit": (c.hit_text, c.current_hit),
        }
        for name, (ink, background) in pairs.items():
            assert contrast(ink, background) >= LEGIBLE, (kind, name)


def test_chips_in_the_list_and_the_theme_panel_are_legible_on_each_palette():
    for kind, palette in palettes().items():
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            page = palette.color(role)
            for color in theme_colors():
                chip = QColor(legible_chip(color, page.name()))
                assert contrast(readable_on(chip), chip) >= LEGIBLE, (kind, role, color)
                assert contrast(chip, page) >= LEGIBLE, (kind, role, color)


def test_a_checked_theme_button_reads_on_its_tint_in_every_palette():
    for kind, palette in palettes().items():
        for color in theme_colors():
            style = checked_style(color, palette)
            checked = re.search(r":checked \{ background: (#\w+); color: (#\w+);", style)
            background, ink = QColor(checked[1]), QColor(checked[2])
            assert contrast(ink, background) >= LEGIBLE, (kind, color)


def chip_colors(window, unit_index: int) -> list[str]:
    span = window.reader.page.spans[unit_index]
    cursor, found = QTextCursor(window.reader.document()), []
    for position in range(span.end, span.marks_end):
        cursor.setPosition(position + 1)
        char_format = cursor.charFormat()
        if char_format.objectType() == MARK_OBJECT_TYPE:
            found.append(str(char_format.property(COLOR_PROPERTY)))
    return found


def pixel(widget, x: int, y: int) -> QColor:
    return widget.grab().toImage().pixelColor(x, y)


def test_view_colour_theme_dark_recolours_the_window_and_is_remembered(qtbot, store, make_window):
    window = make_window(store)
    window.session.go_to_unit(2)
    window.session.toggle_theme(3)  # reconstruction, #2e8b57
    assert chip_colors(window, 2) == [legible_chip("#2e8b57", LIGHT_READER.page.name())]
    window.menu.actions["appearance_dark"].trigger()
    assert window.menu.actions["appearance_dark"].isChecked()
    assert window.settings.appearance == "dark"
    assert window.reader.palette().color(QPalette.ColorRole.Base) == DARK_READER.page
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    chip = chip_colors(window, 2)[0]
    assert chip == legible_chip("#2e8b57", DARK_READER.page.name()) != "#2e8b57"
    assert contrast(QColor(chip), DARK_READER.page) >= LEGIBLE
    viewport = window.reader.viewport()
    assert pixel(viewport, viewport.width() - 3, viewport.height() - 3) == DARK_READER.page
    window.close()
    again = make_window(store)
    assert again.appearance.mode is Mode.DARK
    assert again.reader.palette().color(QPalette.ColorRole.Base) == DARK_READER.page


def test_back_to_the_system_colours(qtbot, store, make_window):
    window = make_window(store)
    window.set_appearance(Mode.HIGH_CONTRAST)
    window.menu.actions["appearance_system"].trigger()
    assert window.settings.appearance == "system"
    standard = QApplication.style().standardPalette().color(QPalette.ColorRole.Window)
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window) == standard
    assert window.reader.palette().color(QPalette.ColorRole.Base) == LIGHT_READER.page


def test_high_contrast_highlights_the_current_sentence_in_black_on_yellow(
    qtbot, store, make_window
):
    window = make_window(store)
    window.set_appearance(Mode.HIGH_CONTRAST)
    selection = window.reader.extraSelections()[0]
    assert selection.format.background().color() == QColor("#ffff00")
    assert selection.format.foreground().color() == QColor("#000000")
    assert window.reader.palette().color(QPalette.ColorRole.Text) == QColor("#ffffff")


def test_a_dark_system_palette_is_followed(qtbot, store, make_window):
    """As a platform does when the user turns dark mode on: the application palette changes."""
    window = make_window(store)
    assert window.appearance.mode is Mode.SYSTEM
    QGuiApplication.setPalette(dark_palette())
    page = QPalette.ColorRole.Base
    qtbot.waitUntil(lambda: window.reader.palette().color(page) == DARK_READER.page)
    button = window.theme_panel.buttons[0]
    assert "#" in button.styleSheet()  # the panel was drawn again in the dark colours
    QGuiApplication.setPalette(QPalette())
    qtbot.waitUntil(lambda: window.reader.palette().color(page) == LIGHT_READER.page)


def test_the_menu_offers_the_four_choices_in_both_languages(qtbot, store, make_window):
    window = make_window(store)
    menu = window.menu.actions["appearance"].menu()
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert texts == ["As the system", "Light", "Dark", "High contrast"]
    assert window.menu.actions["appearance_system"].isChecked()
    assert Qt.LayoutDirection.LeftToRight == window.layoutDirection()
