"""`annotator articles`, `show` and `stats`: read a project from the command line."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from annotator.cli.commands import removal
from annotator.cli.commands.common import CommandError, open_store_for, print_json
from annotator.cli.terminal import for_terminal, wants_visual
from annotator.storage.search import has_words
from annotator.storage.store import Store


def register(commands) -> None:
    articles = commands.add_parser(
        "articles",
        help="list the articles in the project",
        description="List articles with their progress.",
    )
    articles.add_argument("--json", action="store_true", help="print JSON")
    articles.add_argument(
        "--status",
        choices=["not_started", "in_progress", "done"],
        help="only articles in this state",
    )
    articles.add_argument(
        "--search", default="", help="words to find (Arabic spelling variants match)"
    )
    _add_bidi(articles)
    articles.set_defaults(handler=run_articles)
    removal.register(articles)

    show = commands.add_parser(
        "show",
        help="show one article's sentences, labels, status and notes",
        description="Show an article sentence by sentence (titles and headings included).",
    )
    show.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    _add_bidi(show)
    show.set_defaults(handler=run_show)

    stats = commands.add_parser("stats", help="project figures", description="Counts and progress.")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=run_stats)


def _add_bidi(parser) -> None:
    parser.add_argument(
        "--bidi",
        choices=["auto", "visual", "logical"],
        default="auto",
        help="visual: shape and reorder Arabic for terminals that cannot (auto: only on a terminal)",
    )


def run_articles(args: argparse.Namespace) -> int:
    if args.search.strip() and not has_words(args.search):
        print(
            f"annotator: the search {args.search!r} holds no letters or digits; nothing matches",
            file=sys.stderr,
        )
    with open_store_for(args, writes=False) as store:
        if args.annotator and args.annotator not in store.annotators.names():
            known = ", ".join(store.annotators.names()) or "none yet"
            raise CommandError(f"no annotator named {args.annotator!r} (known: {known})")
        rows = store.articles.list(args.annotator, args.status, args.search)
    if args.json:
        print_json([{**asdict(r), "themes": list(r.themes)} for r in rows])
        return 0
    visual = wants_visual(args.bidi)
    for row in rows:
        title = for_terminal(row.title, visual)
        print(f"{row.id:>6}  {row.done:>4}/{row.units:<4}  {row.date[:10]:<10}  {title}")
    return 0


def article_json(store: Store, article_id: int) -> dict:
    article = store.articles.get(article_id)
    if article is None:
        raise CommandError(f"no article with id {article_id}")
    states = store.labels.article_states(article_id)
    notes = store.notes.of_article(article_id)
    units = []
    for unit in store.articles.units(article_id):
        by_name = states.get(unit.id, {})
        units.append(
            {
                "index": unit.index,
                "kind": unit.kind,
                "text": unit.text,
                "start": unit.start,
                "end": unit.end,
                "labels": {name: list(s.themes) for name, s in by_name.items()},
                "status": {name: s.status for name, s in by_name.items()},
                "notes": notes.get(unit.id, {}),
            }
        )
    return {
        "id": article.id,
        "title": article.title,
        "category": article.category,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "encoding": article.encoding,
        "units": units,
    }


def run_show(args: argparse.Namespace) -> int:
    with open_store_for(args, writes=False) as store:
        data = article_json(store, args.article_id)
    if args.json:
        print_json(data)
        return 0
    visual = wants_visual(args.bidi)
    print(for_terminal(data["title"], visual))
    meta = [data[k] for k in ("category", "date", "source", "encoding") if data[k]]
    print(" | ".join(for_terminal(m, visual) for m in meta))
    for unit in data["units"]:
        labels = "; ".join(f"{n}: {','.join(t) or '-'}" for n, t in unit["labels"].items())
        print(f"\n[{unit['index']}] {unit['kind']} {unit['start']}-{unit['end']}  {labels}")
        print(for_terminal(unit["text"], visual))
        for name, note in unit["notes"].items():
            print(f"  note ({name}): {for_terminal(note, visual)}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    with open_store_for(args, writes=False) as store:
        stats = store.figures.project()
        stats["team"] = [asdict(row) for row in store.team.progress()]
    if args.json:
        print_json(stats)
        return 0
    print(
        f"Articles: {stats['articles']}   Sentences: {stats['units']}   Events: {stats['events']}"
    )
    kinds = ", ".join(f"{k}: {n}" for k, n in sorted(stats["units_by_kind"].items()))
    print(f"Units by kind: {kinds or '-'}")
    for name, figures in stats["annotators"].items():
        print(f"Annotator {name}: {figures['done']} done, {figures['skipped']} skipped")
    for key, n in stats["labels_by_theme"].items():
        print(f"Theme {key}: {n} labels")
    return 0
