"""TREC-style news documents (<DOC><DOCNO>…<TEXT>…</TEXT></DOC>): recognition, fields, errors."""

from __future__ import annotations

import pytest

from annotator.core.model import Block, ReadError
from annotator.core.readers import read_file
from annotator.core.readers.trec import is_trec

LINE_1 = "أعلنت وزارة الدفاع، مساء الخميس، عن وصول دفعة جديدة من المعدات العسكرية إلى الميناء."
LINE_2 = "وقال المتحدث باسم الوزارة إن الشحنة تضم آليات نقل وقطع غيار لطائرات النقل."
LINE_3 = "وأضاف أن عمليات التسليم ستستمر حتى نهاية العام الجاري وفق الجدول المتفق عليه."
HEADING = "مشاريع إعادة الإعمار"

ANT_DOC = f"""<DOC>
<DOCNO>XX-economy-7-20180301</DOCNO>
<URL>https://news.example/ar/economy/2018/03/01/وصول-المعدات.html</URL>
<SRC>example news</SRC>
<CAT>economy</CAT>
<TITLE>وصول دفعة جديدة من المعدات العسكرية</TITLE>
<TIME>Thu, 01 Mar 2018 18:05:10 GMT</TIME>
<AUTHOR>القاهرة - سامي يوسف</AUTHOR>
<ABSTRACT>
أعلنت وزارة الدفاع عن وصول دفعة جديدة من المعدات،
</ABSTRACT>
<TEXT>
{LINE_1}
{LINE_2}
{HEADING}
{LINE_3}
</TEXT>
</DOC>
"""


def write(tmp_path, name: str, content: str | bytes, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def read_error(path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(path)
    return caught.value


def test_ant_document_gives_fields_paragraphs_and_extra(tmp_path):
    path = write(tmp_path, "XX-economy-7-20180301.txt", ANT_DOC)
    [draft] = read_file(path)
    assert draft.title == "وصول دفعة جديدة من المعدات العسكرية"
    assert draft.blocks == [
        Block("paragraph", LINE_1),
        Block("paragraph", LINE_2),
        Block("heading", HEADING),
        Block("paragraph", LINE_3),
    ]
    assert (draft.original_id, draft.category, draft.author) == (
        "XX-economy-7-20180301",
        "economy",
        "القاهرة - سامي يوسف",
    )
    assert draft.url == "https://news.example/ar/economy/2018/03/01/وصول-المعدات.html"
    assert draft.date == "2018-03-01T18:05:10+00:00"
    assert draft.extra == {
        "src": "example news",
        "abstract": "أعلنت وزارة الدفاع عن وصول دفعة جديدة من المعدات،",
    }
    assert (draft.source, draft.line, draft.encoding, draft.warnings) == (str(path), 1, "utf-8", [])


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("Sat, 21 Apr 2018 04:16:48 +0400", "2018-04-21T04:16:48+04:00"),
        ("2017-01-10T20:46:00+01:00", "2017-01-10T20:46:00+01:00"),
        ("15/10/2016", "15/10/2016"),
        ("", ""),
    ],
)
def test_time_becomes_iso_8601_when_it_is_an_rfc_2822_date(tmp_path, given, stored):
    doc = ANT_DOC.replace("Thu, 01 Mar 2018 18:05:10 GMT", given)
    [draft] = read_file(write(tmp_path, "a.txt", doc))
    assert draft.date == stored


def test_missing_and_empty_fields_are_left_empty(tmp_path):
    # Jawhara FM files: empty AUTHOR and ABSTRACT, or no AUTHOR at all; no TITLE here either.
    doc = f"""<DOC>
<DOCNO>XX-politic-3-20161015</DOCNO>
<URL>http://radio.example/ar/article/3</URL> \n<SRC>Radio Example</SRC>
<CAT>politic</CAT>
<TIME>15/10/2016</TIME>
<ABSTRACT>

</ABSTRACT>
<TEXT>
{LINE_1} {LINE_2}
</TEXT>
</DOC>"""
    [draft] = read_file(write(tmp_path, "a.txt", doc))
    assert draft.author == ""
    assert draft.extra == {"src": "Radio Example"}
    assert (
        draft.title
        == "أعلنت وزارة الدفاع، مساء الخميس، عن وصول دفعة جديدة من المعدات العسكرية إلى…"
    )
    assert draft.blocks == [Block("paragraph", f"{LINE_1} {LINE_2}")]


