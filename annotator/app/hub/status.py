"""`annotator hub status`: the server's view of the project, read through the project's link."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.app.hub.credentials import stored_password
from annotator.app.hub.link import load_link
from annotator.storage.hub.connection import display_url
from annotator.storage.hub.hub import Hub
from annotator.storage.hub.schema import SERVER_SCHEMA_VERSION
from annotator.storage.hub.status import PersonStatus


@dataclass
class HubStatusReport:
    server: str  # the address, without a password
    server_version: str  # PostgreSQL's
    schema_version: int  # the server's Annotator schema
    known_schema: int  # the newest this Annotator knows
    project_id: str
    login: str
    role: str
    last_sync_here: str | None
    people: list[PersonStatus] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"Server: {self.server} (PostgreSQL {self.server_version}, Annotator schema"
            f" {self.schema_version})",
            f"Project {self.project_id}; you are {self.login} ({self.role});"
            f" this copy last synced {self.last_sync_here or 'never'}",
        ]
        if not self.people:
            return [*out, "Nobody has been assigned work yet."]
        out.append(f"{'annotator':<24} {'articles':>8} {'sentences':>9} {'done':>7}  last sync")
        for p in self.people:
            out.append(
                f"{p.annotator:<24} {p.articles:>8,} {p.sentences:>9,} {p.done:>7,}"
                f"  {p.last_sync or 'never'}"
            )
        return out


def hub_status(project: Path, password: str | None = None) -> HubStatusReport:
    link = load_link(project)
    with Hub.connect(link.server, password or stored_password(link.server)) as hub:
        state = hub.state()
        return HubStatusReport(
            display_url(link.server), hub.server_version(), state.version,
            SERVER_SCHEMA_VERSION, state.project_id, hub.login(),
            "lead" if hub.is_lead() else "member", link.last_sync, hub.status.people(),
        )  # fmt: skip
