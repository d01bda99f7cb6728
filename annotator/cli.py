"""The `annotator` command line. No Qt here: the GUI is started by annotator.main."""

from __future__ import annotations

import argparse
import sys

from annotator import __version__
from annotator.commands import browse, importing, themes
from annotator.commands.common import CommandError, open_store_for
from annotator.storage.errors import StorageError

COMMAND_MODULES = [importing, browse, themes]


def _optional_modules() -> list:
    """Commands added by later features register themselves here if present."""
    modules = []
    for name in ("export", "doctor"):
        try:
            modules.append(__import__(f"annotator.commands.{name}", fromlist=["register"]))
        except ModuleNotFoundError as error:
            if error.name != f"annotator.commands.{name}":
                raise
    return modules


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
    parser.add_argument("--annotator", metavar="NAME", help="your name, recorded with every label")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES + _optional_modules():
        module.register(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args)
    except (CommandError, StorageError) as error:
        print(f"annotator: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        print(
            "annotator: no command given (the app is started by `python -m annotator`)",
            file=sys.stderr,
        )
        return 2
    return run(args)


__all__ = ["build_parser", "main", "open_store_for", "run"]
