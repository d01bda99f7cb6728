"""Sentence segmentation of Arabic news paragraphs (annotator.core.segment)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.document import build_article, check_offsets
from annotator.core.model import ArticleDraft, Block
from annotator.core.segment import split_paragraph
from tests.factories import paragraphs

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_567d9fe721965029.txt"
SEED_GOLD = Path(__file__).resolve().parents[1] / "eval" / "seed_gold.txt"


def units(text: str) -> list[str]:
    return [text[start:end] for start, end in split_paragraph(text)]


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Every invariant document.py relies on."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[previous_end:start].strip() == "", "non-space text dropped between units"
        previous_end = end
    assert text[previous_end:].strip() == ""
    # Round trip: the units, stripped of whitespace, hold exactly the paragraph's characters.
    assert "".join("".join(text[s:e].split()) for s, e in spans) == "".join(text.split())


# --- terminators -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد. وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
        ("هل انتهت الأزمة؟ لا أحد يعرف.", ["هل انتهت الأزمة؟", "لا أحد يعرف."]),
        ("What next? قال المحلل.", ["What next?", "قال المحلل."]),
        ("يا لها من مفاجأة! صفق الجمهور.", ["يا لها من مفاجأة!", "صفق الجمهور."]),
        ("وانتظر الجميع… ثم جاء الخبر.", ["وانتظر الجميع…", "ثم جاء الخبر."]),
        ("وانتظر الجميع... ثم جاء الخبر.", ["وانتظر الجميع...", "ثم جاء الخبر."]),
        ("رفض العرض!! وغادر القاعة.", ["رفض العرض!!", "وغادر القاعة."]),
        ("أهذا معقول؟! تساءل النائب.", ["أهذا معقول؟!", "تساءل النائب."]),
        ("Really?! قالت المذيعة.", ["Really?!", "قالت المذيعة."]),
    ],
)
def test_terminators_end_sentences_and_clusters_stay_together(text, expected):
    assert units(text) == expected


def test_semicolon_and_arabic_comma_do_not_end_sentences():
    text = "ارتفعت الأسعار؛ وتراجعت الصادرات، وزادت البطالة."
    assert units(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انتهى الاجتماع.وغادر الوفد", ["انتهى الاجتماع.", "وغادر الوفد"]),
        ("هل غادر الوفد؟!ثم عاد", ["هل غادر الوفد؟!", "ثم عاد"]),
        ("ارتفع التضخم 250%.وخلال العام", ["ارتفع التضخم 250%.", "وخلال العام"]),
        ("ذكرت الوكالة (سانا).وقال المصدر", ["ذكرت الوكالة (سانا).", "وقال المصدر"]),
        ("أمطار في السعودية..تعرف عليها", ["أمطار في السعودية..", "تعرف عليها"]),
        ("الغارات تتوالى.....ومقتل قادة", ["الغارات تتوالى.....", "ومقتل قادة"]),
        ("بنيت عام 300 ق.م وأشرف أ.د.علي", ["بنيت عام 300 ق.م وأشرف أ.د.علي"]),
    ],
)
def test_no_space_after_terminator_between_arabic_words_still_splits(text, expected):
    assert units(text) == expected


def test_spaced_out_dots_and_leading_ellipsis_are_not_units_of_their_own():
    assert units("... وأضاف المصدر . . . ثم صمت.") == ["... وأضاف المصدر . . .", "ثم صمت."]


def test_space_before_terminator_is_tolerated():
    assert units("هل ستنجح المفاوضات ؟ يبدو ذلك .") == ["هل ستنجح المفاوضات ؟", "يبدو ذلك ."]


# --- things that look like terminators but are not --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "بلغ النمو 3.5 بالمائة في الربع الأول.",
        "ارتفع التضخم إلى 12.4% خلال العام.",
        "سجل المؤشر ٢٫٥ نقطة و٣.٧ نقطة أمس.",
        "بلغت نسبة البطالة 2،9 بالمائة فقط.",
        "عقد الاجتماع في 15/01/2026 بحضور الوزير.",
        "عقد الاجتماع في 15.01.2026 بحضور الوزير.",
        "بدأت الجلسة في الساعة 10.30 صباحا.",
        "وافتتح المؤتمر د. سمير الخطيب رئيس الجامعة.",
        "وقدمت أ. ليلى حسن ورقة بحثية.",
        "وأشرف على المشروع م. خالد يوسف.",
        "وناقش أ.د. عمر فاروق الرسالة.",
        "كما ورد في ص. 45 من التقرير.",
        "ونشرت الرسالة في ج. 2 من المجلة.",
        "بنيت المدينة نحو عام 300 ق.م. على ضفاف النهر.",
        "وقال المحامي ع. الحسيني إن القضية انتهت.",
        "وصرح مسؤول في U.S. Department of State بذلك.",
        "والتقى Mr. Brown و Dr. Smith بالوزير.",
        "وشملت القائمة التفاح والموز etc. and more.",
        "تفاصيل أكثر على https://www.example.com/a.html وفي الصحف.",
        "يمكن زيارة www.sana.sy لمزيد من التفاصيل.",
        "للتواصل: info@news.example.org أو الهاتف.",
        "قال المتحدث e.g. in the report إن الأرقام دقيقة.",
    ],
)
def test_non_terminating_periods_keep_one_sentence(text):
    assert units(text) == [text]


def test_url_at_sentence_end_still_ends_it():
    text = "التفاصيل على www.sana.sy. وقال المصدر إن الزيارة ناجحة."
    assert units(text) == ["التفاصيل على www.sana.sy.", "وقال المصدر إن الزيارة ناجحة."]


def test_year_with_gregorian_marker_ends_a_sentence():
    text = "تأسست الشركة عام 1990م. وتوسعت لاحقا. وعادت في 2025 م. ثم توقفت."
    assert units(text) == [
        "تأسست الشركة عام 1990م.",
        "وتوسعت لاحقا.",
        "وعادت في 2025 م.",
        "ثم توقفت.",
    ]


def test_arabic_etc_ends_a_sentence():
    text = "وشملت الصادرات القمح والشعير إلخ. وقال الوزير إن الموسم جيد."
    assert units(text) == ["وشملت الصادرات القمح والشعير إلخ.", "وقال الوزير إن الموسم جيد."]


def test_digit_after_a_sentence_end_starts_a_new_sentence():
    assert units("انتهى عام 2025. 15 دولة وقعت الاتفاق.") == [
        "انتهى عام 2025.",
        "15 دولة وقعت الاتفاق.",
    ]


# --- quotes and brackets ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'وأكدت الوزارة أنها "ستردّ في الزمان والمكان". وأضافت أن الرد قريب.',
            ['وأكدت الوزارة أنها "ستردّ في الزمان والمكان".', "وأضافت أن الرد قريب."],
        ),
        (
            "قال: «نحن أمام فرصة». ثم غادر.",
            ["قال: «نحن أمام فرصة».", "ثم غادر."],
        ),
        (
            "وذكرت الوكالة الخبر (سانا). وتابع المراسل.",
            ["وذكرت الوكالة الخبر (سانا).", "وتابع المراسل."],
        ),
        (
            "وقال: «نحن أمام فرصة.» ثم غادر.",
            ["وقال: «نحن أمام فرصة.»", "ثم غادر."],
        ),
        (
            "وسأل: «هل نحن جاهزون؟» لم يجب أحد.",
            ["وسأل: «هل نحن جاهزون؟»", "لم يجب أحد."],
        ),
        (
            "وكتب: \"'هل لاحظتم هذا؟'\". وانتهى المنشور.",
            ["وكتب: \"'هل لاحظتم هذا؟'\".", "وانتهى المنشور."],
        ),
        (
            "وقال الوزير (في بيان رسمي.) إن الوضع مستقر.",
            ["وقال الوزير (في بيان رسمي.)", "إن الوضع مستقر."],
        ),
    ],
)
def test_closing_quotes_and_brackets_stay_with_their_sentence(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "«نحن أمام فرصة»، قال الوزير.",
        "«هل نحن أمام فرصة؟»، تساءل الوزير.",
        "«نحن أمام فرصة!» ، قال الوزير.",
        '"انتهى الأمر." ، قالها وغادر.',
    ],
)
def test_a_quote_followed_by_a_comma_continues_the_sentence(text):
    assert units(text) == [text]


# --- line breaks -------------------------------------------------------------------------


def test_a_dateline_is_its_own_unit():
    text = "بيروت (رويترز) -\nقال مسؤولون إن المحادثات بدأت."
    assert units(text) == ["بيروت (رويترز) -", "قال مسؤولون إن المحادثات بدأت."]


def test_a_line_without_final_punctuation_is_its_own_unit():
    text = "أبرز العناوين\nالحكومة تقر الموازنة\nوالبرلمان يناقشها غدا."
    assert units(text) == ["أبرز العناوين", "الحكومة تقر الموازنة", "والبرلمان يناقشها غدا."]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير في مؤتمر صحفي،\nإن الحكومة ماضية في خطتها.",
        "وقال الوزير:\n«نحن أمام فرصة».",
        "ارتفعت الأسعار؛\nوتراجعت الصادرات.",
        "وأكد أن الحكومة ستعمل على\nتحسين الخدمات.",
        "وتوجه الوفد إلى العاصمة و\nالتقى الرئيس.",
        "وقال المتحدث باسم الوزارة\n، إن الوضع مستقر.",
    ],
)
def test_a_line_break_inside_an_unfinished_sentence_is_not_a_boundary(text):
    assert units(text) == [text]


def test_list_items_after_a_colon_are_separate_units():
    text = "وتشمل الإجراءات:\n1. خفض الضرائب.\n2. دعم الصادرات\n- تشجيع الاستثمار"
    assert units(text) == [
        "وتشمل الإجراءات:",
        "1. خفض الضرائب.",
        "2. دعم الصادرات",
        "- تشجيع الاستثمار",
    ]


def test_a_numbered_item_keeps_its_number_even_on_one_line():
    assert units("1. خفض الضرائب على الشركات.") == ["1. خفض الضرائب على الشركات."]


def test_an_abbreviation_at_a_line_end_still_breaks_the_line():
    assert units("رئيس الجلسة د.\nسمير الخطيب") == ["رئيس الجلسة د.", "سمير الخطيب"]


# --- edges ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n", " \n  \n "])
def test_blank_text_has_no_units(text):
    assert split_paragraph(text) == []


def test_offsets_are_code_points_and_trimmed():
    text = "  أولا. ثانيا؟  "
    assert split_paragraph(text) == [(2, 7), (8, 14)]


def test_seed_article_body():
    body = paragraphs(SEED.read_text(encoding="utf-8"))
    first = next(p for p in body if p.startswith("التقى وزيرا"))
    assert units(first) == [
        "التقى وزيرا الخارجية والدفاع السوريان الرئيس الروسي فلاديمير بوتين في موسكو، يوم "
        "الثلاثاء الموافق 24 ديسمبر 2025، لمناقشة تعزيز التعاون الشامل بين البلدين.",
        "وتأتي هذه الزيارة في ظل تطورات سياسية واقتصادية وعسكرية تشهدها سوريا، وتهدف إلى بحث "
        "آفاق جديدة لدعم الاستقرار الإقليمي وتعزيز العلاقات الثنائية، خاصة في مجال التعاون "
        "العسكري.",
        "وتعد هذه المحادثات الأحدث في سلسلة لقاءات بين مسؤولين سوريين وروسيين منذ فترة.",
    ]
    second = next(p for p in body if p.startswith("الاجتماع، الذي"))
    assert units(second)[1] == (
        "وذكرت وكالة الأنباء السورية (سانا) أن اللقاء تناول أيضًا قضايا ذات اهتمام مشترك بين البلدين."
    )
    heading = "تعزيز العلاقات السورية الروسية: نظرة على التعاون العسكري"
    assert heading in body and units(heading) == [heading]
    single = next(p for p in body if p.startswith("بالتوازي مع ذلك"))
    assert units(single) == [single]


def test_seed_article_body_matches_the_hand_checked_gold():
    body = paragraphs(SEED.read_text(encoding="utf-8"))
    title = body.index("وزيرا الخارجية والدفاع السوريان يبحثان مع بوتين التعاون العسكري والاقتصادي")
    comment_form = body.index("اترك تعليقاً")
    predicted = [unit for paragraph in body[title + 1 : comment_form] for unit in units(paragraph)]
    assert predicted == SEED_GOLD.read_text(encoding="utf-8").splitlines()


def test_no_catastrophic_backtracking_on_pathological_input():
    # A guard against regex backtracking blow-ups (seconds, not milliseconds), not a speed test.
    nasty = ("." * 50 + " " * 50 + "\n" + "،" * 20 + "أ." * 30) * 200
    began = time.perf_counter()
    check_spans(nasty, split_paragraph(nasty))
    assert time.perf_counter() - began < 2.0


# --- properties ----------------------------------------------------------------------------

ALPHABET = (
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةى")
    + list("0123456789٠١٢٣")
    + list("  ..؟!?…،؛:\"'«»“”()[]-\n")
    + ["د.", "www.sana.sy", "3.5", "Mr.", "\n1. ", "etc. "]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=80).map("".join))
def test_spans_are_ordered_trimmed_and_cover_every_character(text):
    check_spans(text, split_paragraph(text))


BLOCKS = st.lists(
    st.tuples(
        st.sampled_from(["paragraph", "paragraph", "heading"]),
        st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=60).map("".join),
    ),
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join), BLOCKS)
def test_article_units_match_article_text(title, blocks):
    draft = ArticleDraft(title=title, blocks=[Block(kind, text) for kind, text in blocks])
    article = build_article(draft)
    check_offsets(article.text, article.units)
    for unit in article.units:
        assert article.text[unit.start : unit.end] == unit.text
        assert unit.text == unit.text.strip() and unit.text
    starts = [unit.start for unit in article.units]
    assert starts == sorted(starts)
