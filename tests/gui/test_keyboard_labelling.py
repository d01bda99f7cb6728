"""Keyboard-driven labelling end to end: key press in the window -> committed row in the DB."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.app.commands import Command
from annotator.gui.keyboard import command_for
from annotator.storage.rows import UnitState
from tests.gui.gui_factories import ANNOTATOR, type_text

pytestmark = pytest.mark.gui


def unit_state(store, window, index=None):
    session = window.session
    unit = session.units[session.index if index is None else index]
    return store.labels.state(unit.id, ANNOTATOR)


def test_digit_keys_toggle_themes_in_the_database(qtbot, store, make_window):
    window = make_window(store)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert unit_state(store, window) == UnitState(("military",), "done_with_themes")
    qtbot.keyClicks(window.reader, "3")
    assert unit_state(store, window).themes == ("military", "reconstruction")
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert unit_state(store, window).themes == ("reconstruction",)


def test_arabic_indic_digits_label_too(qtbot, store, make_window):
    window = make_window(store)
    type_text(window.reader, "٢")
    assert unit_state(store, window).themes == ("economic",)
    type_text(window.reader, "٠")
    assert unit_state(store, window) == UnitState((), "done_no_theme")
    type_text(window.reader, "۳")  # extended (Persian) digit three
    assert unit_state(store, window).themes == ("reconstruction",)


def test_zero_clears_and_marks_done(qtbot, store, make_window):
    window = make_window(store)
    qtbot.keyClicks(window.reader, "12")
    qtbot.keyClick(window.reader, Qt.Key.Key_0)
    assert unit_state(store, window) == UnitState((), "done_no_theme")


def test_up_down_move_between_units_and_save_position(qtbot, store, make_window):
    window = make_window(store)
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    qtbot.keyClick(window.reader, Qt.Key.Key_Up)
    assert window.session.index == 1
    assert store.positions.get(ANNOTATOR) == (window.session.article_id, 1)
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert unit_state(store, window, 1).themes == ("economic",)
    assert unit_state(store, window, 0) == UnitState()


def test_down_past_the_end_offers_then_opens_next_article(qtbot, store, make_window):
    window = make_window(store)
    first = window.session.article_id
    qtbot.keyClick(window.reader, Qt.Key.Key_End)
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    assert window.session.article_id == first
    assert "↓" in window.statusBar().currentMessage()
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    assert window.session.article_id == store.articles.ids()[1]


def test_page_keys_change_article_and_tab_finds_undone(qtbot, store, make_window):
    window = make_window(store)
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    assert window.session.article_id == store.articles.ids()[1]
    qtbot.keyClick(window.reader, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == store.articles.ids()[0]
    qtbot.keyClick(window.reader, Qt.Key.Key_0)
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    qtbot.keyClick(window.reader, Qt.Key.Key_0)
    qtbot.keyClick(window.reader, Qt.Key.Key_Home)
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    assert window.session.index == 2
    assert QApplication.focusWidget() is window.reader  # Tab did not move the focus away


def test_space_confirms_and_s_skips(qtbot, store, make_window):
    window = make_window(store)
    qtbot.keyClick(window.reader, Qt.Key.Key_Space)
    assert unit_state(store, window, 0) == UnitState((), "done_no_theme")
    assert window.session.index == 1
    type_text(window.reader, "س")  # the S key on an Arabic layout
    assert unit_state(store, window, 1).status == "skipped"
    assert window.session.index == 2


def test_undo_redo_shortcuts_record_events(qtbot, store, make_window):
    window = make_window(store)
    unit_id = window.session.current_unit.id
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.labels.state(unit_id, ANNOTATOR) == UnitState()
    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert store.labels.state(unit_id, ANNOTATOR).themes == ("military",)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [e.action for e in store.events.list(unit_id)] == ["set", "undo", "redo", "undo", "redo"]


def test_undo_across_articles_goes_back(qtbot, store, make_window):
    window = make_window(store)
    first = window.session.article_id
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    qtbot.keyClick(window.reader, Qt.Key.Key_3)
    labelled = window.session.current_unit.id
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    assert window.session.article_id != first
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (window.session.article_id, window.session.index) == (first, 1)
    assert store.labels.state(labelled, ANNOTATOR) == UnitState()
    assert store.events.list(labelled)[-1].action == "undo"


def test_digits_typed_in_search_box_do_not_label(qtbot, store, make_window):
    window = make_window(store)
    window.article_panel.focus_search()
    qtbot.keyClicks(window.article_panel.search_box, "12")
    assert window.article_panel.search_box.text() == "12"
    assert store.events.list() == []
    qtbot.keyClick(window.article_panel.search_box, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.reader


def test_digits_label_when_the_article_list_has_focus(qtbot, store, make_window):
    window = make_window(store)
    window.article_panel.table.setFocus()
    qtbot.keyClick(window.article_panel.table, Qt.Key.Key_2)
    assert unit_state(store, window).themes == ("economic",)


def test_theme_button_click_and_panel_state(qtbot, store, make_window):
    window = make_window(store)
    button = window.theme_panel.buttons[1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert unit_state(store, window).themes == ("economic",)
    assert button.isChecked() and not window.theme_panel.buttons[0].isChecked()
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert not button.isChecked()


def test_clicking_a_sentence_makes_it_current(qtbot, store, make_window):
    window = make_window(store)
    span = window.reader.page.spans[3]
    cursor = window.reader.textCursor()
    cursor.setPosition((span.start + span.end) // 2)
    point = window.reader.cursorRect(cursor).center()
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.index == 3


def test_note_saved_on_enter(qtbot, store, make_window):
    window = make_window(store)
    note = window.theme_panel.note
    note.setFocus()
    qtbot.keyClicks(note, "needs a second look")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert store.notes.get(window.session.current_unit.id, ANNOTATOR) == "needs a second look"
    assert QApplication.focusWidget() is window.reader


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        (Qt.Key.Key_1, "1", Command.TOGGLE_THEME),
        (0x0661, "١", Command.TOGGLE_THEME),
        (Qt.Key.Key_Exclam, "1", Command.TOGGLE_THEME),  # AZERTY: the digit needs Shift
        (Qt.Key.Key_1, "", Command.TOGGLE_THEME),
        (Qt.Key.Key_0, "0", Command.DONE_NO_THEME),
        (Qt.Key.Key_S, "س", Command.SKIP),
        (Qt.Key.Key_A, "a", None),
    ],
)
def test_key_contract(key, text, expected):
    found = command_for(key, text, Qt.KeyboardModifier.NoModifier)
    assert (found.command if found else None) == expected


def test_control_digits_are_not_labels():
    assert command_for(Qt.Key.Key_1, "1", Qt.KeyboardModifier.ControlModifier) is None
