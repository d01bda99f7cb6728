"""The article listing without Qt: pages by key, rows up to an article, live progress."""

from __future__ import annotations

import pytest

from annotator.app.article_listing import ArticleListing
from annotator.storage.store import Store
from tests.gui.gui_factories import ANNOTATOR, numbered_articles


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "many.annotator") as opened:
        opened.articles.add(numbered_articles(23))
        yield opened


def test_pages_by_key_until_every_article_is_held(store):
    listing = ArticleListing(store, ANNOTATOR, page_size=5)
    listing.reload()
    assert len(listing.rows) == 5 and listing.matching == 23 and not listing.exhausted
    while page := listing.next_page():
        listing.hold(page)
    assert [r.id for r in listing.rows] == store.articles.ids() and listing.exhausted


def test_rows_needed_to_reach_a_far_article(store):
    listing = ArticleListing(store, ANNOTATOR, page_size=5)
    listing.reload()
    target = store.articles.ids()[17]
    assert listing.rows_needed_for(target) == 13
    listing.hold(listing.next_page(13))
    assert listing.row_of(target) == 17 and listing.rows_needed_for(target) == 0


def test_filters_and_search(store):
    unit = store.articles.units(store.articles.ids()[2])[1]
    store.labels.set_themes(unit.id, ANNOTATOR, ["military"])
    listing = ArticleListing(store, ANNOTATOR, page_size=5)
    listing.set_query("in_progress", "")
    listing.reload()
    assert [r.id for r in listing.rows] == [store.articles.ids()[2]] and listing.matching == 1
    listing.set_query(None, "الاعمار")  # the text has الإعمار
    listing.reload()
    assert listing.matching > 0 and listing.rows_needed_for(store.articles.ids()[-1]) == 0


def test_progress_of_the_open_article_without_a_query(store):
    listing = ArticleListing(store, ANNOTATOR, page_size=50)
    listing.reload()
    first = store.articles.ids()[0]
    statements = []
    store.conn.set_trace_callback(statements.append)
    assert listing.update_progress(first, 3, ("economic",)) == 0
    store.conn.set_trace_callback(None)
    assert statements == []
    assert (listing.rows[0].done, listing.rows[0].themes) == (3, ("economic",))


def test_a_given_order_pages_through_every_article_and_keeps_the_filters(store):
    from annotator.app.suggestions.ranking import display_order

    ids = store.articles.ids()
    order = display_order([ids[20], ids[3], ids[11]], ids)
    assert sorted(order) == ids and order[:3] == [ids[20], ids[3], ids[11]]
    listing = ArticleListing(store, ANNOTATOR, page_size=5)
    listing.set_order(order)
    listing.reload()
    while page := listing.next_page():
        listing.hold(page)
    assert [r.id for r in listing.rows] == order and listing.exhausted
    assert listing.rows_needed_for(ids[22]) == 0  # positions are not by id in this order
    started = store.articles.units(ids[11])[1]
    store.labels.set_themes(started.id, ANNOTATOR, [])
    listing.set_query("in_progress", "")
    listing.reload()
    assert [r.id for r in listing.rows] == [ids[11]] and listing.matching == 1
    listing.set_query(None, "")
    listing.set_order(None)
    listing.reload()
    assert [r.id for r in listing.rows] == ids[:5]
