"""`annotator suggest`: theme suggestions per sentence, and how good they are on the labels."""

from __future__ import annotations

import argparse
import json
import sys

from annotator.cli.commands.common import CommandError, open_store_for, print_json
from annotator.cli.terminal import for_terminal, wants_visual
from annotator.storage.errors import DatabaseReadOnly
from annotator.storage.store import Store


def register(commands) -> None:
    parser = commands.add_parser(
        "suggest",
        help="suggest themes for every sentence, or measure the suggestions (--evaluate)",
        description="Print the suggested themes of each sentence in article order, training "
        "the project's model first when labels changed since it was trained. Suggestions are "
        "stored in the project, so the window shows them at once.",
    )
    parser.add_argument("--json", action="store_true", help="JSON: one object per sentence")
    parser.add_argument("--article", type=int, metavar="ID", help="only this article")
    parser.add_argument("--retrain", action="store_true", help="train a new model first")
    parser.add_argument(
        "--evaluate",
        action="store_true",
        help="cross-validated precision, recall and F1 per theme on the project's own labels "
        "(split by article), with a learning curve",
    )
    parser.add_argument("--folds", type=int, default=5, help="folds for --evaluate (default 5)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages")
    parser.add_argument(
        "--bidi", choices=["auto", "visual", "logical"], default="auto", help=argparse.SUPPRESS
    )
    parser.set_defaults(handler=run_suggest)


def run_suggest(args: argparse.Namespace) -> int:
    if args.folds < 2:
        raise CommandError("--folds must be at least 2")
    say = _progress(args)
    with _open(args) as store:
        if args.evaluate:
            from annotator.app.suggestions.evaluation import evaluate_project

            say("evaluating the suggestions on the project's labels…")
            result = evaluate_project(store, folds=args.folds)
            print_json(result.as_json()) if args.json else print_evaluation(result)
            return 0
        return _print_suggestions(store, args, say)


def _open(args: argparse.Namespace) -> Store:
    """Writable if possible (suggestions are stored); a read-only project computes in memory."""
    try:
        return open_store_for(args, writes=True)
    except DatabaseReadOnly:
        return open_store_for(args, writes=False)


def _progress(args: argparse.Namespace):
    shown = not args.quiet and sys.stderr.isatty()

    def say(text: str) -> None:
        if shown:
            print(f"annotator: {text}", file=sys.stderr)

    return say


def _print_suggestions(store: Store, args: argparse.Namespace, say) -> int:
    from annotator.app.suggestions.engine import SuggestionEngine
    from annotator.app.suggestions.listing import UnknownArticle, suggestion_records

    engine = SuggestionEngine(
        store, report=lambda text: print(f"annotator: {text}", file=sys.stderr)
    )
    reasons = engine.ensure_model(
        eager=True, force=args.retrain, training=lambda why: say(f"training ({'; '.join(why)})…")
    )
    if reasons:
        say(f"model trained on {engine.current.training_size:,} labelled sentences")
    visual = wants_visual(args.bidi)
    try:
        for record in suggestion_records(engine, args.article):
            if args.json:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                print_record(record, visual)
    except UnknownArticle as error:
        raise CommandError(str(error)) from None
    return 0


def print_record(record: dict, visual: bool) -> None:
    scores = record["scores"]
    themes = ", ".join(f"{k} {scores.get(k, 0):.0%}" for k in record["suggested"]) or "-"
    where = f"{record['article_id']}:{record['sentence_index']}"
    print(f"{where:>10}  {themes:<32}  {for_terminal(record['text'], visual)}")


def print_evaluation(result) -> None:
    folds = f"{result.folds}-fold cross-validation by article" if result.folds else "no folds"
    print(
        f"Suggestion quality: {result.labelled:,} labelled sentences in {result.articles:,} "
        f"articles, {folds}"
    )
    if result.themes:
        print(
            f"  {'theme':<18}{'precision':>10}{'recall':>8}{'F1':>8}{'keywords F1':>13}{'with it':>9}"
        )
        for t in result.themes:
            print(
                f"  {t.key:<18}{_figure(t.precision):>10}{_figure(t.recall):>8}{_figure(t.f1):>8}"
                f"{_figure(t.keywords_f1):>13}{t.support:>9,}"
            )
    if result.macro_f1 is not None or result.keywords_macro_f1 is not None:
        print(
            f"  macro-F1 {_figure(result.macro_f1)} (keywords alone "
            f"{_figure(result.keywords_macro_f1)})"
        )
    if result.curve:
        points = ", ".join(f"{size:,} → {_figure(f1)}" for size, f1 in result.curve)
        print(f"Learning curve (macro-F1 by labelled sentences trained on): {points}")
    for message in result.messages:
        print(f"note: {message}")


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
