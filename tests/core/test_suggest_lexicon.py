"""Theme lexicons: parsing keyword lists as typed, and clitic-aware Arabic matching."""

from __future__ import annotations

import pytest

from annotator.core.scheme import load_default_scheme
from annotator.core.suggest.lexicon import (
    LexiconError,
    default_lexicons,
    format_terms,
    parse_terms,
    read_lexicon_file,
)
from annotator.core.suggest.matcher import LexiconMatcher

RECONSTRUCTION = LexiconMatcher({"reconstruction": ["إعمار", "إعادة الإعمار"]})


def found(matcher: LexiconMatcher, text: str) -> dict[str, tuple[str, ...]]:
    return matcher.match(text)


def test_keyword_list_as_typed_in_an_editor():
    typed = "إعمار، إعادة الإعمار\n  سلاح ,  قصف*\n\n# comment\nصواريخ؛ الاعمار"
    assert parse_terms(typed) == ["إعمار", "إعادة الإعمار", "سلاح", "قصف*", "صواريخ"]


def test_format_and_parse_round_trip():
    terms = ["إعادة الإعمار", "سلاح", "عسكري*"]
    assert parse_terms(format_terms(terms)) == terms


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("123", "no letter"),
        ("عس*كري", "may only end"),
        ("إعادة الإعمار*", "single word"),
        ("ab*", "at least 3 letters"),
        ("ب" * 101, "longer than"),
    ],
)
def test_bad_terms_are_refused_with_a_reason(typed, reason):
    with pytest.raises(LexiconError, match=reason):
        parse_terms(typed)


def test_bad_term_in_a_file_names_the_line(tmp_path):
    path = tmp_path / "military.txt"
    path.write_text("# header\nسلاح\nعس*كري\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"military.txt:3"):
        read_lexicon_file(path)


@pytest.mark.parametrize(
    "text",
    [
        "إعمار",
        "الإعمار",
        "والإعمار",
        "وإعمارها",
        "لإعمار",
        "للإعمار",
        "بالإعمار",
        "فالإعمار",
        "إعمارهم",
        "الاعمار",
        "الإعْمَار",
        "الإعـــمار",
        "كالإعمار",
    ],
)
def test_word_matches_with_clitics_and_spelling_variants(text):
    assert found(RECONSTRUCTION, f"بدأت مرحلة {text} في المدينة") == {"reconstruction": ("إعمار",)}


@pytest.mark.parametrize("text", ["عمار", "عماري", "استعمار", "الإعمارات", "معمار"])
def test_a_word_that_merely_contains_the_letters_does_not_match(text):
    assert found(RECONSTRUCTION, f"كلمة {text} هنا") == {}


@pytest.mark.parametrize(
    "text", ["إعادة الإعمار", "لإعادة إعمار", "وإعادة إعمارها", "إعادتها الإعمار", "اعاده الاعمار"]
)
def test_phrases_match_across_the_same_rules(text):
    assert found(RECONSTRUCTION, f"مؤتمر {text} العراق") == {"reconstruction": ("إعادة الإعمار",)}


def test_phrase_words_must_be_adjacent():
    assert found(RECONSTRUCTION, "إعادة فتح الطريق") == {}


def test_ta_marbuta_before_a_pronoun_and_a_wildcard_stem():
    matcher = LexiconMatcher({"economic": ["حكومة"], "military": ["عسكري*"]})
    assert found(matcher, "قالت حكومتها إن") == {"economic": ("حكومة",)}
    assert found(matcher, "وصل العسكريون") == {"military": ("عسكري*",)}
    assert found(matcher, "عسكر المخيم") == {}


def test_short_article_words_keep_their_article():
    # "المال" must not become "مال", or the name كمال (ك + مال) would match.
    matcher = LexiconMatcher({"economic": ["المال"]})
    assert found(matcher, "بالمال والأعمال") == {"economic": ("المال",)}
    assert found(matcher, "قال كمال") == {}


def test_several_themes_and_terms_in_first_occurrence_order():
    matcher = LexiconMatcher(
        {"military": ["صاروخ", "قصف"], "economic": ["النفط"], "reconstruction": ["ترميم"]}
    )
    result = found(matcher, "قصف بالصواريخ بعد قصف ثان وصاروخ، وارتفع النفط")
    assert result == {"military": ("قصف", "صاروخ"), "economic": ("النفط",)}


def test_the_same_term_in_two_themes_counts_for_both():
    matcher = LexiconMatcher({"military": ["الإنفاق العسكري"], "economic": ["الإنفاق العسكري"]})
    assert set(found(matcher, "زاد الإنفاق العسكري")) == {"military", "economic"}
    assert matcher.hit_counts(["زاد الانفاق العسكري"]) == [[1, 1]]


def test_empty_lexicons_match_nothing():
    matcher = LexiconMatcher({"military": [], "economic": []})
    assert found(matcher, "قصف") == {}
    assert matcher.hit_counts(["قصف"]) == [[0, 0]]


def test_default_lexicons_cover_the_default_themes():
    lexicons = default_lexicons()
    assert set(lexicons) == {theme.key for theme in load_default_scheme()}
    matcher = LexiconMatcher(lexicons)
    assert set(found(matcher, "شنت المقاتلات غارات على مواقع المسلحين")) == {"military"}
    assert set(found(matcher, "ارتفعت أسعار النفط وتراجع الدولار")) == {"economic"}
    assert set(found(matcher, "مؤتمر المانحين لإعادة إعمار المدينة")) == {"reconstruction"}
    assert found(matcher, "فاز الفريق بالمباراة أمام جمهوره") == {}
