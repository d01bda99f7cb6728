"""The `annotator` command line. No Qt here: the GUI is started by annotator.main."""

from __future__ import annotations

import argparse
import errno
import sys

from annotator import __version__
from annotator.cli.commands import (
    browse,
    doctor,
    export,
    hub,
    importing,
    suggest,
    team,
    themes,
)
from annotator.cli.commands.common import CommandError, annotator_name
from annotator.core.names import MAX_NAME_CHARS
from annotator.storage.errors import StorageError

COMMAND_MODULES = [importing, browse, themes, suggest, export, team, hub, doctor]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Label Arabic news sentence by sentence. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument(
        "--db",
        metavar="FILE",
        help="project database (default: $ANNOTATOR_DB, "
        "else the default project in your data folder)",
    )
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        type=annotator_name,
        help=f"your name, recorded with every label (at most {MAX_NAME_CHARS} characters)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args)
    except BrokenPipeError:  # `annotator articles | head`: the reader has what it wanted
        return 0
    except (CommandError, StorageError) as error:
        print(f"annotator: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a file the command reads or writes, not the project
        print(f"annotator: {describe_os_error(error)}", file=sys.stderr)
        return 1


def describe_os_error(error: OSError) -> str:
    """One line a person can act on, for the errors files meet most."""
    where = f" ({error.filename})" if error.filename else ""
    reasons = {
        errno.ENOSPC: "the disk is full: free some space and try again; nothing half-written"
        " was kept",
        errno.EDQUOT: "your disk quota is used up: free some space and try again",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.ENOENT: "no such file or folder",
        errno.EISDIR: "this is a folder, not a file",
    }
    reason = reasons.get(error.errno, error.strerror or str(error))
    return f"{reason}{where}"


__all__ = ["build_parser", "run"]
