"""The base of the store's parts: each holds its own SQL over the store's connection.

A Store (store.py) is made of repositories (articles, labels, themes, events, ...). Each
public method of a repository is the one place its operation is written; SQLite errors
leave it as StorageErrors (errors.translate), and damage found by any of them stops every
later write of the whole store.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.storage.errors import DatabaseCorrupt, translate_public_methods

if TYPE_CHECKING:
    from annotator.storage.store import Store


class Repository:
    """One noun of the project (articles, labels, ...), sharing the store's connection."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        translate_public_methods(cls)

    def __init__(self, store: Store):
        self._store = store

    @property
    def conn(self) -> sqlite3.Connection:
        return self._store.conn

    @property
    def path(self) -> Path | None:
        return self._store.path

    def transaction(self) -> AbstractContextManager[None]:
        return self._store.transaction()

    def damage_found(self, error: DatabaseCorrupt) -> None:
        self._store.damage_found(error)
