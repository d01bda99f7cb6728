"""The Export dialog: same options as the CLI, a worker thread, progress, cancel, clear errors."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QAction

import annotator.core.export.runner as runner
import annotator.storage.export_queries as export_queries
from annotator.core.export import ExportCancelled, ExportResult
from annotator.gui.export_dialog import ExportDialog
from tests.core.test_export_support import build_project, unit_count

pytestmark = pytest.mark.gui
ANNOTATORS = ["سارة", "omar", "ليلى"]


@pytest.fixture
def dialog(qtbot, tmp_path):
    project = build_project(tmp_path / "project.annotator")
    shown = ExportDialog(project.path, ANNOTATORS)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def written(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if not p.name.startswith("project."))


def run_export(qtbot, dialog) -> object:
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as finished:
        dialog.export_button.click()
    return finished.args[0]


def test_export_runs_on_a_worker_and_reports_progress(qtbot, dialog, tmp_path):
    threads, set_value = [], dialog.progress_bar.setValue

    def recording_set_value(value: int) -> None:
        threads.append(threading.get_ident())
        set_value(value)

    dialog.progress_bar.setValue = recording_set_value  # what the dialog calls on progress
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("parquet"))
    assert dialog.out_edit.text().endswith("project-dataset.parquet")  # suffix follows format
    result = run_export(qtbot, dialog)
    assert isinstance(result, ExportResult)
    assert result.records == unit_count()
    assert (tmp_path / "project-dataset.parquet").exists()
    # Progress reached the dialog on the GUI thread: the worker never touches a widget.
    assert threads and set(threads) == {threading.main_thread().ident}
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert f"Exported {unit_count()} records" in dialog.status.text()
    assert dialog.export_button.isEnabled()  # ready for another export


def test_split_and_one_annotator(qtbot, dialog, tmp_path):
    dialog.split_check.setChecked(True)
    assert dialog.out_edit.text().endswith("project-dataset")  # a folder now
    dialog.split_edit.setText("train=0.5,dev=0.25,test=0.25")
    dialog.seed_box.setValue(5)
    dialog.labels_box.setCurrentIndex(dialog.labels_box.findText("Only omar"))
    dialog.only_done.setChecked(True)
    result = run_export(qtbot, dialog)
    assert isinstance(result, ExportResult)
    assert written(tmp_path / "project-dataset") == [
        "README.md", "dev.jsonl", "test.jsonl", "themes.png", "train.jsonl"
    ]  # fmt: skip
    card = (tmp_path / "project-dataset" / "README.md").read_text(encoding="utf-8")
    assert "--annotator omar --only-done --split train=0.5,dev=0.25,test=0.25 --seed 5" in card
    assert "worst theme balance gap" in dialog.status.text()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: (d.split_check.setChecked(True), d.split_edit.setText("train=0.8")),
            "add up to 1",
        ),
        (lambda d: d.out_edit.setText("/sys/annotator/data.jsonl"), "cannot write into"),
        (lambda d: d.out_edit.setText(""), "Choose where to save"),
    ],
)
def test_bad_options_show_why_and_start_nothing(dialog, tmp_path, change, message):
    change(dialog)
    assert dialog.start_export() is False
    assert not dialog.is_running()
    assert message in dialog.status.text()
    assert written(tmp_path) == []


def test_cancel_stops_the_worker_and_leaves_nothing(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "REPORT_EVERY", 1)
    gate, original = threading.Event(), export_queries.ExportSnapshot.iter_articles

    def held_back(self):  # the worker waits here until the test has pressed Cancel
        gate.wait(10)
        yield from original(self)

    monkeypatch.setattr(export_queries.ExportSnapshot, "iter_articles", held_back)
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000) as finished:
        assert dialog.start_export()
        assert dialog.buttons.button(dialog.buttons.StandardButton.Close).text() == "Cancel"
        dialog.reject()  # the Cancel button: stops the export, keeps the dialog open
        gate.set()
    assert isinstance(finished.args[0], ExportCancelled)
    assert dialog.isVisible()
    assert "cancelled" in dialog.status.text()
    assert written(tmp_path) == []


def test_file_menu_opens_the_export_dialog(make_window, store, monkeypatch):
    from annotator.gui import export_dialog

    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window = make_window(store)
    action = next(a for a in window.findChildren(QAction) if a.objectName() == "export_dataset")
    action.trigger()
    assert len(opened) == 1 and opened[0].store_path == window.database
