"""Folder imports follow no link out of the folder and say what they skipped; text with no
Arabic at all is refused as such, while English lines inside Arabic articles are fine."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from annotator.storage.store import Store
from tests.cli_runner import run_cli

ARABIC = "خبر عن الاقتصاد\n\nارتفعت أسعار الوقود في الأسواق اليوم.\n"
OUTSIDE = "سر خارج المجلد\n\nهذا الملف خارج المجلد ولا يجوز استيراده.\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


@pytest.fixture
def folder_with_links(tmp_path):
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "secret.txt").write_text(OUTSIDE, encoding="utf-8")
    (outside / "deep" / "more.txt").write_text(OUTSIDE.replace("سر", "سر آخر"), "utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(ARABIC.replace("الوقود", "الخبز"), "utf-8")
    os.symlink(outside / "secret.txt", folder / "secret.txt")  # a file link that leaves
    os.symlink(outside / "deep", folder / "deep")  # a folder link that leaves
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink(folder / "a.txt", folder / "again.txt")  # inside: the same file once
    os.symlink(folder / "sub", folder / "sub-link")  # inside: searched as sub anyway
    os.symlink(folder / "missing.txt", folder / "broken.txt")
    return folder


def test_links_out_of_the_folder_are_skipped_and_reported(folder_with_links, tmp_path, capsys):
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(folder_with_links))
    assert code == 0, err
    assert "Imported 2 articles" in out and "from 2 files" in out
    assert "Skipped 4 items in the folders:" in err
    for name, why in (
        ("secret.txt", "a link to a file outside the folder"),
        ("deep", "a link to a folder outside the folder"),
        ("passwd.txt", "a link to a file outside the folder (/etc/passwd)"),
        ("broken.txt", "a broken link"),
    ):
        assert f"{folder_with_links / name}: {why}" in err
    with Store(db) as store:
        texts = " ".join(store.articles.get(i).text for i in store.articles.ids())
    assert "خارج المجلد" not in texts and "root:" not in texts


def test_a_link_named_on_the_command_line_is_followed(folder_with_links, tmp_path, capsys):
    """A file named explicitly is the person's own choice, link or not."""
    db = tmp_path / "p.annotator"
    code, out, _ = run_cli(capsys, "--db", str(db), "import", str(folder_with_links / "secret.txt"))
    assert code == 0 and "Imported 1 articles" in out


def test_text_without_any_arabic_is_refused_as_such(tmp_path, capsys):
    (tmp_path / "english.txt").write_text(
        "Donors pledge aid\n\nDonors pledged 3.5 billion dollars.\n", encoding="utf-8"
    )
    (tmp_path / "records.jsonl").write_text(
        '{"text": "نص عربي."}\n{"text": "Only English here."}\n', encoding="utf-8"
    )
    (tmp_path / "mixed.txt").write_text(
        ARABIC + "\nJannah Theme License is not validated.\n", encoding="utf-8"
    )
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(tmp_path))
    assert code == 1 and "Imported 1 articles" in out
    assert "english.txt: no Arabic text (Annotator labels Arabic articles)" in err
    assert "records.jsonl:2: no Arabic text" in err
    assert "mixed.txt" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_named_like_a_text_file_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    command = [sys.executable, "-m", "annotator", "--db", str(tmp_path / "p.annotator")]
    result = subprocess.run(
        [*command, "import", str(tmp_path / "pipe.txt"), str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        timeout=60,  # reading a FIFO nobody writes to would block for ever
    )
    assert result.returncode == 1 and "Imported 1 articles" in result.stdout
    assert "pipe.txt: not a regular file" in result.stderr