def test_several_documents_in_one_file_each_with_its_line(tmp_path):
    second = ANT_DOC.replace("XX-economy-7", "XX-economy-8").replace("<DOC>", "<doc>")
    second = second.replace("</DOC>", "</doc>")
    path = write(tmp_path, "two.txt", "\n\n" + ANT_DOC + "\n" + second)
    first, other = read_file(path)
    assert (first.original_id, first.line) == ("XX-economy-7-20180301", 3)
    assert (other.original_id, other.line) == ("XX-economy-8-20180301", 3 + 18 + 1)
    assert other.blocks == first.blocks


def test_references_are_decoded_and_bare_markup_characters_kept(tmp_path):
    doc = ANT_DOC.replace(
        LINE_2,
        "ارتفع المؤشر بنسبة <5% وفق بيانات شركة A&B، بينما x<y و y>z في النموذج &amp; "
        "الجدول &quot;الأول&quot; &#1575;&#x644;&copy &unknown; ",
    ).replace("<TITLE>وصول", "<TITLE>أرباح AT&amp;T و Procter &amp; Gamble: وصول")
    doc = doc.replace("/وصول-المعدات.html", "/a?x=1&amp;not=2&copy=3")
    [draft] = read_file(write(tmp_path, "a.txt", doc))
    assert draft.blocks[1].text == (
        "ارتفع المؤشر بنسبة <5% وفق بيانات شركة A&B، بينما x<y و y>z في النموذج & "
        'الجدول "الأول" ال&copy &unknown;'
    )
    assert draft.title.startswith("أرباح AT&T و Procter & Gamble: وصول")
    assert draft.url.endswith("/a?x=1&not=2&copy=3")


def test_markup_inside_the_text_is_dropped(tmp_path):
    doc = ANT_DOC.replace(LINE_1, f'<b>{LINE_1[:20]}</b>{LINE_1[20:]}<img src="x.png"/><!-- م -->')
    [draft] = read_file(write(tmp_path, "a.txt", doc))
    assert draft.blocks[0] == Block("paragraph", LINE_1)


def test_p_elements_are_paragraphs_and_headline_is_the_title(tmp_path):
    # LDC newswire: lines wrapped inside <P>, HEADLINE and DATELINE fields.
    doc = f"""<DOC>
<DOCNO>XYZ_ARB_20050101.0001</DOCNO>
<HEADLINE>
وصول معدات عسكرية جديدة
</HEADLINE>
<DATELINE>عمان 1-1 (وكالة)</DATELINE>
<TEXT>
<P>
{LINE_1[:40]}
{LINE_1[41:]}
</P>
<P>
{LINE_2}
</P>
</TEXT>
</DOC>
"""
    [draft] = read_file(write(tmp_path, "a.sgml", doc))
    assert draft.title == "وصول معدات عسكرية جديدة"
    assert draft.blocks == [Block("paragraph", LINE_1), Block("paragraph", LINE_2)]
    assert draft.extra == {"dateline": "عمان 1-1 (وكالة)"}


def test_title_repeated_as_the_first_line_and_separator_lines_are_dropped(tmp_path):
    doc = ANT_DOC.replace(
        f"{LINE_1}\n", f"وصول دفعة جديدة من المعدات العسكرية\n{LINE_1}\n-----------\n* * *\n"
    )
    [draft] = read_file(write(tmp_path, "a.txt", doc))
    assert [b.text for b in draft.blocks] == [LINE_1, LINE_2, HEADING, LINE_3]


