"""Search hits in a text: the article search's own matching, word by word (core/search_hits.py)."""

from __future__ import annotations

from annotator.core.search_hits import hit_spans, query_words


def hits(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in hit_spans(text, query_words(query))]


def test_spelling_variants_and_proclitics_are_found_whole():
    text = "إعادة الإعمار في سوريا: إعمار المدن، والإعمار، وللإعمار، واستعمار، عمار."
    assert hits(text, "الاعمار") == ["الإعمار", "إعمار", "والإعمار", "وللإعمار"]


def test_diacritics_tatweel_alef_and_ya_forms_are_ignored():
    text = "قالَ الوزيـــر إنّ مستشفى أُعيد بناؤه"
    assert hits(text, "الوزير") == ["الوزيـــر"]
    assert hits(text, "مستشفي") == ["مستشفى"]
    assert hits(text, "اعيد") == ["أُعيد"]


def test_every_word_of_the_query_is_highlighted_as_a_word_start():
    text = "اجتماع اقتصادي في حمص وحماة، والحمصيون حاضرون"
    assert hits(text, "حمص حماة") == ["حمص", "وحماة", "والحمصيون"]


def test_digits_and_latin_words_and_punctuation_only_queries():
    text = "Inflation reached 12.4% in 2025, said the IMF (imf.org)."
    assert hits(text, "imf") == ["IMF", "imf"]
    assert hits(text, "١٢") == ["12"]  # Arabic-Indic digits are searched as 0-9
    assert hits(text, "'*(") == []  # nothing to search for
    assert query_words("") == ()
