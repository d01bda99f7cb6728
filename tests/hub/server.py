"""A real PostgreSQL for the team-server tests: a database and roles of their own per test.

`.ci/postgres.sh` starts a throwaway cluster and prints ANNOTATOR_TEST_PG_ADMIN_URL; without
it (a developer's machine with no server) the tests skip with that reason, and in CI
(CI=true) they fail instead (tests/environment.py).
"""

from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import conninfo, sql

from annotator.app.team.assign import AssignmentPlan, record_assignment
from annotator.core.model import Article
from annotator.storage.store import Store
from tests.environment import require
from tests.factories import make_article

REPO_ROOT = Path(__file__).resolve().parents[2]
ADMIN_URL_VARIABLE = "ANNOTATOR_TEST_PG_ADMIN_URL"
HOW_TO_START = 'start one with: eval "$(bash .ci/postgres.sh)" (see the README)'


def admin_url() -> str:
    url = os.environ.get(ADMIN_URL_VARIABLE, "")
    require(bool(url), f"no PostgreSQL for the team-server tests: {HOW_TO_START}")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as error:
        require(False, f"cannot reach the test PostgreSQL ({error}); {HOW_TO_START}")
    return url


@dataclass
class TeamServer:
    """An empty database owned by a lead login that may create roles, as IT would make it."""

    admin: str
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    password: str = "lead-secret"

    @property
    def database(self) -> str:
        return f"hub_{self.tag}"

    @property
    def lead(self) -> str:
        return f"lead_{self.tag}"

    def login(self, name: str) -> str:
        """A login name unique to this test (roles belong to the whole cluster)."""
        return f"{name}_{self.tag}"

    def url(self, login: str | None = None, password: str | None = None, **extra) -> str:
        params = conninfo.conninfo_to_dict(self.admin)
        params.update(dbname=self.database, user=login or self.lead, **extra)
        params.pop("password", None)
        if password is not None:
            params["password"] = password
        return conninfo.make_conninfo(**params)

    @property
    def lead_url(self) -> str:
        return self.url(self.lead, self.password)

    def create(self) -> TeamServer:
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                sql.Identifier(self.lead), sql.Literal(self.password)))  # fmt: skip
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(self.database), sql.Identifier(self.lead)))  # fmt: skip
        return self

    def drop(self) -> None:
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(self.database)
                )
            )
            roles = conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname LIKE 'annotator%%'",
                (f"%{self.tag}",),
            ).fetchall()
            for (role,) in roles:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))

    def connect(self, login: str | None = None, password: str | None = None) -> psycopg.Connection:
        """A plain psycopg connection, bypassing the app."""
        return psycopg.connect(self.url(login, password or self.password), autocommit=True)

    def as_admin(self) -> psycopg.Connection:
        params = conninfo.conninfo_to_dict(self.admin)
        params["dbname"] = self.database
        return psycopg.connect(conninfo.make_conninfo(**params), autocommit=True)


SENTENCES = [
    "قصفت الطائرات مواقع في المدينة",
    "ارتفع سعر الدولار في السوق",
    "بدأت إعادة إعمار الجسر",
    "اجتمع الوزراء لبحث الموازنة",
    "أعلن الجيش وقف إطلاق النار",
]


def articles(count: int, sentences: int = 5, start: int = 0) -> list[Article]:
    return [
        make_article(
            f"خبر رقم {n}",
            [f"{SENTENCES[i % len(SENTENCES)]} ({n}.{i})" for i in range(sentences)],
        )
        for n in range(start, start + count)
    ]


def lead_project(path: Path, count: int = 6, sentences: int = 5) -> Path:
    with Store(path) as store:
        store.articles.add(articles(count, sentences))
    return path


def assign(path: Path, plan: dict[str, list[int]]) -> None:
    """Record who has which article (by article id), as `team assign` does without --out."""
    with Store(path) as store:
        record_assignment(store, AssignmentPlan({n: ids for n, ids in plan.items()}))


def restart_server() -> None:
    """Restart the test cluster (fast shutdown: every connection is cut)."""
    data = os.environ.get("ANNOTATOR_TEST_PG_DATA", "/tmp/annotator-ci-pg/data")
    require(Path(data).is_dir(), f"the test cluster's data folder is needed ({data})")
    bin_dir = os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin")
    log = str(Path(data).parent / "log")
    command = [f"{bin_dir}/pg_ctl", "-D", data, "-l", log, "-w", "-m", "fast", "restart"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@dataclass
class Team:
    """A lead's project on a team server with two annotators who joined."""

    server: TeamServer
    lead: Path
    copies: dict[str, Path]  # login -> the annotator's project
    passwords: dict[str, str]
    hashes: dict[str, list[str]]  # login -> content hashes of the articles assigned

    def sync(self, who: str | None = None):
        from annotator.app.hub.sync import sync

        if who is None:
            return sync(self.lead, self.server.password)
        return sync(self.copies[who], self.passwords[who])

    def connect(self, who: str) -> psycopg.Connection:
        return self.server.connect(who, self.passwords[who])


def build_team(server: TeamServer, folder: Path, names=("amira", "badr")) -> Team:
    """Lead project of 6 articles; the first two to the first name, the next two to the
    second (articles 5 and 6 to nobody); server set up; each annotator joined."""
    from annotator.app.hub.setup import add_annotator, init_hub, join_hub

    lead = lead_project(folder / "lead.annotator")
    logins = [server.login(n) for n in names]
    plan = {login: [1 + 2 * i, 2 + 2 * i] for i, login in enumerate(logins)}
    assign(lead, plan)
    init_hub(lead, server.lead_url)
    passwords, copies = {}, {}
    for login in logins:
        passwords[login] = f"pw-{login}"
        add_annotator(lead, login, passwords[login], admin=server.password)
        copies[login] = folder / f"{login}.annotator"
        join_hub(copies[login], server.url(login, passwords[login]))
    with Store(lead) as store:
        hashes = {
            login: [store.conn.execute("SELECT content_hash FROM articles WHERE id = ?",
                                       (i,)).fetchone()[0] for i in ids]
            for login, ids in plan.items()
        }  # fmt: skip
    return Team(server, lead, copies, passwords, hashes)
