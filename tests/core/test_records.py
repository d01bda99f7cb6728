"""Record readers: JSON Lines, JSON arrays, CSV/TSV; field names, line numbers, bad records."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import Block, ReadError
from annotator.core.readers import ReadOptions, read_file

BODY_1 = "قال الجيش إنه انسحب من المنطقة الحدودية. وأضاف أن الهدنة صامدة."
BODY_2 = "أعلنت الحكومة خطة لإعادة الإعمار بكلفة مليار دولار."
RECORD_1 = {
    "id": 17,
    "title": "الجيش ينسحب",
    "text": f"{BODY_1}\n\nمواقف دولية\n\n{BODY_2}",
    "url": "https://news.example/17",
    "date": "2025-12-24",
    "section": "عسكري",
    "author": "وكالات",
    "tags": ["سوريا", "هدنة"],
    "source": "سانا",
}


def write(tmp_path, name: str, content: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def read_error(path, options: ReadOptions | None = None) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(path, options or ReadOptions())
    return caught.value


def jsonl(*records) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_record_fields_blocks_and_extra(tmp_path):
    [draft] = read_file(write(tmp_path, "a.jsonl", jsonl(RECORD_1)))
    assert (draft.title, draft.original_id, draft.url) == (
        "الجيش ينسحب",
        "17",
        "https://news.example/17",
    )
    assert (draft.date, draft.category, draft.author) == ("2025-12-24", "عسكري", "وكالات")
    assert draft.blocks == [
        Block("paragraph", BODY_1),
        Block("heading", "مواقف دولية"),
        Block("paragraph", BODY_2),
    ]
    assert draft.extra == {"tags": ["سوريا", "هدنة"], "source": "سانا"}  # kept verbatim
    assert (draft.line, draft.source, draft.encoding) == (1, str(tmp_path / "a.jsonl"), "utf-8")


def test_jsonl_lines_are_physical_lines_and_blank_lines_are_skipped(tmp_path):
    text = "\n" + jsonl({"body": BODY_1}) + "\n\n" + jsonl({"content": BODY_2})
    drafts = read_file(write(tmp_path, "a.ndjson", text))
    assert [d.line for d in drafts] == [2, 5]
    assert [d.blocks for d in drafts] == [
        [Block("paragraph", BODY_1)],
        [Block("paragraph", BODY_2)],
    ]


def test_record_text_without_blank_lines_splits_on_single_newlines(tmp_path):
    [draft] = read_file(write(tmp_path, "a.jsonl", jsonl({"text": f"{BODY_1}\n{BODY_2}"})))
    assert [b.text for b in draft.blocks] == [BODY_1, BODY_2]


def test_record_without_title_gets_its_first_sentence_as_title(tmp_path):
    [draft] = read_file(write(tmp_path, "a.jsonl", jsonl({"text": BODY_1})))
    assert draft.title == "قال الجيش إنه انسحب من المنطقة الحدودية."
    assert draft.blocks == [Block("paragraph", BODY_1)]  # the text stays whole


def test_field_map_names_the_files_own_fields(tmp_path):
    record = {"article_body": BODY_1, "headline": "عنوان", "text": "ليس هذا"}
    options = ReadOptions(field_map={"text": "article_body", "title": "headline"})
    [draft] = read_file(write(tmp_path, "a.jsonl", jsonl(record)), options)
    assert (draft.title, draft.blocks) == ("عنوان", [Block("paragraph", BODY_1)])
    assert draft.extra == {"text": "ليس هذا"}


def test_unknown_field_map_names_are_rejected_up_front():
    with pytest.raises(ValueError, match="unknown field"):
        ReadOptions(field_map={"body_text": "x"})


def test_field_names_match_whatever_their_case(tmp_path):
    [draft] = read_file(write(tmp_path, "a.jsonl", jsonl({"Text": BODY_1, "Title": "عنوان"})))
    assert draft.title == "عنوان"


@pytest.mark.parametrize(
    ("lines", "line", "reason"),
    [
        (
            [{"text": BODY_1}, {"text": BODY_2}, "{not json"],
            3,
            "not valid JSON: Expecting property name",
        ),
        ([{"text": BODY_1}, ["a", "list"]], 2, "a record must be a JSON object, not list"),
        (
            [{"text": BODY_1}, {"title": "بلا نص"}],
            2,
            "record has no text field (text or body or content)",
        ),
        ([{"text": BODY_1}, {"body": "  \n "}], 2, "record has an empty text (field 'body')"),
        (
            [{"text": "اترك تعليقاً"}],
            1,
            "record has an empty text (field 'text')",
        ),  # only boilerplate
        ([{"text": 42}], 1, "field 'text' is not a string"),
    ],
)
def test_bad_jsonl_records_fail_the_whole_file_naming_the_line(tmp_path, lines, line, reason):
    text = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
    error = read_error(write(tmp_path, "bad.jsonl", text))
    assert (error.path, error.line) == (str(tmp_path / "bad.jsonl"), line)
    assert error.reason.startswith(reason)
    assert str(error).startswith(f"{tmp_path / 'bad.jsonl'}:{line}: ")


def test_file_with_no_records_is_an_error(tmp_path):
    assert read_error(write(tmp_path, "a.jsonl", "\n\n \n")).reason == "empty file"
    assert read_error(write(tmp_path, "b.json", "[]")).reason == "no records found"


# --- JSON ------------------------------------------------------------------------------------------


def test_json_array_records_carry_the_line_where_they_start(tmp_path):
    text = json.dumps([RECORD_1, {"body": BODY_2}], ensure_ascii=False, indent=2)
    drafts = read_file(write(tmp_path, "a.json", text))
    second_start = text.splitlines().index("  {", 2) + 1
    assert [d.line for d in drafts] == [2, second_start]
    assert drafts[0].title == "الجيش ينسحب"


def test_json_single_object_is_one_record(tmp_path):
    [draft] = read_file(write(tmp_path, "a.json", json.dumps({"text": BODY_2}, ensure_ascii=False)))
    assert draft.blocks == [Block("paragraph", BODY_2)]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('[\n {"text": "نص"},\n {"text": }\n]', 3, "not valid JSON: Expecting value"),
        ('[\n {"text": "نص"}\n {"text": "نص"}\n]', 3, "not valid JSON: expected ',' or ']'"),
        ('"just a string"', 1, "a JSON file must hold an array of records or one record"),
        ('[{"text": "نص"}] extra', 1, "unexpected text after the JSON value"),
        ('[\n {"text": "نص"},\n {"text": ""}\n]', 3, "record has an empty text (field 'text')"),
    ],
)
def test_bad_json_files_name_the_line(tmp_path, text, line, reason):
    error = read_error(write(tmp_path, "bad.json", text))
    assert error.line == line
    assert error.reason.startswith(reason)


# --- CSV / TSV ---------------------------------------------------------------------------------------


def test_csv_with_bom_quoted_multiline_text_and_physical_lines(tmp_path):
    text = f'id,title,body,site\r\n1,أول,"{BODY_1}\r\n\r\n{BODY_2}",أ\r\n2,ثان,{BODY_2},ب\r\n'
    path = tmp_path / "a.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    first, second = read_file(path)
    assert (first.line, second.line) == (2, 5)  # the first record spans lines 2-4
    assert first.blocks == [Block("paragraph", BODY_1), Block("paragraph", BODY_2)]
    assert (first.original_id, first.title, first.extra) == ("1", "أول", {"site": "أ"})
    assert first.encoding == "utf-8-sig"


def test_csv_in_windows_1256_with_semicolons(tmp_path):
    path = write(tmp_path, "a.csv", f"title;text\nعنوان;{BODY_2}\n", "cp1256")
    [draft] = read_file(path)
    assert (draft.title, draft.encoding) == ("عنوان", "windows-1256")
    assert draft.blocks == [Block("paragraph", BODY_2)]


def test_tsv(tmp_path):
    [draft] = read_file(write(tmp_path, "a.tsv", f"content\tcategory\n{BODY_1}\tاقتصاد\n"))
    assert (draft.category, draft.blocks) == ("اقتصاد", [Block("paragraph", BODY_1)])


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            "title,summary\nعنوان,ملخص\n",
            1,
            "no text column: expected text or body or content (columns: title, summary)",
        ),
        (f"title,text\nعنوان,{BODY_1}\nعنوان,,زائد\n", 3, "row has 3 fields, the header has 2"),
        (f"title,text\nعنوان,{BODY_1}\nعنوان,\n", 3, "record has an empty text (field 'text')"),
        ('title,text\nعنوان,"نص بلا نهاية\n', 2, "bad CSV: unexpected end of data"),
    ],
)
def test_bad_csv_files_name_the_line(tmp_path, text, line, reason):
    error = read_error(write(tmp_path, "bad.csv", text))
    assert (error.path, error.line, error.reason) == (str(tmp_path / "bad.csv"), line, reason)


def test_csv_text_column_can_be_mapped(tmp_path):
    options = ReadOptions(field_map={"text": "article_body"})
    [draft] = read_file(write(tmp_path, "a.csv", f"article_body\n{BODY_2}\n"), options)
    assert draft.blocks == [Block("paragraph", BODY_2)]
    error = read_error(write(tmp_path, "b.csv", f"text\n{BODY_2}\n"), options)
    assert error.reason == "no text column: expected article_body (columns: text)"
