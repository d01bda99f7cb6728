"""The server's schema: its own migrations, applied by the database's owner (`hub init`).

A team server is one PostgreSQL database. `init` creates the schema `annotator` in an empty
database, the two group roles of the project (a lead's and a member's) and the rules of
row-level security, and records the project's id. Run again on the same project it applies
the migrations a newer Annotator brings; it refuses a database that holds another project,
is not empty, or was set up by a newer Annotator (nothing is changed then).

PostgreSQL roles belong to the whole server (the cluster), not to one database, so each
project's group roles carry its database's name: `annotator_lead_DB` and
`annotator_member_DB`. A lead of one project is nobody in another.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from psycopg import sql

from annotator import __version__
from annotator.storage.hub import schema_sql
from annotator.storage.hub.errors import HubMismatch, HubRefused, HubTooNew

INIT_LOCK = 0x414E4E49  # 'ANNI': two inits of one database take turns


@dataclass(frozen=True)
class Roles:
    lead: str
    member: str


@dataclass(frozen=True)
class ServerState:
    project_id: str
    version: int
    roles: Roles


def roles_for(database: str) -> Roles:
    """The project's group roles, named after its database (hashed if the name is unusual)."""
    suffix = database if re.fullmatch(r"[a-z0-9_]{1,40}", database) else (
        hashlib.sha256(database.encode()).hexdigest()[:12]
    )  # fmt: skip
    return Roles(f"annotator_lead_{suffix}", f"annotator_member_{suffix}")


def _first_schema(conn: psycopg.Connection, roles: Roles) -> None:
    names = {
        "lead": sql.Identifier(roles.lead),
        "member": sql.Identifier(roles.member),
        "database": sql.Identifier(_database(conn)),
    }
    conn.execute(
        sql.SQL(
            "CREATE ROLE {lead} NOLOGIN; CREATE ROLE {member} NOLOGIN;"
            " GRANT {lead} TO SESSION_USER;"
        ).format(**names)  # fmt: skip
    )
    for script in (schema_sql.TABLES, schema_sql.TRIGGERS, schema_sql.ORDERING,
                   schema_sql.GRANTS, schema_sql.POLICIES):  # fmt: skip
        conn.execute(sql.SQL(script).format(**names))


# (version, name, function): applied in order, each recorded; never edit one after release.
MIGRATIONS: list[tuple[int, str, Callable[[psycopg.Connection, Roles], None]]] = [
    (1, "0001_first_schema", _first_schema),
]
SERVER_SCHEMA_VERSION = MIGRATIONS[-1][0]


def _database(conn: psycopg.Connection) -> str:
    return conn.execute("SELECT current_database()").fetchone()[0]


def read_state(conn: psycopg.Connection) -> ServerState | None:
    """What the server holds: None for a database without Annotator's schema."""
    if conn.execute("SELECT to_regclass('annotator.meta')").fetchone()[0] is None:
        return None
    row = conn.execute(
        "SELECT project_id, lead_role, member_role,"
        " (SELECT MAX(version) FROM annotator.migrations) FROM annotator.meta"
    ).fetchone()
    if row is None:
        raise HubMismatch("this database has Annotator's schema but no project in it")
    return ServerState(row[0], row[3] or 0, Roles(row[1], row[2]))


def check_version(state: ServerState, where: str) -> None:
    if state.version > SERVER_SCHEMA_VERSION:
        raise HubTooNew(
            f"{where} was set up by a newer Annotator (server schema {state.version}; this"
            f" version knows up to {SERVER_SCHEMA_VERSION}). Install the newer version."
        )


def initialise(conn: psycopg.Connection, project_id: str, where: str) -> tuple[ServerState, int]:
    """Create or upgrade the schema for `project_id`; returns the state and how many
    migrations ran. One transaction: a failure leaves the database as it was."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (INIT_LOCK,))
        state = read_state(conn)
        if state is None:
            _check_empty(conn, where)
            _check_rights(conn, where)
            roles = roles_for(_database(conn))
            _check_roles_free(conn, roles, where)
        else:
            check_version(state, where)
            _check_project(state, project_id, where)
            roles = state.roles
        done = state.version if state else 0
        pending = [m for m in MIGRATIONS if m[0] > done]
        for version, name, apply in pending:
            apply(conn, roles)
            conn.execute(
                "INSERT INTO annotator.migrations (version, name, app_version) VALUES (%s, %s, %s)",
                (version, name, __version__),
            )
        if state is None:
            conn.execute(
                "INSERT INTO annotator.meta (project_id, lead_role, member_role) VALUES (%s, %s, %s)",
                (project_id, roles.lead, roles.member),
            )
        return ServerState(project_id, SERVER_SCHEMA_VERSION, roles), len(pending)


def _check_project(state: ServerState, project_id: str, where: str) -> None:
    if state.project_id != project_id:
        raise HubMismatch(
            f"{where} holds another project (id {state.project_id}; this project is"
            f" {project_id}). Use an empty database for this project; nothing was changed."
        )


def _check_empty(conn: psycopg.Connection, where: str) -> None:
    found = conn.execute(
        """SELECT n.nspname || '.' || c.relname FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND n.nspname NOT IN ('pg_catalog', 'information_schema')
             AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT 3"""
    ).fetchall()
    schema = conn.execute("SELECT to_regnamespace('annotator')").fetchone()[0]
    if found or schema is not None:
        what = ", ".join(r[0] for r in found) or "a schema named annotator"
        raise HubMismatch(
            f"{where} is not empty (it holds {what}). A team server needs a database of its"
            " own: ask for a new, empty one; nothing was changed."
        )


def _check_rights(conn: psycopg.Connection, where: str) -> None:
    owner, may_create_roles = conn.execute(
        """SELECT pg_get_userbyid(d.datdba) = session_user, r.rolcreaterole OR r.rolsuper
           FROM pg_database d, pg_roles r
           WHERE d.datname = current_database() AND r.rolname = session_user"""
    ).fetchone()
    if not owner or not may_create_roles:
        raise HubRefused(
            f"{where}: the login that sets up a team server must own the database and be"
            " allowed to create roles (CREATE ROLE lead LOGIN CREATEROLE; CREATE DATABASE"
            " ... OWNER lead); see the README"
        )


def _check_roles_free(conn: psycopg.Connection, roles: Roles, where: str) -> None:
    taken = conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname IN (%s, %s) ORDER BY 1",
        (roles.lead, roles.member),
    ).fetchall()
    if taken:
        raise HubMismatch(
            f"{where}: the roles {', '.join(r[0] for r in taken)} already exist, left by an"
            " earlier database of this name. Drop them (DROP ROLE) or use a database with"
            " another name; nothing was changed."
        )
