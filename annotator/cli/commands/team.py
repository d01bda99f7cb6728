"""`annotator team assign|progress`, `merge`, `agreement`, `adjudicate`, `annotators`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from annotator.app.team.agreement import project_agreement
from annotator.app.team.assign import (
    DEFAULT_OVERLAP,
    DEFAULT_PER_ARTICLE,
    plan_assignment,
    record_assignment,
    write_packages,
)
from annotator.app.team.merge import merge_project
from annotator.cli.commands.common import CommandError, open_store_for, print_json
from annotator.cli.commands.team_text import print_agreement, print_merge
from annotator.core.agreement.compute import DEFAULT_RESAMPLES
from annotator.storage.errors import StorageError


def register(commands) -> None:
    _register_team(commands)
    merge = commands.add_parser(
        "merge",
        help="bring returned packages (or another copy of the project) into this project",
        description="Merge packages back: files, or folders holding .annotator files.",
    )
    merge.add_argument("packages", nargs="+", metavar="PACKAGE")
    merge.add_argument("--json", action="store_true", help="print JSON")
    merge.set_defaults(handler=run_merge)
    agreement = commands.add_parser(
        "agreement",
        help="agreement between annotators, per theme and over label sets",
        description="Computed on sentences finished by two or more annotators: observed"
        " agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha with a bootstrap interval.",
    )
    agreement.add_argument("--json", action="store_true", help="print JSON")
    agreement.add_argument("--annotators", metavar="A,B,...", help="only these annotators")
    agreement.add_argument("--theme", metavar="KEY", help="only this theme")
    agreement.add_argument(
        "--resamples",
        type=int,
        default=DEFAULT_RESAMPLES,
        help="bootstrap resamples for the intervals (0: none)",
    )
    agreement.add_argument("--seed", type=int, default=0, help="seed of the bootstrap")
    agreement.set_defaults(handler=run_agreement)
    adjudicate = commands.add_parser(
        "adjudicate",
        help="the units where annotators disagree (to settle them: Team → Review disagreements)",
        description="List the sentences where the annotators who finished them disagree.",
    )
    adjudicate.add_argument("--list", action="store_true", required=True, help="list them")
    adjudicate.add_argument("--json", action="store_true", help="print JSON")
    adjudicate.add_argument("--theme", metavar="KEY", help="disagreements about this theme")
    adjudicate.add_argument("--pair", metavar="A,B", help="between these two annotators")
    adjudicate.set_defaults(handler=run_adjudicate_list)
    _register_annotators(commands)


def _register_team(commands) -> None:
    team = commands.add_parser(
        "team", help="hand out work and follow it", description="Hand out work and follow it."
    )
    actions = team.add_subparsers(dest="team_action", metavar="ACTION", required=True)
    assign = actions.add_parser(
        "assign",
        help="give articles to annotators; with --out, one package file per annotator",
    )
    assign.add_argument("--annotators", required=True, metavar="NAME,NAME,...")
    assign.add_argument(
        "--overlap",
        type=float,
        default=DEFAULT_OVERLAP,
        help="share of articles given to several annotators (default 0.2)",
    )
    assign.add_argument(
        "--per-article",
        type=int,
        default=DEFAULT_PER_ARTICLE,
        help="annotators per shared article (default 2)",
    )
    assign.add_argument(
        "--articles",
        default="not_started",
        help="not_started (default), all, or words to search for",
    )
    assign.add_argument("--seed", type=int, default=0, help="the same seed, the same assignment")
    assign.add_argument("--out", type=Path, metavar="FOLDER", help="write packages here")
    assign.add_argument("--json", action="store_true", help="print JSON")
    assign.set_defaults(handler=run_assign)
    progress = actions.add_parser("progress", help="per annotator: assigned, done, last work")
    progress.add_argument("--json", action="store_true", help="print JSON")
    progress.set_defaults(handler=run_progress)  # fmt: skip


def _register_annotators(commands) -> None:
    annotators = commands.add_parser(
        "annotators", help="the annotators' names", description="List or rename annotators."
    )
    actions = annotators.add_subparsers(dest="annotators_action", metavar="ACTION")
    rename = actions.add_parser("rename", help="rename an annotator (their work follows)")
    rename.add_argument("old")
    rename.add_argument("new")
    annotators.set_defaults(handler=run_annotators)


def _names(text: str | None) -> list[str] | None:
    return [n.strip() for n in text.split(",") if n.strip()] if text else None


def run_assign(args: argparse.Namespace) -> int:
    names = _names(args.annotators)
    with open_store_for(args) as store:
        plan = plan_assignment(
            store, names, args.overlap, args.per_article, args.articles, args.seed
        )
        paths = {}
        if args.out is not None:  # packages first: a refused folder records nothing
            record_assignment(store, plan)
            paths = write_packages(store, names, args.out)
        else:
            record_assignment(store, plan)
    result = {**plan.as_json(), "packages": {n: str(p) for n, p in paths.items()}}
    if args.json:
        print_json(result)
        return 0
    for name, figures in result["annotators"].items():
        where = f" -> {paths[name]}" if name in paths else ""
        print(f"{name}: {figures['articles']} articles, {figures['sentences']} sentences{where}")
    print(f"{result['shared_articles']} articles go to several annotators (for agreement).")
    return 0


def run_progress(args: argparse.Namespace) -> int:
    with open_store_for(args, writes=False) as store:
        rows = [asdict(r) for r in store.team.progress()]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['annotator']}: {r['articles']} articles, {r['done']}/{r['sentences']} done,"
              f" {r['skipped']} skipped, last work {r['last_activity'] or '-'},"
              f" last merged {r['last_merge'] or '-'}")  # fmt: skip
    return 0


def _package_files(paths: list[str]) -> list[Path]:
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(path.glob("*.annotator")))
        elif path.exists():
            found.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder")
    return found


def run_merge(args: argparse.Namespace) -> int:
    reports, failed = [], 0
    with open_store_for(args) as store:
        for path in _package_files(args.packages):
            try:
                reports.append(merge_project(store, path).as_json())
            except StorageError as error:  # each package alone; the rest go on
                failed += 1
                print(f"annotator: {error}", file=sys.stderr)
    if args.json:
        print_json(reports)
    else:
        print_merge(reports)
    return 1 if failed else 0


def run_agreement(args: argparse.Namespace) -> int:
    with open_store_for(args, writes=False) as store:
        try:
            report = project_agreement(
                store, _names(args.annotators), args.theme, args.resamples, args.seed
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
    if args.json:
        print(report.to_json())
    else:
        print_agreement(report)
    return 0


def run_adjudicate_list(args: argparse.Namespace) -> int:
    pair = tuple(_names(args.pair) or ())
    if args.pair and len(pair) != 2:
        raise CommandError("--pair needs two annotator names: A,B")
    with open_store_for(args, writes=False) as store:
        units = store.judgements.disagreements(args.theme, pair or None)
        rows = [_disagreement_row(store, unit_id) for unit_id in units]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"article {row['article_id']} unit {row['sentence_index']}: {row['labels']}")
    return 0


def _disagreement_row(store, unit_id: int) -> dict:
    unit = store.articles.unit(unit_id)
    states = store.labels.unit_states(unit_id)
    decision = store.adjudications.get(unit_id)
    return {
        "article_id": unit.article_id,
        "sentence_index": unit.index,
        "text": unit.text,
        "labels": {n: list(s.themes) for n, s in states.items() if s.status != "skipped"},
        "adjudicated": None if decision is None else list(decision),
    }


def run_annotators(args: argparse.Namespace) -> int:
    with open_store_for(args, writes=args.annotators_action == "rename") as store:
        if args.annotators_action == "rename":
            store.annotators.rename(args.old, args.new)
        for name in store.annotators.names():
            print(name)
    return 0
