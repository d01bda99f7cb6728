"""A project's link to its team server, kept in a small file beside the project.

`NAME.annotator.hub.json` holds the server's address (never a password), the login, this
copy's role, and the sync cursors: how far this copy has sent its events and received the
server's. The project file itself is not changed (its schema has no place for a server, and
a copy of the project should not sync as the original). Every cursor is only a shortcut:
sending or receiving again what the other side has changes nothing (events are known by
their UUIDv7), so a cursor that is behind costs time, never data. A cursor that could be
ahead (the project restored from an older copy, or copied elsewhere) is detected and reset.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.app.hub.atomic import replace_text
from annotator.storage.errors import StorageError

LINK_FORMAT = 1


class NotLinked(StorageError):
    """The project has no team server (or its link file cannot be read)."""


@dataclass
class Cursors:
    pushed_event_id: int = 0  # local events.id up to which everything was sent
    pushed_event_uid: str = ""  # the uid of that event: tells a restored project apart
    pushed_article_id: int = 0  # (lead) local articles.id up to which articles were sent
    pushed_assignments: int = 0  # (lead) local assignment rows when they were last sent
    pulled_events: int = 0  # server change number up to which events were taken
    pulled_event_uid: str = ""  # the last event taken: must still be in the project
    pulled_articles: int = 0  # server change numbers for articles and assignments
    pulled_assignments: int = 0


@dataclass
class HubLink:
    project_id: str
    server: dict[str, str]  # libpq parameters, without the password
    login: str
    role: str  # "lead" or "member"
    replica: str = field(default_factory=lambda: str(uuid.uuid4()))  # this copy, on the server
    device: str = ""
    path: str = ""  # where the project was when linked (a copy elsewhere is another replica)
    cursors: Cursors = field(default_factory=Cursors)
    last_sync: str | None = None  # ISO time of the last sync that finished
    offline_since: str | None = None  # ISO time of the first failed attempt since then
    last_error: str = ""

    @property
    def is_lead(self) -> bool:
        return self.role == "lead"

    def start_again(self) -> None:
        """Forget what was received: this copy is new to the server (everything is checked
        again, nothing taken twice)."""
        self.replica = str(uuid.uuid4())
        kept = self.cursors
        self.cursors = Cursors(pushed_article_id=kept.pushed_article_id)


def link_path(project: Path) -> Path:
    return project.with_name(project.name + ".hub.json")


def load_link(project: Path) -> HubLink:
    path = link_path(project)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotLinked(
            f"{project.name} is not linked to a team server: a lead runs `annotator hub init"
            " URL`, an annotator `annotator --db FILE hub join URL`"
        ) from None
    except (OSError, ValueError) as error:
        raise NotLinked(f"cannot read {path}: {error}") from None
    if data.get("format") != LINK_FORMAT:
        raise NotLinked(f"{path} was written by another version of Annotator")
    cursors = Cursors(**data.pop("cursors"))
    data.pop("format")
    return HubLink(**data, cursors=cursors)


def save_link(project: Path, link: HubLink) -> None:
    """Replace the link file whole (written aside, flushed, renamed over)."""
    path = link_path(project)
    text = json.dumps({"format": LINK_FORMAT, **asdict(link)}, ensure_ascii=False, indent=1)
    replace_text(path, text)
