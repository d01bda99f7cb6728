"""The interface in Arabic: every visible string translated, right to left, never reshaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from annotator.app.importer import Failure, ImportReport
from annotator.gui.article_model import Column
from annotator.gui.errors import CrashReporter, storage_error_box
from annotator.gui.help import ShortcutsDialog
from annotator.gui.i18n import install_translators, translations_dir
from annotator.gui.import_worker import ImportReportBox
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.gui.shortcuts import help_rows
from annotator.gui.theme_editor import ThemeEditor
from annotator.storage import errors as storage_errors
from annotator.storage.store import Store
from tests.gui.gui_factories import numbered_articles

pytestmark = pytest.mark.gui
ARABIC_NAME = "سلمى"
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ISOLATED = re.compile("\u2066[^\u2069]*\u2069")
# Words that stay as they are in an Arabic interface: key names as printed on keyboards,
# the product's name, each language's own name, font and licence names, file suffixes.
KEY_NAMES = {"Ctrl", "Shift", "Tab", "Enter", "Home", "End", "PgDn", "PgUp", "Esc"}
FONT_NAMES = {"Noto", "Naskh", "Arabic", "SIL", "Open", "Font", "License"}
ALLOWED_WORDS = KEY_NAMES | FONT_NAMES | {"Annotator", "annotator", "English", "project"}


def english_sources() -> set[str]:
    tree = ET.parse(translations_dir() / "annotator_ar.ts")
    return {m.findtext("source").replace("&", "") for m in tree.getroot().iter("message")}


@pytest.fixture
def arabic(qapp):
    assert install_translators(qapp, "ar") == ["annotator_ar", "qtbase_ar"]
    yield
    install_translators(qapp, "en")


@pytest.fixture
def arabic_window(qtbot, tmp_path, arabic):
    store = Store(tmp_path / "project.annotator")
    store.articles.add(numbered_articles(3))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, store.path, ARABIC_NAME, settings, "ar")
    qtbot.addWidget(window)
    window.show()
    window.session.toggle_theme(1)
    window.session.next_unit()
    yield window
    window.close()
    store.close()


def widget_texts(root: QWidget):
    """(where, text) for every string a person can read on a widget and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        yield f"{type(widget).__name__} tooltip", widget.toolTip()
        if widget.isWindow():
            yield "window title", widget.windowTitle()
    for label in root.findChildren(QLabel):
        yield "label", label.text()
    for button in root.findChildren(QAbstractButton):
        yield "button", button.text()
    for box in root.findChildren(QGroupBox):
        yield "group", box.title()
    for edit in root.findChildren(QLineEdit):
        yield "placeholder", edit.placeholderText()
    for combo in root.findChildren(QComboBox):
        yield from (("combo item", combo.itemText(i)) for i in range(combo.count()))
    for spin in root.findChildren(QSpinBox):
        yield "spin box", spin.specialValueText()
    for menu in root.findChildren(QMenu):
        yield "menu", menu.title()
    for action in root.findChildren(QAction):
        if action.parent() is not root.findChild(QMenu, "recent_projects_menu"):
            yield "action", action.text()
    for table in root.findChildren(QTableWidget):
        for column in range(table.columnCount()):
            yield "header", table.horizontalHeaderItem(column).text()
        for row in range(table.rowCount()):
            yield from (("cell", table.item(row, c).text()) for c in range(table.columnCount()))


def assert_arabic(texts, sources: set[str]) -> None:
    problems = []
    for where, text in texts:
        if not text:
            continue
        stripped = text.replace("&", "").replace("\u2066", "").replace("\u2069", "")
        if stripped in sources:
            problems.append((where, text, "still the English source"))
        words = ISOLATED.sub("", text)  # paths, file names and keys are isolated data
        unknown = set(LATIN_WORD.findall(words)) - ALLOWED_WORDS
        if unknown:
            problems.append((where, text, f"English words {sorted(unknown)}"))
        if PRESENTATION_FORMS.search(text):
            problems.append((where, text, "Arabic presentation forms"))
    assert not problems, "\n".join(map(str, problems))