def test_boilerplate_lines_are_dropped_from_the_text(tmp_path):
    doc = ANT_DOC.replace(f"{LINE_3}\n", f"{LINE_3}\nشارك هذا الخبر\n")
    [draft] = read_file(write(tmp_path, "a.txt", doc))
    assert draft.blocks[-1] == Block("paragraph", LINE_3)


@pytest.mark.parametrize("name", ["a.xml", "a.trec", "a.sgml", "a.TXT", "a.md"])
def test_recognised_by_content_in_text_and_trec_suffixes(tmp_path, name):
    [draft] = read_file(write(tmp_path, name, "\ufeff \n" + ANT_DOC))
    assert draft.original_id == "XX-economy-7-20180301"
    assert draft.line == 2


def test_xml_declaration_gives_the_encoding(tmp_path):
    doc = '<?xml version="1.0" encoding="windows-1256"?>\n' + ANT_DOC
    [draft] = read_file(write(tmp_path, "a.xml", doc, "cp1256"))
    assert (draft.encoding, draft.line, draft.blocks[0].text) == ("windows-1256", 2, LINE_1)


def test_legacy_encoded_txt_is_recognised_after_decoding(tmp_path):
    [draft] = read_file(write(tmp_path, "a.txt", ANT_DOC, "cp1256"))
    assert (draft.encoding, draft.title) == ("windows-1256", "وصول دفعة جديدة من المعدات العسكرية")


def test_text_not_starting_with_doc_stays_plain_text(tmp_path):
    text = f"خبر عن الوثائق\n\n{LINE_1}\n\nيبدأ الملف بالوسم <DOC> أحيانا."
    [draft] = read_file(write(tmp_path, "a.txt", text))
    assert draft.title == "خبر عن الوثائق"
    assert draft.blocks[-1].text == "يبدأ الملف بالوسم <DOC> أحيانا."
    assert not is_trec(text)
    assert is_trec('  \n<?xml version="1.0"?>\n<doc>\n')


def test_other_xml_is_an_error(tmp_path):
    error = read_error(write(tmp_path, "a.xml", "<?xml version='1.0'?>\n<Sentences/>"))
    assert error.reason == "not a TREC-style news file: it must start with <DOC>"


@pytest.mark.parametrize(
    ("change", "line", "reason"),
    [
        (("TEXT>", "BODY>"), 1, "<DOC> has no <TEXT> (document XX-economy-7-20180301)"),
        ((f"{LINE_1}\n{LINE_2}\n{HEADING}\n{LINE_3}\n", "\n  \n"), 12, "empty <TEXT>"),
        (
            (f"{LINE_1}\n{LINE_2}\n{HEADING}\n{LINE_3}\n", "شارك هذا الخبر\n"),
            12,
            "no article text in <TEXT> (only page boilerplate)",
        ),
        (("</DOC>", ""), 1, "<DOC> is not closed (no </DOC>)"),
        (("</TITLE>", ""), 6, "<TITLE> is not closed (no </TITLE> before </DOC>)"),
        (("<CAT>economy</CAT>", "economy"), 5, "expected a field such as <TEXT>"),
    ],
)
def test_bad_documents_are_errors_with_line_and_reason(tmp_path, change, line, reason):
    path = write(tmp_path, "a.txt", "\n" + ANT_DOC + ANT_DOC.replace(*change))
    error = read_error(path)
    assert error.path == str(path)
    assert error.line == 1 + ANT_DOC.count("\n") + line
    assert error.reason.startswith(reason)
    if "empty" in reason or "boilerplate" in reason:
        assert error.reason.endswith("(document XX-economy-7-20180301)")


def test_text_between_documents_is_an_error(tmp_path):
    error = read_error(write(tmp_path, "a.txt", ANT_DOC + "نص خارج الوثيقة\n" + ANT_DOC))
    assert (error.line, error.reason) == (19, "expected <DOC>, found 'نص خارج الوثيقة'")
