"""Notes are visible: a key reaches the note field, the reader marks sentences that have one,
View → Notes lists them, and `show --json` and every export format carry them."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.export import ExportOptions, export_dataset
from annotator.main import main
from annotator.storage.export_queries import ExportSnapshot
from tests.gui.gui_factories import ANNOTATOR, type_text

pytestmark = pytest.mark.gui

NOTE_MARK = "✎"  # the reader's mark of a sentence with a note
NOTE = "راجع الرقم مع المصدر قبل اعتماد الجملة"


def write_note(window, key: Qt.Key, text: str, note: str) -> None:
    """Press the note key in the reader, type the note, press Enter."""
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, window.reader, key, text, Qt.KeyboardModifier.NoModifier
    )
    assert QApplication.focusWidget() is window.theme_panel.note
    type_text(window.theme_panel.note, note)
    QTest.keyClick(window.theme_panel.note, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.reader


def reader_text_of_marks(window, index: int) -> str:
    span = window.reader.page.spans[index]
    return window.reader.toPlainText()[span.end : span.marks_end]


@pytest.mark.parametrize(("key", "text"), [(Qt.Key.Key_N, "n"), (Qt.Key(0x0649), "ى")])
def test_the_note_key_writes_a_note_that_is_saved_and_marked(qtbot, store, make_window, key, text):
    window = make_window(store)
    window.session.go_to_unit(2)
    unit = window.session.current_unit
    assert NOTE_MARK not in reader_text_of_marks(window, 2)
    write_note(window, key, text, NOTE)
    assert store.notes.get(unit.id, ANNOTATOR) == NOTE
    assert NOTE_MARK in reader_text_of_marks(window, 2)
    cursor_rect = window.reader.cursorRect()  # the caret sits at the current unit's start
    assert NOTE in window.reader.tooltip_at(cursor_rect.center())
    window.session.go_to_unit(3)
    assert window.theme_panel.note.text() == ""
    window.session.go_to_unit(2)
    assert window.theme_panel.note.text() == NOTE


def test_the_note_field_is_wide_enough_and_takes_its_own_direction(qtbot, store, make_window):
    window = make_window(store)
    field = window.theme_panel.note
    field.setText(NOTE)
    # Wrapped lines: nothing of an Arabic sentence is clipped, however narrow the panel.
    assert field.horizontalScrollBar().maximum() == 0
    assert field.document().size().height() <= field.viewport().height() + 1
    assert field.layoutDirection() == Qt.LayoutDirection.LeftToRight  # an English interface
    assert field.document().firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft
    start = QTextCursor(field.document().firstBlock())
    right_edge = field.viewport().width() - field.document().documentMargin()
    assert field.cursorRect(start).x() == pytest.approx(right_edge, abs=4)  # starts at the right


def test_view_notes_lists_every_note_filtered_by_annotator(qtbot, store, make_window):
    window = make_window(store)
    first, second, _ = window.session.article_ids()
    units = store.articles.units(second)
    store.notes.set(units[3].id, "omar", "ملاحظة عمر")
    window.session.go_to_unit(1)
    window.session.set_note(NOTE)
    window.menu.actions["notes_list"].trigger()
    view = window.notes_view
    assert view.isVisible()
    assert view.table.rowCount() == 2
    assert [view.table.item(r, 3).text() for r in range(2)] == [NOTE, "ملاحظة عمر"]
    view.annotator_filter.setCurrentIndex(view.annotator_filter.findData("omar"))
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "omar"
    view.table.cellActivated.emit(0, 3)
    assert window.session.article_id == second and window.session.index == 3
    assert first != second


def test_notes_in_show_json_and_every_export_format(qtbot, store, make_window, tmp_path, capsys):
    window = make_window(store)
    window.session.go_to_unit(2)
    write_note(window, Qt.Key.Key_N, "n", NOTE)
    article_id, unit_index = window.session.article_id, 2
    store.notes.set(window.session.current_unit.id, "omar", "موافق")
    expected = {ANNOTATOR: NOTE, "omar": "موافق"}

    assert main(["--db", str(store.path), "show", str(article_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["units"]
    assert shown[unit_index]["notes"] == expected
    assert shown[1]["notes"] == {}

    records = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"data.{fmt}"
        with ExportSnapshot(store.path) as snapshot:
            export_dataset(snapshot, ExportOptions(format=fmt, out=out))
        records[fmt] = out
    lines = [json.loads(line) for line in records["jsonl"].read_text("utf-8").splitlines()]
    noted = [r for r in lines if r["notes"]]
    assert [(r["article_id"], r["sentence_index"], r["notes"]) for r in noted] == [
        (article_id, unit_index, expected)
    ]
    with records["csv"].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [json.loads(r["notes"]) for r in rows if r["notes"] != "{}"] == [expected]
    table = pq.read_table(records["parquet"]).to_pylist()
    notes = [r["notes"] for r in table if any(r["notes"].values())]
    assert notes == [expected]
