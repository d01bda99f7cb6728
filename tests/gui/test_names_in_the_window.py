"""The window's name dialog checks names as the store does; report lines show file names
escaped, so a name holding a line break cannot add a line."""

from __future__ import annotations

import pytest

from annotator.app.importer import ImportReport
from annotator.core.parsing import Failure
from annotator.gui import app as app_module
from annotator.gui.import_worker import ImportReportBox

pytestmark = pytest.mark.gui


def test_the_name_dialog_explains_a_bad_name_and_asks_again(qapp, settings, monkeypatch):
    answers = iter([("x" * 100_000, True), ("أ\nب", True), ("", True), ("  سلمى ", True)])
    asked, warned = [], []

    def fake_get_text(parent, title, label, echo, text):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(app_module.QInputDialog, "getText", fake_get_text)
    monkeypatch.setattr(app_module.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    monkeypatch.setattr(app_module, "default_user", lambda: "login-name")
    assert app_module.ask_annotator(settings, None) == "سلمى"
    assert warned == [
        "A name can have at most 64 characters.",
        "A name cannot hold line breaks, tabs, control characters or direction marks.",
        "Please type your name.",
    ]
    assert asked[1] == "x" * 64  # what was typed, cut to the limit, to be corrected
    assert settings.annotator == "سلمى"


def test_a_remembered_name_that_is_not_sane_is_asked_again(qapp, settings, monkeypatch):
    settings.annotator = "y" * 200  # kept by a version that did not check names
    monkeypatch.setattr(app_module.QInputDialog, "getText", lambda *a: ("Mona", True))
    monkeypatch.setattr(app_module.QMessageBox, "warning", lambda *a: None)
    assert app_module.ask_annotator(settings, None) == "Mona"


def test_the_import_report_escapes_a_line_break_in_a_file_name(qapp):
    report = ImportReport(
        files=2, failures=[Failure("/in/evil\n• good.txt: fine.txt", "empty file")]
    )
    box = ImportReportBox(None, report)
    lines = box.informativeText().splitlines()
    assert len(lines) == 2 and "evil\\n• good.txt" in lines[1]
    box.deleteLater()
