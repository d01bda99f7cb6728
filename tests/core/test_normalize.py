"""Arabic search normalisation: the variants a reader treats as the same word match."""

from __future__ import annotations

import pytest

from annotator.core.normalize import index_key, normalize
from annotator.storage.search import search_query
from annotator.storage.store import Store
from tests.factories import make_article


def matches(query: str, text: str) -> bool:
    """Whether the project's search (the FTS index over normalised keys) finds the text."""
    with Store(None) as store:
        store.articles.add([make_article("عنوان", [text])])
        return bool(store.articles.list(search=query))


@pytest.mark.parametrize(
    "variant",
    ["الإعمار", "إعمار", "والإعمار", "بالإعمار", "للإعمار", "الاعمار", "الإعْمَار", "الإعـــمار"],
)
def test_reconstruction_is_found_in_every_spelling(variant):
    assert matches("الاعمار", f"دعم مشاريع {variant} في سوريا")
    assert matches("إعمار", f"دعم مشاريع {variant} في سوريا")


def test_letter_folds():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("مستشفى") == normalize("مستشفي")
    assert normalize("مدرسة") == normalize("مدرسه")
    assert normalize("مسؤول") == "مسوول" and normalize("رئيس") == "رييس"


def test_diacritics_tatweel_and_digits_are_ignored():
    assert normalize("عَسْكَرِيّ") == "عسكري"
    assert normalize("عســكري") == "عسكري"
    assert normalize("٢٠٢٥ ۱۴") == "2025 14"
    assert matches("2025", "في ديسمبر ٢٠٢٥")


def test_every_query_word_must_match_a_word_start():
    assert matches("التعاون العسكري", "بحث التعاون العسكري والاقتصادي")
    assert not matches("التعاون البحري", "بحث التعاون العسكري")
    assert not matches("سوريا", "روسيا")


def test_normalisation_never_changes_stored_text_only_keys():
    text = "والإعمار"
    index_key(text)
    assert text == "والإعمار"


def test_search_query_uses_prefix_terms_of_the_normalised_words():
    assert search_query("الإعمار العسكري").match == '"اعمار"* "عسكري"*'
    assert search_query("  ").matches_nothing
