"""Team-server figures on a real local PostgreSQL (a script that prints figures, not a test).

Usage: python tests/perf/bench_hub.py [--quick] [--only NAME ...]
Needs ANNOTATOR_TEST_PG_ADMIN_URL (eval "$(bash .ci/postgres.sh)"); root for the restart case.
  many     20 annotator processes, each with 5,000 labels (--quick: 500), syncing at once;
           baseline: one plain psycopg COPY of the same rows into a table without rules
  join     joining a project of 1,000,000 sentences (--quick: 100,000) as an annotator
           assigned 10,000 (target <= 5 s); baseline: copying the same rows out of the
           lead's project with SQLite's backup API
  idle     a sync with nothing to do, in-process, median of 20 (target <= 100 ms); also the
           `annotator sync` command's wall time
  keys     key press -> committed label in a real window (offscreen) while a sync of
           10,000 changes runs: taking them in, sending them, with a slow server (a proxy
           adding 50 ms per packet), an unreachable one, and one restarted mid-sync;
           baseline: the same presses with no sync (target p99 <= 16 ms)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from annotator.app.hub.setup import join_hub  # noqa: E402
from annotator.app.hub.sync import sync  # noqa: E402
from annotator.storage.database import copy_project  # noqa: E402
from annotator.storage.store import Store  # noqa: E402
from tests.hub.server import admin_url  # noqa: E402
from tests.perf import hub_scenarios as scenarios  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def sync_process(project: Path, output=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(project), "sync", "--json"],
        stdout=output, stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO,
    )  # fmt: skip


def row(name: str, value: float, unit: str, target: float | None = None, note: str = "") -> None:
    verdict = "" if target is None else ("  PASS" if value <= target else "  FAIL")
    limit = "" if target is None else f" (target <= {target:g} {unit})"
    print(f"  {name:<58} {value:>10.3f} {unit}{limit}{verdict} {note}", flush=True)


def bench_many(folder: Path, labels: int) -> None:
    print(f"\n20 annotators x {labels:,} labels, syncing at once")
    with scenarios.server() as server:
        team = scenarios.many_annotators(server, folder, 20, labels)
        baseline = scenarios.copy_baseline(server, team)
        started = time.perf_counter()
        running = {sync_process(path): started for path in team.values()}
        walls, inside = [], []
        while running:
            for process in [p for p in running if p.poll() is not None]:
                out, err = process.communicate()
                assert process.returncode == 0, err
                walls.append(time.perf_counter() - running.pop(process))
                inside.append(scenarios.report_seconds(out))
            time.sleep(0.01)
        total = time.perf_counter() - started
        on_server = scenarios.count_labels(server)
    row("all 20 syncs, first start to last end", total, "s")
    row("one sync, command wall time (median / max)", statistics.median(walls), "s",
        note=f"max {max(walls):.2f} s")  # fmt: skip
    row("one sync, inside the command (median / max)", statistics.median(inside), "s",
        note=f"max {max(inside):.2f} s")  # fmt: skip
    row("baseline: one COPY of the same rows, no rules", baseline, "s")
    print(f"  labels on the server afterwards: {on_server:,} of {20 * labels:,}"
          f" {'OK' if on_server == 20 * labels else 'MISSING'}")  # fmt: skip


def bench_join(folder: Path, sentences: int) -> None:
    print(f"\njoining a project of {sentences:,} sentences, assigned 10,000")
    with scenarios.server() as server:
        lead, login, password, seconds = scenarios.big_lead(server, folder, sentences)
        row(f"hub init: sending {sentences:,} sentences up (set-up, not a target)", seconds, "s")
        target = folder / "joined.annotator"
        started = time.perf_counter()
        report = join_hub(target, server.url(login, password))
        joined = time.perf_counter() - started
        with Store(target) as store:
            held = store.conn.execute("SELECT COUNT(*) FROM units").fetchone()[0]
        started = time.perf_counter()
        copy_project(lead, folder / "baseline-copy.annotator")
        baseline = time.perf_counter() - started
        row(f"join ({report.received.articles} articles, {held:,} units)", joined, "s", 5.0)
        row("baseline: SQLite backup of the whole lead project", baseline, "s")
        bench_idle(target, password, lead, server.password)


def bench_idle(member: Path, member_password: str, lead: Path, lead_password: str) -> None:
    for name, path, password in (("member", member, member_password),
                                 ("lead (all sentences)", lead, lead_password)):  # fmt: skip
        sync(path, password)
        times = []
        for _ in range(20):
            started = time.perf_counter()
            report = sync(path, password)
            times.append(time.perf_counter() - started)
            assert not report.sent.anything and not report.received.anything
        row(f"sync with nothing to do, {name}, median of 20", statistics.median(times) * 1000,
            "ms", 100.0, f"(max {max(times) * 1000:.0f} ms)")  # fmt: skip
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "annotator", "--db", str(member), "sync"],
                   env={**ENV, "PGPASSWORD": member_password}, check=True,
                   capture_output=True)  # fmt: skip
    row(
        "`annotator sync` with nothing to do, whole command",
        time.perf_counter() - started,
        "s",
        note="(Python start-up and imports included)",
    )


def bench_keys(folder: Path, presses: int) -> None:
    print("\nkey press -> committed label in the window while a sync runs")
    with scenarios.server() as server:
        setup = scenarios.key_setup(server, folder)
        window = scenarios.KeyWindow(setup.lead)
        median, p99 = window.measure(presses)
        row(f"baseline, no sync: p99 of {presses}", p99, "ms", 16.0, f"(median {median:.2f})")
        for name, prepare in scenarios.key_cases(server, setup):
            process = prepare()
            median, p99, pressed, code = window.measure_during(process, presses)
            row(f"{name}: p99 of {pressed}", p99, "ms", 16.0,
                f"(median {median:.2f}; sync exit {code})")  # fmt: skip
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", choices=["many", "join", "keys"])
    args = parser.parse_args()
    admin_url()
    wanted = set(args.only or ["many", "join", "keys"])
    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-hub-"))
    os.environ["PGPASSFILE"] = ENV["PGPASSFILE"] = str(folder / "pgpass")
    try:
        if "many" in wanted:
            bench_many(folder / "many", 500 if args.quick else 5_000)
        if "join" in wanted:
            bench_join(folder / "join", 100_000 if args.quick else 1_000_000)
        if "keys" in wanted:
            bench_keys(folder / "keys", 300 if args.quick else 1_000)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