def test_main_window_is_arabic_and_right_to_left(arabic_window):
    window = arabic_window
    assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.reader.layoutDirection() == Qt.LayoutDirection.RightToLeft
    texts = list(widget_texts(window))
    model = window.article_model
    for column in range(model.columnCount()):
        texts.append(("column header", model.headerData(column, Qt.Orientation.Horizontal)))
        if column != Column.SOURCE:  # the source's tooltip is its file name
            tooltip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
            texts.append(("cell tooltip", tooltip))
    texts.append(("status", window.statusBar().currentMessage()))
    assert len(texts) > 60
    assert_arabic([(w, t) for w, t in texts if isinstance(t, str)], english_sources())
    assert window.menu.menus["file"].title() == "&ملف"
    assert window.menu.actions["undo"].text() == "&تراجع"


def test_help_dialog_is_arabic(qtbot, arabic):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert_arabic(widget_texts(dialog), english_sources())
    assert any(keys == "Ctrl+Z" for keys, _ in help_rows())  # keys stay as printed
    assert dialog.findChild(QAbstractButton).text() == "أغلق"  # Qt's own catalogue


def test_theme_editor_is_arabic(qtbot, arabic_window):
    editor = ThemeEditor(arabic_window.store, "ar", arabic_window)
    qtbot.addWidget(editor)
    editor.list.setCurrentRow(0)
    texts = [(w, t) for w, t in widget_texts(editor) if w != "placeholder"]
    english_fields = {editor.form.name_en, editor.form.definition_en}
    texts = [(w, t) for w, t in texts if t not in {f.property("plainText") for f in english_fields}]
    assert_arabic([(w, t) for w, t in texts if "Military" not in t], english_sources())


@pytest.mark.parametrize(
    "error",
    [
        storage_errors.DatabaseLocked("x"),
        storage_errors.DatabaseReadOnly("x"),
        storage_errors.DatabaseCorrupt("x"),
        storage_errors.DiskFull("x"),
        storage_errors.DatabaseTooNew("x"),
        storage_errors.NotAProject("x"),
    ],
)
def test_storage_messages_are_arabic(qtbot, arabic, error):
    box = storage_error_box(None, error)
    qtbot.addWidget(box)
    assert box.informativeText()
    texts = [("text", box.text()), ("advice", box.informativeText())]
    texts += [("button", b.text()) for b in box.buttons()]
    assert_arabic(texts, english_sources())


def test_import_report_and_crash_box_are_arabic(qtbot, arabic, monkeypatch):
    report = ImportReport(files=4, articles=2, units=30, duplicates=1, cancelled=True)
    report.failures = [Failure("/data/a.bin", "binary data (NUL bytes), not a text file")]
    box = ImportReportBox(None, report)
    qtbot.addWidget(box)
    assert "تعذّر استيراد ملف واحد" in box.informativeText()
    assert_arabic(
        [("text", box.text()), ("informative", box.informativeText().replace("a.bin", ""))],
        english_sources(),
    )
    shown = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda b: shown.append((b.text(), b.informativeText()))
    )
    CrashReporter()._show("Traceback ...")
    text, advice = shown[0]
    assert_arabic([("crash", text), ("crash advice", advice.split("\u2066")[0])], english_sources())


def test_language_switch_takes_effect_at_once_and_is_remembered(
    qtbot, store, make_window, settings
):
    window = make_window(store, "en")
    assert window.menu.menus["edit"].title() == "&Edit"
    window.menu.actions["language_ar"].trigger()
    assert settings.language == "ar"
    assert window.menu.menus["edit"].title() == "&تحرير"
    assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.article_model.headerData(0, Qt.Orientation.Horizontal) == "العنوان"
    assert window.theme_panel.group.title() == "موضوعات هذه الجملة"
    assert "لغة الواجهة" in window.statusBar().currentMessage()
    window.menu.actions["language_en"].trigger()
    assert settings.language == "en"
    assert window.menu.menus["edit"].title() == "&Edit"
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_default_language_follows_the_system(settings, monkeypatch):
    from annotator.gui import settings as settings_module

    monkeypatch.setattr(settings_module, "system_language", lambda: "ar")
    assert settings.language == "ar"
    settings.language = "en"
    assert settings.language == "en"


def test_arabic_plural_forms(qapp, arabic):
    box = ImportReportBox(None, ImportReport())
    forms = {n: box.tr("%n file(s)", "", n) for n in (1, 2, 3, 11, 100)}
    assert forms == {1: "ملف واحد", 2: "ملفين", 3: "3 ملفات", 11: "11 ملفًا", 100: "100 ملف"}


def test_english_plural_forms(qapp):
    box = ImportReportBox(None, ImportReport(files=1, articles=2, units=1))
    assert box.text() == "Imported 2 articles (1 sentence) from 1 file."
