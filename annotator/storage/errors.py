"""Errors the storage layer raises, each with a message a user can act on."""

from __future__ import annotations


class StorageError(Exception):
    """Base class: a project database that cannot be used as asked."""


class DatabaseTooNew(StorageError):
    """The file was written by a newer Annotator with a schema this version does not know."""


class DatabaseCorrupt(StorageError):
    """The file is not an SQLite database, or SQLite reports it damaged."""


class DatabaseLocked(StorageError):
    """Another program holds a lock on the database for longer than the busy timeout."""


class DatabaseReadOnly(StorageError):
    """The file or its folder cannot be written."""


class NotAProject(StorageError):
    """A valid SQLite file that is not an Annotator project."""


class UnknownAnnotator(StorageError):
    """An annotator name that the project has never seen."""
