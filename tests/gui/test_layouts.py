"""Keyboard layouts: Ctrl shortcuts work by the key pressed, so Ctrl+Z undoes with an
Arabic-only layout (where that key types ئ), and the Arabic menus open with Alt and their
underlined letter, whether the layout reports the key as Arabic or as Latin ("ara,us")."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.gui.i18n import install_translators
from tests.gui.gui_factories import type_text

pytestmark = pytest.mark.gui

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
# The letters the standard Arabic layout types without Shift (every key an Arabic menu can
# underline), and those of the keys these tests press.
ARABIC_KEYS = set("ضصثقفغعهخحجدشسيبلاتنمكطئءؤرىةوزظذ")
ARABIC_LAYOUT = {"Z": "ئ", "F": "ب", "L": "م", "T": "ف"}
# The native codes of a few US keys: XKB keycodes (X11, Wayland), Windows VK, macOS kVK.
NATIVE = {
    "Z": {"linux": 52, "win32": 0x5A, "darwin": 6},
    "F": {"linux": 41, "win32": 0x46, "darwin": 3},
    "L": {"linux": 46, "win32": 0x4C, "darwin": 37},
    "T": {"linux": 28, "win32": 0x54, "darwin": 17},
}


def arabic_press(widget, us_key: str, modifiers, key_code: int | None = None) -> None:
    """A key press as Qt reports it with an Arabic layout: the Arabic letter's key code (or
    the Latin one, with "ara,us"), the physical key in the native codes."""
    letter = ARABIC_LAYOUT[us_key]
    code = NATIVE[us_key].get(sys.platform, NATIVE[us_key]["linux"])
    scan, virtual = (code, 0) if sys.platform.startswith("linux") else (0, code)
    key = key_code if key_code is not None else ord(letter)
    text = "" if modifiers & CTRL else letter
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, scan, virtual, 0, text)
    QApplication.sendEvent(widget, event)


def test_ctrl_shortcuts_work_by_key_on_an_arabic_only_layout(qtbot, store, make_window):
    window = make_window(store)
    session = window.session
    session.go_to_unit(2)
    unit = session.current_unit
    session.toggle_theme(1)
    arabic_press(window.reader, "Z", CTRL)  # Ctrl+ئ
    assert session.state_of(unit).themes == ()
    arabic_press(window.reader, "Z", CTRL | SHIFT)  # redo
    assert session.state_of(unit).themes == ("military",)
    arabic_press(window.reader, "F", CTRL)  # Ctrl+ب: find
    assert QApplication.focusWidget() is window.article_panel.search_box


def test_in_a_text_field_ctrl_z_undoes_the_typing_not_a_label(qtbot, store, make_window):
    window = make_window(store)
    session = window.session
    session.toggle_theme(1)
    box = window.article_panel.search_box
    window.article_panel.focus_search()
    type_text(box, "حمص")
    arabic_press(box, "Z", CTRL)
    assert box.text() == ""  # the field's own undo
    assert session.current_state().themes == ("military",)  # the label stays


@pytest.fixture
def arabic(qapp):
    install_translators(qapp, "ar")
    yield
    install_translators(qapp, "en")


def open_menu(window):
    return window.menuBar().activeAction()


def test_arabic_menus_open_with_alt_and_their_letter(qtbot, store, make_window, arabic):
    window = make_window(store, "ar")
    file_menu = window.menu.menus["file"]
    assert QKeySequence.mnemonic(file_menu.title()).toString() == "Alt+م"
    arabic_press(window.reader, "L", ALT, key_code=Qt.Key.Key_L)  # "ara,us": reported as L
    assert open_menu(window) is file_menu.menuAction()
    file_menu.hide()
    window.menuBar().setActiveAction(None)
    QTest.keyClick(window.reader, Qt.Key(ord("م")), ALT)  # Arabic only: Qt's own mnemonic
    assert open_menu(window) is file_menu.menuAction()
    file_menu.hide()


def test_every_arabic_menu_has_distinct_letters_on_the_arabic_layout(
    qtbot, store, make_window, arabic
):
    window = make_window(store, "ar")
    on_keys = ARABIC_KEYS
    titles = [m.title() for m in window.menu.menus.values()]
    groups = [titles] + [
        [a.text() for a in m.actions() if not a.isSeparator()] for m in window.menu.menus.values()
    ]
    for texts in groups:
        letters = [QKeySequence.mnemonic(t).toString() for t in texts]
        assert all(letters), texts
        assert len(set(letters)) == len(letters), letters  # one letter, one item
        for letter in letters:
            assert letter.removeprefix("Alt+") in on_keys, letter
