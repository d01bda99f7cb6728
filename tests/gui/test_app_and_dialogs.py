"""Start-up pieces, error handling, the theme editor and the help dialog."""

from __future__ import annotations

import argparse
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.app.project import choose_path, open_project
from annotator.app.theme_marks import theme_abbreviations
from annotator.core.scheme import Theme
from annotator.gui import app as app_module
from annotator.gui import errors as errors_module
from annotator.gui.i18n import install_translators
from annotator.gui.theme_editor import ThemeEditor, key_from_name
from annotator.storage.errors import DatabaseCorrupt, DatabaseTooNew

pytestmark = pytest.mark.gui


def test_annotator_from_command_line_is_remembered(qapp, settings):
    assert app_module.ask_annotator(settings, "  Huda ") == "Huda"
    assert settings.annotator == "Huda"
    assert app_module.ask_annotator(settings, None) == "Huda"


def test_annotator_asked_once_prefilled_with_login(qapp, settings, monkeypatch):
    asked = []

    def fake_get_text(parent, title, label, echo, text):
        asked.append(text)
        return "Mona", True

    monkeypatch.setattr(app_module.QInputDialog, "getText", fake_get_text)
    monkeypatch.setattr(app_module, "default_user", lambda: "login-name")
    assert app_module.ask_annotator(settings, None) == "Mona"
    assert asked == ["login-name"]


def test_corrupt_project_gives_a_message_not_a_traceback(qapp, tmp_path, settings, monkeypatch):
    bad = tmp_path / "bad.annotator"
    bad.write_bytes(b"this is not sqlite at all" * 10)
    shown = []
    monkeypatch.setattr(app_module, "show_storage_error", lambda parent, error: shown.append(error))
    monkeypatch.setattr(app_module.QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert app_module.open_first_project(argparse.Namespace(db=str(bad)), settings) is None
    assert isinstance(shown[0], DatabaseCorrupt)


def test_storage_error_texts_are_specific(qapp):
    assert "newer" in errors_module.storage_error_title(DatabaseTooNew("x")).lower()
    assert errors_module.storage_error_advice(DatabaseCorrupt("x"))


def test_default_project_is_created_and_remembered(qapp, tmp_path):
    path, is_default = choose_path(None, None)
    assert is_default and path.name == "default.annotator"
    opened = open_project(path, is_default)
    assert opened.store.path == path
    opened.store.close()
    other = tmp_path / "other.annotator"
    open_project(other, False).store.close()
    assert choose_path(None, other) == (other, False)


def test_crash_reporter_logs_to_file(qapp, monkeypatch):
    monkeypatch.setattr(errors_module.CrashReporter, "_show", lambda self, text: None)
    reporter = errors_module.CrashReporter()
    errors_module.configure_logging()
    try:
        raise RuntimeError("boom for the log")
    except RuntimeError:
        reporter(*sys.exc_info())
    for handler in errors_module.logging.getLogger("annotator").handlers:
        handler.flush()
    assert "boom for the log" in errors_module.log_file().read_text(encoding="utf-8")


def test_theme_editor_adds_renames_and_retires(qtbot, store, make_window):
    window = make_window(store)
    editor = ThemeEditor(store, "en", window)
    qtbot.addWidget(editor)
    editor.themes_changed.connect(window.session.reload_themes)
    editor._new()
    editor.form.name_ar.setText("إنساني")
    editor.form.name_en.setText("Humanitarian")
    editor.form.shortcut.setValue(4)
    editor._save()
    assert store.themes.get("humanitarian").shortcut == 4
    assert [b.theme.key for b in window.theme_panel.buttons][-1] == "humanitarian"
    qtbot.keyClick(window.reader, Qt.Key.Key_4)
    assert window.session.current_state().themes == ("humanitarian",)
    editor.list.setCurrentRow(0)
    editor.form.name_en.setText("Armed forces")
    editor._save()
    assert store.themes.get("military").name_en == "Armed forces"
    assert "Armed forces" in window.theme_panel.buttons[0].text()
    editor._retire()
    assert store.themes.get("military").retired
    assert "military" not in [b.theme.key for b in window.theme_panel.buttons]
    editor._down()
    assert [t.key for t in store.themes.list(include_retired=True)][1] == "military"


def test_theme_editor_reports_a_taken_shortcut(qtbot, store, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    editor = ThemeEditor(store, "en")
    qtbot.addWidget(editor)
    editor.list.setCurrentRow(1)
    editor.form.shortcut.setValue(1)
    editor._save()
    assert warnings and "shortcut 1" in warnings[0]


def test_key_from_name_is_unique_and_valid():
    assert key_from_name("Human Rights!", set()) == "human_rights"
    assert key_from_name("Human Rights", {"human_rights"}) == "human_rights_2"
    assert key_from_name("حقوق", set()) == "theme"
    assert key_from_name("3 rights", set()) == "t_3_rights"


def test_abbreviations_tell_alike_names_apart():
    themes = [
        Theme("military", "عسكري", "Military", "#c0392b", 1),
        Theme("economic", "اقتصادي", "Economic", "#1f78b4", 2),
        Theme("reconstruction", "إعادة الإعمار", "Reconstruction", "#2e8b57", 3),
    ]
    assert theme_abbreviations(themes, "ar") == {
        "military": "ع",
        "economic": "اق",
        "reconstruction": "إع",
    }
    assert theme_abbreviations(themes, "en") == {
        "military": "M",
        "economic": "E",
        "reconstruction": "R",
    }


def test_translators_switch_direction(qapp):
    install_translators(qapp, "ar")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    install_translators(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_window_remembers_geometry_and_language(qtbot, store, make_window, settings):
    window = make_window(store)
    window.resize(1000, 700)
    window.set_language("ar")
    assert settings.language == "ar"
    window.close()
    from annotator.gui.window_geometry import screen_key

    key = screen_key(window.screen())
    assert settings.window_state(f"geometry_{key}") is not None
    assert settings.window_state(f"splitter_{key}") is not None
    install_translators(QApplication.instance(), "en")


def test_application_has_the_bundled_window_icon(qapp):
    from annotator.gui.app import create_application

    app = create_application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes() or app.windowIcon().pixmap(32, 32).width() == 32
