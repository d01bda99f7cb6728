"""What reaches Qt: logical-order text only, right-to-left blocks, marks after punctuation."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.direction import text_direction
from annotator.gui.reader_document import paragraphs_of
from tests.gui.gui_factories import ANNOTATOR

pytestmark = pytest.mark.gui
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def first_sentence_ending_with_a_period(session) -> int:
    return next(
        i for i, u in enumerate(session.units) if u.kind == "sentence" and u.text.endswith(".")
    )


def label_some(window) -> int:
    """Label the title, give two themes to a sentence and mark the next done; returns its index."""
    session = window.session
    session.toggle_theme(1)
    sentence = first_sentence_ending_with_a_period(session)
    session.go_to_unit(sentence)
    session.toggle_theme(2)
    session.toggle_theme(3)
    session.go_to_unit(sentence + 1)
    session.mark_done_no_theme()
    return sentence


def block_texts(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def shown_strings(window):
    """Every string the views were given: reader, list, theme buttons, title, status."""
    yield window.reader.document().toPlainText()
    yield window.windowTitle()
    model = window.article_model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, column).data(role)
                if isinstance(value, str):
                    yield value
    for button in window.theme_panel.buttons:
        yield button.text()
        yield button.toolTip()
    yield window.theme_panel.unit_label.text()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_presentation_forms_anywhere(seeded_store, make_window, language):
    window = make_window(seeded_store, language)
    label_some(window)
    for text in shown_strings(window):
        assert not PRESENTATION_FORMS.search(text), text


def test_units_reach_the_document_exactly_as_stored(seeded_store, make_window):
    window = make_window(seeded_store)
    label_some(window)
    text = window.reader.document().toPlainText()
    for unit, span in zip(window.session.units, window.reader.page.spans, strict=True):
        assert text[span.start : span.end] == unit.text


def test_marks_follow_the_final_punctuation(seeded_store, make_window):
    window = make_window(seeded_store)
    sentence = label_some(window)
    text = window.reader.document().toPlainText()
    span, unit = window.reader.page.spans[sentence], window.session.units[sentence]
    assert text[span.start : span.end] == unit.text and unit.text.endswith(".")
    assert text[span.end] == " " and text[span.end + 1 : span.marks_end].count("\ufffc") == 2


def test_marks_update_in_place_and_positions_follow(seeded_store, make_window):
    window = make_window(seeded_store)
    label_some(window)
    window.session.go_to_unit(1)
    window.session.toggle_theme(1)
    window.session.toggle_theme(1)
    window.session.mark_done_no_theme()
    text = window.reader.document().toPlainText()
    for unit, span in zip(window.session.units, window.reader.page.spans, strict=True):
        assert text[span.start : span.end] == unit.text


def test_arabic_blocks_are_right_to_left_and_english_left_to_right(seeded_store, make_window):
    window = make_window(seeded_store)
    window.session.open_article(seeded_store.articles.ids()[1])  # Arabic with an English paragraph
    directions = {}
    for block in block_texts(window.reader.document()):
        fmt = block.blockFormat()
        directions[block.text()[:20]] = (fmt.layoutDirection(), fmt.alignment())
    english = next(v for k, v in directions.items() if k.startswith("Jannah"))
    arabic = next(v for k, v in directions.items() if k.startswith("التقى"))
    assert english[0] == Qt.LayoutDirection.LeftToRight and english[1] & Qt.AlignmentFlag.AlignLeft
    assert arabic[0] == Qt.LayoutDirection.RightToLeft and arabic[1] & Qt.AlignmentFlag.AlignRight
    assert arabic[1] & Qt.AlignmentFlag.AlignAbsolute


def test_every_arabic_block_of_the_seed_is_rtl(seeded_store, make_window):
    window = make_window(seeded_store)
    for block in block_texts(window.reader.document()):
        if text_direction(block.text()) == Qt.LayoutDirection.RightToLeft and block.text():
            assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
            assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight


def test_sentences_flow_as_paragraphs(seeded_store, make_window):
    window = make_window(seeded_store)
    session = window.session
    groups = paragraphs_of(session.article.text, session.units)
    assert max(len(g) for g in groups) >= 3  # paragraphs, not one block per sentence
    assert len(groups) < len(session.units)
    assert window.reader.document().blockCount() <= len(groups) + 1  # + the meta line


def test_arabic_ui_is_right_to_left(seeded_store, make_window):
    from annotator.gui.i18n import install_translators

    install_translators(QApplication.instance(), "ar")
    try:
        window = make_window(seeded_store, "ar")
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.theme_panel.buttons[0].text().endswith("عسكري")
    finally:
        install_translators(QApplication.instance(), "en")


def test_font_size_changes_and_is_remembered(qtbot, seeded_store, make_window, settings):
    window = make_window(seeded_store)
    size = settings.font_size
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_size == size + 1
    assert window.reader.document().defaultFont().pointSize() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_size == size - 1


def test_current_unit_is_highlighted(seeded_store, make_window):
    window = make_window(seeded_store)
    window.session.go_to_unit(5)
    (selection,) = window.reader.extraSelections()
    span = window.reader.page.spans[5]
    assert (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) == (
        span.start,
        span.end,
    )
    assert seeded_store.positions.get(ANNOTATOR)[1] == 5


def test_english_sentence_in_an_arabic_paragraph_is_embedded_left_to_right(tmp_path, make_window):
    from annotator.gui.reader_document import LEFT_TO_RIGHT_EMBEDDING, POP_DIRECTION
    from annotator.storage.store import Store
    from tests.gui.gui_factories import make_article

    english = "The minister said the talks would resume on Monday."
    arabic = ["قال المتحدث إن المحادثات مستمرة.", "وأضاف أن الوفد سيعود إلى العاصمة؟"]
    with Store(tmp_path / "mixed.annotator") as store:
        store.articles.add([make_article("خبر", [[arabic[0], english, arabic[1]]])])
        window = make_window(store)
        window.session.open_article(store.articles.ids()[0])
        text = window.reader.document().toPlainText()
        spans = window.reader.page.spans
        for unit, span in zip(window.session.units, spans, strict=True):
            assert text[span.start : span.end] == unit.text  # the sentence itself is unchanged
        english_span = spans[2]
        assert text[english_span.start - 1] == LEFT_TO_RIGHT_EMBEDDING
        assert text[english_span.end] == POP_DIRECTION
        assert LEFT_TO_RIGHT_EMBEDDING not in text[: english_span.start - 1]  # Arabic: none
