"""Property tests of search against a real FTS5 index: any text typed is safe, finds only
articles holding its words, and any piece of an article's text finds that article."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.normalize import index_key
from annotator.storage.search import has_words, search_query, tokenized_words
from annotator.storage.store import Store
from tests.factories import make_article

# Text made of what trips query parsers: Arabic and Latin words, FTS5 operators, quotes,
# brackets, `_`, `*`, `^`, `-`, `:`, digits with separators, marks, and spaces of all kinds.
PIECES = st.sampled_from(
    [
        "الإعمار",
        "والاقتصاد",
        "عسكري",
        "سوريا",
        "a",
        "b",
        "ab",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "_",
        "*",
        "^",
        "-",
        ":",
        "'",
        '"',
        "(",
        ")",
        "{",
        "}",
        "+",
        ".",
        "3.5",
        "٢٫٥",
        "\u064e",
        "é",
        "x_y",
        "don't",
        "e-mail",
        "title_key",
    ]  # fmt: skip
)
SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", ""])
TEXT = st.lists(st.tuples(PIECES, SPACES), min_size=1, max_size=12).map(
    lambda parts: "".join(p + s for p, s in parts)
)
QUERY = st.one_of(TEXT, st.text(max_size=20))
SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(documents=st.lists(TEXT, min_size=1, max_size=4), query=QUERY)
def test_any_query_is_safe_and_finds_only_articles_holding_its_words(documents, query):
    with Store(None) as store:
        store.articles.add([make_article(f"عنوان {i}", [f"{d}."]) for i, d in enumerate(documents)])
        found = store.articles.list(search=query)  # never raises
        assert store.articles.count(search=query) == len(found)
        if not query.split():
            return
        parsed = search_query(query)
        if parsed.matches_nothing:
            assert found == []
        wanted = tokenized_words(index_key(query))
        for row in found:
            article = store.articles.get(row.id)
            key = index_key(article.text)
            words = tokenized_words(key)
            assert all(any(w.startswith(q) for w in words) for q in wanted), (query, key)
            assert all(literal in key for literal in parsed.literals), (query, key)


@SETTINGS
@given(document=TEXT, data=st.data())
def test_every_piece_of_an_article_finds_it(document, data):
    """Completeness: any run of the text between spaces, typed as it is, finds the article."""
    pieces = document.split()
    if not pieces:
        return
    piece = data.draw(st.sampled_from(pieces))
    with Store(None) as store:
        store.articles.add([make_article("عنوان", [document])])
        found = store.articles.list(search=piece)
        assert len(found) == (1 if has_words(piece) else 0), piece
