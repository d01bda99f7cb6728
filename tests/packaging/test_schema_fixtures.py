"""Every released schema still opens: a copy of each fixture is migrated, after a backup,
with its labels, statuses, notes, positions and themes intact (fixtures: packaging/make_schema_fixture.py)."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.storage.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    known_migration_names,
)
from annotator.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
FIXTURES = sorted((REPO / "tests" / "fixtures" / "schemas").glob("schema-*.annotator"))


def _load_maker():
    spec = importlib.util.spec_from_file_location(
        "make_schema_fixture", REPO / "packaging" / "make_schema_fixture.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKER = _load_maker()


def schema_of(path: Path) -> int:
    return int(re.search(r"schema-(\d+)\.annotator$", path.name).group(1))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_current_schema_has_a_fixture():
    assert SCHEMA_VERSION in [schema_of(p) for p in FIXTURES], (
        f"no tests/fixtures/schemas/schema-{SCHEMA_VERSION}.annotator: a migration was added; "
        "run `python packaging/make_schema_fixture.py` and commit the file"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_records_its_schema(fixture, tmp_path):
    copy = tmp_path / fixture.name  # even a read-only open of a WAL database writes -shm beside it
    shutil.copyfile(fixture, copy)
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema_of(fixture)
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_copy_opens_migrated_with_everything_kept(fixture, tmp_path):
    before = digest(fixture)
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    with Store(copy) as store:
        if schema_of(fixture) < SCHEMA_VERSION:
            assert store.backup is not None and store.backup.exists()
        else:
            assert store.backup is None
        assert MIGRATIONS.pending(store.db) == []
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        expected = MAKER.EXPECTED
        assert set(expected["annotators"]) <= set(store.annotators.names())
        ids = store.articles.ids()
        for (article, index, annotator), themes in expected["labels"].items():
            unit = store.articles.units(ids[article])[index]
            assert sorted(store.labels.state(unit.id, annotator).themes) == sorted(themes)
        article, index, annotator = expected["skipped"]
        assert (
            store.labels.state(store.articles.units(ids[article])[index].id, annotator).status
            == "skipped"
        )
        article, index, annotator, text = expected["note"]
        assert store.notes.get(store.articles.units(ids[article])[index].id, annotator) == text
        assert store.positions.get("amina") == (ids[1], 2)
        assert expected["custom_theme"] in [t.key for t in store.themes.list()]
    assert digest(fixture) == before, "the fixture itself must never be changed"


@pytest.mark.parametrize("stop_before", known_migration_names()[1:])
def test_an_older_schema_is_backed_up_then_migrated(tmp_path, stop_before):
    path = MAKER.partial_schema(tmp_path / "old.annotator", stop_before)
    with Store(path) as store:
        assert store.backup is not None and store.backup.exists()
        assert MIGRATIONS.pending(store.db) == []
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn = sqlite3.connect(store.backup)  # the backup is the file as it was
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()
    assert stop_before not in names
    with Store(path) as again:
        assert again.backup is None  # nothing pending: no second backup
