"""Faults of the project file and the disk (issue 9, items 3, 4 and 10), for real: a disk
that fills up (a small tmpfs), pages overwritten with random bytes, a folder given as the
project, a read-only folder (a read-only bind mount). Each gets a plain message, never a
traceback, and nothing saved before is lost."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from annotator.storage.database import backup_file
from annotator.storage.errors import DatabaseCorrupt
from annotator.storage.store import Store
from tests.durability.processes import CHILD_ENV, REPO
from tests.environment import read_only_folder, small_disk
from tests.gui.gui_factories import numbered_articles

SENTENCE = "قال المتحدث العسكري إن القوات أعادت فتح الطريق أمام قوافل إعادة الإعمار والمساعدات."


def cli(database, *args) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "annotator", "--db", str(database), *args]
    return subprocess.run(command, capture_output=True, text=True, env=CHILD_ENV, cwd=REPO)


def plain(done: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    return done.stderr


def article_files(folder, count: int, sentences: int = 300) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article_{number:03d}.txt"
        body = " ".join(f"{SENTENCE} ({number}-{i})" for i in range(sentences))
        path.write_text(f"تقرير رقم {number}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_import_onto_a_full_disk_stops_with_a_message_and_keeps_what_landed(tmp_path):
    sources = article_files(tmp_path / "src", 40)
    with small_disk(tmp_path / "disk", "4M") as disk:
        database = disk / "p.annotator"
        first = cli(database, "import", "--quiet", *map(str, sources[:5]))
        assert first.returncode == 0, first.stderr
        full = cli(database, "import", "--quiet", *map(str, sources[5:]))
        assert full.returncode == 1
        assert "disk" in plain(full) and "is full" in full.stderr
        assert "the import stopped" in full.stderr
        stats = cli(database, "stats", "--json")
        assert stats.returncode == 0, stats.stderr
        imported = int(full.stdout.split("Imported ")[1].split()[0])
        assert json.loads(stats.stdout)["articles"] == 5 + imported


def test_export_onto_a_full_disk_says_so_and_leaves_nothing(tmp_path):
    database = tmp_path / "p.annotator"
    assert (
        cli(database, "import", "--quiet", *map(str, article_files(tmp_path / "s", 10))).returncode
        == 0
    )
    with small_disk(tmp_path / "disk", "256k") as disk:
        done = cli(database, "export", "--format", "jsonl", "--out", str(disk / "x.jsonl"))
        assert done.returncode == 1
        assert "the disk is full" in plain(done)
        assert list(disk.iterdir()) == []


def test_a_folder_given_as_the_project(tmp_path):
    done = cli(tmp_path, "stats")
    assert done.returncode == 2
    assert "is a folder, not a project file" in plain(done)


def damage_middle_pages(path, seed: int = 5, pages: int = 12) -> None:
    """Random bytes over pages in the middle of the file; the header and first page intact.

    Written while no connection is open, so no SQLite lock can be disturbed."""
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    page_size, count = 4096, len(data) // 4096
    for page in rng.sample(range(count // 3, 2 * count // 3), pages):
        data[page * page_size : (page + 1) * page_size] = rng.randbytes(page_size)
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged_project(tmp_path):
    database = tmp_path / "p.annotator"
    with Store(database) as store:
        store.articles.add(numbered_articles(400, sentences=12))
        units = [u.id for u in store.articles.units(store.articles.ids()[0])]
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = backup_file(database, "before-test")
    damage_middle_pages(database)
    return database, backup, units


def test_damage_is_found_and_stops_every_write(damaged_project):
    database, backup, units = damaged_project
    with Store(database) as store:
        assert store.check_integrity()
        for unit in units:
            with pytest.raises(DatabaseCorrupt, match=backup.name):
                store.labels.set_themes(unit, "salma", ["military"])
        assert store.damage.backup == backup


def test_commands_on_a_damaged_project_explain_and_write_nothing(damaged_project, tmp_path):
    database, backup, _units = damaged_project
    before = database.read_bytes()
    new = article_files(tmp_path / "new", 1, sentences=3)
    done = cli(database, "import", str(new[0]))
    assert done.returncode == 2
    assert "is damaged" in plain(done) and str(backup) in done.stderr
    stats = cli(database, "stats")
    assert stats.returncode in (0, 2)  # counters may sit on sound pages; never a traceback
    plain(stats)
    assert database.read_bytes() == before


def test_read_only_folder_reads_but_does_not_write(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    database = folder / "p.annotator"
    with Store(database) as store:
        store.articles.add(numbered_articles(2))
    new = article_files(tmp_path / "new", 1, sentences=3)
    with read_only_folder(folder):
        stats = cli(database, "stats", "--json")
        assert stats.returncode == 0, stats.stderr
        assert "opened for reading only" in stats.stderr
        assert json.loads(stats.stdout)["articles"] == 2
        out = tmp_path / "x.jsonl"
        exported = cli(database, "export", "--format", "jsonl", "--out", str(out))
        assert exported.returncode == 0, exported.stderr
        assert out.exists()
        refused = cli(database, "import", str(new[0]))
        assert refused.returncode == 2 and "cannot be written" in plain(refused)
