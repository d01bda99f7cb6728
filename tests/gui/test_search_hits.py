"""Search hits in the reader (issue 13, item 11): the article search's words are highlighted
where they occur, with the search's own spelling rules, and F3 / Shift+F3 go from hit to hit,
on into the next article found."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.search_hits import hit_spans, query_words
from annotator.gui.appearance import LIGHT_READER
from annotator.storage.store import Store
from tests.gui.gui_factories import make_article, type_text

pytestmark = pytest.mark.gui

OTHER = "ناقش المسؤولون آفاق توسيع التعاون التجاري بين البلدين."
ARTICLES = [
    make_article("مقال أول", [[OTHER, "وتشمل هذه الصناعات إنتاج الأسلحة."]]),
    make_article(
        "مقال عن الإعمار",
        [
            ["إعادة الإعمار في سوريا تمثل تحديًا كبيرًا.", OTHER],
            "عنوان فرعي",
            ["وقال الوزير إن والإعمار يحتاج إلى تمويل.", "وتمويل إعمار المدارس ضروري."],
        ],
    ),  # fmt: skip
    make_article("مقال ثالث", [[OTHER, "خطة لإعمار الجسور المدمرة."]]),
    make_article("مقال رابع", [[OTHER]]),
]


@pytest.fixture
def hits_store(tmp_path):
    with Store(tmp_path / "hits.annotator") as opened:
        opened.articles.add(ARTICLES)
        yield opened


def search(window, text: str) -> None:
    window.menu.actions["find"].trigger()
    type_text(window.article_panel.search_box, text)
    QTest.keyClick(window.article_panel.search_box, Qt.Key.Key_Return)


def hit_texts(window) -> list[tuple[str, bool]]:
    """The highlighted hits in the reader: (the text under it, whether it is F3's)."""
    found = []
    for selection in window.reader.extraSelections()[1:]:  # the first: the current sentence
        strong = selection.format.background().color() != LIGHT_READER.hit
        found.append((selection.cursor.selectedText(), strong))
    return found


def press_f3(shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3, modifiers)


def test_the_searchs_words_are_highlighted_with_its_spelling_rules(qtbot, hits_store, make_window):
    window = make_window(hits_store)
    search(window, "الاعمار")
    assert window.session.article.title == "مقال عن الإعمار"  # the first article found
    assert hit_texts(window) == [
        ("الإعمار", False), ("الإعمار", False), ("والإعمار", False), ("إعمار", False),
    ]  # fmt: skip
    window.article_panel.search_box.clear()
    window.article_panel._apply_query()
    assert hit_texts(window) == []


def test_f3_goes_from_hit_to_hit_and_on_into_the_next_article_found(qtbot, hits_store, make_window):
    window = make_window(hits_store)
    search(window, "الاعمار")
    session = window.session
    seen = []
    for _ in range(6):
        press_f3()
        strong = [text for text, is_current in hit_texts(window) if is_current]
        seen.append((session.article.title, session.index, strong))
        assert QApplication.focusWidget() is window.reader
    assert seen == [
        ("مقال عن الإعمار", 0, ["الإعمار"]),  # the title
        ("مقال عن الإعمار", 1, ["الإعمار"]),
        ("مقال عن الإعمار", 4, ["والإعمار"]),
        ("مقال عن الإعمار", 5, ["إعمار"]),
        ("مقال ثالث", 2, ["لإعمار"]),  # the next article the search lists
        ("مقال عن الإعمار", 0, ["الإعمار"]),  # round the list's end
    ]
    press_f3(shift=True)  # back: round to the last hit of the last article found
    assert (session.article.title, session.index) == ("مقال ثالث", 2)
    press_f3(shift=True)
    assert (session.article.title, session.index) == ("مقال عن الإعمار", 5)
    assert "Match 4 of 4" in window.statusBar().currentMessage()


def test_f3_without_a_search_says_how_to_search(qtbot, hits_store, make_window):
    window = make_window(hits_store)
    before = (window.session.article_id, window.session.index)
    press_f3()
    assert (window.session.article_id, window.session.index) == before
    assert "Ctrl+F" in window.statusBar().currentMessage()


def test_the_highlight_agrees_with_the_search_on_every_article(hits_store):
    """Every article the search finds has hits, and every article with hits is found."""
    for query in ("الاعمار", "اعمار", "التعاون", "تمويل", "المدارس", "سوريا", "الوزير"):
        found = {a.id for a in hits_store.articles.list("x", None, query, 100)}
        words = query_words(query)
        for article_id in hits_store.articles.ids():
            units = hits_store.articles.units(article_id)
            has_hits = any(hit_spans(u.text, words) for u in units)
            assert has_hits == (article_id in found), (query, article_id)
