"""The user-editable boilerplate list: its format, its matching, and the bundled file."""

from __future__ import annotations

import pytest

from annotator.core.boilerplate import Boilerplate, BoilerplateFileError, default_boilerplate
from annotator.core.resources import resource_path

SAMPLE = """
# comment lines and blank lines are ignored
[drop_line]
اترك تعليقاً
شارك

[drop_line_prefix]
اقرأ أيضا

[drop_line_regex]
Theme License is not validated

[categories]
دولي
"""


@pytest.fixture
def boilerplate() -> Boilerplate:
    return Boilerplate.parse(SAMPLE)


@pytest.mark.parametrize(
    "line",
    [
        "اترك تعليقاً",
        "اترك تعليقا",  # without tanween
        "  اترك   تعليقاً :",  # spaces and punctuation at the ends
        "شارك",
        "اقرأ أيضا: الجيش يعلن انسحابه من المنطقة",
        "إقرأ ايضاً الجيش يعلن انسحابه",  # hamza and tanween variants
        "Jannah Theme License is not validated, Go to the theme options page",
    ],
)
def test_boilerplate_lines_are_recognised_in_their_variants(boilerplate, line):
    assert boilerplate.is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "شارك الوزير في القمة العربية.",  # an exact-line entry never drops a sentence
        "اقرأ أيضاها",  # a prefix must end on a word boundary
        "",
        "التقى وزيرا الخارجية والدفاع الرئيس الروسي.",
    ],
)
def test_real_sentences_are_kept(boilerplate, line):
    assert not boilerplate.is_boilerplate(line)


def test_categories_match_like_boilerplate(boilerplate):
    assert boilerplate.is_category("دولي")
    assert boilerplate.is_category(" دولي ")
    assert not boilerplate.is_category("دولي جديد")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[nonsense]\nx", "<text>:1: unknown section [nonsense]"),
        ("# c\nشارك", "<text>:2: entry before any [section] line"),
        ("[drop_line_regex]\n(unclosed", "<text>: bad regular expression '(unclosed'"),
    ],
)
def test_malformed_files_are_reported_with_their_line(text, message):
    with pytest.raises(BoilerplateFileError) as caught:
        Boilerplate.parse(text)
    assert str(caught.value).startswith(message)


def test_load_reads_a_user_file(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("[drop_line]\nإعلان ممول\n", encoding="utf-8")
    mine = Boilerplate.load(path)
    assert mine.is_boilerplate("إعلان ممول")
    assert not mine.is_boilerplate("اترك تعليقاً")


def test_bundled_list_covers_the_page_furniture_of_copied_news():
    bundled = default_boilerplate()
    assert resource_path("boilerplate.txt").is_file()
    for line in (
        "Jannah Theme License is not validated, Go to the theme options page to validate the license, You need a single license for each domain name.",
        "اترك تعليقاً",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "زر الذهاب إلى الأعلى",
        "شارك",
        "مشاركة",
        "تابعونا على فيسبوك",
        "الأكثر قراءة",
        "كلمات مفتاحية: سوريا، روسيا",
        "اقرأ أيضاً: بوتين يستقبل الوفد السوري",
    ):
        assert bundled.is_boilerplate(line), line
    for category in ("دولي", "اقتصاد", "سياسة", "محلي"):
        assert bundled.is_category(category)


def test_long_lines_are_prose_and_never_dropped():
    from annotator.core.boilerplate import MAX_BOILERPLATE_LINE, default_boilerplate

    boilerplate = default_boilerplate()
    short = "اقرأ أيضا: الوزير يزور موسكو"
    long = short + " " + "وتناول اللقاء قضايا التعاون الاقتصادي والعسكري بين البلدين. " * 8
    assert boilerplate.is_boilerplate(short)
    assert len(long) > MAX_BOILERPLATE_LINE and not boilerplate.is_boilerplate(long)
