"""Open a project database: checks, backup, migrations, pragmas."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlite_utils

from annotator.storage.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAProject,
)
from annotator.storage.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    known_migration_names,
)

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


def _connect(path: Path | None) -> sqlite3.Connection:
    target = ":memory:" if path is None else str(path)
    # isolation_level=None: sqlite-utils' atomic() manages transactions explicitly.
    conn = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _check_file(path: Path) -> None:
    """Refuse files that are not SQLite before SQLite gets a chance to misread them."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise DatabaseCorrupt(f"{path} is not an Annotator project (not an SQLite database)")


def _applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def _check_version(db: sqlite_utils.Database, path: Path | None) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = set(db.table_names())
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and "articles" not in tables):
        raise NotAProject(f"{path} is an SQLite database but not an Annotator project")
    unknown = [n for n in _applied_names(db) if n not in known_migration_names()]
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    if unknown or user_version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Annotator (schema {user_version}, "
            f"this version knows {SCHEMA_VERSION}). Install the newer version to open it; "
            "the file has not been changed."
        )


def backup_file(path: Path, reason: str) -> Path:
    """Copy the database (with any WAL content) beside itself before it is changed."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}.bak")
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    return target


def _migrate(db: sqlite_utils.Database, path: Path | None) -> Path | None:
    pending = MIGRATIONS.pending(db)
    if not pending:
        return None
    backup = None
    if path is not None and _applied_names(db):
        backup = backup_file(path, f"before-schema-{SCHEMA_VERSION}")
    MIGRATIONS.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return backup


def _apply_pragmas(db: sqlite_utils.Database, path: Path | None) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    if path is not None:
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise DatabaseReadOnly(f"{path}: cannot switch to WAL mode ({mode})")
    # In WAL mode NORMAL survives an application crash (kill -9) with every commit intact;
    # only an operating-system crash or power loss can roll back the last commits.
    db.execute("PRAGMA synchronous = NORMAL")


def _translate(error: sqlite3.Error, path: Path | None) -> Exception:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(f"{path} is locked by another program; try again in a moment")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseReadOnly(f"{path} cannot be written: {error}")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseCorrupt(f"{path} is damaged ({error}); restore it from a backup")
    return error


def open_database(path: str | Path | None) -> tuple[sqlite_utils.Database, Path | None]:
    """Open (creating if needed) and migrate a project; returns the db and any backup made."""
    path = Path(path) if path is not None else None
    if path is not None:
        _check_file(path)
        if not path.parent.exists():
            raise DatabaseReadOnly(f"folder {path.parent} does not exist")
    try:
        db = sqlite_utils.Database(_connect(path))
        _check_version(db, path)
        _apply_pragmas(db, path)
        backup = _migrate(db, path)
        return db, backup
    except sqlite3.Error as error:
        raise _translate(error, path) from error
