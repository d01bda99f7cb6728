"""Setting up a server, adding logins and joining: what is refused, and where passwords go."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import psycopg
import pytest

from annotator.app.hub.link import link_path, load_link, save_link
from annotator.app.hub.setup import HubSetupError, add_annotator, init_hub, join_hub
from annotator.app.hub.sync import sync
from annotator.storage.hub.errors import (
    HubMismatch,
    HubRefused,
    HubTooNew,
    HubUnreachable,
)
from annotator.storage.store import Store
from tests.hub.server import REPO_ROOT, build_team, lead_project


def schema_exists(server) -> bool:
    with server.as_admin() as conn:
        return conn.execute("SELECT to_regnamespace('annotator')").fetchone()[0] is not None


def test_init_refuses_a_database_that_is_not_empty(team_server, tmp_path):
    with team_server.connect() as conn:
        conn.execute("CREATE TABLE payroll (id integer)")
    with pytest.raises(HubMismatch, match=r"not empty \(it holds public.payroll\)"):
        init_hub(lead_project(tmp_path / "lead.annotator"), team_server.lead_url)
    assert not schema_exists(team_server)


def test_init_refuses_another_project_and_a_newer_schema(team_server, tmp_path):
    first = lead_project(tmp_path / "first.annotator")
    assert init_hub(first, team_server.lead_url).migrations == 1
    assert init_hub(first, team_server.lead_url).migrations == 0  # again: nothing to do
    with pytest.raises(HubMismatch, match="holds another project"):
        init_hub(lead_project(tmp_path / "second.annotator"), team_server.lead_url)
    with team_server.as_admin() as conn:
        conn.execute(
            "INSERT INTO annotator.migrations (version, name, app_version) VALUES (99, 'x', '9')"
        )
    with pytest.raises(HubTooNew, match="newer Annotator"):
        init_hub(first, team_server.lead_url)
    with pytest.raises(HubTooNew):
        sync(first, team_server.password)


def test_init_needs_the_databases_owner_with_createrole(team_server, tmp_path):
    with team_server.as_admin() as conn:
        conn.execute(f"CREATE ROLE helper_{team_server.tag} LOGIN PASSWORD 'x'")
        conn.execute(f"GRANT ALL ON SCHEMA public TO helper_{team_server.tag}")
    url = team_server.url(f"helper_{team_server.tag}", "x")
    with pytest.raises(HubRefused, match="must own the database"):
        init_hub(lead_project(tmp_path / "lead.annotator"), url)
    assert not schema_exists(team_server)


def test_passwords_go_nowhere_near_a_project(team_server, tmp_path, private_password_file):
    team = build_team(team_server, tmp_path)
    secrets = [team_server.password, *team.passwords.values()]
    for path in (team.lead, *team.copies.values()):
        with Store(path) as store:
            dump = "\n".join(store.conn.iterdump())
        link = link_path(path).read_text(encoding="utf-8")
        assert not any(s in dump or s in link for s in secrets)
    assert not private_password_file.exists()  # nothing was asked to be saved


def test_join_is_refused_for_a_lead_and_into_an_existing_file(team_server, tmp_path):
    lead = lead_project(tmp_path / "lead.annotator")
    init_hub(lead, team_server.lead_url)
    with pytest.raises(HubMismatch, match="is a lead of this project"):
        join_hub(tmp_path / "mine.annotator", team_server.lead_url)
    assert not (tmp_path / "mine.annotator").exists()
    with pytest.raises(HubSetupError, match="already exists"):
        join_hub(lead, team_server.lead_url)


def test_a_login_name_must_be_new(team_server, tmp_path):
    lead = lead_project(tmp_path / "lead.annotator")
    init_hub(lead, team_server.lead_url)
    add_annotator(lead, team_server.login("amira"), "pw-1", admin=team_server.password)
    with pytest.raises(HubMismatch, match="already has a role"):
        add_annotator(lead, team_server.login("amira"), "pw-2", admin=team_server.password)
    psycopg.connect(team_server.url(team_server.login("amira"), "pw-1")).close()


def test_sslmode_in_the_url_is_honoured(team_server, tmp_path):
    """The test server has no TLS: sslmode=require must fail, not fall back to plain text."""
    url = team_server.url(password=team_server.password, sslmode="require")
    with pytest.raises(HubUnreachable, match="SSL"):
        init_hub(lead_project(tmp_path / "lead.annotator"), url)


def annotator(*args, check=True) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, text=True,
        cwd=REPO_ROOT, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_command_line_from_init_to_status(team_server, tmp_path):
    lead = lead_project(tmp_path / "lead.annotator")
    annotator("--db", lead, "hub", "init", team_server.lead_url, "--save-password")
    amira = team_server.login("amira")
    added = annotator("--db", lead, "hub", "add-annotator", amira)
    password = added.stdout.split("Password (shown once; give it to")[1].split(": ")[1].strip()
    copy = tmp_path / "amira.annotator"
    joined = annotator("--db", copy, "hub", "join", team_server.url(amira, password),
                       "--save-password")  # fmt: skip
    assert f"Joined as {amira}" in joined.stdout
    assert json.loads(annotator("--db", copy, "sync", "--json").stdout)["role"] == "member"
    status = json.loads(annotator("--db", lead, "hub", "status", "--json").stdout)
    assert status["role"] == "lead" and status["schema_version"] == 1
    assert {p["annotator"] for p in status["people"]} >= {amira}


def test_an_unreachable_server_exits_3_and_says_since_when(team_server, tmp_path):
    lead = lead_project(tmp_path / "lead.annotator")
    init_hub(lead, team_server.lead_url)
    link = load_link(lead)
    link.server["port"] = "1"  # nothing listens there
    save_link(lead, link)
    done = annotator("--db", lead, "sync", check=False)
    assert done.returncode == 3 and "sync again later" in done.stderr
    assert load_link(lead).offline_since is not None
