"""Who is labelling: File → Switch annotator… changes it (and the next start keeps it), the
name is shown in the title and the status bar, a package labels as its own annotator, and
the first-start question says what Cancel and an empty name do."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from annotator.gui import app as app_module
from tests.gui.gui_factories import ANNOTATOR

pytestmark = pytest.mark.gui


def answer_switch(monkeypatch, typed: str, seen: list) -> None:
    """Run the real dialog: look at it, type a name, press OK (if OK can be pressed)."""

    def run(dialog):
        from annotator.gui.annotator_dialog import SwitchAnnotatorDialog

        assert isinstance(dialog, SwitchAnnotatorDialog)
        seen.append([dialog.names.itemText(i) for i in range(dialog.names.count())])
        dialog.names.setCurrentText(typed)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append(dialog.problem.text())
        if not ok.isEnabled():
            return QDialog.DialogCode.Rejected
        ok.click()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", run)


def test_switch_annotator_labels_as_the_new_name(qtbot, store, make_window, monkeypatch):
    store.annotators.ensure("omar")
    window = make_window(store)
    assert ANNOTATOR in window.windowTitle()
    assert ANNOTATOR in window.status.labels["annotator"].text()
    seen: list = []
    answer_switch(monkeypatch, "ليلى", seen)
    window.menu.actions["switch_annotator"].trigger()
    assert ANNOTATOR in seen[0] and "omar" in seen[0]
    assert window.session.annotator == "ليلى" and window.settings.annotator == "ليلى"
    assert "ليلى" in window.windowTitle() and "ليلى" in window.status.labels["annotator"].text()
    window.session.go_to_unit(2)
    window.session.toggle_theme(1)
    unit = window.session.current_unit
    assert store.labels.state(unit.id, "ليلى").themes == ("military",)
    assert store.labels.state(unit.id, ANNOTATOR).themes == ()
    assert window.article_model.listing.annotator == "ليلى"


def test_switch_annotator_refuses_an_empty_name_and_says_why(
    qtbot, store, make_window, monkeypatch
):
    window = make_window(store)
    seen: list = []
    answer_switch(monkeypatch, "   ", seen)
    window.menu.actions["switch_annotator"].trigger()
    assert window.session.annotator == ANNOTATOR
    assert "empty" in seen[1]


def test_a_package_labels_as_its_own_annotator_and_says_so(qtbot, store, make_window, monkeypatch):
    store.project.make_package(store.project.info().id, "huda")
    window = make_window(store)
    assert window.session.annotator == "huda"
    assert "package" in window.statusBar().currentMessage()
    told = []
    monkeypatch.setattr(app_module.QMessageBox, "information", lambda *a: told.append(a[2]))
    window.menu.actions["switch_annotator"].trigger()
    assert window.session.annotator == "huda" and "huda" in told[0]
    # and the start-up question is not asked for a package
    assert app_module.ask_annotator(window.settings, None, bound="huda") == "huda"


def test_the_first_start_question_explains_cancel_and_empty(qapp, settings, monkeypatch):
    labels = []

    def fake_get_text(parent, title, label, echo, text):
        labels.append(label)
        return "", False

    monkeypatch.setattr(app_module.QInputDialog, "getText", fake_get_text)
    assert app_module.ask_annotator(settings, None) is None
    assert "Cancel quits" in labels[0] and "empty" in labels[0]
