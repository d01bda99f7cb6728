"""Connecting to a team server: the URL as IT gave it, plus timeouts that keep a sync short.

The URL is a libpq connection string or URI (`postgresql://user@host/db?sslmode=verify-full`)
and every parameter in it is honoured as libpq defines it (sslmode, sslrootcert, port, ...).
Annotator adds only what the URL leaves unsaid: a connect timeout, TCP keepalives and a TCP
user timeout, so a server that goes away mid-sync is noticed within seconds instead of the
operating system's many minutes, and an application name for the server's own views.
Passwords are never kept here: libpq reads its password file (~/.pgpass) itself, and a
password typed or taken from the system keyring is passed for one connection only.
"""

from __future__ import annotations

import psycopg
from psycopg import conninfo

from annotator.storage.hub.address import describe_server, display_url  # noqa: F401
from annotator.storage.hub.errors import HubError, translated

DEFAULTS = {
    "connect_timeout": "10",
    "keepalives": "1",
    "keepalives_idle": "10",
    "keepalives_interval": "5",
    "keepalives_count": "3",
    "tcp_user_timeout": "30000",  # ms unacknowledged before the connection counts as lost
    "application_name": "annotator",
}


def parse_url(url: str) -> dict[str, str]:
    """The URL's parameters (HubError when libpq cannot read it)."""
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise HubError(f"cannot read the server address {url!r}: {error}") from None
    return {key: str(value) for key, value in params.items() if value is not None}


def without_password(params: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in params.items() if key != "password"}


def connect(
    params: dict[str, str], password: str | None = None, timeout: float | None = None
) -> psycopg.Connection:
    """A connection in autocommit: each unit of work is an explicit transaction, and no
    snapshot is held open between them."""
    options = {**DEFAULTS, **params}
    if timeout is not None:
        options["connect_timeout"] = str(max(1, round(timeout)))
    if password is not None:
        options["password"] = password
    with translated(describe_server(params)):
        return psycopg.connect(conninfo.make_conninfo(**options), autocommit=True)


def with_login(url: str, login: str, password: str | None = None) -> str:
    """The URL with this login (and password, for one connection) in it."""
    params = parse_url(url)
    if login:
        params["user"] = login
    if password:
        params["password"] = password
    return conninfo.make_conninfo(**params)
