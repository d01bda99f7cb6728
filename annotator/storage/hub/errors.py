"""Team-server errors in words a person can act on (no psycopg error leaves storage.hub)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg
from psycopg import errors as pg_errors

from annotator.storage.errors import StorageError


class HubError(StorageError):
    """The team server cannot be used as asked."""


class HubUnreachable(HubError):
    """No connection to the server, or it was lost: work stays local until the next sync."""


class HubPasswordNeeded(HubError):
    """The server asks for a password and none was given or stored."""


class HubLoginFailed(HubError):
    """The server refused the login name or password."""


class HubRefused(HubError):
    """The server refused an operation this login is not allowed (row-level security)."""


class HubTooNew(HubError):
    """The server was set up by a newer Annotator (its schema is newer than this one knows)."""


class HubMismatch(HubError):
    """The server holds another project, or is not empty, or is not a team server."""


class HubNotSetUp(HubMismatch):
    """The database has no Annotator schema yet (the lead runs `hub init`)."""


# SQLSTATE classes: 08 connection exception, 57P admin shutdown / crash, 53 resources.
_LOST = ("08", "57P", "53")


def describe(error: psycopg.Error, where: str) -> HubError:
    """The HubError that explains a psycopg error met while talking to `where`."""
    state = getattr(error, "sqlstate", None) or ""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if "no password supplied" in text:
        return HubPasswordNeeded(
            f"{where} asks for a password: type it, or store it in your password file"
            " (~/.pgpass) or with Team → Connect to team server…"
        )
    if state in ("28P01", "28000"):
        return HubLoginFailed(f"{where} refused the login: {text}")
    if isinstance(error, pg_errors.InsufficientPrivilege) or state == "42501":
        return HubRefused(f"{where} refused this: {text}")
    if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError) or state.startswith(
        _LOST
    ):
        return HubUnreachable(f"cannot reach {where}: {text}")
    return HubError(f"{where}: {text}")


@contextlib.contextmanager
def translated(where: str) -> Iterator[None]:
    """Raise the HubError for any psycopg error inside the block."""
    try:
        yield
    except psycopg.Error as error:
        raise describe(error, where) from error
