"""Readers: file discovery, dispatch and limits, plain text (the seed's form), HTML, errors."""

from __future__ import annotations

import pytest

from annotator.core.boilerplate import Boilerplate
from annotator.core.model import Block, ReadError
from annotator.core.readers import (
    SUPPORTED_SUFFIXES,
    ReadOptions,
    iter_source_files,
    read_file,
)

SEED_TITLE = "وزيرا الخارجية والدفاع السوريان يبحثان مع بوتين التعاون العسكري والاقتصادي"
SEED_HEADINGS = [
    "تعزيز العلاقات السورية الروسية: نظرة على التعاون العسكري",
    "التركيز على الصناعات العسكرية",
]
PARAGRAPH_1 = (
    "قالت وزارة الاقتصاد، يوم الأحد، إن الحكومة ستطلق خطة لإعادة إعمار البنية التحتية في المدن "
    "المتضررة من الحرب، بكلفة تقدر بمليارات الدولارات على مدى خمس سنوات."
)
PARAGRAPH_2 = (
    "وأضاف الوزير في مؤتمر صحفي أن الخطة تشمل الطرق والجسور ومحطات الكهرباء والمياه، وأنها "
    "ستمول بقروض ميسرة من البنك الدولي وصناديق عربية للتنمية."
)
PARAGRAPH_3 = (
    "وفي الجانب الأمني، أعلن الجيش انسحاب وحداته من المنطقة الحدودية بعد اتفاق الهدنة الذي وقع "
    "الشهر الماضي، ما يسمح ببدء أعمال الترميم في القرى المدمرة."
)


