"""Opening a project for the app: the same rules as the CLI's open_store_for (no Qt here)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from annotator.app.paths import resolve_database
from annotator.storage.errors import StorageError
from annotator.storage.store import Store

log = logging.getLogger(__name__)


@dataclass
class OpenedProject:
    store: Store
    path: Path
    seeded: bool = False
    backup: Path | None = None  # set when the file was upgraded: the user is told once


def choose_path(cli_value: str | None, last_project: Path | None) -> tuple[Path, bool]:
    """--db, else $ANNOTATOR_DB, else the last project used (if it still exists), else the default."""
    path, is_default = resolve_database(cli_value)
    if is_default and last_project is not None and last_project.exists():
        return last_project, last_project == path
    return path, is_default


# quick_check reads every page: ~2.5 ms per MB here. Up to this size it runs before the window
# opens (under 100 ms), so a damaged project is refused at once; larger ones are checked in
# the background (gui/integrity.py) while the annotator starts.
CHECK_BEFORE_OPENING_BYTES = 32 * 1024 * 1024


def open_project(path: Path, is_default: bool) -> OpenedProject:
    """Open (creating if needed) a project; the default one gets the sample articles on first use."""
    first_use = is_default and not path.exists()
    store = Store(path)  # raises StorageError subclasses with messages a user can act on
    try:
        store.check_writable()  # a read-only file is reported now, not at the first label
        if path.stat().st_size <= CHECK_BEFORE_OPENING_BYTES and store.check_integrity():
            raise store.damage
    except StorageError:
        store.close()
        raise
    opened = OpenedProject(store, path, backup=store.backup)
    if first_use and store.articles.is_empty():
        opened.seeded = seed(store)
    return opened


def seed(store: Store) -> bool:
    """Import the bundled sample articles; False (logged) if the importer cannot run."""
    try:
        from annotator.app.importer import import_seeds  # imported late: readers are optional here
    except ImportError as error:
        log.warning("sample articles not imported: %s", error)
        return False
    report = import_seeds(store)
    for failure in report.failures:
        log.warning("sample article not imported: %s", failure)
    return report.articles > 0
