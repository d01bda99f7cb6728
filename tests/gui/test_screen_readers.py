"""Screen readers (issue 13, item 10): every control has a name and a description in the
interface language, read through Qt's accessibility interface; the theme panel is reached
with Tab from outside the reader and with F6; the current sentence and its themes are
described on the reader and announced when they change."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStatusBar,
    QTextEdit,
    QWidget,
)

from annotator.gui.article_list import ArticleListPanel
from annotator.gui.guidelines_pane import GuidelinesPane
from annotator.gui.i18n import install_translators
from annotator.gui.theme_panel import ThemePanel

pytestmark = pytest.mark.gui

ARABIC = re.compile("[\u0600-\u06ff]")
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit)
PANES = (ThemePanel, ArticleListPanel, GuidelinesPane, QStatusBar)
Text = QAccessible.Text


def said(widget: QWidget, what: QAccessible.Text) -> str:
    """What a screen reader is told, through Qt's accessibility interface."""
    return QAccessible.queryAccessibleInterface(widget).text(what)


def controls(window) -> list[QWidget]:
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll areas, the dock's close button) speak for themselves
        if isinstance(widget, QHeaderView):
            continue
        if isinstance(widget, CONTROLS + PANES + (QLabel,)):
            found.append(widget)
    return found


def check_every_control(window, language: str) -> None:
    seen = controls(window)
    assert {w.objectName() for w in seen} >= {
        "reader", "article_search", "status_filter", "article_order", "article_table", "note",
        "theme_military",
        "done_no_theme", "skip", "edit_guidelines", "guidelines_text",
    }  # fmt: skip
    for widget in seen:
        name, description = said(widget, Text.Name), said(widget, Text.Description)
        label = f"{type(widget).__name__} {widget.objectName()}"
        assert name.strip(), f"{label} has no accessible name"
        assert description.strip(), f"{label} has no accessible description"
        if language == "ar" and not isinstance(widget, QLabel):
            assert ARABIC.search(name), (label, name)  # in the interface language


def shown_window(make_window, store, language: str):
    window = make_window(store, language)
    window.show_guidelines(True)
    return window


def test_every_control_has_a_name_and_a_description_in_english(qtbot, store, make_window):
    window = shown_window(make_window, store, "en")
    check_every_control(window, "en")
    assert said(window.reader, Text.Name) == "Article text"
    assert said(window.theme_panel.buttons[0], Text.Name) == "Military"
    assert said(window.theme_panel.buttons[0], Text.Description).startswith("Key 1. ")
    assert "F6" in said(window.reader, Text.Help)


def test_names_are_arabic_in_arabic_and_follow_a_language_change(qtbot, store, make_window):
    window = shown_window(make_window, store, "en")
    install_translators(QApplication.instance(), "ar")
    try:
        window.set_language("ar")
        qtbot.waitUntil(lambda: window.theme_panel.buttons[0].isVisible())  # new buttons
        check_every_control(window, "ar")
        assert said(window.reader, Text.Name) == "نص المقال"
        assert said(window.article_panel.search_box, Text.Name) == "البحث في المقالات"
        assert said(window.theme_panel.buttons[0], Text.Name) == "عسكري"
    finally:
        install_translators(QApplication.instance(), "en")


def press(key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, text, modifiers)


def focused() -> str:
    return QApplication.focusWidget().objectName()


def test_tab_from_the_search_box_reaches_the_theme_buttons(qtbot, store, make_window):
    window = make_window(store)
    window.session.go_to_unit(2)
    unit = window.session.current_unit
    window.article_panel.focus_search()
    walked = [focused()]
    for _ in range(7):
        press(Qt.Key.Key_Tab)
        walked.append(focused())
    assert walked == [
        "article_search", "status_filter", "article_order", "article_table", "theme_military",
        "theme_economic", "theme_reconstruction", "done_no_theme",
    ]  # fmt: skip
    press(Qt.Key.Key_Backtab, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert focused() == "theme_reconstruction"
    press(Qt.Key.Key_Space, " ")  # Space presses the focused button: the reader's sentence
    assert window.session.state_of(unit).themes == ("reconstruction",)
    assert focused() == "theme_reconstruction"
    press(Qt.Key.Key_1, "1")  # the digits still label from here
    assert window.session.state_of(unit).themes == ("military", "reconstruction")
    press(Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.reader


def test_f6_moves_between_the_panes_and_shift_f6_back(qtbot, store, make_window):
    window = make_window(store)
    walked = []
    for _ in range(4):
        press(Qt.Key.Key_F6)
        walked.append(focused())
    assert walked == ["theme_military", "article_table", "reader", "theme_military"]
    window.show_guidelines(True)
    press(Qt.Key.Key_F6)
    assert focused() == "guidelines_text"
    press(Qt.Key.Key_F6, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert focused() == "theme_military"
    press(Qt.Key.Key_F6, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert focused() == "reader"


@pytest.fixture
def announcements(monkeypatch):
    """Every accessibility event the window hands to Qt: (type, source, message, politeness)."""
    sent = []
    original = QAccessible.updateAccessibility

    def record(event):
        message = event.message() if event.type() == QAccessible.Event.Announcement else ""
        politeness = event.politeness() if message else None
        sent.append((event.type(), event.object(), message, politeness))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return sent


def spoken(sent) -> list[tuple[str, object]]:
    return [(m, p) for kind, _o, m, p in sent if kind == QAccessible.Event.Announcement]


def test_moving_and_labelling_are_announced_and_described(qtbot, store, make_window, announcements):
    window = make_window(store)
    reader, session = window.reader, window.session
    QTest.keyClick(reader, Qt.Key.Key_Down)
    QTest.keyClick(reader, Qt.Key.Key_Down)
    sentence = session.current_unit.text
    description = said(reader, Text.Description)
    assert description == f"Sentence 3 of 7 — not done yet. {sentence}"
    message, politeness = spoken(announcements)[-1]
    assert message == description and politeness == QAccessible.AnnouncementPoliteness.Assertive
    assert all(source is reader for _k, source, m, _p in announcements if m)
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, reader, Qt.Key.Key_3, "3", Qt.KeyboardModifier.NoModifier
    )
    expected = "Sentence 3 of 7 — done. Themes: Reconstruction."
    assert spoken(announcements)[-1] == (expected, QAccessible.AnnouncementPoliteness.Polite)
    assert said(reader, Text.Description) == f"{expected} {sentence}"


def test_announcements_are_in_arabic_in_the_arabic_interface(
    qtbot, store, make_window, announcements
):
    install_translators(QApplication.instance(), "ar")
    try:
        window = make_window(store, "ar")
        QTest.keyClick(window.reader, Qt.Key.Key_Down)
        QTest.keyClick(window.reader, Qt.Key.Key_Down)
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, window.reader, Qt.Key.Key_1, "1", Qt.KeyboardModifier.NoModifier
        )
        message, _politeness = spoken(announcements)[-1]
        assert message == "الجملة 3 من 7 — تم الإنجاز. الموضوعات: عسكري."
    finally:
        install_translators(QApplication.instance(), "en")
