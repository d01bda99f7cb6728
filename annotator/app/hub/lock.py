"""One sync of a project at a time on this computer: a lock on a file beside the project.

Not the project file: POSIX drops every lock a process holds on a file when any descriptor
of it is closed, SQLite's included (PLATFORM.md), so only SQLite ever opens the project.
The lock is the operating system's (flock, or msvcrt on Windows): a sync killed with
SIGKILL leaves no stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.storage.errors import StorageError


class SyncBusy(StorageError):
    """Another sync of this project is running and did not finish in time."""


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".hub.lock")


@contextlib.contextmanager
def sync_lock(
    project: Path, timeout: float | None = None, waiting: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the project's sync lock; wait for another sync (at most `timeout` s, None: as
    long as it takes); `waiting` is called once if the lock is not free at once."""
    descriptor = os.open(lock_path(project), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(descriptor, project, timeout, waiting)
        try:
            yield
        finally:
            _release(descriptor)
    finally:
        os.close(descriptor)


def _acquire(descriptor: int, project: Path, timeout: float | None, waiting) -> None:
    deadline = None if timeout is None else time.monotonic() + timeout
    told = False
    while not _try_lock(descriptor):
        if deadline is not None and time.monotonic() >= deadline:
            raise SyncBusy(f"another sync of {project.name} is running; try again when it ends")
        if not told and waiting is not None:
            waiting()
            told = True
        time.sleep(0.05)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
