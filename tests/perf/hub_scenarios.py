"""Projects, servers and a window for bench_hub.py (set-up, not measured)."""

from __future__ import annotations

import contextlib
import json
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from annotator.app.hub.credentials import save_password
from annotator.app.hub.link import load_link, save_link
from annotator.app.hub.setup import add_annotator, init_hub, join_hub
from annotator.app.hub.sync import sync
from annotator.storage.database import copy_project
from annotator.storage.hub.connection import parse_url
from annotator.storage.store import Store
from tests.hub.server import TeamServer, admin_url, assign, restart_server
from tests.perf import bench_gui

UNITS = 25  # a title and 24 sentences per article
PACE_S = 0.01  # between key presses during a sync: 100 a second


@contextlib.contextmanager
def server():
    made = TeamServer(admin_url()).create()
    save_password(parse_url(made.lead_url), made.password)
    try:
        yield made
    finally:
        made.drop()


def lead_with(path: Path, articles: int, units: int = UNITS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    with Store(path) as store:
        for first in range(1, articles + 1, 500):
            last = min(first + 500, articles + 1)
            store.articles.add(
                bench_gui.make_article(n, units - 1, rng) for n in range(first, last)
            )
    return path


def member(server: TeamServer, lead: Path, name: str, folder: Path) -> tuple[str, Path]:
    login, password = server.login(name), f"pw-{name}"
    add_annotator(lead, login, password, admin=server.password)
    save_password(parse_url(server.url(login, password)), password)
    copy = folder / f"{name}.annotator"
    join_hub(copy, server.url(login, password))
    return login, copy


def label_all(path: Path, annotator: str, theme: str = "military") -> int:
    with Store(path) as store:
        units = [r[0] for r in store.conn.execute("SELECT id FROM units ORDER BY id")]
        with store.transaction():
            for unit in units:
                store.labels.set_themes(unit, annotator, [theme])
    return len(units)


def many_annotators(server: TeamServer, folder: Path, count: int, labels: int) -> dict:
    per = labels // UNITS
    lead = lead_with(folder / "lead.annotator", count * per)
    names = [f"a{n:02d}" for n in range(count)]
    assign(lead, {server.login(n): list(range(1 + i * per, 1 + (i + 1) * per))
                  for i, n in enumerate(names)})  # fmt: skip
    init_hub(lead, server.lead_url)
    team = dict(member(server, lead, name, folder) for name in names)
    for login, path in team.items():
        label_all(path, login)
    return team


def copy_baseline(server: TeamServer, team: dict) -> float:
    """One COPY of every member's label events (the same rows) into a table with no rules."""
    rows = []
    for login, path in team.items():
        with Store(path) as store:
            rows += store.outgoing.events_after(0, 10**9, login)[0]
    with server.connect() as conn:
        conn.execute("CREATE TABLE copy_baseline (uid uuid PRIMARY KEY, annotator text,"
                     " device text, article_hash text, idx int, digest text, action text,"
                     " before jsonb, after jsonb, at text)")  # fmt: skip
        started = time.perf_counter()
        with conn.transaction(), conn.cursor().copy("COPY copy_baseline FROM STDIN") as copy:
            for event in rows:
                copy.write_row(event)
        return time.perf_counter() - started


def report_seconds(out: str) -> float:
    return json.loads(out)["seconds"]


def count_labels(server: TeamServer) -> int:
    with server.connect() as conn:
        return conn.execute(
            "SELECT COUNT(*) FROM annotator.events WHERE action = 'set'"
        ).fetchone()[0]


def big_lead(server: TeamServer, folder: Path, sentences: int):
    """The window benchmark's cached project, copied; 10,000 sentences assigned; sent up."""
    folder.mkdir(parents=True, exist_ok=True)
    lead = folder / "lead.annotator"
    copy_project(bench_gui.cached_project(sentences), lead)
    with Store(lead) as store:
        chosen, total = [], 0
        for article_id, count in store.conn.execute("SELECT id, unit_count FROM articles"):
            if total >= 10_000:
                break
            chosen.append(article_id)
            total += count
    login, password = server.login("joiner"), "pw-joiner"
    assign(lead, {login: chosen})
    started = time.perf_counter()
    init_hub(lead, server.lead_url)
    seconds = time.perf_counter() - started
    add_annotator(lead, login, password, admin=server.password)
    return lead, login, password, seconds


@dataclass
class KeySetup:
    lead: Path
    members: dict[str, Path]  # login -> copy holding 10,000 labels not yet sent


def key_setup(server: TeamServer, folder: Path) -> KeySetup:
    lead = lead_with(folder / "lead.annotator", 420, 25)
    names = ["amira", "badr", "carol"]
    assign(lead, {server.login(n): list(range(1, 401)) for n in names})
    init_hub(lead, server.lead_url)
    members = dict(member(server, lead, name, folder) for name in names)
    for login, path in members.items():
        label_all(path, login)
    return KeySetup(lead, members)


def key_cases(server: TeamServer, setup: KeySetup):
    """(name, start) pairs: each start() prepares untimed and returns the running sync."""
    from tests.perf.bench_hub import sync_process

    logins = list(setup.members)
    link = load_link(setup.lead)

    def taking_in(index: int, change=None):
        def start():
            sync(setup.members[logins[index]], None)  # their 10,000 go up first (untimed)
            if change:
                change()
            return sync_process(setup.lead)

        return start

    def own_labels():
        label_all(setup.lead, "lead-own", "economic")
        return sync_process(setup.lead)

    def through(host: str, port: str):
        def change():
            changed = load_link(setup.lead)
            changed.server.update(host=host, port=port)
            save_link(setup.lead, changed)
            save_password(changed.server, server.password)  # kept per host and port

        return change

    proxy = subprocess.Popen([sys.executable, str(Path(__file__).with_name("slow_proxy.py")),
                              "54399", link.server["host"], link.server["port"], "50"],
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    proxy.stdout.readline()

    def restarted():
        process = taking_in(2)()
        time.sleep(1.0)
        restart_server()
        return process

    yield "taking in 10,000 changes", taking_in(0)
    yield "sending 10,000 changes", own_labels
    yield (
        "slow server (+50 ms a packet), taking in 10,000",
        taking_in(1, through("127.0.0.1", "54399")),
    )
    save_link(setup.lead, link)
    yield "unreachable server (10.255.255.1)", lambda: (through("10.255.255.1", "5432")(),
                                                       sync_process(setup.lead))[1]  # fmt: skip
    save_link(setup.lead, link)
    yield "server restarted mid-sync, taking in 10,000", restarted
    proxy.kill()


class KeyWindow:
    """A real main window (offscreen) on a project; digits pressed on the reader."""

    def __init__(self, path: Path):
        self.app, self.window = bench_gui.open_window(path)
        self.window.team_server.timer.stop()  # the benchmark starts the syncs itself

    def _press(self, count: int, times: list[float], pace_s: float = 0.0) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_0]
        for n in range(count):
            if n % 4 == 0:
                QTest.keyClick(self.window.reader, Qt.Key.Key_Down)
            started = time.perf_counter()
            QTest.keyClick(self.window.reader, digits[n % 4])
            times.append((time.perf_counter() - started) * 1000)
            if pace_s:
                time.sleep(pace_s)  # a fast annotator, not a machine gun: the sync gets turns
        self.app.processEvents()

    def measure(self, presses: int) -> tuple[float, float]:
        times: list[float] = []
        self._press(presses, times)
        return _figures(times)

    def measure_during(self, process: subprocess.Popen, presses: int):
        times: list[float] = []
        while process.poll() is None or len(times) < presses:
            self._press(20, times, PACE_S)
        _out, err = process.communicate(timeout=600)
        if process.returncode not in (0, 3):
            print(f"    (the sync said: {err.strip().splitlines()[-1] if err.strip() else ''})")
        return (*_figures(times), len(times), process.returncode)

    def close(self) -> None:
        self.window.close()


def _figures(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)]
