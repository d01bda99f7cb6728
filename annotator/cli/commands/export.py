"""`annotator export`: the project as a dataset (JSONL, Excel-safe CSV, Parquet) with its card."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from annotator.app.exporting import export_project
from annotator.app.paths import resolve_database
from annotator.cli.commands.common import CommandError, annotator_name, open_store_for, print_json
from annotator.core.export import (
    FORMATS,
    RESOLVE_RULES,
    ExportError,
    ExportOptions,
    ExportResult,
    format_for,
    parse_splits,
    worst_deviation,
)
from annotator.core.export.options import command_line


def register(commands) -> None:
    parser = commands.add_parser(
        "export",
        help="write the labelled project as a dataset (JSONL, CSV or Parquet) with a card",
        description="Export one record per sentence (titles and headings included) with its labels. "
        "Reads one consistent snapshot; files appear only when complete.",
    )
    # SUPPRESS: without the option here, the value given before `export` is kept.
    parser.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help="project database")
    parser.add_argument("--format", choices=FORMATS, help="default: from the --out file name")
    parser.add_argument(
        "--out", required=True, metavar="PATH", help="the file; with --split, a folder"
    )
    labels = parser.add_mutually_exclusive_group()
    labels.add_argument(
        "--annotator",
        metavar="NAME",
        type=annotator_name,
        default=argparse.SUPPRESS,
        help="one annotator's labels",
    )
    labels.add_argument(
        "--resolve",
        choices=RESOLVE_RULES,
        help="combine annotators (default majority; a tie leaves the theme out; adjudicated:"
        " a lead's decision where there is one, else the majority)",
    )
    _record_options(parser)
    parser.add_argument(
        "--split",
        metavar="NAME=FRACTION,...",
        help="e.g. train=0.8,dev=0.1,test=0.1: one file per split, whole articles per split",
    )
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same split")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(handler=run_export)


def _record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only-done", action="store_true", help="only sentences marked done")
    parser.add_argument(
        "--with-suggestions",
        action="store_true",
        help="add each unit's suggested themes and their scores, as last computed "
        "(`annotator suggest` brings them up to date)",
    )


def _options(args: argparse.Namespace, db: Path) -> ExportOptions:
    out = Path(args.out).expanduser()
    fmt = args.format or format_for(out)
    if fmt is None:
        raise CommandError("give --format (jsonl, csv or parquet) or an --out name ending in one")
    if getattr(args, "annotator", None) and args.resolve:
        raise CommandError("--annotator and --resolve exclude each other: choose one")
    try:
        splits = parse_splits(args.split) if args.split is not None else ()
    except ExportError as error:
        raise CommandError(str(error)) from None
    options = ExportOptions(
        format=fmt,
        out=out,
        annotator=getattr(args, "annotator", None),
        resolve=args.resolve or "majority",
        only_done=args.only_done,
        splits=splits,
        seed=args.seed,
        with_suggestions=args.with_suggestions,
    )
    return dataclasses.replace(options, command=command_line(options, db))


def _project(args: argparse.Namespace) -> Path:
    """The existing project to export: exporting never creates (or seeds) a project."""
    path, _ = resolve_database(getattr(args, "db", None))
    if not path.exists():
        raise CommandError(f"no project at {path}; give --db FILE")
    args.db = str(path)
    open_store_for(args, writes=False).close()  # version checks and pending migrations
    return path


def run_export(args: argparse.Namespace) -> int:
    db = _project(args)
    options = _options(args, db)
    bar = ExportProgress(enabled=not args.quiet and not args.json)
    try:
        result = export_project(db, options, progress=bar)
    except ExportError as error:
        raise CommandError(str(error)) from None
    finally:
        bar.finish()
    if args.json:
        print_json(result_json(result))
    else:
        print_summary(result)
    return 0


class ExportProgress:
    """A one-line progress bar on stderr when it is a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or not total:
            return
        filled = 30 * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} units")
        sys.stderr.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            self._shown = False


def result_json(result: ExportResult) -> dict:
    return {
        "files": [str(p) for p in result.files],
        "records": result.records,
        "seconds": round(result.seconds, 3),
        "card": str(result.card.absolute()),
        "chart": str(result.chart.absolute()) if result.chart else None,
        "splits": [dataclasses.asdict(f) for f in result.figures],
        "worst_balance_gap": round(worst_deviation(result.figures), 4),
        "warnings": result.warnings,
    }


def print_summary(result: ExportResult) -> None:
    articles = sum(f.articles for f in result.figures)
    print(
        f"Exported {result.records:,} records from {articles:,} articles in {result.seconds:.1f} s."
    )
    data_files = [p for p in result.files if p not in (result.card, result.chart)]
    for figures, path in zip(result.figures, data_files, strict=True):
        name = figures.name or "all"
        print(
            f"  {name:<8} {figures.units:>10,} records ({figures.unit_share:.1%}, target "
            f"{figures.target:.0%}) {figures.articles:>8,} articles  {path}"
        )
    if len(result.figures) > 1:
        _print_balance(result)
    chart = f"; chart: {result.chart.name}" if result.chart else ""
    print(f"Dataset card: {result.card.absolute()} (beside the data{chart})")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _print_balance(result: ExportResult) -> None:
    print("Theme balance (share of each theme's records in each split):")
    keys = list(dict.fromkeys(k for f in result.figures for k in f.theme_shares))
    for key in keys:
        shares = "  ".join(f"{f.name} {f.theme_shares.get(key, 0):.1%}" for f in result.figures)
        print(f"  {key:<16} {shares}")
    print(f"  worst gap from target: {worst_deviation(result.figures):.1%}")
