"""`annotator themes`: list and edit the theme scheme."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from annotator.cli.commands.common import open_store_for, print_json
from annotator.cli.terminal import for_terminal, wants_visual
from annotator.core.scheme import Theme, ThemeError


def register(commands) -> None:
    themes = commands.add_parser(
        "themes",
        help="list or edit the theme scheme",
        description="Keys never change, so labels survive every edit.",
    )
    actions = themes.add_subparsers(dest="theme_action", metavar="ACTION")
    listing = actions.add_parser("list", help="list themes", description="List the themes.")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--all", action="store_true", help="include retired themes")
    add = actions.add_parser("add", help="add a theme", description="Add a theme.")
    add.add_argument("key", help="stable identifier, e.g. humanitarian")
    _theme_fields(add, required=True)
    edit = actions.add_parser(
        "edit",
        help="rename, recolour or redefine a theme",
        description="Change a theme's names, colour, shortcut, definition or keywords.",
    )
    edit.add_argument("key")
    _theme_fields(edit, required=False)
    move = actions.add_parser(
        "move", help="move a theme to a position (0 = first)", description="Reorder the themes."
    )
    move.add_argument("key")
    move.add_argument("position", type=int)
    for name, text in (
        ("retire", "hide a theme from annotators, keeping its labels"),
        ("restore", "bring a retired theme back"),
    ):
        action = actions.add_parser(name, help=text, description=text.capitalize() + ".")
        action.add_argument("key")
    themes.set_defaults(handler=run_themes, json=False, all=False)


def _theme_fields(parser, required: bool) -> None:
    parser.add_argument("--ar", required=required, help="Arabic name")
    parser.add_argument("--en", required=required, help="English name")
    parser.add_argument("--color", required=required, help="colour as #RRGGBB")
    parser.add_argument("--shortcut", type=int, help="digit 1-9 (0 for none when editing)")
    parser.add_argument("--definition-ar", help="definition shown to annotators, Arabic")
    parser.add_argument("--definition-en", help="definition shown to annotators, English")
    keywords = parser.add_mutually_exclusive_group()
    keywords.add_argument(
        "--keywords",
        metavar="TERMS",
        help="the theme's keywords for suggestions, separated by commas or new lines "
        "(replaces the list; '' for none; a term ending in * is a stem)",
    )
    keywords.add_argument(
        "--keywords-file", metavar="FILE", help="the keywords from a UTF-8 file, one term a line"
    )


def _changes(args) -> dict:
    fields = {
        "name_ar": args.ar,
        "name_en": args.en,
        "color": args.color,
        "definition_ar": args.definition_ar,
        "definition_en": args.definition_en,
    }
    changes = {k: v for k, v in fields.items() if v is not None}
    if args.shortcut is not None:
        changes["shortcut"] = args.shortcut or None
    if args.keywords_file is not None:
        changes["keywords"] = Path(args.keywords_file).read_text(encoding="utf-8")
    elif args.keywords is not None:
        changes["keywords"] = args.keywords
    return changes


def _apply(store, args) -> None:
    action = args.theme_action
    if action == "add":
        store.themes.add(
            Theme(
                key=args.key,
                **{"name_ar": "", "name_en": "", "color": "", "shortcut": None, **_changes(args)},
            )
        )
    elif action == "edit":
        if not _changes(args):
            raise ThemeError(
                "nothing to change: give --ar, --en, --color, --shortcut, a definition or --keywords"
            )
        store.themes.update(args.key, **_changes(args))
    elif action == "move":
        store.themes.move(args.key, args.position)
    elif action in ("retire", "restore"):
        store.themes.retire(args.key, retired=action == "retire")


def run_themes(args: argparse.Namespace) -> int:
    with open_store_for(args, writes=args.theme_action not in (None, "list")) as store:
        try:
            _apply(store, args)
        except ThemeError as error:
            print(f"annotator: {error}")
            return 2
        themes = store.themes.list(
            include_retired=args.all or args.theme_action not in (None, "list")
        )
    if args.json:
        print_json([asdict(t) for t in themes])
        return 0
    visual = wants_visual("auto")
    for t in themes:
        retired = "  (retired)" if t.retired else ""
        terms = len(t.keywords.splitlines())
        print(
            f"{t.shortcut or '-'}  {t.key:<16} {t.color}  {t.name_en} / "
            f"{for_terminal(t.name_ar, visual)}  ({terms} keywords){retired}"
        )
    return 0
