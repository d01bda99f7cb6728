"""The dataset card stays current, killed exports leave nothing behind for long, and no
export carries the folders of the lead's computer."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.storage.store import Store
from tests.cli_runner import run_cli

ARTICLE = "عنوان الخبر {n}\n\nارتفعت أسعار الوقود {n} مرة. وقال الوزير إن الأولوية للمدارس.\n"


@pytest.fixture
def project(tmp_path, capsys) -> Path:
    """Articles imported from an absolute folder path, labelled by two annotators."""
    source = tmp_path / "lead-home" / "news"
    source.mkdir(parents=True)
    for n in range(3):
        (source / f"{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    db = tmp_path / "p.annotator"
    code, _, err = run_cli(capsys, "--db", str(db), "import", str(source.absolute()))
    assert code == 0, err
    with Store(db) as store:
        for name in ("amina", "omar"):
            for article_id in store.articles.ids():
                store.labels.set_themes(store.articles.units(article_id)[1].id, name, ["economic"])
    return db


def exported(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_exporting_twice_into_one_folder_replaces_the_card_it_wrote(project, tmp_path, capsys):
    out = tmp_path / "out" / "d.jsonl"
    code, printed, err = run_cli(capsys, "--db", str(project), "export", "--out", str(out))
    assert code == 0, err
    assert f"Dataset card: {out.parent / 'README.md'} (beside the data" in printed
    code, printed, err = run_cli(
        capsys, "--db", str(project), "export", "--out", str(out), "--only-done"
    )
    assert code == 0, err
    assert exported(out.parent) == ["README.md", "d.jsonl", "d.themes.png"]
    card = (out.parent / "README.md").read_text(encoding="utf-8")
    assert "Included: only units marked done" in card and "--only-done" in card
    from datasets import load_dataset

    dataset = load_dataset(str(out.parent))  # reads the card's configs: the current one
    assert dataset["train"].num_rows == 3  # the three done units, not every unit


def test_a_readme_written_by_someone_else_is_kept_and_said_so(project, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "README.md").write_text("---\ntitle: mine\n---\nmy own notes\n", encoding="utf-8")
    code, printed, err = run_cli(
        capsys, "--db", str(project), "export", "--out", str(folder / "d.jsonl")
    )
    assert code == 0
    assert (folder / "README.md").read_text(encoding="utf-8").endswith("my own notes\n")
    assert f"Dataset card: {folder / 'd.README.md'}" in printed
    assert "README.md was not written by an export, so it is left as it is" in err


def test_no_export_holds_absolute_paths_of_the_leads_computer(project, tmp_path, capsys):
    import pyarrow.parquet as pq

    home = str(tmp_path)
    for fmt in ("jsonl", "csv", "parquet"):
        folder = tmp_path / f"out-{fmt}"
        code, _, err = run_cli(
            capsys, "--db", str(project), "export", "--out", str(folder / f"d.{fmt}")
        )
        assert code == 0, err
        assert home not in (folder / "README.md").read_text(encoding="utf-8")
        if fmt == "parquet":
            sources = set(pq.read_table(folder / "d.parquet")["article_source"].to_pylist())
        else:
            data = (folder / f"d.{fmt}").read_text(encoding="utf-8-sig")
            assert home not in data
            rows = (
                [json.loads(line) for line in data.splitlines()]
                if fmt == "jsonl"
                else list(csv.DictReader(io.StringIO(data)))
            )
            sources = {row["article_source"] for row in rows}
        assert sources == {"0.txt", "1.txt", "2.txt"}


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.part-*"))


def test_a_killed_exports_leftovers_are_removed_by_the_next_export(project, tmp_path):
    folder = tmp_path / "out"
    command = [sys.executable, "-m", "annotator", "--db", str(project), "export"]
    command += ["--out", str(folder / "d.parquet")]
    export = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (folder.exists() and parts(folder)) and time.monotonic() < deadline:
        assert export.poll() is None, "the export finished before it could be killed"
        time.sleep(0.002)
    export.send_signal(signal.SIGKILL)
    export.wait()
    left = parts(folder)
    assert left, "the killed export left no temporary file to clean"
    assert subprocess.run(command, capture_output=True, timeout=120).returncode == 0
    assert parts(folder) == []
    assert "d.parquet" in exported(folder) and "README.md" in exported(folder)


@pytest.mark.skipif(os.name == "nt", reason="POSIX locks; Windows protects open files itself")
def test_the_temporary_file_of_an_export_still_running_is_left_alone(project, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    stale, live = folder / ".d.jsonl.part-stale000", folder / ".d.jsonl.part-live0000"
    stale.write_text("left by a killed export", encoding="utf-8")
    holder = subprocess.Popen(  # another export, still writing: it holds its file's lock
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            "f = open(sys.argv[1], 'wb'); fcntl.flock(f, fcntl.LOCK_EX)\n"
            "print('ready', flush=True); time.sleep(120)",
            str(live),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        command = [sys.executable, "-m", "annotator", "--db", str(project), "export"]
        result = subprocess.run(
            [*command, "--out", str(folder / "d.jsonl")], capture_output=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        assert not stale.exists() and live.exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_split_export_keeps_a_foreign_readme_in_its_folder(project, tmp_path, capsys):
    folder = tmp_path / "splits"
    folder.mkdir()
    (folder / "README.md").write_text("notes about this folder\n", encoding="utf-8")
    code, printed, _ = run_cli(
        capsys, "--db", str(project), "export", "--out", str(folder), "--format", "jsonl",
        "--split", "train=0.5,test=0.5",
    )  # fmt: skip
    assert code == 0
    assert (folder / "README.md").read_text(encoding="utf-8") == "notes about this folder\n"
    assert f"Dataset card: {folder / 'dataset.README.md'}" in printed
