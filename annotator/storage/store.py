"""The project store: the one object the GUI and CLI use to read and change a project."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from annotator.core.names import checked_name
from annotator.storage import stats as stats_sql
from annotator.storage.clock import utc_now
from annotator.storage.database import open_database
from annotator.storage.errors import (
    DatabaseCorrupt,
    DatabaseReadOnly,
    UnknownAnnotator,
    damaged,
    translate_public_methods,
    translated,
)
from annotator.storage.store_articles import ArticlesMixin
from annotator.storage.store_labels import LabelsMixin
from annotator.storage.store_removal import RemovalMixin
from annotator.storage.store_themes import ThemesMixin


@translate_public_methods
class Store(ArticlesMixin, LabelsMixin, ThemesMixin, RemovalMixin):
    """A project database. Every method that writes commits before it returns.

    `read_only=True` opens the project only to read. `allow_read_only=True` opens it for
    writing where it can be written and falls back to reading only where it cannot (a
    read-only file, folder or medium): commands that only read still work there.
    """

    def __init__(
        self, path: str | Path | None = None, read_only: bool = False, allow_read_only=False
    ):
        self.path = Path(path) if path is not None else None
        try:
            opened = open_database(self.path, read_only=read_only)
        except DatabaseReadOnly:
            if not allow_read_only or read_only:
                raise
            opened = open_database(self.path, read_only=True)
        self.db, self.backup = opened.db, opened.backup
        self.journal, self.read_only, self.filesystem = (
            opened.journal,
            opened.read_only,
            opened.filesystem,
        )
        self.conn: sqlite3.Connection = self.db.conn
        self.damage: DatabaseCorrupt | None = None  # set once damage is found: no more writes
        self._annotator_ids: dict[str, int] = {}

    def close(self) -> None:
        self.conn.close()

    def check_writable(self) -> None:
        """Raise DatabaseReadOnly (or DatabaseLocked) now if a label could not be saved.

        Writes the schema version over itself and rolls back: BEGIN IMMEDIATE alone succeeds
        on a read-only connection, only an actual write is refused.
        """
        try:
            with self.transaction():
                version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
                self.conn.execute(f"PRAGMA user_version = {version}")
                raise _RollBack
        except _RollBack:
            pass

    # -- damage -----------------------------------------------------------------------------

    def check_integrity(self, max_errors: int = 10) -> list[str]:
        """SQLite's quick_check: [] when the file is sound, else what is wrong (and writes
        are stopped). About a second per million sentences; the window runs it in the
        background (see gui/integrity.py), write commands before they write."""
        rows = [r[0] for r in self.conn.execute(f"PRAGMA quick_check({int(max_errors)})")]
        problems = [] if rows == ["ok"] else rows
        if problems:
            self.damage_found(damaged(self.path, problems[0]))
        return problems

    def damage_found(self, error: DatabaseCorrupt) -> None:
        """Remember the damage: every later write is refused with the same message."""
        if self.damage is None:
            self.damage = error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested calls become savepoints).

        The outermost one starts with BEGIN IMMEDIATE: it waits (up to the busy timeout) for
        the write lock before reading anything. After a plain BEGIN, a read followed by a write
        fails at once with "database is locked" when another process committed in between
        (WAL cannot move a read snapshot forward), so two windows on one project would lose
        labels instead of taking turns.
        """
        if self.damage is not None:
            raise self.damage
        with translated(self.path):
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    # -- annotators -----------------------------------------------------------------------

    def _annotator_id(self, name: str, create: bool) -> int:
        if name in self._annotator_ids:
            return self._annotator_ids[name]
        if create:  # another window may be adding the same name at this moment
            with self.transaction():
                self.conn.execute(
                    "INSERT INTO annotators (name, created_at) VALUES (?, ?)"
                    " ON CONFLICT (name) DO NOTHING",
                    (name, utc_now()),
                )
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise UnknownAnnotator(f"no annotator named {name!r} in this project")
        self._annotator_ids[name] = row[0]
        return row[0]

    def _known_annotator_id(self, name: str) -> int | None:
        """The annotator's id for a read, or None: reads never add annotators."""
        try:
            return self._annotator_id(name.strip(), create=False)
        except UnknownAnnotator:
            return None

    def ensure_annotator(self, name: str) -> int:
        return self._annotator_id(checked_name(name), create=True)  # InvalidName: a ValueError

    def annotators(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM annotators ORDER BY id")]

    # -- figures --------------------------------------------------------------------------

    def stats(self) -> dict:
        return stats_sql.project_stats(self.conn)

    def progress(self, annotator: str) -> tuple[int, int]:
        """Units done by this annotator in the whole project, and the project's unit count."""
        return stats_sql.annotator_progress(self.conn, self._known_annotator_id(annotator))

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1


class _RollBack(Exception):
    """Raised inside a transaction to undo its writes on purpose."""
