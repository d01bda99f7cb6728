"""`annotator articles remove ID...` and `articles restore ID...`: take articles out, put them back.

Exit codes: 0 when every id was removed (restored); 2, with nothing changed, when any id is
unknown (or, for restore, was not removed, or its text was imported again since).
"""

from __future__ import annotations

import argparse
import getpass
from dataclasses import asdict

from annotator.cli.commands.common import CommandError, open_store_for, print_json
from annotator.cli.terminal import for_terminal, wants_visual
from annotator.storage.removal import RemovedArticle


def register(articles: argparse.ArgumentParser) -> None:
    actions = articles.add_subparsers(dest="articles_action", metavar="ACTION")
    remove = actions.add_parser(
        "remove",
        help="remove articles with their units and everyone's labels (kept in the event log)",
        description="Remove articles, their units and every annotator's labels, statuses and "
        "notes from the project, all or none. Everything removed is written to the project's "
        "event log first, under your name (--annotator), and `articles restore` puts it back.",
    )
    restore = actions.add_parser(
        "restore",
        help="put removed articles back as they were",
        description="Put removed articles back with the same ids, units, labels, statuses "
        "and notes, from the event log.",
    )
    for parser, handler in ((remove, run_remove), (restore, run_restore)):
        parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="article id")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--bidi", choices=["auto", "visual", "logical"], default="auto")
        parser.set_defaults(handler=handler)


def acting_annotator(args: argparse.Namespace) -> str:
    """Who the event log names: --annotator, else the login name."""
    if args.annotator:
        return args.annotator
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise CommandError(
            "give your name with --annotator NAME (it goes in the event log)"
        ) from None


def run_remove(args: argparse.Namespace) -> int:
    with open_store_for(args) as store:
        removed = store.removal.remove(args.ids, acting_annotator(args))
    _report(args, removed, "Removed")
    if not args.json:
        ids = " ".join(str(a.id) for a in removed)
        print(f"Kept in the event log; `annotator articles restore {ids}` puts them back.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    with open_store_for(args) as store:
        restored = store.removal.restore(args.ids, acting_annotator(args))
    _report(args, restored, "Restored")
    return 0


def _report(args: argparse.Namespace, articles: list[RemovedArticle], verb: str) -> None:
    if args.json:
        print_json([{**asdict(a), "annotators": list(a.annotators)} for a in articles])
        return
    visual = wants_visual(args.bidi)
    for article in articles:
        who = f" by {', '.join(article.annotators)}" if article.annotators else ""
        labels = "label" if article.labels == 1 else "labels"
        print(
            f"{verb} article {article.id} ({for_terminal(article.title, visual)}): "
            f"{article.units} units, {article.labels} {labels}{who}."
        )
