"""Arabic interface details: key names in the help keep their order, Latin text stays left to
right, Qt's dialogs are in Arabic, one rule for digits, dates a reader understands."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QTableWidget

from annotator.gui.i18n import install_translators

pytestmark = pytest.mark.gui


@pytest.fixture
def arabic(qapp):
    install_translators(qapp, "ar")
    yield
    install_translators(qapp, "en")


def paint_cell(table: QTableWidget, row: int, text: str) -> QImage:
    """The key cell of a row as the help's delegate paints it, with this text."""
    table.item(row, 0).setText(text)
    index = table.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = QRect(0, 0, table.columnWidth(0), table.rowHeight(row))
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    table.itemDelegateForColumn(0).paint(painter, option, index)
    painter.end()
    return image


def ink_columns(image: QImage) -> list[int]:
    return [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).lightness() < 128 for y in range(image.height()))
    ]


@pytest.mark.parametrize(
    ("keys", "last"), [("PgDn   Ctrl+↓", "Ctrl+↓"), ("S   س", "س"), ("1 … 9   ١ … ٩", "١ … ٩")]
)
def test_the_arabic_help_keeps_key_names_in_their_order(qtbot, arabic, keys, last):
    from annotator.gui.help import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcuts")
    table.setColumnWidth(0, 260)
    whole, alone = paint_cell(table, 0, keys), paint_cell(table, 0, last)
    # Both are drawn against the cell's reading-start (right) side: the right end of the
    # whole cell must be the last key, drawn exactly as when it stands alone.
    width = max(ink_columns(alone)) - min(ink_columns(alone)) + 1
    right = max(ink_columns(whole))
    assert right == max(ink_columns(alone))
    for x in range(right - width + 1, right + 1):
        for y in range(whole.height()):
            assert whole.pixelColor(x, y) == alone.pixelColor(x, y), (keys, x, y)


def article_with(title: str, **draft_fields):
    from tests.gui.gui_factories import ARABIC_SENTENCES, make_article

    article = make_article(title, [ARABIC_SENTENCES[:2]])
    for name, value in draft_fields.items():
        setattr(article.draft, name, value)
    return article


@pytest.fixture
def latin_sources(tmp_path):
    from annotator.storage.store import Store

    with Store(tmp_path / "sources.annotator") as store:
        store.articles.add(
            [
                article_with("مقال أول", source="/data/000_567d9f.txt"),
                article_with("مقال ثان", source="/data/567d9f.txt"),
            ]
        )
        yield store


def paint_list_cell(window, row: int, column: int) -> QImage:
    table = window.article_panel.table
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = QRect(0, 0, 180, table.rowHeight(row))
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    table.itemDelegate().paint(painter, option, index)
    painter.end()
    return image


def test_a_latin_source_reads_left_to_right_in_the_arabic_list(
    qtbot, latin_sources, make_window, arabic
):
    from annotator.gui.article_model import Column

    window = make_window(latin_sources, "ar")
    whole, tail = (
        paint_list_cell(window, 0, Column.SOURCE),
        paint_list_cell(window, 1, Column.SOURCE),
    )
    # Right-aligned (the reading start of the Arabic interface), "000_567d9f.txt" must end
    # with "567d9f.txt" exactly as that name alone is drawn; reordered, it ended with "000".
    columns = ink_columns(tail)
    right, width = max(columns), max(columns) - min(columns) + 1
    assert max(ink_columns(whole)) == right
    for x in range(right - width + 1, right + 1):
        for y in range(whole.height()):
            assert whole.pixelColor(x, y) == tail.pixelColor(x, y), (x, y)


def test_a_colour_reads_left_to_right_in_the_arabic_theme_editor(qtbot, store, arabic):
    from annotator.gui.theme_editor import ThemeEditor

    editor = ThemeEditor(store, "ar")
    qtbot.addWidget(editor)
    text = editor.form.color_button.text()
    assert text == "\u2066#c0392b\u2069"  # isolated: "#c0392b", never "c0392b#"


def test_qts_file_dialog_is_arabic_and_its_paths_left_to_right(
    qtbot, store, make_window, arabic, tmp_path
):
    from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel

    window = make_window(store, "ar")
    dialog = QFileDialog(window, "x", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] != "&Look in:" and "ب" in labels["lookInLabel"]
    assert labels["fileTypeLabel"] != "Files of &type:"
    combo = dialog.findChild(QComboBox, "lookInCombo")
    assert combo.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.close()


def test_import_reasons_are_arabic(qtbot, arabic):
    from annotator.app.importer import ImportReport
    from annotator.core.parsing import Failure
    from annotator.gui.import_worker import ImportReportBox

    report = ImportReport(files=2, failures=[Failure("/tmp/fifo.txt", "not a regular file")])
    box = ImportReportBox(None, report)
    qtbot.addWidget(box)
    assert "ليس ملفًا عاديًا" in box.informativeText()
    assert "not a regular file" not in box.informativeText()


@pytest.fixture
def arabic_system_locale():
    """An Arabic system (its locale writes ٠-٩), as on the machines the issue was seen on."""
    before = QLocale()
    QLocale.setDefault(QLocale("ar_SA"))
    yield
    QLocale.setDefault(before)


ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")


def test_one_rule_for_digits_western_by_default(
    qtbot, store, make_window, arabic, arabic_system_locale
):
    from annotator.gui.export_dialog import ExportDialog

    window = make_window(store, "ar")
    window.session.mark_done_no_theme()
    texts = [label.text() for label in window.status.labels.values()]
    dialog = ExportDialog(store.path, [], window)
    qtbot.addWidget(dialog)
    dialog.progress_bar.setValue(100)
    texts += [dialog.seed_box.text(), dialog.progress_bar.text()]
    texts.append(window.article_panel.count_label.text())
    assert not ARABIC_INDIC & set("".join(texts)), texts
    assert "0" in dialog.seed_box.text() and "100" in dialog.progress_bar.text()

    window.menu.actions["arabic_digits"].trigger()  # View → Arabic-Indic digits
    assert window.settings.digits == "arabic_indic"
    overall = window.status.labels["overall"].text()
    assert ARABIC_INDIC & set(overall) and not set("0123456789") & set(overall), overall
    dialog = ExportDialog(store.path, [], window)
    qtbot.addWidget(dialog)
    assert dialog.seed_box.text().endswith("٠")
    window.menu.actions["arabic_digits"].trigger()
    overall = window.status.labels["overall"].text()
    assert "21" in overall and not ARABIC_INDIC & set(overall), overall


@pytest.mark.parametrize(
    ("language", "shown"), [("en", "12 April 2025, 09:30"), ("ar", "12 أبريل 2025، 09:30")]
)
def test_the_reader_writes_dates_in_the_interface_language(
    qtbot, tmp_path, make_window, qapp, language, shown
):
    from annotator.storage.store import Store

    install_translators(qapp, language)
    with Store(tmp_path / "dated.annotator") as store:
        store.articles.add([article_with("خبر مؤرخ", date="2025-04-12T09:30:00+03:00")])
        window = make_window(store, language)
        text = window.reader.toPlainText()
        assert shown in text and "2025-04-12T09:30" not in text
        window.close()
    install_translators(qapp, "en")