def write(tmp_path, name: str, content: str | bytes, encoding: str = "utf-8"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def read_error(path, options: ReadOptions | None = None) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(path, options or ReadOptions())
    return caught.value


# --- the seed: text copied from a news page --------------------------------------------------


def test_seed_page_text_gives_category_title_headings_and_no_boilerplate(seed_path):
    [draft] = read_file(seed_path)
    assert draft.category == "دولي"
    assert draft.title == SEED_TITLE
    assert [b.text for b in draft.blocks if b.kind == "heading"] == SEED_HEADINGS
    assert draft.blocks[0].text.startswith("التقى وزيرا الخارجية والدفاع السوريان")
    assert draft.blocks[-1].text.endswith("عاملاً رئيسيًا في تحديد مستقبل سوريا.")
    assert len(draft.blocks) == 12
    everything = draft.title + "\n".join(b.text for b in draft.blocks)
    for furniture in ("Theme License", "اترك تعليقاً", "بريدك الإلكتروني", "زر الذهاب إلى الأعلى"):
        assert furniture not in everything
    assert (draft.source, draft.encoding, draft.warnings, draft.line) == (
        str(seed_path),
        "utf-8",
        [],
        None,
    )


@pytest.mark.parametrize(
    ("codec", "name"),
    [("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6"), ("utf-16", "utf-16-le")],
)
def test_seed_in_a_legacy_encoding_reads_the_same(tmp_path, seed_path, codec, name):
    [original] = read_file(seed_path)
    path = write(tmp_path, "seed.txt", seed_path.read_text(encoding="utf-8"), codec)
    [draft] = read_file(path)
    assert (draft.title, draft.category, draft.blocks) == (
        original.title,
        original.category,
        original.blocks,
    )
    assert draft.encoding == name


# --- plain text without the page form ----------------------------------------------------------


def test_short_unpunctuated_first_line_is_the_title(tmp_path):
    text = f"خطة لإعادة الإعمار\n\n{PARAGRAPH_1}\n\nتمويل دولي\n\n{PARAGRAPH_2}\n\nالمصدر وكالات"
    [draft] = read_file(write(tmp_path, "a.txt", text))
    assert draft.title == "خطة لإعادة الإعمار"
    assert draft.category == ""
    assert draft.blocks == [
        Block("paragraph", PARAGRAPH_1),
        Block("heading", "تمويل دولي"),
        Block("paragraph", PARAGRAPH_2),
        Block("paragraph", "المصدر وكالات"),  # last line: nothing follows, so not a heading
    ]


def test_text_starting_with_a_sentence_gets_a_derived_title_and_keeps_all_text(tmp_path):
    [draft] = read_file(write(tmp_path, "a.txt", f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}"))
    assert draft.title.endswith("…")
    assert len(draft.title) <= 81
    assert PARAGRAPH_1.startswith(draft.title[:-1])
    assert draft.blocks == [Block("paragraph", PARAGRAPH_1), Block("paragraph", PARAGRAPH_2)]


def test_short_first_sentence_is_the_derived_title(tmp_path):
    [draft] = read_file(write(tmp_path, "a.md", f"انتهت الحرب. {PARAGRAPH_2}"))
    assert draft.title == "انتهت الحرب."
    assert draft.blocks == [Block("paragraph", f"انتهت الحرب. {PARAGRAPH_2}")]


def test_text_without_blank_lines_has_one_paragraph_per_line(tmp_path):
    [draft] = read_file(
        write(tmp_path, "a.text", f"العنوان هنا\r\n{PARAGRAPH_1}\r\n{PARAGRAPH_2}\r\n")
    )
    assert draft.title == "العنوان هنا"
    assert [b.text for b in draft.blocks] == [PARAGRAPH_1, PARAGRAPH_2]


def test_unknown_short_section_line_before_a_title_is_a_category(tmp_path):
    [draft] = read_file(
        write(tmp_path, "a.txt", f"شؤون عسكرية\n\nالجيش ينسحب من الحدود\n\n{PARAGRAPH_3}")
    )
    assert (draft.category, draft.title) == ("شؤون عسكرية", "الجيش ينسحب من الحدود")


def test_known_category_directly_above_the_title(tmp_path):
    [draft] = read_file(write(tmp_path, "a.txt", f"اقتصاد\nخطة لإعادة الإعمار\n\n{PARAGRAPH_1}"))
    assert (draft.category, draft.title) == ("اقتصاد", "خطة لإعادة الإعمار")
    assert draft.blocks == [Block("paragraph", PARAGRAPH_1)]


def test_short_title_with_body_is_not_taken_for_a_category(tmp_path):
    [draft] = read_file(write(tmp_path, "a.txt", f"انسحاب الجيش\n\n{PARAGRAPH_3}\n\n{PARAGRAPH_1}"))
    assert (draft.category, draft.title) == ("", "انسحاب الجيش")


def test_a_custom_boilerplate_list_is_used(tmp_path):
    options = ReadOptions(boilerplate=Boilerplate.parse("[drop_line]\nإعلان ممول\n"))
    [draft] = read_file(
        write(tmp_path, "a.txt", f"عنوان\n\n{PARAGRAPH_1}\n\nإعلان ممول\n\n{PARAGRAPH_2}"), options
    )
    assert [b.text for b in draft.blocks] == [PARAGRAPH_1, PARAGRAPH_2]


def test_text_of_only_boilerplate_has_no_article(tmp_path):
    error = read_error(write(tmp_path, "a.txt", "اترك تعليقاً\n\nزر الذهاب إلى الأعلى\n"))
    assert error.reason == "no article text found (empty or only page boilerplate)"


# --- HTML ----------------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset={{charset}}">
<title>الحكومة تطلق خطة لإعادة الإعمار - موقع الأخبار</title>
<meta property="og:title" content="الحكومة تطلق خطة لإعادة إعمار البنية التحتية">
<meta property="og:url" content="https://news.example/a/123">
<link rel="canonical" href="https://news.example/economy/123">
<meta property="article:published_time" content="2025-12-24T10:00:00+03:00">
<meta property="article:section" content="اقتصاد">
<meta name="author" content="سارة أحمد">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/p">سياسة</a></li></ul></nav>
<main><article>
<h1>الحكومة تطلق خطة لإعادة إعمار البنية التحتية</h1>
<p>{PARAGRAPH_1}</p>
<p>{PARAGRAPH_2}</p>
<h2>تمويل دولي مشروط</h2>
<p>{PARAGRAPH_3}</p>
<p>شارك</p>
<p>اقرأ أيضا: البنك الدولي يتوقع نمو الاقتصاد العام المقبل</p>
</article></main>
<footer><p>جميع الحقوق محفوظة 2025</p></footer>
</body></html>
"""
PAGE_BLOCKS = [
    Block("paragraph", PARAGRAPH_1),
    Block("paragraph", PARAGRAPH_2),
    Block("heading", "تمويل دولي مشروط"),
    Block("paragraph", PARAGRAPH_3),
]


def test_html_article_with_metadata_headings_and_boilerplate_dropped(tmp_path):
    [draft] = read_file(write(tmp_path, "page.html", PAGE.format(charset="utf-8")))
    assert draft.title == "الحكومة تطلق خطة لإعادة إعمار البنية التحتية"
    assert draft.blocks == PAGE_BLOCKS  # the h1 is the title, not repeated in the body
    assert draft.url == "https://news.example/economy/123"
    assert (draft.date, draft.category, draft.author) == (
        "2025-12-24T10:00:00+03:00",
        "اقتصاد",
        "سارة أحمد",
    )
    assert (draft.encoding, draft.warnings) == ("utf-8", [])


@pytest.mark.parametrize(
    ("declared", "warnings"),
    [
        ("windows-1256", []),
        ("iso-8859-1", ["declared charset 'iso-8859-1' ignored: the text is windows-1256"]),
    ],
)
def test_legacy_html_uses_its_meta_charset_only_when_it_gives_arabic(tmp_path, declared, warnings):
    path = write(tmp_path, "old.php", PAGE.format(charset=declared), "cp1256")
    [draft] = read_file(path)
    assert draft.blocks == PAGE_BLOCKS
    assert (draft.encoding, draft.warnings) == ("windows-1256", warnings)


def test_html_placeholder_title_gives_way_to_the_first_line_of_the_text(tmp_path):
    body = f"<div><p>{PARAGRAPH_1}</p><p>{PARAGRAPH_2}</p></div>"
    page = f"<html><head><title>Untitled Document</title></head><body>{body}</body></html>"
    [draft] = read_file(write(tmp_path, "old.html", page))
    assert (
        draft.title
        == "قالت وزارة الاقتصاد، يوم الأحد، إن الحكومة ستطلق خطة لإعادة إعمار البنية التحتية…"
    )
    assert draft.blocks == [Block("paragraph", PARAGRAPH_1), Block("paragraph", PARAGRAPH_2)]


def test_html_without_article_text_is_an_error(tmp_path):
    menu = '<html><head><title>الأخبار</title></head><body><nav><a href="/">الرئيسية</a> <a href="/p">سياسة</a></nav></body></html>'
    error = read_error(write(tmp_path, "menu.htm", menu))
    assert (error.path, error.reason, error.line) == (
        str(tmp_path / "menu.htm"),
        "no article text found",
        None,
    )


BARE_BODY = f"""<html>
 <head>
  <title> {{title}} </title>
  <style>body {{{{ direction: rtl }}}}</style>
 </head>
 <body dir="RTL">
  <script>var x = "لا يظهر هذا النص";</script>
  {PARAGRAPH_1}
  {PARAGRAPH_2}<br><br>
  <!-- تعليق لا يظهر -->{PARAGRAPH_3} <a href="/more">التفاصيل</a>
 </body>
</html>
"""


@pytest.mark.parametrize("charset_title", ["windows-1256", "ISO-8859-6", "utf-8"])
def test_html_text_directly_in_body_is_read_and_a_charset_title_is_ignored(tmp_path, charset_title):
    page = BARE_BODY.format(title=charset_title)
    [draft] = read_file(write(tmp_path, "bare.html", page, "cp1256"))
    assert draft.blocks == [
        Block("paragraph", f"{PARAGRAPH_1} {PARAGRAPH_2}"),  # source newlines are spaces
        Block("paragraph", f"{PARAGRAPH_3} التفاصيل"),
    ]
    assert draft.title.startswith("قالت وزارة الاقتصاد، يوم الأحد")
    assert draft.encoding == "windows-1256"


def test_html_text_directly_in_body_keeps_a_real_title(tmp_path):
    [draft] = read_file(write(tmp_path, "bare.html", BARE_BODY.format(title="خطة الإعمار")))
    assert draft.title == "خطة الإعمار"
    assert draft.blocks[0].text.startswith(PARAGRAPH_1)


@pytest.mark.parametrize("count", [2, 8])
def test_html_body_text_beside_a_list_is_read_unless_the_list_is_most_of_the_page(tmp_path, count):
    items = "".join(f"<li>أخبار القسم رقم {i}</li>" for i in range(count))  # 4 words each
    page = f"<html><body>{PARAGRAPH_1}<ul>{items}</ul></body></html>"
    if count == 2:
        [draft] = read_file(write(tmp_path, "list.html", page))
        assert draft.blocks[0] == Block("paragraph", PARAGRAPH_1)
        assert len(draft.blocks) == 3
    else:
        assert read_error(write(tmp_path, "list.html", page)).reason == "no article text found"


@pytest.mark.parametrize("count", [3, 11])
def test_html_body_with_many_links_is_still_no_article(tmp_path, count):
    links = " ".join(f'<a href="/{i}">خبر</a>' for i in range(count))
    page = f"<html><body>{PARAGRAPH_1}<br>{links}</body></html>"
    if count == 3:
        assert len(read_file(write(tmp_path, "links.html", page))[0].blocks) == 2
    else:
        assert read_error(write(tmp_path, "links.html", page)).reason == "no article text found"


def test_html_body_text_without_a_sentence_is_still_no_article(tmp_path):
    page = "<html><body>مرحبا بكم<br>الصفحة الرئيسية<br>اتصل بنا</body></html>"
    assert read_error(write(tmp_path, "short.html", page)).reason == "no article text found"


# --- dispatch, discovery and file-level errors -----------------------------------------------


def test_supported_suffixes():
    expected = [
        ".txt",
        ".text",
        ".md",
        ".html",
        ".htm",
        ".php",
        ".xhtml",
        ".jsonl",
        ".ndjson",
        ".json",
        ".csv",
        ".tsv",
        ".xml",
        ".sgml",
        ".trec",
        ".parquet",
    ]
    assert set(expected) == SUPPORTED_SUFFIXES


def test_iter_source_files_walks_folders_sorted_and_skips_hidden_and_unsupported(tmp_path):
    for name in (
        "b/2.txt",
        "b/1.html",
        "a.jsonl",
        "c/deep/3.CSV",
        ".hidden.txt",
        ".git/x.txt",
        "notes.pdf",
        "d/~x.docx",
    ):
        write(tmp_path, name, "نص")
    explicit = write(tmp_path / "elsewhere", "report.pdf", "x")
    found = list(iter_source_files([tmp_path, explicit, tmp_path / "a.jsonl"]))
    root = tmp_path
    assert found == [
        root / "a.jsonl",
        root / "b/1.html",
        root / "b/2.txt",
        root / "c/deep/3.CSV",
        explicit,
    ]


def test_unsupported_file_type_is_an_error(tmp_path):
    error = read_error(write(tmp_path, "report.pdf", "%PDF-1.4"))
    assert error.reason.startswith("unsupported file type '.pdf' (supported: .csv .htm .html")


def test_missing_file_is_an_error(tmp_path):
    error = read_error(tmp_path / "gone.txt")
    assert error.path == str(tmp_path / "gone.txt")
    assert error.reason == "cannot read the file: No such file or directory"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "big.txt", "ا" * 1_000_000)  # 2,000,000 bytes
    error = read_error(path, ReadOptions(max_bytes=1024 * 1024))
    assert error.reason == "file too large: 1.9 MB, the limit is 1.0 MB"
    assert ReadOptions().max_bytes == 20 * 1024 * 1024


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t"])
def test_empty_files_are_errors(tmp_path, content):
    assert read_error(write(tmp_path, "e.txt", content)).reason == "empty file"


@pytest.mark.parametrize("name", ["photo.txt", "photo.html", "photo.jsonl"])
def test_binary_files_are_errors_whatever_their_suffix(tmp_path, name):
    error = read_error(write(tmp_path, name, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"))
    assert error.reason == "binary data (NUL bytes), not a text file"


def test_undecodable_text_is_an_error(tmp_path):
    error = read_error(write(tmp_path, "fr.txt", "Le café est très célèbre.", "latin-1"))
    assert error.reason.startswith("undecodable: not UTF-8, and no Arabic code page fits")


def test_a_parquet_table_of_articles_is_read_like_json_records(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "news.parquet"
    pq.write_table(
        pa.table(
            {
                "title": ["مؤتمر المانحين", "اشتباكات على الحدود"],
                "text": [
                    "تعهد المانحون بتقديم 3.5 مليار دولار لإعادة الإعمار.",
                    "تبادل الجيشان القصف المدفعي فجر اليوم.",
                ],
                "date": ["2025-04-12", None],
            }
        ),
        path,
    )
    drafts = read_file(path)
    assert [d.title for d in drafts] == ["مؤتمر المانحين", "اشتباكات على الحدود"]
    assert (drafts[0].date, drafts[1].date, drafts[0].line, drafts[1].line) == (
        "2025-04-12",
        "",
        1,
        2,
    )
    assert ".parquet" in SUPPORTED_SUFFIXES


def test_a_file_that_is_not_parquet_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not a parquet file at all")
    with pytest.raises(ReadError, match="not a readable Parquet file") as caught:
        read_file(path)
    assert caught.value.path == str(path)
