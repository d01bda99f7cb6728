"""Where Annotator keeps its files: one place, from platformdirs."""

from __future__ import annotations

import os
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
