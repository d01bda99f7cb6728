"""Skip is honest: S on a sentence with themes keeps them (on screen, in the store and in the
export's `annotations`), shows ↷ beside them, and the sentence no longer counts as done, so
it gives no labels and votes in no resolution until it is done again."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.export import ExportOptions, export_dataset
from annotator.storage.export_queries import ExportSnapshot
from annotator.storage.rows import UnitState
from tests.gui.gui_factories import ANNOTATOR

pytestmark = pytest.mark.gui

SKIPPED, DONE = "↷", "✓"
CHIP = "\ufffc"  # each theme chip is one inline object in the reader's text


def marks(window, index: int) -> str:
    span = window.reader.page.spans[index]
    return window.reader.toPlainText()[span.end : span.marks_end]


def key(window, code: Qt.Key, text: str) -> None:
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, window.reader, code, text, Qt.KeyboardModifier.NoModifier
    )


def record(store, article_id: int, index: int, **options) -> dict:
    out = store.path.with_name("out.jsonl")
    with ExportSnapshot(store.path) as snapshot:
        export_dataset(snapshot, ExportOptions(format="jsonl", out=out, **options))
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if (row["article_id"], row["sentence_index"]) == (article_id, index):
            return row
    raise AssertionError("no such record")


def test_skip_keeps_the_themes_shows_skipped_and_the_export_agrees(qtbot, store, make_window):
    window = make_window(store)
    session, article = window.session, window.session.article_id
    session.go_to_unit(2)
    unit = session.current_unit
    key(window, Qt.Key.Key_1, "1")
    assert marks(window, 2).strip() == CHIP
    done_before, _ = session.progress()

    key(window, Qt.Key.Key_S, "s")
    assert store.labels.state(unit.id, ANNOTATOR) == UnitState(("military",), "skipped")
    shown = marks(window, 2)
    assert SKIPPED in shown and CHIP in shown  # what is stored: skipped, themes kept
    assert session.progress()[0] == done_before - 1
    session.go_to_unit(2)
    assert [b.isChecked() for b in window.theme_panel.buttons] == [True, False, False]
    assert "not counted" in window.theme_panel.unit_label.text()

    for options in ({}, {"annotator": ANNOTATOR}, {"resolve": "any"}):
        row = record(store, article, 2, **options)
        assert row["labels"] == [] and row["status"] == "skipped", options
        assert row["annotations"] == {ANNOTATOR: ["military"]}
        assert row["annotator_status"] == {ANNOTATOR: "skipped"}

    key(window, Qt.Key.Key_Space, " ")  # done as it is: the kept themes count again
    assert store.labels.state(unit.id, ANNOTATOR) == UnitState(("military",), "done_with_themes")
    assert SKIPPED not in marks(window, 2) and DONE not in marks(window, 2)
    assert record(store, article, 2)["labels"] == ["military"]


def test_skip_without_themes_shows_only_the_skip_mark(qtbot, store, make_window):
    window = make_window(store)
    window.session.go_to_unit(3)
    key(window, Qt.Key.Key_S, "s")
    assert marks(window, 3).strip() == SKIPPED
