"""No key is ever trapped: from every control Esc returns to the text, the labelling keys act
on the sentence the reader shows, and the list always highlights the reader's article."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.gui_factories import type_text

pytestmark = pytest.mark.gui


def highlighted(window) -> int | None:
    return window.article_panel.selected_article_id()


def press(key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, text, modifiers)


def test_enter_in_search_opens_the_match_and_returns_to_the_text(qtbot, store, make_window):
    window = make_window(store)
    first, _second, third = window.session.article_ids()
    assert window.session.article_id == first
    window.menu.actions["find"].trigger()
    type_text(window.article_panel.search_box, "رقم 3")
    press(Qt.Key.Key_Return)
    assert window.session.article_id == third
    assert QApplication.focusWidget() is window.reader
    assert highlighted(window) == third
    unit = window.session.current_unit
    for key, text in ((Qt.Key.Key_Space, " "), (Qt.Key.Key_S, "s")):
        press(key, text)
    assert window.session.state_of(unit).status == "done_no_theme"
    assert window.session.index == 2


def test_the_list_highlights_the_readers_article_after_a_search(qtbot, store, make_window):
    window = make_window(store)
    first, _second, third = window.session.article_ids()
    panel = window.article_panel
    panel.search_box.setText("رقم 3")  # the open article (1) is not among the matches
    qtbot.waitUntil(lambda: window.article_model.matching == 1)
    assert highlighted(window) is None  # never another article than the one being read
    panel.search_box.clear()
    qtbot.waitUntil(lambda: window.article_model.matching == 3)
    assert highlighted(window) == first


def test_arrows_in_the_list_open_the_article_they_reach(qtbot, store, make_window):
    window = make_window(store)
    first, second, _third = window.session.article_ids()
    window.article_panel.table.setFocus()
    press(Qt.Key.Key_Down)
    assert window.session.article_id == second
    assert highlighted(window) == second
    assert QApplication.focusWidget() is window.article_panel.table  # still browsing
    press(Qt.Key.Key_Tab)  # Tab leaves the list instead of walking its cells
    assert QApplication.focusWidget() is not window.article_panel.table


def focusable_widgets(window) -> list[QWidget]:
    found = []
    for widget in window.findChildren(QWidget):
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget is not window.reader
        ):
            found.append(widget)
    return found


def test_from_every_control_esc_then_the_labelling_keys_work(qtbot, store, make_window):
    window = make_window(store)
    widgets = focusable_widgets(window)
    names = {w.objectName() for w in widgets}
    assert {"article_search", "article_table", "status_filter", "note"} <= names, names
    for widget in widgets:
        window.session.go_to_unit(2)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        assert QApplication.focusWidget() is widget
        press(Qt.Key.Key_Escape)
        assert QApplication.focusWidget() is window.reader, widget.objectName()
        unit = window.session.current_unit
        press(Qt.Key.Key_1, "1")
        assert window.session.state_of(unit).themes == ("military",), widget.objectName()
        press(Qt.Key.Key_Space, " ")
        press(Qt.Key.Key_Down)
        assert window.session.index == 4, widget.objectName()
        press(Qt.Key.Key_S, "s")
        assert window.session.index == 5
        window.session.undo()
        window.session.undo()
        window.session.undo()


def test_after_clicking_the_list_header_esc_returns_to_the_text(qtbot, store, make_window):
    window = make_window(store)
    header = window.article_panel.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 5))
    press(Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.reader
    assert highlighted(window) == window.session.article_id
    press(Qt.Key.Key_Down)
    assert window.session.index == 1


def test_labelling_keys_from_the_list_act_on_the_readers_sentence(qtbot, store, make_window):
    window = make_window(store)
    window.session.go_to_unit(2)
    unit = window.session.current_unit
    window.article_panel.table.setFocus()
    press(Qt.Key.Key_2, "2")
    assert window.session.state_of(unit).themes == ("economic",)
    press(Qt.Key.Key_S, "s")
    assert window.session.state_of(unit).status == "skipped"
    assert window.session.index == 3
    assert highlighted(window) == window.session.article_id
