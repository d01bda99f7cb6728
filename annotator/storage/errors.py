"""Errors the storage layer raises, each with a message a user can act on.

No sqlite3.Error leaves the storage layer: `translated()` turns each into one of these, so
the window and the command line explain every failure in words instead of a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path


class StorageError(Exception):
    """Base class: a project database that cannot be used as asked."""


class DatabaseTooNew(StorageError):
    """The file was written by a newer Annotator with a schema this version does not know."""


class DatabaseCorrupt(StorageError):
    """SQLite reports the file damaged; writes to it are refused from then on."""

    def __init__(self, message: str, backup: Path | None = None):
        super().__init__(message)
        self.backup = backup  # the newest .bak copy beside the project, to restore from


class DatabaseLocked(StorageError):
    """Another program holds a lock on the database for longer than the busy timeout."""


class DatabaseReadOnly(StorageError):
    """The file or its folder cannot be written."""


class DiskFull(StorageError):
    """The disk (or the user's quota) is full: the change was not saved, earlier ones were."""


class NotAProject(StorageError):
    """A file or folder that is not an Annotator project (not SQLite, or another database)."""


class RecordRefused(StorageError):
    """One record broke a rule of the schema (a constraint, a value too big): only the file
    or command that brought it fails."""


class UnknownAnnotator(StorageError):
    """An annotator name that the project has never seen."""


def newest_backup(path: Path | None) -> Path | None:
    """The most recent `.bak` copy beside a project (made before upgrades), if any."""
    if path is None:
        return None
    copies = [p for p in path.parent.glob(f"{path.name}.*.bak") if p.is_file()]
    return max(copies, key=lambda p: p.stat().st_mtime, default=None)


def damaged(path: Path | None, detail: str) -> DatabaseCorrupt:
    """The error for a damaged project, naming the newest backup to restore from."""
    backup = newest_backup(path)
    restore = (
        f" The newest backup is {backup}: close Annotator, keep the damaged file aside and"
        " copy the backup in its place."
        if backup
        else " No backup was found beside it; restore it from your own backups."
    )
    return DatabaseCorrupt(
        f"{path} is damaged ({detail}). Writes to it are stopped.{restore}", backup
    )


def translate(error: sqlite3.Error | OSError, path: Path | None) -> StorageError:
    """The StorageError that explains `error` (an sqlite3 or OS error) to a person."""
    if isinstance(error, StorageError):
        return error
    if isinstance(error, sqlite3.IntegrityError | sqlite3.DataError):
        return RecordRefused(str(error))
    text = str(error).lower()
    code = getattr(error, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or "no space" in text:
        return DiskFull(
            f"The disk holding {path} is full: the last change was not saved (everything"
            " saved before it is safe). Free some space, then try again."
        )
    if "locked" in text or "busy" in text:
        return DatabaseLocked(f"{path} is locked by another program; try again in a moment")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseReadOnly(f"{path} cannot be written: {error}")
    if "not a database" in text:  # garbage, or a project whose first page was overwritten
        return DatabaseCorrupt(
            f"{path} is not an Annotator project (not an SQLite database), or it is damaged",
            newest_backup(path),
        )
    if "malformed" in text or "corrupt" in text:
        return damaged(path, str(error))
    return StorageError(f"{path}: {error}")


@contextlib.contextmanager
def translated(path: Path | None) -> Iterator[None]:
    """Raise the StorageError for any sqlite3.Error inside the block."""
    try:
        yield
    except sqlite3.Error as error:
        raise translate(error, path) from error


def translate_errors(method: Callable) -> Callable:
    """Decorate a method of an object with a `path`: sqlite3 errors become StorageErrors.

    Damage found by any call is reported to the object's `damage_found` (if it has one), so
    that it refuses later writes instead of carrying on into a broken file.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.Error, DatabaseCorrupt) as error:
            storage_error = translate(error, getattr(self, "path", None))
            if isinstance(storage_error, DatabaseCorrupt) and hasattr(self, "damage_found"):
                self.damage_found(storage_error)
            if storage_error is error:
                raise
            raise storage_error from error

    return wrapper


def translate_public_methods(cls: type) -> type:
    """Class decorator: every public method of `cls` gets translate_errors."""
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and callable(member):
            setattr(cls, name, translate_errors(member))
    return cls
