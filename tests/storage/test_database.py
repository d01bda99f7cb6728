"""Opening projects: pragmas, migrations, backups, refusing what we cannot read."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.storage.database import open_database
from annotator.storage.errors import DatabaseCorrupt, DatabaseReadOnly, DatabaseTooNew, NotAProject
from annotator.storage.schema import APPLICATION_ID, SCHEMA_VERSION, known_migration_names
from annotator.storage.store import Store


def test_new_project_has_wal_foreign_keys_and_version(tmp_path):
    opened = open_database(tmp_path / "p.annotator")
    db, backup = opened.db, opened.backup
    assert backup is None
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    applied = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert applied == known_migration_names()


def test_default_scheme_has_three_themes_with_arabic_names(tmp_path):
    with Store(tmp_path / "p.annotator") as store:
        themes = store.themes.list()
    assert [(t.key, t.name_ar, t.shortcut) for t in themes] == [
        ("military", "عسكري", 1),
        ("economic", "اقتصادي", 2),
        ("reconstruction", "إعادة الإعمار", 3),
    ]


def test_reopening_applies_nothing_and_makes_no_backup(tmp_path):
    path = tmp_path / "p.annotator"
    Store(path).close()
    with Store(path) as again:
        assert again.backup is None
    assert not list(tmp_path.glob("*.bak"))


def test_pending_migration_is_applied_after_a_backup(tmp_path):
    path = tmp_path / "p.annotator"
    db = open_database(path).db
    # Simulate a database from a release before the default-themes migration.
    pending = "0002_default_themes"
    assert pending in known_migration_names()
    db.execute("DELETE FROM themes")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [pending])
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.conn.close()
    opened = open_database(path)
    db, backup = opened.db, opened.backup
    assert backup is not None and backup.exists()
    assert db.execute("SELECT COUNT(*) FROM themes").fetchone()[0] == 3
    old = sqlite3.connect(backup)
    assert old.execute("SELECT COUNT(*) FROM themes").fetchone()[0] == 0


def test_database_from_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "p.annotator"
    db = open_database(path).db
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('annotator', '9999_from_the_future', 'x')"
    )
    db.conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_higher_user_version_is_refused(tmp_path):
    path = tmp_path / "p.annotator"
    db = open_database(path).db
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.conn.close()
    with pytest.raises(DatabaseTooNew):
        open_database(path)


def test_non_sqlite_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "notes.annotator"
    path.write_text("hello, this is not a database")
    with pytest.raises(DatabaseCorrupt, match="notes.annotator"):
        open_database(path)


def test_other_sqlite_database_is_not_a_project(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAProject):
        open_database(path)


def test_missing_folder_is_reported(tmp_path):
    with pytest.raises(DatabaseReadOnly, match="does not exist"):
        open_database(tmp_path / "nowhere" / "p.annotator")


def test_damaged_file_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "p.annotator"
    Store(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # overwrite the schema page
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt):
        Store(path)


def wal_descriptors_deleted(path) -> list[str]:
    """This process's open descriptors of the project's -wal/-shm that point to deleted files."""
    import os

    links = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
        except FileNotFoundError:  # the descriptor listdir itself used, closed meanwhile
            continue
    return [link for link in links if link.startswith(str(path)) and "(deleted)" in link]


def test_opening_more_connections_never_drops_the_first_ones_locks(tmp_path):
    """On POSIX a close() of any descriptor of the file drops every lock of the process:
    nothing here may open the project outside SQLite, or another process closing the project
    deletes the write-ahead log this one still writes into (issue 8)."""
    import subprocess
    import sys

    from tests.factories import make_article

    path = tmp_path / "p.annotator"
    first = Store(path)
    first.articles.add([make_article("عنوان", ["جملة أولى.", "جملة ثانية."])])
    unit = first.articles.units(1)[1].id
    for _ in range(3):  # what the search indexer, import and export workers do
        Store(path).close()
        Store(path, read_only=True).close()
    other = "import sys; from annotator.storage.store import Store; Store(sys.argv[1]).close()"
    subprocess.run([sys.executable, "-c", other, str(path)], check=True)
    assert wal_descriptors_deleted(path) == []
    first.labels.set_themes(unit, "salma", ["military"])
    seen = (
        "import sys; from annotator.storage.store import Store; s = Store(sys.argv[1]);"
        " print(s.labels.state(int(sys.argv[2]), 'salma').themes)"
    )
    out = subprocess.run(
        [sys.executable, "-c", seen, str(path), str(unit)], capture_output=True, text=True
    )
    assert out.stdout.strip() == "('military',)"
    first.close()


def test_the_cheaper_checks_refuse_what_the_old_ones_refused(tmp_path):
    """Migration 0004 rewrote the CHECK rules of units and unit_status (same rule, no
    temporary index per row): a bad kind or status is still refused, a good one stored."""
    from annotator.storage.errors import RecordRefused
    from tests.factories import make_article

    with Store(tmp_path / "p.annotator") as store:
        store.articles.add([make_article("عنوان", ["جملة."])])
        sql = dict(store.conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'"))
        assert " IN (" not in sql["units"] and " IN (" not in sql["unit_status"]
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for statement in (
            'INSERT INTO units (article_id, idx, kind, start, "end", text)'
            " VALUES (1, 9, 'paragraph', 0, 1, 'x')",
            "INSERT INTO unit_status (unit_id, annotator_id, status, updated_at)"
            " VALUES (1, 1, 'half_done', 'now')",
        ):
            with pytest.raises(RecordRefused, match="CHECK"), store.transaction():
                store.conn.execute(
                    "INSERT OR IGNORE INTO annotators (id, name, created_at) VALUES (1, 'a', 'now')"
                )
                store.conn.execute(statement)
        unit = store.articles.units(1)[1].id
        store.labels.set_status(unit, "a", "skipped")
        assert store.labels.state(unit, "a").status == "skipped"
