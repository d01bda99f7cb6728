"""The access rules are the server's (row-level security and rights), not the app's: a
member connects with plain psycopg, bypassing Annotator, and each forbidden read or write
is refused or comes back empty."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from psycopg import errors

from annotator.core.ids import uuid7
from annotator.storage.store import Store
from tests.hub.server import Team, TeamServer, admin_url, build_team


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    """Two annotators who labelled their articles, a lead who labelled and adjudicated."""
    with pytest.MonkeyPatch.context() as patch:
        home = tmp_path_factory.mktemp("access-home")
        patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
        patch.setenv("PGPASSFILE", str(home / "pgpass"))
        server = TeamServer(admin_url()).create()
        try:
            team = build_team(server, tmp_path_factory.mktemp("access"))
            for login, path in team.copies.items():
                with Store(path) as store:
                    for unit_id in (2, 3):
                        store.labels.toggle_theme(unit_id, login, "military")
                    store.notes.set(2, login, f"ملاحظة {login}")
                team.sync(login)
            with Store(team.lead) as store:
                store.labels.toggle_theme(30, server.lead, "economic")
                store.adjudications.decide(2, ["military"], by=server.lead)
            team.sync()
            yield team
        finally:
            server.drop()


def amira(team: Team) -> str:
    return team.server.login("amira")


def badr(team: Team) -> str:
    return team.server.login("badr")


def refused(conn: psycopg.Connection, statement: str, params=()) -> str:
    with pytest.raises(errors.InsufficientPrivilege) as caught:
        conn.execute(statement, params)
    return str(caught.value)


def test_member_reads_only_the_articles_and_units_assigned_to_them(team):
    with team.connect(amira(team)) as conn:
        seen = {r[0] for r in conn.execute("SELECT content_hash FROM annotator.articles")}
        units = {r[0] for r in conn.execute("SELECT DISTINCT article_hash FROM annotator.units")}
        assigned = {r[0] for r in conn.execute("SELECT article_hash FROM annotator.assignments")}
        themes = conn.execute("SELECT COUNT(*) FROM annotator.themes").fetchone()[0]
    mine = set(team.hashes[amira(team)])
    assert seen == units == assigned == mine
    assert themes == 3  # the scheme, whole


def test_member_cannot_read_anyone_elses_labels_or_events(team):
    with team.connect(amira(team)) as conn:
        authors = {r[0] for r in conn.execute("SELECT annotator FROM annotator.events")}
        syncs = {r[0] for r in conn.execute("SELECT login FROM annotator.syncs")}
        assert "adjudications" in refused(conn, "SELECT * FROM annotator.adjudications")
    with team.server.connect() as lead:  # the rows are there: the lead sees all of them
        everyone = {r[0] for r in lead.execute("SELECT annotator FROM annotator.events")}
    assert authors == {amira(team)}
    assert syncs == {amira(team)}
    assert everyone == {amira(team), badr(team), team.server.lead}


def _event(team: Team, author: str, article: str, action: str = "set", pushed_by=None):
    after = '{"themes": ["military"], "status": "done_with_themes"}'
    if action == "adjudicate":
        after = '{"themes": ["military"]}'
    columns = "uid, annotator, device, article_hash, idx, action, before, after, at, replica, seq"
    values = [uuid7(), author, "dev", article, 1, action, "{}", after, "2026-01-01", "r", 0]
    if pushed_by is not None:
        columns += ", pushed_by"
        values.append(pushed_by)
    marks = ", ".join(["%s"] * len(values))
    return f"INSERT INTO annotator.events ({columns}) VALUES ({marks})", values


def test_member_writes_events_only_as_themselves_on_their_own_articles(team):
    mine, theirs = team.hashes[amira(team)][0], team.hashes[badr(team)][0]
    with team.connect(amira(team)) as conn:
        conn.execute(*_event(team, amira(team), mine))  # allowed: their own, assigned
        assert "row-level security" in refused(conn, *_event(team, badr(team), mine))
        assert "row-level security" in refused(conn, *_event(team, amira(team), theirs))
        assert "row-level security" in refused(conn, *_event(team, amira(team), mine, "adjudicate"))
        assert "row-level security" in refused(
            conn, *_event(team, amira(team), mine, pushed_by=team.server.lead)
        )


def test_member_never_changes_or_deletes_any_event(team):
    with team.connect(amira(team)) as conn:
        own = conn.execute("SELECT uid FROM annotator.events LIMIT 1").fetchone()[0]
        refused(conn, "UPDATE annotator.events SET after = '{}' WHERE uid = %s", (own,))
        refused(conn, "DELETE FROM annotator.events WHERE uid = %s", (own,))
        refused(conn, "DELETE FROM annotator.events WHERE annotator = %s", (badr(team),))
        refused(conn, "TRUNCATE annotator.events")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE annotator.themes SET name_en = 'x'",
        "INSERT INTO annotator.themes (key, name_ar, name_en, color, position, seq)"
        " VALUES ('spy', 'س', 'Spy', '#000000', 9, 0)",
        "INSERT INTO annotator.assignments (article_hash, annotator, assigned_at, seq)"
        " SELECT article_hash, session_user, '', 0 FROM annotator.assignments",
        "INSERT INTO annotator.articles (content_hash, title, text, unit_count, imported_at,"
        " seq) VALUES ('x', 't', 't', 0, '', 0)",
        "INSERT INTO annotator.adjudications SELECT article_hash, idx, '[]', session_user, '',"
        " gen_random_uuid() FROM annotator.units LIMIT 1",
        "DELETE FROM annotator.assignments",
    ],
    ids=["theme-edit", "theme-add", "assign", "article", "adjudicate", "unassign"],
)
def test_only_the_lead_writes_themes_assignments_articles_adjudications(team, statement):
    with team.connect(amira(team)) as conn:
        refused(conn, statement)


def test_member_cannot_touch_another_persons_sync_row_or_become_lead(team):
    with team.connect(amira(team)) as conn:
        changed = conn.execute(
            "UPDATE annotator.syncs SET pushed = 0 WHERE login = %s", (badr(team),)
        ).rowcount
        assert changed == 0  # row-level security: their row does not exist for this login
        assert "row-level security" in refused(
            conn,
            "INSERT INTO annotator.syncs (login, replica, device, app_version)"
            " VALUES (%s, %s, 'd', 'v')",
            (badr(team), str(uuid.uuid4())),
        )
        lead_role = conn.execute("SELECT lead_role FROM annotator.meta").fetchone()[0]
        refused(conn, f'SET ROLE "{lead_role}"')
    with team.server.connect() as lead:
        assert (
            lead.execute(
                "SELECT pushed FROM annotator.syncs WHERE login = %s", (badr(team),)
            ).fetchone()[0]
            > 0
        )


def test_the_lead_reads_everything_and_the_log_stays_append_only_even_for_the_lead(team):
    with team.server.connect() as lead:
        adjudicated = lead.execute("SELECT COUNT(*) FROM annotator.adjudications").fetchone()[0]
        assert adjudicated == 1
        lead.execute("UPDATE annotator.themes SET definition_en = definition_en")
        with pytest.raises(errors.InsufficientPrivilege, match="append-only"):
            lead.execute("UPDATE annotator.events SET after = '{}'")
        with pytest.raises(errors.InsufficientPrivilege, match="append-only"):
            lead.execute("DELETE FROM annotator.events")


def test_a_member_is_nobody_in_another_database(team):
    """CONNECT is not granted to everyone: a member of this project cannot even connect to
    another team server's database on the same PostgreSQL."""
    other = TeamServer(team.server.admin).create()
    try:
        from annotator.app.hub.setup import init_hub
        from tests.hub.server import lead_project

        init_hub(lead_project(team.lead.with_name("other.annotator"), 1), other.lead_url)
        url = other.url(amira(team), team.passwords[amira(team)])
        with pytest.raises(psycopg.OperationalError, match="permission denied"):
            psycopg.connect(url).close()
    finally:
        other.drop()
