"""Where Annotator keeps its files: one place, from platformdirs."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import platformdirs

APP_DIR_NAME = "annotator"
PROJECT_SUFFIX = ".annotator"  # SQLite inside; the MIME type application/x-annotator-project


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"


def resolve_database(cli_value: str | None) -> tuple[Path, bool]:
    """The database to use and whether it is the default one (which gets the sample articles)."""
    if cli_value:
        return Path(cli_value).expanduser(), False
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return Path(env).expanduser(), False
    path = default_database()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, True


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def device_id() -> str:
    """This installation's id, made once and kept in the user's settings folder.

    Recorded with every change, so that merged work says which computer it came from (one
    annotator name on two computers is caught before their work is mixed). Created with
    O_EXCL, so two processes starting at once agree on one id.
    """
    path = config_dir() / "device-id"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return _read_device_id(path)
    made = str(uuid.uuid4())
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(made + "\n")
    return made


def _read_device_id(path: Path) -> str:
    for _attempt in range(50):  # another process may be writing it this very moment
        text = path.read_text(encoding="ascii", errors="replace").strip()
        if len(text) == 36:
            return text
        time.sleep(0.01)
    raise OSError(f"{path} does not hold a device id; delete it to make a new one")
