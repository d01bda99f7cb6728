"""Opening a project: one function for the window and the command line (no Qt here)."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from pathlib import Path

from annotator.app.paths import resolve_database
from annotator.storage.errors import StorageError
from annotator.storage.store import Store

log = logging.getLogger(__name__)

# quick_check reads every page: ~2.5 ms per MB here. Up to this size the window runs it before
# it opens (under 100 ms), so a damaged project is refused at once; larger ones are checked
# in the background (gui/integrity.py) while the annotator starts.
CHECK_BEFORE_OPENING_BYTES = 32 * 1024 * 1024


class Access(enum.Enum):
    LABEL = "label"  # the window: it must be writable (said now, not at the first label)
    WRITE = "write"  # a command that writes: checked for damage first, whatever its size
    READ = "read"  # a command that only reads: a read-only project is opened read-only


@dataclass
class OpenedProject:
    store: Store
    path: Path
    seeded: bool = False  # the default project got the sample articles just now
    backup: Path | None = None  # set when the file was upgraded: the user is told once

    @property
    def read_only(self) -> bool:
        return self.store.read_only


def choose_path(cli_value: str | None, last_project: Path | None) -> tuple[Path, bool]:
    """--db, else $ANNOTATOR_DB, else the last project used (if it still exists), else the default."""
    path, is_default = resolve_database(cli_value)
    if is_default and last_project is not None and last_project.exists():
        return last_project, last_project == path
    return path, is_default


def open_project(path: Path, is_default: bool, access: Access = Access.LABEL) -> OpenedProject:
    """Open (creating if needed) a project; the default one gets the sample articles on first
    use. Raises StorageError subclasses with messages a person can act on."""
    first_use = is_default and not path.exists()
    store = Store(path, allow_read_only=access is Access.READ)
    try:
        if access is Access.LABEL:
            store.check_writable()
        if _check_before_opening(path, access) and store.check_integrity():
            raise store.damage
    except StorageError:
        store.close()
        raise
    opened = OpenedProject(store, path, backup=store.backup)
    if first_use and not store.read_only and store.articles.is_empty():
        opened.seeded = seed(store)
    return opened


def _check_before_opening(path: Path, access: Access) -> bool:
    if access is Access.READ:
        return False  # reading what can be read; damage met on the way is reported
    return access is Access.WRITE or path.stat().st_size <= CHECK_BEFORE_OPENING_BYTES


def seed(store: Store) -> bool:
    """Import the bundled sample articles into a new default project."""
    from annotator.app.importer import import_seeds  # imported late: readers cost start-up

    report = import_seeds(store)
    for failure in report.failures:
        log.warning("sample article not imported: %s", failure)
    return report.articles > 0
