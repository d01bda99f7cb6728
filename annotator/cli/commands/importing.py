"""`annotator import`: files and folders into the project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.app.importer import ImportReport, import_paths
from annotator.cli.commands.common import CommandError, open_store_for
from annotator.core.names import printable_path
from annotator.core.readers import ReadOptions


def register(commands) -> None:
    parser = commands.add_parser(
        "import",
        help="import articles from files and folders",
        description="Import .txt, .html, .jsonl, .json and .csv files (folders recursively). "
        "Each file is imported whole or not at all; duplicates are skipped.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="OURS=THEIRS",
        help="read a field under another name, e.g. --map text=article_body",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        default=20,
        metavar="MB",
        help="refuse files larger than this (default 20 MB)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=run_import)


def _field_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise CommandError(f"--map needs OURS=THEIRS, got {pair!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


class ProgressBar:
    """A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self._line_open = False

    def __call__(self, done: int, total: int, path: Path) -> None:
        if not self.enabled or total == 0:
            return
        width = 30
        filled = width * done // total
        name = printable_path(path.name)[-40:] if path.name else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        self._line_open = done != total
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def finish(self) -> None:
        """End a bar cut short (Ctrl-C, an error), so the next message starts its own line."""
        if self._line_open:
            sys.stderr.write("\n")
            self._line_open = False


def print_report(report: ImportReport) -> None:
    print(
        f"Imported {report.articles} articles ({report.units} sentences) from {report.files} files."
    )
    if report.duplicates:
        print(f"Skipped {report.duplicates} duplicate articles (already in the project).")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if report.skipped:
        print(f"Skipped {len(report.skipped)} items in the folders:", file=sys.stderr)
        for item in report.skipped:
            print(f"  {item}", file=sys.stderr)
    if report.failures:
        print(f"{len(report.failures)} files failed and were not imported:", file=sys.stderr)
        for failure in report.failures:
            print(f"  {failure}", file=sys.stderr)
    if report.stopped:
        print(
            f"annotator: the import stopped: {report.stopped} The files counted above are"
            " imported whole; the others were not imported.",
            file=sys.stderr,
        )


def run_import(args: argparse.Namespace) -> int:
    if args.max_size <= 0:
        raise CommandError("--max-size must be positive")
    options = ReadOptions(
        max_bytes=int(args.max_size * 1024 * 1024), field_map=_field_map(args.map)
    )
    bar = ProgressBar(not args.quiet)
    try:
        with open_store_for(args) as store:
            report = import_paths(store, args.paths, options, bar)
    finally:
        bar.finish()
    print_report(report)
    return 0 if report.ok else 1
