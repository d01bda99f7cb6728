"""Files written under temporary names and renamed at the end, so no dataset is ever half there.

Cancel or an error leaves nothing: the hidden `.NAME.part-XXXX` files are removed when the
export stops. A killed export cannot remove its own; the next export to the same place does.
To tell a leftover from the file of an export still running (in another window), each export
holds a lock on its temporary files while it runs (POSIX flock, released by the system when
the process dies): a `.part` file nobody holds a lock on is a leftover. On Windows an open
file cannot be deleted, which protects a running export's files the same way.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None


class OutputFiles:
    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []  # (temporary, final)
        self._created: list[Path] = []  # folders made for this export, deepest last
        self._held: list[IO[bytes]] = []  # the temporary files, locked while the export runs

    def reserve(self, final: Path) -> Path:
        """A temporary path in the final folder (same filesystem, so the rename is atomic)."""
        self._make_folder(final.parent)
        remove_leftovers(final)
        temporary = final.with_name(f".{final.name}.part-{secrets.token_hex(4)}")
        self._held.append(_create_locked(temporary))
        self._pending.append((temporary, final))
        return temporary

    def _make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self._created.append(path)

    def commit(self) -> list[Path]:
        """Move every file to its final name; returns the final paths."""
        if os.name == "nt":  # Windows cannot rename a file that is open
            self._release()
        for temporary, final in self._pending:
            os.replace(temporary, final)
        self._release()
        finals = [final for _, final in self._pending]
        self._pending, self._created = [], []
        return finals

    def discard(self) -> None:
        """Remove the temporary files and any folder this export created."""
        self._release()
        for temporary, _ in self._pending:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._pending, self._created = [], []

    def _release(self) -> None:
        for handle in self._held:
            handle.close()  # closing releases the lock
        self._held = []


def _create_locked(path: Path) -> IO[bytes]:
    """Create the file and lock it; writers open it again by name (same file, same lock)."""
    handle = path.open("wb")
    if fcntl is not None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def remove_leftovers(final: Path) -> list[Path]:
    """Remove the temporary files of earlier exports to `final` that no process holds."""
    removed = []
    for leftover in final.parent.glob(f".{glob.escape(final.name)}.part-*"):
        if _held_by_a_running_export(leftover):
            continue
        with contextlib.suppress(OSError):  # Windows: in use; or already gone
            leftover.unlink()
            removed.append(leftover)
    return removed


def _held_by_a_running_export(path: Path) -> bool:
    if fcntl is None:
        return False  # unlink itself fails on a file a running export holds open
    try:
        with path.open("rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False
