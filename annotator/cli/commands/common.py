"""Helpers shared by CLI commands: opening the project, printing."""

from __future__ import annotations

import argparse
import json
import sys

from annotator.app.paths import resolve_database
from annotator.app.project import Access, open_project
from annotator.core.names import InvalidName, checked_name
from annotator.storage.store import Store


class CommandError(Exception):
    """A usage problem reported to the user in one line, exit code 2."""


def open_store_for(args: argparse.Namespace, writes: bool = True) -> Store:
    """The project named by --db / $ANNOTATOR_DB, else the default one (seeded on first use).

    A command that only reads (`writes=False`) also works on a project it cannot write (a
    read-only folder or medium), and says so. One that writes first checks the file for
    damage, so that nothing is written into a broken project.
    """
    path, is_default = resolve_database(getattr(args, "db", None))
    opened = open_project(path, is_default, Access.WRITE if writes else Access.READ)
    if opened.read_only:
        print(f"annotator: {path} cannot be written here; opened for reading only", file=sys.stderr)
    if opened.backup:
        print(f"annotator: upgraded {path}; backup kept at {opened.backup}", file=sys.stderr)
    return opened.store


def annotator_name(text: str) -> str:
    """--annotator checked as the store checks it, so a bad name stops before anything runs."""
    try:
        return checked_name(text)
    except InvalidName as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
