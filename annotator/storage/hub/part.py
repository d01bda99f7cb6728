"""The base of a team server's parts: each holds its own SQL over the hub's connection."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import psycopg

from annotator.storage.hub.errors import describe

if TYPE_CHECKING:
    from annotator.storage.hub.hub import Hub


class HubPart:
    """One noun of the server; psycopg errors leave its public methods as HubErrors."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and callable(member):
                setattr(cls, name, _translating(member))

    def __init__(self, hub: Hub):
        self._hub = hub

    @property
    def conn(self) -> psycopg.Connection:
        return self._hub.conn

    def _stage(self, table: str, columns: str, rows: Iterable[tuple]) -> None:
        """COPY rows into a staging table (the fastest way in), inside the caller's
        transaction; `columns` as the COPY statement lists them."""
        with self.conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _translating(method: Callable) -> Callable:
    @functools.wraps(method)
    def wrapper(self: HubPart, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except psycopg.Error as error:
            raise describe(error, self._hub.where) from error

    return wrapper
