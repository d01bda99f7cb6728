"""The window's search box takes any text: an underscore searches, punctuation says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def search(qtbot, window, text: str) -> None:
    panel = window.article_panel
    panel.search_box.setText(text)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)


def test_underscore_and_punctuation_in_the_search_box(qtbot, store, make_window):
    window = make_window(store)
    search(qtbot, window, "رقم_3")
    assert window.article_model.matching == 0  # "رقم_3" appears nowhere as typed
    assert window.article_panel.count_label.text() == "0 articles match"
    search(qtbot, window, "*")
    assert window.article_model.matching == 0
    assert "type letters or digits" in window.article_panel.count_label.text()
    search(qtbot, window, "رقم 3")  # the digit 2 would also find 24 and 2025 in the text
    assert window.article_model.matching == 1
