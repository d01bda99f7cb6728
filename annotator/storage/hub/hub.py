"""A team server as the app sees it: one connection and one part per noun, each with its SQL.

    hub.content   themes, articles with their units, assignments   (content.py)
    hub.events    the shared event log, pushed and pulled          (events.py)
    hub.accounts  annotators' login roles                          (accounts.py)
    hub.status    who has what and when each copy last synced      (status.py)

The connection runs in autocommit; each unit of work is one explicit transaction, so a
sync cut at any moment leaves the server with whole pieces of work or none.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg

from annotator.storage.hub import schema
from annotator.storage.hub.accounts import Accounts
from annotator.storage.hub.connection import connect, describe_server
from annotator.storage.hub.content import Content
from annotator.storage.hub.errors import HubNotSetUp, translated
from annotator.storage.hub.events import HubEvents
from annotator.storage.hub.status import HubStatus


class Hub:
    def __init__(self, conn: psycopg.Connection, where: str):
        self.conn, self.where = conn, where
        self.content = Content(self)
        self.events = HubEvents(self)
        self.accounts = Accounts(self)
        self.status = HubStatus(self)
        self._state: schema.ServerState | None = None

    @classmethod
    def connect(
        cls, params: dict[str, str], password: str | None = None, timeout: float | None = None
    ) -> Hub:
        """A connection to the team server (PostgreSQL through psycopg; no file is opened)."""
        return cls(connect(params, password, timeout), describe_server(params))

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.close()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all."""
        with translated(self.where), self.conn.transaction():
            yield

    # -- the server's schema and who we are on it ------------------------------------------

    def initialise(self, project_id: str) -> int:
        """Create (or upgrade) the schema for this project; returns migrations applied."""
        with translated(self.where):
            self._state, applied = schema.initialise(self.conn, project_id, self.where)
        return applied

    def state(self) -> schema.ServerState:
        """The project on the server (HubMismatch: none; HubTooNew: a newer schema)."""
        if self._state is None:
            with translated(self.where):
                found = schema.read_state(self.conn)
            if found is None:
                raise HubNotSetUp(
                    f"{self.where} is not set up for Annotator yet: the project lead runs"
                    " `annotator hub init URL` first"
                )
            schema.check_version(found, self.where)
            self._state = found
        return self._state

    def login(self) -> str:
        with translated(self.where):
            return self.conn.execute("SELECT session_user").fetchone()[0]

    def is_lead(self) -> bool:
        """The login may do a lead's work: it owns the database or has the lead role."""
        lead = self.state().roles.lead
        with translated(self.where):
            return self.conn.execute(
                """SELECT pg_has_role(session_user, %s, 'MEMBER')
                     OR pg_get_userbyid(datdba) = session_user
                   FROM pg_database WHERE datname = current_database()""",
                (lead,),
            ).fetchone()[0]

    def server_version(self) -> str:
        with translated(self.where):
            return self.conn.execute("SHOW server_version").fetchone()[0]
