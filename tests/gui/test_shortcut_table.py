"""Every key in the shortcut table, pressed in a real window, does what the table says.

The table (gui/shortcuts.py) builds the key map, the menus and the help; this test walks it
and fails for any entry it has no check for, so a shortcut cannot be added untested.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from annotator.app.commands import Command
from annotator.gui.settings import DEFAULT_FONT_SIZE
from annotator.gui.shortcuts import DIGITS, SHORTCUTS, Shortcut
from annotator.storage.rows import UnitState
from tests.gui.gui_factories import type_text

pytestmark = pytest.mark.gui


def press(window, key_name: str) -> None:
    """Press a key as the table names it (a QKeySequence name, or a letter of any script)."""
    target = QApplication.focusWidget() or window.reader
    if len(key_name) == 1 and not key_name.isascii():
        type_text(target, key_name)
        return
    combination = QKeySequence(key_name)[0]
    key, modifiers = combination.key(), combination.keyboardModifiers()
    if len(key_name) == 1:  # a letter or digit: the text a US layout gives
        QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, key_name.lower(), modifiers)
    else:
        QTest.keyClick(target, key, modifiers)


def state(window) -> UnitState:
    return window.session.current_state()


def at(window, index: int) -> None:
    window.session.go_to_unit(index)
    window.focus_reader()


# -- what each command and action must do: (prepare, check after the key) ----------------


def check_command(window, command: Command, key: str) -> None:
    session = window.session
    session.open_article(session.article_ids()[1])  # a neighbour on each side
    at(window, 2)
    before_article = session.article_id
    if command is Command.TOGGLE_THEME:
        press(window, "1")
        assert state(window).themes == ("military",)
    elif command is Command.DONE_NO_THEME:
        session.toggle_theme(2)
        press(window, key)
        assert state(window) == UnitState((), "done_no_theme")
    elif command is Command.CONFIRM_AND_NEXT:
        unit = session.current_unit
        press(window, key)
        assert session.state_of(unit).status == "done_no_theme" and session.index == 3
    elif command is Command.SKIP:
        unit = session.current_unit
        press(window, key)
        assert session.state_of(unit).status == "skipped" and session.index == 3
    elif command in (Command.ACCEPT_OR_NEXT_UNFINISHED, Command.MOST_UNCERTAIN):
        check_suggestion_key(window, command, key)
    else:
        check_move(window, command, key, before_article)


def check_suggestion_key(window, command: Command, key: str) -> None:
    """Enter accepts the shown suggestion (else: next not done); U goes to the least sure."""
    session, store = window.session, window.store
    units = session.units
    store.suggestions.write(
        [
            (units[2].id, 1, ["economic"], {"military": 0.1, "economic": 0.8}),
            (units[4].id, 1, [], {"military": 0.45, "economic": 0.2}),  # the least sure
            (units[5].id, 1, ["military"], {"military": 0.9, "economic": 0.1}),
        ]
    )
    session.suggestions.refresh()
    unit = session.current_unit
    press(window, key)
    if command is Command.MOST_UNCERTAIN:
        assert session.index == 4, key
        return
    assert session.state_of(unit) == UnitState(("economic",), "done_with_themes"), key
    assert store.events.list(unit.id)[-1].action == "accept" and session.index == 3
    press(window, key)  # unit 3 has no suggestion: the next sentence not done
    assert session.index == 4 and session.state_of(units[3]).status == "not_seen"


def check_move(window, command: Command, key: str, before_article: int) -> None:
    session = window.session
    if command is Command.PREVIOUS_UNFINISHED:
        session.mark_done_no_theme()  # unit 2 done: the previous one not done is unit 1
    press(window, key)
    expected_index = {
        Command.NEXT_UNIT: 3,
        Command.PREVIOUS_UNIT: 1,
        Command.NEXT_UNFINISHED: 3,
        Command.PREVIOUS_UNFINISHED: 1,
        Command.FIRST_UNIT: 0,
        Command.LAST_UNIT: len(session.units) - 1,
    }
    if command in expected_index:
        assert session.index == expected_index[command], (command, key)
        return
    step = 1 if command is Command.NEXT_ARTICLE else -1
    ids = session.article_ids()
    assert session.article_id == ids[ids.index(before_article) + step], (command, key)


def check_action(window, qtbot, action: str, key: str, opened: list) -> None:
    session = window.session
    at(window, 1)
    if action in ("undo", "redo"):
        before = state(window)
        changed = session.toggle_theme(1).after
        if action == "redo":
            session.undo()
        press(window, key)
        assert state(window) == (before if action == "undo" else changed)
    elif action == "find":
        press(window, key)
        assert QApplication.focusWidget() is window.article_panel.search_box
    elif action == "edit_note":
        press(window, key)
        assert QApplication.focusWidget() is window.theme_panel.note, key
    elif action == "back_to_text":
        window.article_panel.focus_search()
        press(window, key)
        assert QApplication.focusWidget() is window.reader
    elif action.startswith("font_"):
        window.set_font_size(14)
        press(window, key)
        expected = {"font_bigger": 15, "font_smaller": 13, "font_reset": DEFAULT_FONT_SIZE}[action]
        assert window.settings.font_size == expected
    elif action == "toggle_guidelines":
        press(window, key)
        assert window.guidelines_dock.isVisible()
        assert QApplication.focusWidget() is window.reader  # the keys stay with the text
        press(window, key)
        assert not window.guidelines_dock.isVisible()
    elif action in ("next_hit", "previous_hit"):
        window.article_panel.search_box.setText("الاعمار")  # in every test article
        window.article_panel.search_box.returnPressed.emit()
        at(window, 1)
        before = session.article_id
        press(window, key)
        hit = window.reader.hits.current
        assert hit is not None and session.index == hit.unit, key
        unit_text = session.current_unit.text[hit.start : hit.end]
        assert unit_text.endswith("الإعمار"), (key, unit_text)
        if action == "next_hit":  # later in this article
            assert session.article_id == before and hit.unit > 1, key
        else:  # none earlier here: the last hit of the last article found
            assert session.article_id == session.article_ids()[-1] != before, key
    elif action in ("next_pane", "previous_pane"):
        press(window, key)  # from the text: the theme panel, or the article list
        expected = "theme_military" if action == "next_pane" else "article_table"
        assert QApplication.focusWidget().objectName() == expected, key
    elif action == "quit":
        press(window, key)
        assert not window.isVisible()
    else:
        press(window, key)
        assert opened and opened[-1] == action, (action, key, opened)


DIALOG_ACTIONS = {
    "open_project": (QFileDialog, "getOpenFileName"),
    "new_project": (QFileDialog, "getSaveFileName"),
    "import_files": (QFileDialog, "getOpenFileNames"),
}


@pytest.fixture
def opened(monkeypatch):
    """Dialogs a key opened (recorded, never shown)."""
    seen: list[str] = []
    for action, (owner, name) in DIALOG_ACTIONS.items():
        result = ([], "") if name == "getOpenFileNames" else ("", "")
        monkeypatch.setattr(
            owner, name, lambda *a, _n=action, _r=result, **k: seen.append(_n) or _r
        )

    def dialog_exec(dialog):
        kind = type(dialog).__name__
        seen.append({"ShortcutsDialog": "shortcuts", "ExportDialog": "export_dataset"}[kind])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    return seen


def keys_to_press(shortcut: Shortcut) -> list[str]:
    keys = ["1", "2", "3"] if shortcut.keys == (DIGITS,) else list(shortcut.keys)
    return keys + list(shortcut.letters)


@pytest.mark.parametrize(
    "shortcut", [s for s in SHORTCUTS if s.keys], ids=lambda s: s.command or s.action
)
def test_every_listed_key_does_what_the_table_says(qtbot, store, make_window, opened, shortcut):
    assert shortcut.command or shortcut.action, "a shortcut with keys must name what they do"
    for key in keys_to_press(shortcut):
        window = make_window(store)
        if shortcut.command is Command.TOGGLE_THEME:
            at(window, 2)
            before = set(state(window).themes)
            press(window, key)
            toggled = window.session.theme_for_shortcut(int(key)).key
            assert set(state(window).themes) == before ^ {toggled}
        elif shortcut.command is not None:
            check_command(window, shortcut.command, key)
        else:
            check_action(window, qtbot, shortcut.action, key, opened)
        window.close()


def test_the_menus_show_the_tables_keys(store, make_window):
    window = make_window(store)
    for shortcut in SHORTCUTS:
        if shortcut.action:
            action = window.menu.actions[shortcut.action]
            shown = [s.toString() for s in action.shortcuts()]
            assert shown == [QKeySequence(k).toString() for k in shortcut.keys]


def test_the_help_lists_every_entry_of_the_table(qtbot):
    from PySide6.QtWidgets import QTableWidget

    from annotator.gui.help import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcuts")
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert ("Ctrl+Z", "Undo the last change (goes back to its article)") in rows
    assert ("S   س", "Skip for now, then next sentence") in rows
    assert len({action for _keys, action in rows}) == len(SHORTCUTS)  # one row each, no twins


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_help_row_is_cut_off(qtbot, qapp, language):
    """A long action (Enter's, with suggestions) wraps onto more lines instead of an ellipsis."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QTableWidget

    from annotator.gui.help import ShortcutsDialog
    from annotator.gui.i18n import install_translators

    install_translators(qapp, language)
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.resize(720, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget, "shortcuts")
    metrics = table.fontMetrics()
    flags = Qt.TextFlag.TextWordWrap
    for row in range(table.rowCount()):
        item = table.item(row, 1)
        cell = table.visualItemRect(item)
        room = QRect(0, 0, cell.width() - 20, 10_000)  # the item's 10 px padding on each side
        needed = metrics.boundingRect(room, int(flags), item.text()).height()
        assert cell.height() >= needed, (item.text(), cell.height(), needed)
