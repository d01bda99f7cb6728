"""The multi-process soak of issue 8: one labeller at full speed, readers opening and
closing the project all the while, the labeller killed with SIGKILL at a random moment.

The labeller works through AnnotationSession (the window's own code path) and keeps a side
log: a `try` line before each change and a `done` line after the store committed it, both
flushed at once. Afterwards every `done` change must be in the project; the one change in
flight when the kill came (a `try` with no `done`) may or may not be.

Roles run as `python -m tests.durability.soak ROLE DATABASE ...`; `run_soak` runs them all
and returns the figures. The test suite runs it briefly, tests/perf/bench_durability.py long.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from annotator.app.session import AnnotationSession
from annotator.storage.export_queries import ExportSnapshot
from annotator.storage.rows import UnitState
from annotator.storage.store import Store
from tests.durability.processes import CHILD_ENV, REPO, all_states, assert_project_sound
from tests.gui.gui_factories import numbered_articles

LABELLER = "soak"
READER_ROLES = ("cli_stats", "export_snapshot", "store_open_close")


# -- roles (each runs in its own process) -------------------------------------------------


def labeller(database: str, log_path: str, seed: str) -> None:
    """Label every unit again and again as fast as the store allows, logging each commit."""
    rng = random.Random(int(seed))
    session = AnnotationSession(Store(database), LABELLER)
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open until the kill
    changes = 0
    while True:
        for article_id in session.article_ids():
            session.open_article(article_id)
            for index in range(len(session.units)):
                session.go_to_unit(index)
                digit = rng.choice((0, 1, 2, 3))
                unit = session.current_unit
                log.write(f"try {unit.id}\n")
                log.flush()
                change = session.toggle_theme(digit) if digit else session.mark_done_no_theme()
                log.write(f"done {unit.id} {json.dumps(change.after.as_json())}\n")
                log.flush()
                changes += 1
                if changes % 40 == 0:  # what the window's indexer and workers do
                    Store(database).close()
                    ExportSnapshot(database).close()


def reader(role: str, database: str) -> None:
    """Open, read and close the project in a loop until SIGTERM; print how it went."""
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    rounds = 0
    while not stop:
        if role == "cli_stats":
            command = [sys.executable, "-m", "annotator", "--db", database, "stats", "--json"]
            done = subprocess.run(command, capture_output=True, env=CHILD_ENV, cwd=REPO)
            if done.returncode != 0:
                raise SystemExit(f"stats failed: {done.stderr.decode()}")
        elif role == "export_snapshot":
            with ExportSnapshot(database) as snapshot:
                for _article in snapshot.iter_articles():
                    pass
        else:
            with Store(database) as store:
                store.figures.project()
                store.articles.list()
        rounds += 1
    print(json.dumps({"role": role, "rounds": rounds}), flush=True)


# -- the run ------------------------------------------------------------------------------


@dataclass
class SoakResult:
    seed: int
    seconds: float
    processes: int
    committed: int  # changes the labeller logged as committed before it was killed
    kills: int
    lost: int  # committed changes missing from the project afterwards (must be 0)
    reader_rounds: dict[str, int]
    labelling_seconds: float  # from the labeller's start to its kill

    @property
    def commits_per_second(self) -> float:
        return self.committed / self.labelling_seconds


def _start(*args: str, stdout=subprocess.DEVNULL) -> subprocess.Popen:
    command = [sys.executable, "-m", "tests.durability.soak", *args]
    return subprocess.Popen(command, stdout=stdout, env=CHILD_ENV, cwd=REPO)


def run_soak(
    folder: Path, seed: int, seconds: float, articles: int = 20, readers: bool = True
) -> SoakResult:
    """Soak for `seconds`; readers=False runs the labeller alone (the benchmark's baseline)."""
    database, log = folder / f"soak-{seed}.annotator", folder / f"soak-{seed}.log"
    with Store(database) as store:
        store.articles.add(numbered_articles(articles, sentences=8))
    rng = random.Random(seed)
    kill_at = rng.uniform(0.25, 0.85) * seconds
    roles = READER_ROLES if readers else ()
    readers = [_start(role, str(database), stdout=subprocess.PIPE) for role in roles]
    labelling = _start("labeller", str(database), str(log), str(seed))
    started = time.monotonic()
    try:
        time.sleep(kill_at)
        labelling.send_signal(signal.SIGKILL)
        labelling.wait()
        labelled_for = time.monotonic() - started
        assert labelling.returncode == -signal.SIGKILL, "the labeller stopped before the kill"
        time.sleep(max(0.0, seconds - (time.monotonic() - started)))
        rounds = _stop_readers(readers)
    finally:
        for process in (labelling, *readers):
            if process.poll() is None:
                process.kill()
                process.wait()
    committed, lost = _compare(database, log)
    seconds_run, processes = time.monotonic() - started, 1 + len(readers)
    return SoakResult(seed, seconds_run, processes, committed, 1, lost, rounds, labelled_for)


def _stop_readers(readers: list[subprocess.Popen]) -> dict[str, int]:
    rounds = {}
    for process in readers:
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=60)
        assert process.returncode == 0, f"a reader failed (exit {process.returncode})"
        report = json.loads(out.decode().strip().splitlines()[-1])
        rounds[report["role"]] = report["rounds"]
    return rounds


def _compare(database: Path, log: Path) -> tuple[int, int]:
    """(changes committed, changes lost): the project must hold each unit's last commit."""
    last: dict[int, UnitState] = {}
    in_flight, committed = None, 0
    for line in log.read_text(encoding="utf-8").splitlines():
        kind, unit_id, *rest = line.split(" ", 2)
        if kind == "try":
            in_flight = int(unit_id)
        elif rest:
            state = json.loads(rest[0])
            last[int(unit_id)] = UnitState(tuple(state["themes"]), state["status"])
            committed, in_flight = committed + 1, None
    assert_project_sound(database)
    with Store(database) as store:
        stored = {unit: state for (unit, name), state in all_states(store).items()}
    lost = sum(1 for unit, state in last.items() if stored.get(unit) != state and unit != in_flight)
    return committed, lost


if __name__ == "__main__":
    role, *arguments = sys.argv[1:]
    if role == "labeller":
        labeller(*arguments)
    else:
        reader(role, *arguments)
    os._exit(0)
