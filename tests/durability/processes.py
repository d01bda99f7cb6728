"""Real processes for durability tests: a window driven from stdin, CLI commands, checks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from annotator.storage.rows import UnitState
from annotator.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
CHILD_ENV = {
    **os.environ,
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONPATH": str(REPO),
    "PYTHONUNBUFFERED": "1",
}


@dataclass
class WindowProcess:
    """tests/durability/window_child.py in a subprocess: a real MainWindow on a project."""

    database: Path
    settings_file: Path
    annotator: str
    saved: dict[int, UnitState] = field(default_factory=dict)  # what the window showed saved
    process: subprocess.Popen | None = None
    article_id: int | None = None

    def start(self) -> WindowProcess:
        command = [sys.executable, "-m", "tests.durability.window_child"]
        self.process = subprocess.Popen(
            [*command, str(self.database), str(self.settings_file), self.annotator],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=CHILD_ENV,
            cwd=REPO,
        )
        ready = self._line()
        assert ready[0] == "ready", f"window did not start: {ready}"
        self.article_id = int(ready[1])
        return self

    def _line(self) -> list[str]:
        line = self.process.stdout.readline()
        assert line, f"window process ended (exit code {self.process.poll()})"
        return line.split(" ", 3)

    def send(self, command: str) -> list[str]:
        """Run one command in the window; returns its reply (after recording saved labels)."""
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        while True:
            parts = self._line()
            if parts[0] == "saved":
                themes = () if parts[3].strip() == "-" else tuple(parts[3].strip().split(","))
                self.saved[int(parts[1])] = UnitState(themes, parts[2])
            elif parts[0] == "states":
                self._line()  # the "ok" that follows
                return parts[0:1] + [" ".join(parts[1:])]
            elif parts[0] == "ok":
                return parts

    def keys(self, *names: str) -> None:
        self.send("keys " + " ".join(names))

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        assert self.process.returncode == -signal.SIGKILL

    def close(self) -> None:
        if self.process and self.process.poll() is None:
            self.kill()


def run_cli(database: Path, *args: str) -> subprocess.CompletedProcess:
    """`annotator --db DATABASE ARGS...` in its own process; must succeed."""
    command = [sys.executable, "-m", "annotator", "--db", str(database), *args]
    done = subprocess.run(command, capture_output=True, text=True, env=CHILD_ENV, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return done


def all_states(store: Store) -> dict[tuple[int, str], UnitState]:
    """(unit id, annotator) -> state for every unit anyone has touched."""
    states = {}
    for article_id in store.articles.ids():
        for unit_id, by_name in store.labels.article_states(article_id).items():
            for name, state in by_name.items():
                states[(unit_id, name)] = state
    return states


def assert_project_sound(database: Path) -> dict[tuple[int, str], UnitState]:
    """integrity_check is ok and replaying the event log gives exactly the stored labels."""
    with Store(database) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = all_states(store)
        replayed: dict[tuple[int, str], UnitState] = {}
        for event in store.events.list():
            if event.action == "note":
                continue
            after = UnitState(tuple(event.after["themes"]), event.after["status"])
            replayed[(event.unit_id, event.annotator)] = after
    replayed = {key: state for key, state in replayed.items() if state != UnitState()}
    assert replayed == stored, "the event log disagrees with the label table"
    return stored
