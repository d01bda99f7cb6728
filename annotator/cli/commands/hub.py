"""`annotator hub init|add-annotator|join|status` and `annotator sync`: the team server.

Exit codes: 0 done; 2 refused or a usage problem (nothing changed); 3 the server could not be
reached (the work stays in the project; sync again later).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from annotator.app.paths import resolve_database
from annotator.cli.commands.common import CommandError, print_json

# The team-server modules (and psycopg, ~120 ms) load only when a hub command runs, so
# every other command starts as fast as before.

OFFLINE_EXIT = 3


def register(commands) -> None:
    hub = commands.add_parser(
        "hub",
        help="a team server on PostgreSQL: set it up, add annotators, join it",
        description="Every workstation keeps its own project and syncs it with one shared "
        "PostgreSQL database. See the README's Team server section.",
    )
    actions = hub.add_subparsers(dest="hub_action", metavar="ACTION", required=True)
    _register_setup(actions)
    status = actions.add_parser(
        "status", help="who has what, last sync per person, server version",
        description="What the server says about the project (a member sees their own line).",
    )  # fmt: skip
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=run_status)
    _register_sync(commands)


def _register_setup(actions) -> None:
    init = actions.add_parser(
        "init",
        help="(lead) set up an empty database for this project and send the project up",
        description="Create Annotator's schema, the project's roles and its access rules in "
        "an empty database owned by the URL's login, then send this project (articles, "
        "themes, assignments, labels) to it.",
    )
    init.add_argument("url", help="postgresql://LOGIN@HOST/DATABASE?sslmode=verify-full")
    init.set_defaults(handler=run_init)
    add = actions.add_parser(
        "add-annotator",
        help="(lead) create an annotator's login on the server",
        description="Create a login for an annotator; their labels carry this name. The "
        "password is read from --password-file or the terminal, else generated and printed "
        "once. It is never written to a project.",
    )
    add.add_argument("name", help="the annotator's login name")
    add.add_argument("--password-file", type=Path, metavar="FILE", help="first line: password")
    add.set_defaults(handler=run_add)
    join = actions.add_parser(
        "join",
        help="(annotator) make a new project (--db) from your work on the server",
        description="Make the new project given with --db: the theme scheme and the articles "
        "assigned to you, bound to your login name, then sync it.",
    )
    join.add_argument("url", help="postgresql://YOUR-LOGIN@HOST/DATABASE?sslmode=verify-full")
    join.set_defaults(handler=run_join)
    for parser in (init, join):
        parser.add_argument(
            "--save-password", action="store_true",
            help="keep the password in ~/.pgpass (or the system keyring) for later syncs",
        )  # fmt: skip


def _register_sync(commands) -> None:
    parser = commands.add_parser(
        "sync",
        help="send this project's new work to its team server and take what is new there",
        description="Idempotent and resumable: run it again after any interruption.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--timeout", type=float, metavar="S", help="give up connecting after S s")
    parser.set_defaults(handler=run_sync)


def _project(args: argparse.Namespace) -> Path:
    return resolve_database(getattr(args, "db", None))[0]


def _with_password(url_params: dict[str, str], action: Callable[[str | None], object]):
    """Run `action`; if the server wants a password none was given for, ask for it once."""
    from annotator.storage.hub.errors import HubPasswordNeeded

    try:
        return action(None), None
    except HubPasswordNeeded:
        if not sys.stdin.isatty():
            raise
    typed = getpass.getpass(f"Password for {url_params.get('user', '')}: ")
    return action(typed), typed


def run_init(args: argparse.Namespace) -> int:
    from annotator.app.hub import setup
    from annotator.storage.hub.connection import parse_url

    project, params = _project(args), parse_url(args.url)
    report, typed = _with_password(params, lambda pw: setup.init_hub(project, args.url, pw))
    _maybe_save(args, params, typed)
    print(f"Set up the team server as {report.login} ({report.migrations} schema steps).")
    print("\n".join(report.sync.lines()))
    return 0


def run_add(args: argparse.Namespace) -> int:
    from annotator.app.hub import setup
    from annotator.app.hub.link import load_link

    name = setup.checked_login(args.name)
    password, generated = _new_password(args, name)
    project = _project(args)
    link = load_link(project)
    _with_password(link.server, lambda pw: setup.add_annotator(project, name, password, pw))
    print(f"Added {name}: their labels carry this name.")
    if generated:
        print(f"Password (shown once; give it to {name}): {password}")
    return 0


def _new_password(args: argparse.Namespace, name: str) -> tuple[str, bool]:
    from annotator.app.hub.setup import new_password

    if args.password_file:
        lines = args.password_file.read_text(encoding="utf-8").splitlines()
        if not lines or not lines[0]:
            raise CommandError(f"{args.password_file} holds no password on its first line")
        return lines[0], False
    if sys.stdin.isatty():
        typed = getpass.getpass(f"Password for {name} (Enter: make one): ")
        if typed:
            if getpass.getpass("Again: ") != typed:
                raise CommandError("the two passwords differ; nothing was changed")
            return typed, False
    return new_password(), True


def run_join(args: argparse.Namespace) -> int:
    from annotator.app.hub import setup
    from annotator.storage.hub.connection import parse_url

    if not getattr(args, "db", None):
        raise CommandError("give the new project's file: annotator --db FILE hub join URL")
    target, params = Path(args.db).expanduser(), parse_url(args.url)
    report, typed = _with_password(params, lambda pw: setup.join_hub(target, args.url, pw))
    _maybe_save(args, params, typed)
    print(f"Joined as {report.login}: {target}")
    print("\n".join(report.lines()))
    return 0


def _maybe_save(args: argparse.Namespace, params: dict[str, str], typed: str | None) -> None:
    from annotator.app.hub.credentials import save_password

    secret = typed or params.get("password")
    if args.save_password and secret:
        print(f"Password kept in {save_password(params, secret)}.")


def run_status(args: argparse.Namespace) -> int:
    from annotator.app.hub.link import load_link
    from annotator.app.hub.status import hub_status

    project = _project(args)
    status, _ = _with_password(load_link(project).server, lambda pw: hub_status(project, pw))
    if args.json:
        print_json({**asdict(status), "people": [asdict(p) for p in status.people]})
        return 0
    print("\n".join(status.lines()))
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from annotator.app.hub.link import load_link
    from annotator.app.hub.sync import sync
    from annotator.storage.hub.errors import HubUnreachable

    project = _project(args)

    def waiting() -> None:
        print("Waiting for another sync of this project to finish…", file=sys.stderr)

    try:
        report, _ = _with_password(
            load_link(project).server,
            lambda pw: sync(project, pw, timeout=args.timeout, waiting=waiting),
        )
    except HubUnreachable as error:
        print(f"annotator: {error}; your work is kept here, sync again later", file=sys.stderr)
        return OFFLINE_EXIT
    if args.json:
        print_json(report.as_json())
    else:
        print("\n".join(report.lines()))
    return 0
