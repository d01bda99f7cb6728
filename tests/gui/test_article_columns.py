"""The article list on a narrow pane: the titles keep room to be read (source, then date, give
way, and come back as the pane widens); a column chosen in the header's menu stays chosen."""

from __future__ import annotations

import pytest

from annotator.gui.article_columns import TITLE_ROOM
from annotator.gui.article_model import Column

pytestmark = pytest.mark.gui


def set_list_width(window, qtbot, width: int) -> None:
    sizes = window.splitter.sizes()
    total = sum(sizes)
    window.splitter.setSizes([width, total - width - sizes[2], sizes[2]])
    qtbot.waitUntil(lambda: abs(window.article_panel.width() - width) <= 2, timeout=2000)


def hidden(window) -> set[Column]:
    header = window.article_panel.table.horizontalHeader()
    return {column for column in Column if header.isSectionHidden(column)}


def title_width(window) -> int:
    return window.article_panel.table.horizontalHeader().sectionSize(Column.TITLE)


def test_on_a_narrow_pane_source_then_date_give_way_to_the_title(qtbot, store, make_window):
    window = make_window(store)
    window.resize(1400, 860)
    set_list_width(window, qtbot, 600)
    assert hidden(window) == set()
    assert title_width(window) >= TITLE_ROOM
    set_list_width(window, qtbot, 390)
    assert hidden(window) == {Column.SOURCE}
    assert title_width(window) >= TITLE_ROOM
    set_list_width(window, qtbot, 300)
    assert hidden(window) == {Column.SOURCE, Column.DATE}
    assert title_width(window) >= TITLE_ROOM
    set_list_width(window, qtbot, 600)
    assert hidden(window) == set()


def test_a_column_chosen_in_the_header_menu_stays_as_chosen(qtbot, store, make_window):
    window = make_window(store)
    window.resize(1400, 860)
    columns = window.article_panel.columns
    set_list_width(window, qtbot, 300)
    columns.choose(Column.SOURCE, True)  # the header menu's check box
    assert Column.SOURCE not in hidden(window)
    set_list_width(window, qtbot, 700)
    columns.choose(Column.THEMES, False)
    assert hidden(window) == {Column.THEMES}
    set_list_width(window, qtbot, 320)
    assert Column.THEMES in hidden(window) and Column.SOURCE not in hidden(window)
