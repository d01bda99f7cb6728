"""The article list model: Qt's model contract, paging, filters, live progress."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QModelIndex, Qt

from annotator.app import article_listing
from annotator.app.session import AnnotationSession
from annotator.gui.article_model import ARTICLE_ID_ROLE, ArticleListModel, Column
from annotator.storage.store import Store
from tests.gui.gui_factories import ANNOTATOR, numbered_articles

pytestmark = pytest.mark.gui


@pytest.fixture
def big_store(tmp_path):
    with Store(tmp_path / "many.annotator") as store:
        store.articles.add(numbered_articles(23))
        store.annotators.ensure(ANNOTATOR)
        yield store


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(article_listing, "PAGE_SIZE", 5)


def test_model_passes_qt_model_tester(qtmodeltester, big_store, small_pages):
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    qtmodeltester.check(model)


def test_fetches_pages_as_the_view_asks(qtmodeltester, big_store, small_pages):
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    assert model.rowCount() == 5 and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 23
    ids = [model.index(r, 0).data(ARTICLE_ID_ROLE) for r in range(23)]
    assert ids == big_store.articles.ids()
    qtmodeltester.check(model)


def test_row_of_fetches_up_to_a_far_article(big_store, small_pages):
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    target = big_store.articles.ids()[17]
    assert model.row_of(target) == 17
    assert model.index(17, Column.TITLE).data() == "مقال رقم 18"


def test_search_uses_arabic_normalisation(qtmodeltester, big_store):
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    model.set_query(None, "الاعمار")  # the text has الإعمار
    assert model.rowCount() > 0
    model.set_query(None, "لا يوجد هذا")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_status_filter_and_live_progress(qtmodeltester, big_store):
    session = AnnotationSession(big_store, ANNOTATOR)
    session.resume()
    session.toggle_theme(1)
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    model.set_query("in_progress", "")
    assert model.rowCount() == 1
    session.next_unit()
    session.toggle_theme(2)
    done, _ = session.progress()
    model.update_progress(session.article_id, done, session.themes_used())
    assert model.index(0, Column.PROGRESS).data() == f"2/{len(session.units)}"
    assert model.index(0, Column.THEMES).data() == "M E"
    model.set_query("not_started", "")
    assert model.rowCount() == 22
    qtmodeltester.check(model)


def test_header_and_unset_roles(big_store):
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    assert model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Title"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_none_refcount_does_not_drift(big_store):
    """PySide6 6.12.0 on Python 3.11 decrements None's refcount per 'no value' (PLATFORM.md)."""
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    index = model.index(3, 0)
    before = sys.getrefcount(None)
    for _ in range(1000):
        index.data(Qt.ItemDataRole.BackgroundRole)
        index.data(Qt.ItemDataRole.DecorationRole)
    assert abs(sys.getrefcount(None) - before) < 50


def test_source_column_shows_the_web_host_or_the_file_name():
    from annotator.gui.article_model import short_source

    assert (
        short_source("https://www.alarabiya.net/ar/aswaq/economy/2018/06/12/x.html")
        == "alarabiya.net"
    )
    assert short_source("/data/batch/AL-economy-817.txt") == "AL-economy-817.txt"
    assert short_source(r"C:\\data\\batch\\article.txt") == "article.txt"
    assert short_source("") == ""


def test_tooltips_read_nothing_from_the_project(big_store):
    unit = big_store.articles.units(big_store.articles.ids()[0])[1]
    big_store.labels.set_themes(unit.id, ANNOTATOR, ["military", "economic"])
    model = ArticleListModel(big_store, ANNOTATOR, "en")
    statements = []
    big_store.conn.set_trace_callback(statements.append)
    for _ in range(50):  # a pointer resting on the list asks again and again
        tip = model.index(0, Column.THEMES).data(Qt.ItemDataRole.ToolTipRole)
    big_store.conn.set_trace_callback(None)
    assert tip == "Military, Economic" and statements == []
