"""Annotators' accounts on the team server: one PostgreSQL login role each.

A member's login is created in the project's member group, so the rules of row-level
security apply to it; its name is the name their labels carry. The password is turned into
a SCRAM-SHA-256 verifier on this computer (libpq's PQencryptPasswordConn), so the password
itself never travels to the server or into its logs.
"""

from __future__ import annotations

from psycopg import sql

from annotator.storage.hub.errors import HubMismatch
from annotator.storage.hub.part import HubPart

MAX_LOGIN_BYTES = 63  # PostgreSQL's NAMEDATALEN - 1


class Accounts(HubPart):
    def exists(self, name: str) -> bool:
        return self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)", (name,)
        ).fetchone()[0]

    def add_member(self, name: str, password: str) -> None:
        """Create a login role in the project's member group (HubMismatch if taken)."""
        if self.exists(name):
            raise HubMismatch(
                f"{self._hub.where} already has a role named {name!r}: choose another name"
                " (or, if it is this annotator's, grant it the member role yourself)"
            )
        verifier = self.conn.pgconn.encrypt_password(
            password.encode("utf-8"), name.encode("utf-8"), b"scram-sha-256"
        ).decode("ascii")
        member = self._hub.state().roles.member
        with self.conn.transaction():
            self.conn.execute(
                sql.SQL("CREATE ROLE {name} LOGIN PASSWORD {verifier} IN ROLE {member}").format(
                    name=sql.Identifier(name),
                    verifier=sql.Literal(verifier),
                    member=sql.Identifier(member),
                )
            )

    def members(self) -> list[str]:
        """The logins in the project's member group."""
        rows = self.conn.execute(
            """SELECT r.rolname FROM pg_roles r
               WHERE pg_has_role(r.oid, (SELECT oid FROM pg_roles WHERE rolname = %s), 'MEMBER')
                 AND r.rolcanlogin ORDER BY r.rolname""",
            (self._hub.state().roles.member,),
        ).fetchall()
        return [row[0] for row in rows]
