"""Importing from the window: the real importer on a worker thread, with the seed article."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from annotator.storage.store import Store

pytestmark = pytest.mark.gui
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def quiet_reports(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    return shown


def test_import_runs_off_the_ui_thread_and_refreshes(qtbot, tmp_path, make_window, quiet_reports):
    with Store(tmp_path / "empty.annotator") as store:
        window = make_window(store)
        assert window.session.article is None
        window.start_import([str(SEEDS)])
        qtbot.waitUntil(lambda: window.session.article is not None, timeout=20_000)
        assert window.article_model.rowCount() == 1
        assert window.session.units[0].kind == "title"
        assert "Imported 1 article (" in quiet_reports[0]


def test_dropping_a_folder_imports_it(qtbot, store, make_window, quiet_reports):
    window = make_window(store)
    before = window.article_model.rowCount()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SEEDS))])
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)  # Qt delivers drops only after a real drag; call the handler
    qtbot.waitUntil(lambda: window.article_model.rowCount() == before + 1, timeout=20_000)


def test_seed_article_from_the_real_importer_reads_right_to_left(qtbot, tmp_path, make_window):
    from annotator.app.importer import import_paths

    with Store(tmp_path / "seeded.annotator") as store:
        assert import_paths(store, [SEEDS]).articles == 1
        window = make_window(store, "ar")
        text = window.reader.document().toPlainText()
        assert "24 ديسمبر 2025،" in text and "(سانا)" in text
        for unit, span in zip(window.session.units, window.reader.page.spans, strict=True):
            assert text[span.start : span.end] == unit.text


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_the_report_says_which_links_out_of_the_folder_were_left_out(
    qtbot, tmp_path, make_window, monkeypatch
):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), folder / "seed.txt")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    shown = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.informativeText(), box.detailedText()))
    )
    with Store(tmp_path / "empty.annotator") as store:
        window = make_window(store)
        window.start_import([str(folder)])
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    informative, details = shown[0]
    assert "1 item in the folders was left out" in informative and "passwd.txt" in informative
    assert "a link to a file outside the folder (/etc/passwd)" in details
