"""Removing an article in the window: confirmed, then undone with Ctrl+Z and redone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.gui_factories import ANNOTATOR

pytestmark = pytest.mark.gui


def answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press a button of the confirmation as soon as it is shown (it is modal)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        box.button(button).click()

    QTimer.singleShot(0, press)


def label_second_article(qtbot, window) -> int:
    window.session.next_article()
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    window.session.set_note("ملاحظة على الجملة")
    return window.session.article_id


def test_remove_from_the_menu_is_confirmed_and_undone_with_ctrl_z(qtbot, store, make_window):
    window = make_window(store)
    removed = label_second_article(qtbot, window)
    unit = window.session.current_unit
    seen: list[str] = []
    answer_next_question(QMessageBox.StandardButton.Yes, seen)
    window.menu.actions["remove_article"].trigger()
    assert "Remove “مقال رقم 2” from the project?" in seen[0]
    assert "the labels (1) that" in seen[0] and ANNOTATOR in seen[0]
    assert store.articles.get(removed) is None
    assert window.article_model.rowCount() == 2
    assert window.session.article_id == store.articles.ids()[1]  # the next article is open
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    with qtbot.waitActive(window):  # the offscreen platform does not reactivate it by itself
        window.activateWindow()

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == removed and window.article_model.rowCount() == 3
    assert store.labels.state(unit.id, ANNOTATOR).themes == ("military",)
    assert store.notes.get(unit.id, ANNOTATOR) == "ملاحظة على الجملة"
    assert window.article_panel.selected_article_id() == removed

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.labels.state(unit.id, ANNOTATOR).themes == ()  # the label before it is undone too

    qtbot.keyClick(window.reader, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert store.articles.get(removed) is None and window.article_model.rowCount() == 2


def test_the_list_context_menu_asks_and_cancel_keeps_the_article(qtbot, store, make_window):
    window = make_window(store)
    target = store.articles.ids()[2]
    menu = window.article_panel.row_menu(target)
    remove = next(a for a in menu.actions() if a.text() == "Remove article…")
    seen: list[str] = []
    answer_next_question(QMessageBox.StandardButton.Cancel, seen)
    remove.trigger()
    assert seen and store.articles.get(target) is not None and not window.session.can_undo()
    answer_next_question(QMessageBox.StandardButton.Yes, seen)
    remove.trigger()
    assert "no one has labelled it yet" in seen[-1]
    assert store.articles.get(target) is None and window.article_model.rowCount() == 2


def test_removing_the_last_article_leaves_an_empty_window_that_undo_refills(
    qtbot, store, make_window
):
    window = make_window(store)
    for article_id in store.articles.ids():
        window.session.remove_article(article_id)
    assert window.session.article is None and window.article_model.rowCount() == 0
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article is not None and window.article_model.rowCount() == 1
