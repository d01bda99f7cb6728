"""The project store: the one object the application uses to read and change a project.

A Store is its connection plus one repository per noun, each holding its own SQL:

    store.articles   import, listing, reading          (articles.py)
    store.search     the full-text index                (search.py)
    store.labels     themes and status per unit         (labels.py)
    store.notes      notes per unit                     (notes.py)
    store.events     the append-only event log          (events.py)
    store.themes     the theme scheme                   (themes.py)
    store.annotators names                              (annotators.py)
    store.positions  where each annotator stopped       (positions.py)
    store.removal    removing and restoring articles    (removal.py)
    store.figures    counts and progress                (figures.py)
    store.project    the project's id, package binding  (project_info.py)
    store.suggestions models and suggested themes       (suggestions.py)
    store.adjudications  a lead's final themes           (adjudications.py)
    store.transfer   work moved in from another project (transfer.py)
    store.team       assignments, merges, progress      (team.py)
    store.judgements finished judgements, packed        (judgements.py)
    store.outgoing   what a sync sends to a team server  (outgoing.py)
    store.incoming   what a sync takes from it           (incoming.py)

Every method that writes commits before it returns.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from annotator.storage.adjudications import Adjudications
from annotator.storage.annotators import Annotators
from annotator.storage.articles import Articles
from annotator.storage.database import open_database
from annotator.storage.device import this_device
from annotator.storage.errors import DatabaseCorrupt, DatabaseReadOnly, damaged, translated
from annotator.storage.events import Events
from annotator.storage.figures import Figures
from annotator.storage.incoming import Incoming
from annotator.storage.judgements import Judgements
from annotator.storage.labels import Labels
from annotator.storage.notes import Notes
from annotator.storage.outgoing import Outgoing
from annotator.storage.positions import Positions
from annotator.storage.project_info import Project
from annotator.storage.removal import Removal
from annotator.storage.search import SearchIndex
from annotator.storage.suggestions import Suggestions
from annotator.storage.team import Team
from annotator.storage.themes import Themes
from annotator.storage.transfer import Transfer


class Store:
    """A project database.

    `read_only=True` opens the project only to read. `allow_read_only=True` opens it for
    writing where it can be written and falls back to reading only where it cannot (a
    read-only file, folder or medium): commands that only read still work there.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        read_only: bool = False,
        allow_read_only: bool = False,
        device: str | None = None,
    ):
        self.path = Path(path) if path is not None else None
        self.device = device or this_device()  # recorded with every event
        try:
            opened = open_database(self.path, read_only=read_only)
        except DatabaseReadOnly:
            if not allow_read_only or read_only:
                raise
            opened = open_database(self.path, read_only=True)
        self.db, self.backup = opened.db, opened.backup
        self.journal, self.read_only = opened.journal, opened.read_only
        self.filesystem = opened.filesystem
        self.conn: sqlite3.Connection = self.db.conn
        self.damage: DatabaseCorrupt | None = None  # set once damage is found: no more writes
        self.annotators = Annotators(self)
        self.articles = Articles(self)
        self.search = SearchIndex(self)
        self.labels = Labels(self)
        self.notes = Notes(self)
        self.events = Events(self)
        self.themes = Themes(self)
        self.positions = Positions(self)
        self.removal = Removal(self)
        self.figures = Figures(self)
        self.project = Project(self)
        self.suggestions = Suggestions(self)
        self.adjudications = Adjudications(self)
        self.transfer = Transfer(self)
        self.team = Team(self)
        self.judgements = Judgements(self)
        self.outgoing = Outgoing(self)
        self.incoming = Incoming(self)

    def close(self) -> None:
        self.conn.close()

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
                self.annotators.forget()  # names added by the rolled-back work are gone
                raise

    def check_writable(self) -> None:
        """Raise DatabaseReadOnly (or DatabaseLocked) now if a label could not be saved.

        Writes the schema version over itself and rolls back: BEGIN IMMEDIATE alone succeeds
        on a read-only connection, only an actual write is refused.
        """
        with contextlib.suppress(_RollBack), self.transaction():
            version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
            self.conn.execute(f"PRAGMA user_version = {version}")
            raise _RollBack

    def check_integrity(self, max_errors: int = 10) -> list[str]:
        """SQLite's quick_check: [] when the file is sound, else what is wrong (and writes
        are stopped). About a second per million sentences."""
        try:
            with translated(self.path):
                rows = self.conn.execute(f"PRAGMA quick_check({int(max_errors)})").fetchall()
        except DatabaseCorrupt as error:  # so damaged that the check itself cannot read it
            self.damage_found(error)
            return [str(error)]
        problems = [] if rows == [("ok",)] else [r[0] for r in rows]
        if problems:
            self.damage_found(damaged(self.path, problems[0]))
        return problems

    def damage_found(self, error: DatabaseCorrupt) -> None:
        """Remember the damage: every later write is refused with the same message."""
        if self.damage is None:
            self.damage = error


class _RollBack(Exception):
    """Raised inside a transaction to undo its writes on purpose."""
