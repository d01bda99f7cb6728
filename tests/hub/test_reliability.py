"""Syncs as real processes, interrupted the hard way: SIGKILL at random moments, the server
restarted mid-sync, two syncs of one project at once. Afterwards the project and the server
hold the same events, each once, and the project's state is that of its latest events."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from annotator.app.hub.credentials import save_password
from annotator.app.hub.link import load_link, save_link
from annotator.storage.hub.connection import parse_url
from annotator.storage.store import Store
from tests.hub.checks import assert_in_step, server_events
from tests.hub.server import REPO_ROOT, build_team, restart_server

CHANGES = 8_000


@pytest.fixture
def team(team_server, tmp_path):
    team = build_team(team_server, tmp_path)
    save_password(parse_url(team_server.lead_url), team_server.password)
    for login, password in team.passwords.items():
        save_password(parse_url(team_server.url(login, password)), password)
    return team


def offline_work(path, annotator, changes=CHANGES, seed=0):
    """`changes` label events on the copy's units, as days of work without a sync."""
    rng = random.Random(seed)
    with Store(path) as store:
        units = [r[0] for r in store.conn.execute("SELECT id FROM units")]
        with store.transaction():  # one commit: the events are the same, made faster
            _toggle(store, units, annotator, rng, changes)


def _toggle(store, units, annotator, rng, changes) -> None:
    for _ in range(changes):
        theme = rng.choice(["military", "economic", "reconstruction"])
        store.labels.toggle_theme(rng.choice(units), annotator, theme)


def start_sync(path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(path), "sync", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )  # fmt: skip


def run_sync(path) -> dict:
    process = start_sync(path)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return json.loads(out)


def kill_repeatedly(path, rng: random.Random, times: int = 4) -> None:
    """Start a sync and SIGKILL it after a random moment, `times` times."""
    for _ in range(times):
        process = start_sync(path)
        time.sleep(rng.uniform(0.2, 1.2))  # start-up (imports) takes ~0.4 s
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sync_killed_at_random_moments_loses_and_doubles_nothing(team, seed):
    amira = team.server.login("amira")
    offline_work(team.copies[amira], amira, seed=seed)
    rng = random.Random(seed)
    kill_repeatedly(team.copies[amira], rng)  # sending
    run_sync(team.copies[amira])
    assert_in_step(team.server, team.copies[amira], amira)
    assert len(server_events(team.server, amira)) == CHANGES
    kill_repeatedly(team.lead, rng)  # taking in
    run_sync(team.lead)
    assert_in_step(team.server, team.lead)


def test_server_restarted_mid_sync_then_synced_again(team):
    amira = team.server.login("amira")
    offline_work(team.copies[amira], amira, changes=20_000)
    process = start_sync(team.copies[amira])
    time.sleep(0.9)
    restart_server()
    _out, err = process.communicate(timeout=120)
    assert process.returncode in (0, 3), err  # cut (offline, 3) unless it had finished
    run_sync(team.copies[amira])
    run_sync(team.lead)
    assert_in_step(team.server, team.copies[amira], amira)
    assert_in_step(team.server, team.lead)


def test_two_syncs_of_one_project_at_once_take_turns(team):
    amira = team.server.login("amira")
    offline_work(team.copies[amira], amira, changes=6_000)
    first, second = start_sync(team.copies[amira]), start_sync(team.copies[amira])
    reports = []
    for process in (first, second):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        reports.append(json.loads(out))
    assert sorted(r["sent"]["events"] for r in reports) == [0, 6_000]
    assert_in_step(team.server, team.copies[amira], amira)


def test_a_sync_ends_while_someone_keeps_labelling(team):
    """It sends what was there when it started; labels made meanwhile go at the next sync
    (before, a sync could chase the newest labels for as long as the labelling went on)."""
    amira = team.server.login("amira")
    path = team.copies[amira]
    offline_work(path, amira, changes=6_000)
    proxy = slow_server(path, team.passwords[amira])  # sending is slower than labelling
    process = start_sync(path)
    with Store(path) as store:
        units = [r[0] for r in store.conn.execute("SELECT id FROM units")]
        made, give_up = 0, time.monotonic() + 90
        while process.poll() is None and time.monotonic() < give_up:
            store.labels.toggle_theme(units[made % len(units)], amira, "economic")
            made += 1
    ended = process.poll() is not None
    if not ended:
        process.kill()
    _out, err = process.communicate(timeout=120)
    proxy.kill()
    assert ended, f"the sync did not end in 90 s while {made:,} labels came"
    assert process.returncode == 0, err
    link = load_link(path)
    link.server["port"] = team.server.url().split("port=")[1].split()[0]
    save_link(path, link)
    run_sync(path)
    assert_in_step(team.server, path, amira)


def slow_server(path, password: str) -> subprocess.Popen:
    """Point the copy at the server through a proxy that delays every packet by 50 ms."""
    link = load_link(path)
    proxy = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "tests" / "perf" / "slow_proxy.py"), "54398",
         link.server.get("host", "127.0.0.1"), link.server["port"], "50"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proxy.stdout.readline().startswith("listening")
    link.server["port"] = "54398"
    save_link(path, link)
    save_password(link.server, password)  # libpq's password file is kept per host and port
    return proxy
