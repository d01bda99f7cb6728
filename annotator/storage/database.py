"""Open a project database: checks, journal mode, backup, migrations, pragmas.

Nothing here opens the project file (or its -wal/-shm) except through SQLite. On POSIX a
close() of *any* descriptor of a file drops every lock the process holds on it, SQLite's
included; another process closing the project would then believe it is the last user and
delete the write-ahead log this process is still committing into (PLATFORM.md). So the
"is this SQLite at all?" check is SQLite's own "file is not a database" error, and
everything else looks only at paths (stat, mountinfo).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from annotator.storage.errors import (
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAProject,
    translate,
)
from annotator.storage.filesystems import FileSystem, filesystem_of
from annotator.storage.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    known_migration_names,
)

BUSY_TIMEOUT_MS = 10_000
# On a network file system the project is held exclusively; a second user learns it at once.
NETWORK_BUSY_TIMEOUT_MS = 1_500


_NETWORK_IN_USE = (
    "{path} is in use by another window or computer. It is on a network folder ({fs}), where"
    " only one can use a project at a time. Close it there, or copy the project to a local"
    " folder; for a team, hand out work with team packages."
)


@dataclass(frozen=True)
class OpenedDatabase:
    db: sqlite_utils.Database
    backup: Path | None  # the copy made before pending migrations ran
    journal: str  # "wal", or "delete" (single user) on a network file system
    read_only: bool
    filesystem: FileSystem | None


def connect(path: Path | None, read_only: bool = False, busy_ms: int = BUSY_TIMEOUT_MS):
    """A connection; `read_only` opens with mode=ro (immutable when nobody can write)."""
    if path is None:
        target, uri = ":memory:", False
    elif read_only:
        target, uri = _read_only_uri(path), True
    else:
        target, uri = str(path), False
    # isolation_level=None: transactions are begun and ended explicitly (Store.transaction).
    conn = sqlite3.connect(
        target, timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False, uri=uri
    )
    conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
    return conn


def _read_only_uri(path: Path) -> str:
    """mode=ro; plus immutable=1 where SQLite could not create the -shm of a WAL project in a
    read-only folder. Immutable is only safe when no one can be writing: without a -wal
    file and with a read-only folder, no writer can exist."""
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() and not _folder_writable(path.parent):
        uri += "&immutable=1"
    return uri


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK) and not _mounted_read_only(folder)


def _mounted_read_only(folder: Path) -> bool:
    return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)


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
        changes = (
            f"changes this version does not know: {', '.join(unknown)}"
            if unknown
            else (f"schema {user_version}; this version knows up to {SCHEMA_VERSION}")
        )
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Annotator ({changes}). Install the"
            " newer version to open it; the file has not been changed."
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


def copy_project(source: Path, target: Path) -> None:
    """A consistent copy of a project (with what its write-ahead log holds), read through
    SQLite's backup API on a read-only connection: the source is never written to."""
    try:
        reader = connect(source, read_only=True)
    except sqlite3.Error as error:
        raise translate(error, source) from error
    try:
        writer = sqlite3.connect(str(target))
        try:
            reader.backup(writer)
        finally:
            writer.close()
    except sqlite3.Error as error:
        raise translate(error, source) from error
    finally:
        reader.close()


def _migrate(db: sqlite_utils.Database, path: Path | None, read_only: bool) -> Path | None:
    pending = MIGRATIONS.pending(db)
    if not pending:
        return None
    if read_only:
        raise DatabaseReadOnly(
            f"{path} needs an upgrade to this version of Annotator, and it cannot be written"
            " where it is. Copy it to a folder you can write to and open the copy."
        )
    backup = None
    if path is not None and _applied_names(db):
        backup = backup_file(path, f"before-schema-{SCHEMA_VERSION}")
    MIGRATIONS.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return backup


def _set_journal(db: sqlite_utils.Database, path: Path, network: bool) -> str:
    """WAL on a local disk; on a network file system, a rollback journal held exclusively.

    WAL needs memory shared between every process using the project, which a network file
    system cannot give to processes on two hosts. A rollback journal with an exclusive lock
    works wherever the file system's byte-range locks do: one window (or command) at a time
    uses the project, the next is told it is in use, and synchronous=FULL makes each commit
    reach the server before the label shows as saved.
    """
    if network:
        db.execute("PRAGMA locking_mode = EXCLUSIVE")
        wanted = "delete"
    else:
        wanted = "wal"
    mode = db.execute(f"PRAGMA journal_mode = {wanted.upper()}").fetchone()[0].lower()
    if mode != wanted:
        raise DatabaseReadOnly(f"{path}: cannot switch to {wanted} journal mode ({mode})")
    # In WAL mode NORMAL survives an application crash (kill -9) with every commit intact;
    # only an operating-system crash or power loss can roll back the last commits.
    db.execute(f"PRAGMA synchronous = {'FULL' if network else 'NORMAL'}")
    return wanted


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise NotAProject(
            f"{path} is a folder, not a project file. Give the path of a .annotator file"
            " (a new project is made if the file does not exist yet)."
        )
    if not path.parent.is_dir():
        raise DatabaseReadOnly(f"the folder {path.parent} does not exist")


def open_database(path: str | Path | None, read_only: bool = False) -> OpenedDatabase:
    """Open (creating if needed) and migrate a project, or open it only to read."""
    path = Path(path) if path is not None else None
    filesystem = filesystem_of(path) if path is not None else None
    network = bool(filesystem and filesystem.network)
    if path is not None:
        _check_path(path)
    busy = NETWORK_BUSY_TIMEOUT_MS if network else BUSY_TIMEOUT_MS
    try:
        conn = connect(path, read_only=read_only, busy_ms=busy)
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        return _prepare(sqlite_utils.Database(conn), path, read_only, network, filesystem)
    except BaseException as error:
        conn.close()
        if isinstance(error, sqlite3.Error):
            translated = translate(error, path)
            if network and isinstance(translated, DatabaseLocked):
                translated = DatabaseLocked(_NETWORK_IN_USE.format(path=path, fs=filesystem.kind))
            raise translated from error
        raise


def _prepare(db, path, read_only, network, filesystem) -> OpenedDatabase:
    _check_version(db, path)
    db.execute("PRAGMA foreign_keys = ON")
    journal = "memory"
    if path is not None and not read_only:
        journal = _set_journal(db, path, network)
    elif path is not None:
        journal = db.execute("PRAGMA journal_mode").fetchone()[0].lower()
    backup = _migrate(db, path, read_only)
    return OpenedDatabase(db, backup, journal, read_only, filesystem)
