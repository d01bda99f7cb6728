"""Smaller items: the chart's "No theme" bar cannot be taken for a split in the legend, the
theme editor's definition boxes leave Tab to focus and keep Arabic right-aligned, the theme
panel's header never pushes the buttons down, and exports go to a folder people find."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from annotator.core.export.stats import SplitFigures
from annotator.core.scheme import load_default_scheme
from annotator.gui import qt_chart
from annotator.gui.i18n import install_translators
from tests.gui.gui_factories import type_text

pytestmark = pytest.mark.gui


def split(name: str, target: float, military: int, no_theme: int) -> SplitFigures:
    themes = {"military": military, "economic": 0, "reconstruction": 0}
    return SplitFigures(name, target, 3, 50, target, themes, {}, {"done_no_theme": no_theme})


def colours_in(image: QImage, left: int, top: int, width: int, height: int) -> set[int]:
    return {image.pixel(x, y) for x in range(left, left + width) for y in range(top, top + height)}


def test_the_no_theme_bar_is_never_a_legend_grey(qapp, tmp_path):
    themes = load_default_scheme()
    figures = [split("train", 0.8, 158, 158), split("dev", 0.1, 20, 153), split("test", 0.1, 9, 9)]
    path = tmp_path / "chart.png"
    qt_chart.draw_theme_chart_qt(path, themes, figures)
    image = QImage(str(path))
    rows = len(themes) + 1
    legend_top = qt_chart.TOP + qt_chart.ROW_HEIGHT * rows + 12
    swatches = [
        colours_in(image, qt_chart.LABEL_WIDTH + 180 * n + 3, legend_top + 7, 8, 8)
        for n in range(len(figures))
    ]
    assert all(len(s) == 1 for s in swatches)  # each split: one solid shade
    bar_top = qt_chart.TOP + (rows - 1) * qt_chart.ROW_HEIGHT + 20
    bar = colours_in(image, qt_chart.LABEL_WIDTH + 4, bar_top, 40, 20)
    assert len(bar) > 1  # hatched, not solid
    for swatch in swatches:
        assert not swatch & bar, "a legend shade appears in the No theme bar"


def test_definition_boxes_leave_tab_and_keep_arabic_right_aligned(qtbot, store):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from annotator.gui.theme_editor import ThemeEditor

    editor = ThemeEditor(store, "en")
    qtbot.addWidget(editor)
    editor.show()
    box = editor.form.definition_ar
    box.setFocus()
    box.setPlainText("")
    type_text(box, "تعريف أول")
    QTest.keyClick(box, Qt.Key.Key_Return)
    type_text(box, "ثم سطر")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert "\t" not in box.toPlainText()
    assert not box.hasFocus()  # Tab moved on
    right_edge = box.viewport().width() - box.document().documentMargin()
    block = box.document().firstBlock()
    while block.isValid():  # each line starts at the right edge, as Arabic does
        cursor = QTextCursor(block)
        assert box.cursorRect(cursor).x() == pytest.approx(right_edge, abs=4), block.text()
        block = block.next()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_panel_header_never_moves_the_theme_buttons(qtbot, store, make_window, qapp, language):
    install_translators(qapp, language)
    window = make_window(store, language)
    panel = window.theme_panel
    window.splitter.setSizes([400, 400, panel.minimumSizeHint().width()])
    session = window.session
    session.go_to_unit(2)
    qapp.processEvents()
    top = panel.buttons[0].mapTo(panel, panel.buttons[0].rect().topLeft()).y()
    session.toggle_theme(1)
    session.skip()  # the longest status: "skipped, themes kept but not counted"
    session.go_to_unit(2)
    qapp.processEvents()
    assert panel.buttons[0].mapTo(panel, panel.buttons[0].rect().topLeft()).y() == top
    install_translators(qapp, "en")


def test_the_default_projects_exports_go_to_documents(qtbot, tmp_path, monkeypatch):
    from annotator.app.paths import data_dir
    from annotator.gui.export_dialog import ExportDialog

    hidden = data_dir() / "default.annotator"
    dialog = ExportDialog(hidden, [])
    qtbot.addWidget(dialog)
    chosen = dialog.out_edit.text()
    assert str(data_dir()) not in chosen and chosen.endswith("default-dataset.jsonl")
    mine = tmp_path / "work" / "news.annotator"
    other = ExportDialog(mine, [])
    qtbot.addWidget(other)
    assert other.out_edit.text() == str(mine.parent / "news-dataset.jsonl")
