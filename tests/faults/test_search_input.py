"""Whatever is typed into search is safe and means what it says, against a real FTS5 index."""

from __future__ import annotations

import pytest

from annotator.main import main
from annotator.storage.store import Store
from tests.factories import make_article

DOCUMENTS = {
    "underscore": ("خبر أول", ["جملة فيها a_b وكلمة don't وعلامة 3.5 بالمئة."]),
    "apart": ("خبر ثان", ["جملة فيها a وفيها b منفصلتان."]),
    "operators": ("خبر ثالث", ["قالوا AND ثم NOT ثم NEAR وأخيرا OR."]),
}


def titles(store: Store, query: str) -> set[str]:
    found = store.articles.list(search=query)
    assert store.articles.count(search=query) == len(found)
    return {row.title for row in found}


@pytest.fixture(scope="module")
def store():
    with Store(None) as opened:
        opened.articles.add([make_article(t, s) for t, s in DOCUMENTS.values()])
        yield opened


@pytest.mark.parametrize(
    "query", ["'", "*", "(", ")", '"', "^", "-", ":", "...", "؟!", "_", "- _ *"]
)
def test_punctuation_only_matches_nothing(store, query):
    assert titles(store, query) == set()


def test_an_underscore_is_literal_and_does_not_crash(store):
    assert titles(store, "a_b") == {"خبر أول"}  # not the article with a and b apart
    assert titles(store, "a b") == {"خبر أول", "خبر ثان"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("AND", {"خبر ثالث"}),
        ("NOT", {"خبر ثالث"}),
        ("OR", {"خبر ثالث"}),
        ("NEAR(a b)", set()),  # not the NEAR operator: the text "near(a" appears nowhere
        ("a OR zzz", set()),  # every word is required; OR is a word to find
        ("^a", {"خبر أول", "خبر ثان", "خبر ثالث"}),  # not "at the start of a column"
        ("-a", {"خبر أول", "خبر ثان", "خبر ثالث"}),  # not "without a": words starting with a
        ("title_key:a", set()),  # not a column filter
        ("don't", {"خبر أول"}),
        ("don", {"خبر أول"}),
        ("3.5", {"خبر أول"}),
        ('"a_b"', {"خبر أول"}),
        ("a*", {"خبر أول", "خبر ثان", "خبر ثالث"}),  # (and, too)
    ],
)
def test_operators_and_quotes_are_literal(store, query, expected):
    assert titles(store, query) == expected


def test_cli_search_with_an_underscore_and_with_punctuation_only(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("عنوان\n\nجملة فيها a_b هنا.\n", encoding="utf-8")
    db = str(tmp_path / "p.annotator")
    assert main(["--db", db, "import", str(tmp_path / "a.txt"), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "articles", "--search", "a_b"]) == 0
    out, err = capsys.readouterr()
    assert "عنوان" in out and not err
    assert main(["--db", db, "articles", "--search", "'"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "holds no letters or digits; nothing matches" in err
