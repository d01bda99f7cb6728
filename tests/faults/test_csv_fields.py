"""CSV: vertical tabs and form feeds stay inside their field (right rows, right line numbers),
and a field longer than the csv module's default limit (131,072 characters) is read."""

from __future__ import annotations

import json

from annotator.storage.store import Store
from tests.cli_runner import run_cli


def texts(db) -> list[str]:
    with Store(db) as store:
        return [store.articles.get(i).text for i in store.articles.ids()]


def test_page_breaks_inside_a_two_column_csv_keep_its_rows(tmp_path, capsys):
    source = tmp_path / "news.csv"
    source.write_text(
        "title,text\nعنوان أول,نص فيه\x0cفاصل صفحة.\nعنوان ثان,نص فيه\x0bمسافة عمودية.\n",
        encoding="utf-8",
    )
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(source))
    assert code == 0, err
    assert "Imported 2 articles" in out
    # Inside the field, each page break is a line break, read as a newline in a JSON text is.
    assert texts(db) == [
        "عنوان أول\n\nنص فيه\n\nفاصل صفحة.",
        "عنوان ثان\n\nنص فيه\n\nمسافة عمودية.",
    ]


def test_a_bad_row_after_page_breaks_is_reported_at_its_own_line(tmp_path, capsys):
    source = tmp_path / "news.csv"
    source.write_text(
        "title,text\nعنوان,نص\x0cفيه فاصل.\nعنوان,نص,زائد\n",
        encoding="utf-8",
    )
    code, _, err = run_cli(capsys, "--db", str(tmp_path / "p.annotator"), "import", str(source))
    assert code == 1
    assert "news.csv:3: row has 3 fields, the header has 2" in err


def test_a_form_feed_in_a_one_column_csv_does_not_make_two_articles(tmp_path, capsys):
    source = tmp_path / "news.csv"
    source.write_text("text\nنص أول.\x0cتكملة النص.\n", encoding="utf-8")
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(source))
    assert code == 0, err
    assert "Imported 1 articles" in out


def test_a_field_longer_than_131072_characters_is_read_like_the_same_jsonl(tmp_path, capsys):
    sentence = "ارتفعت أسعار الوقود في الأسواق المحلية خلال الأسبوع الماضي. "
    text = sentence * (140_000 // len(sentence) + 1)
    assert len(text) > 131_072
    csv_folder, jsonl_folder = tmp_path / "csv", tmp_path / "jsonl"
    csv_folder.mkdir()
    jsonl_folder.mkdir()
    (csv_folder / "long.csv").write_text(f'title,text\nخبر طويل,"{text}"\n', encoding="utf-8")
    record = json.dumps({"title": "خبر طويل", "text": text}, ensure_ascii=False)
    (jsonl_folder / "long.jsonl").write_text(record + "\n", encoding="utf-8")
    imported = []
    for folder in (csv_folder, jsonl_folder):
        db = folder / "p.annotator"
        code, _, err = run_cli(capsys, "--db", str(db), "import", str(folder))
        assert code == 0, err
        imported.append(texts(db))
    assert imported[0] == imported[1] and len(imported[0][0]) > 131_072
