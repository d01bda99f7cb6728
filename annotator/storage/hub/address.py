"""A server's address as people read it, never with its password (no psycopg here: the
window's status line uses it without loading the driver)."""

from __future__ import annotations


def describe_server(params: dict[str, str]) -> str:
    """'the team server db at host:port' for messages (never the password)."""
    host = params.get("host") or params.get("hostaddr") or "localhost"
    port = params.get("port") or "5432"
    return f"the team server {params.get('dbname', '')} at {host}:{port}".replace("  ", " ")


def display_url(params: dict[str, str]) -> str:
    """The connection as people write it (postgresql://login@host:port/db?...), no password."""
    host = params.get("host") or params.get("hostaddr") or "localhost"
    port = params.get("port") or "5432"
    user = f"{params['user']}@" if params.get("user") else ""
    extra = "&".join(
        f"{key}={value}" for key, value in sorted(params.items())
        if key not in ("host", "hostaddr", "port", "user", "dbname", "password")
    )  # fmt: skip
    return f"postgresql://{user}{host}:{port}/{params.get('dbname', '')}" + (
        f"?{extra}" if extra else ""
    )
