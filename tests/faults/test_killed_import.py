"""A killed or interrupted import leaves no worker process behind.

Real processes: `annotator import` runs on 250 generated files (enough for worker processes),
is killed (SIGKILL, SIGTERM) or interrupted (SIGINT to its process group, as Ctrl-C in a
terminal does) while its workers read, and the test watches the workers through /proc.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="watches processes through Linux's /proc"
)

SENTENCE = "ارتفعت أسعار الوقود في الأسواق المحلية بنسبة 3.5 بالمئة خلال الأسبوع الماضي. "


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """250 files that take worker processes a few seconds to read."""
    folder = tmp_path_factory.mktemp("many")
    body = (SENTENCE * 20 + "\n\n") * 40
    for number in range(250):
        (folder / f"{number:03}.txt").write_text(f"خبر رقم {number}\n\n{body}", encoding="utf-8")
    return folder


def stat_fields(pid: int) -> list[str] | None:
    """State, parent pid, … of a process (None: gone, or a zombie that has finished)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] == "Z" else fields


def parent_of(pid: int) -> int | None:
    fields = stat_fields(pid)
    return int(fields[1]) if fields else None


def idle(pids: list[int]) -> bool:
    return all((stat_fields(p) or ["gone"])[0] == "S" for p in pids)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and parent_of(int(entry.name)) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    return parent_of(pid) is not None


def wait_until_idle(process: subprocess.Popen, workers: list[int]) -> None:
    """Until the workers have read everything and wait for work while the import writes."""
    deadline, quiet_since = time.monotonic() + 60, None
    while time.monotonic() < deadline and process.poll() is None:
        now = time.monotonic()
        quiet_since = (quiet_since or now) if idle(workers) else None
        if quiet_since is not None and now - quiet_since > 0.3:
            return
        time.sleep(0.02)
    raise AssertionError("the workers never waited while the import was still running")


def start_import(folder: Path, db: Path) -> tuple[subprocess.Popen, list[int]]:
    """Start an import and wait until its workers are busy; returns it and the workers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, like a job in a terminal
    )
    deadline = time.monotonic() + 60
    while len(children(process.pid)) < 2 and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are reading
    assert process.poll() is None, "the import finished before it could be interrupted"
    return process, children(process.pid)


def read_to_end(stream, seconds: float) -> bytes | None:
    """What the stream holds once every writer has closed it; None if one still holds it."""
    result: list[bytes] = []
    reader = threading.Thread(target=lambda: result.append(stream.read()), daemon=True)
    reader.start()
    reader.join(seconds)
    return result[0] if result else None


def wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


@pytest.fixture
def cleanup():
    """Kill whatever a failing test left running (only the processes it started)."""
    started: list[int] = []
    yield started
    for pid in started:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_import_and_release_its_pipes(
    folder, tmp_path, cleanup, signal_number
):
    process, workers = start_import(folder, tmp_path / "p.annotator")
    cleanup.extend(workers)
    assert len(workers) >= 2
    os.kill(process.pid, signal_number)
    process.wait(timeout=10)
    assert wait_gone(workers, 10) == []
    # `$(annotator import …)` returns only when every holder of the pipe has closed it.
    assert read_to_end(process.stdout, 10) is not None
    assert read_to_end(process.stderr, 10) is not None


@pytest.mark.parametrize("moment", ["reading", "writing"])
def test_ctrl_c_prints_one_line_and_exits_130(folder, tmp_path, cleanup, moment):
    """While the workers read, and once they wait for work (where, unprotected, each
    printed a KeyboardInterrupt traceback)."""
    process, workers = start_import(folder, tmp_path / "p.annotator")
    cleanup.extend(workers)
    if moment == "writing":
        wait_until_idle(process, workers)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    try:
        code = process.wait(timeout=30)
    finally:
        err = read_to_end(process.stderr, 10)
    assert wait_gone(workers, 10) == []
    assert err is not None
    assert err.decode().splitlines() == ["annotator: interrupted"]
    assert code == 130


def test_ctrl_c_at_any_moment_never_hangs(folder, tmp_path, cleanup):
    """Stopping workers in the middle of sending a result used to leave the pool's manager
    thread waiting for the rest of the message, and the process hung at exit (1 run in 4)."""
    rng = random.Random(8)
    for attempt in range(8):
        process = subprocess.Popen(
            [sys.executable, "-m", "annotator", "--db", str(tmp_path / f"{attempt}.annotator"),
             "import", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )  # fmt: skip
        time.sleep(rng.uniform(0.3, 1.5))
        cleanup.extend(children(process.pid))
        os.killpg(process.pid, signal.SIGINT)
        code = process.wait(timeout=30)
        err = read_to_end(process.stderr, 10).decode()
        assert code in (0, 130), err  # 0: it had finished before the key
        assert code == 0 or err.splitlines() == ["annotator: interrupted"]
