"""This installation's device id, recorded with every change (no Qt here).

Kept in the user's settings folder (platformdirs), not in any project: work merged from many
computers says which computer each change came from, so that one annotator name used on two
computers is caught before their work is mixed. The storage layer owns it because every
event it writes carries it; created with O_EXCL, so two processes starting at once agree.
"""

from __future__ import annotations

import functools
import os
import time
import uuid
from pathlib import Path

import platformdirs


def _path() -> Path:
    return Path(platformdirs.user_config_dir("annotator", appauthor=False)) / "device-id"


@functools.cache
def this_device() -> str:
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return _read(path)
    made = str(uuid.uuid4())
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(made + "\n")
    return made


def _read(path: Path) -> str:
    for _attempt in range(50):  # another process may be writing it this very moment
        text = path.read_text(encoding="ascii", errors="replace").strip()
        if len(text) == 36:
            return text
        time.sleep(0.01)
    raise OSError(f"{path} does not hold a device id; delete it to make a new one")
