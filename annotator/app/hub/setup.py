"""Setting up a team server (lead), adding annotators' logins, joining it (annotator).

`init_hub` creates the server's schema for the lead's project and sends the project up (a
first sync); `add_annotator` creates a login in the project's member group; `join_hub`
makes an annotator's own project: the scheme and the articles assigned to them, bound to
their login name, with the lead's project id.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from annotator.app.hub.credentials import stored_password
from annotator.app.hub.link import HubLink, link_path, load_link, save_link
from annotator.app.hub.report import SyncReport
from annotator.app.hub.sync import sync
from annotator.core.names import checked_name
from annotator.storage.device import this_device
from annotator.storage.errors import StorageError
from annotator.storage.hub.accounts import MAX_LOGIN_BYTES
from annotator.storage.hub.connection import parse_url, without_password
from annotator.storage.hub.errors import HubError, HubMismatch, HubRefused
from annotator.storage.hub.hub import Hub
from annotator.storage.store import Store


class HubSetupError(StorageError):
    """A team-server set-up step that cannot be done as asked; nothing was changed."""


@dataclass
class InitReport:
    login: str
    migrations: int  # schema steps applied (0: the server was already set up)
    sync: SyncReport


def _password(params: dict[str, str], given: str | None) -> str | None:
    return given or params.get("password") or stored_password(params)


def init_hub(project: Path, url: str, password: str | None = None) -> InitReport:
    """Create the server's schema for this (lead's) project and send the project up."""
    params = parse_url(url)
    with Store(project) as store:
        info = store.project.info()
    if info.is_package:
        raise HubSetupError(
            f"{project.name} is {info.bound_annotator}'s copy: a team server is set up from"
            " the lead's own project"
        )
    _check_not_linked_elsewhere(project, params)
    with Hub.connect(params, _password(params, password)) as hub:
        migrations = hub.initialise(info.id)
        login = hub.login()
    link = HubLink(info.id, without_password(params), login, "lead")
    if link_path(project).exists():
        link = load_link(project)
    save_link(project, link)
    return InitReport(login, migrations, sync(project, _password(params, password)))


def _check_not_linked_elsewhere(project: Path, params: dict[str, str]) -> None:
    if not link_path(project).exists():
        return
    linked = load_link(project).server
    if linked != without_password(params):
        raise HubSetupError(
            f"{project.name} is already linked to another team server"
            f" ({linked.get('host', '')}/{linked.get('dbname', '')}); to move it, remove"
            f" {link_path(project).name} first"
        )


def checked_login(name: str) -> str:
    """An annotator name that can also be a PostgreSQL login."""
    name = checked_name(name)
    if len(name.encode("utf-8")) > MAX_LOGIN_BYTES:
        raise HubSetupError(f"a login name has at most {MAX_LOGIN_BYTES} bytes: {name!r}")
    if name.lower().startswith("pg_"):
        raise HubSetupError("PostgreSQL keeps names starting with pg_ for itself")
    return name


def new_password() -> str:
    return secrets.token_urlsafe(18)


def add_annotator(project: Path, name: str, password: str, admin: str | None = None) -> None:
    """Create `name`'s login on the project's server (run by the lead)."""
    name = checked_login(name)
    link = load_link(project)
    if not link.is_lead:
        raise HubRefused("only the project lead adds annotators")
    with Hub.connect(link.server, _password(link.server, admin)) as hub:
        hub.accounts.add_member(name, password)


def join_hub(target: Path, url: str, password: str | None = None) -> SyncReport:
    """A new project at `target`: this login's articles and the scheme, bound to them."""
    if target.exists():
        raise HubSetupError(f"{target} already exists: join into a new file")
    params = parse_url(url)
    secret = _password(params, password)
    with Hub.connect(params, secret) as hub:
        state, login, lead = hub.state(), hub.login(), hub.is_lead()
        themes = hub.content.themes()
    if lead:
        raise HubMismatch(
            f"{login} is a lead of this project: leads work in the project the server was"
            " set up from; annotators join with their own login (hub add-annotator)"
        )
    try:
        with Store(target) as store:
            store.incoming.themes(themes)
            store.project.make_package(state.project_id, checked_name(login))
        link = HubLink(state.project_id, without_password(params), login, "member")
        link.device, link.path = this_device(), str(target.resolve())
        save_link(target, link)
        return sync(target, secret)
    except HubError:
        raise  # the copy is made: `annotator sync` finishes it
    except BaseException:
        _remove_project(target)
        raise


def _remove_project(target: Path) -> None:
    for path in (target, link_path(target), *(target.with_name(target.name + s)
                                              for s in ("-wal", "-shm", ".hub.lock"))):  # fmt: skip
        path.unlink(missing_ok=True)
