"""Team → Connect to team server… without the widgets: address, login and password in, the
project to work in out. An annotator's login gets a copy of their own (joined into the data
folder, or the one joined before); a lead's login links the open project, setting the server
up if it is still empty. The password is kept for the background sync (credentials.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from annotator.app.hub.credentials import save_password
from annotator.app.hub.link import link_path, load_link
from annotator.app.hub.setup import init_hub, join_hub
from annotator.app.hub.sync import sync
from annotator.app.paths import PROJECT_SUFFIX
from annotator.storage.errors import StorageError
from annotator.storage.hub.connection import parse_url, with_login, without_password
from annotator.storage.hub.errors import HubNotSetUp
from annotator.storage.hub.hub import Hub


@dataclass(frozen=True)
class Connected:
    project: Path  # the project to work in from now on
    login: str
    role: str  # "lead" or "member"
    password_kept_in: str  # where the password went ("" when none was typed)


def connect_to_server(
    open_project: Path, url: str, login: str, password: str, folder: Path
) -> Connected:
    full = with_login(url, login.strip(), password or None)
    params = parse_url(full)
    with Hub.connect(params) as hub:
        login = hub.login()
        try:
            hub.state()
            lead = hub.is_lead()
        except HubNotSetUp:
            lead = True  # only a lead's login can set it up: init says so otherwise
    if lead:
        init_hub(open_project, full)
        project, role = open_project, "lead"
    else:
        project, role = _member_copy(folder, params, login, full), "member"
    kept = save_password(without_password(params), password) if password else ""
    return Connected(project, login, role, kept)


def _member_copy(folder: Path, params: dict[str, str], login: str, url: str) -> Path:
    """The copy joined before for this server and login, else a new one."""
    stem = re.sub(r"[^\w.-]+", "_", f"{params.get('dbname', 'team')}-{login}").strip("._")
    for number in range(1, 100):
        path = folder / f"{stem}{'' if number == 1 else f'-{number}'}{PROJECT_SUFFIX}"
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            join_hub(path, url)
            return path
        if link_path(path).exists() and _same(load_link(path).server, params, login):
            sync(path, params.get("password"))
            return path
    raise StorageError(f"too many projects named {stem} in {folder}")


def _same(server: dict[str, str], params: dict[str, str], login: str) -> bool:
    keys = ("host", "port", "dbname")
    return server.get("user") == login and all(server.get(k) == params.get(k) for k in keys)
