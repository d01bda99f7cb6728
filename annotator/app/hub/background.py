"""The window's background sync, without the widgets: the sync process and what to show.

The sync runs as a separate process (`annotator --db FILE sync --json`) with its own
connections, so nothing it does (connecting, waiting on a slow server, taking in thousands of
events) can hold up the window: the window only starts it, looks at it between key presses,
and reads the link file it leaves. It starts in its own session, so closing the window does
not cut a sync short; a sync killed anyway loses nothing (sync.py).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from annotator.app.hub.link import HubLink, NotLinked, load_link
from annotator.storage.errors import StorageError
from annotator.storage.hub.address import display_url
from annotator.storage.store import Store

CONNECT_TIMEOUT_S = 10
WAITING_SHOWN_UP_TO = 10_000  # counting further would cost the window time for nothing


def sync_command(project: Path) -> list[str]:
    """The command line of a background sync (the packaged app is its own interpreter)."""
    program = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "annotator"]
    )
    return [*program, "--db", str(project), "sync", "--json", "--timeout", str(CONNECT_TIMEOUT_S)]


def start_sync(project: Path, output: Path | None) -> subprocess.Popen:
    """Start a sync process; its JSON report goes to `output` (None: nowhere)."""
    target = open(output, "w", encoding="utf-8") if output else subprocess.DEVNULL  # noqa: SIM115
    try:
        return subprocess.Popen(
            sync_command(project), stdin=subprocess.DEVNULL, stdout=target,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    finally:
        if output:
            target.close()


def read_report(output: Path) -> dict | None:
    try:
        return json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # the sync failed (offline, refused): the link file says why


@dataclass(frozen=True)
class SyncState:
    server: str
    waiting: int  # changes not sent yet (counted up to WAITING_SHOWN_UP_TO)
    last_sync: dt.datetime | None  # local time
    offline_since: dt.datetime | None
    error: str


def read_link(project: Path) -> HubLink | None:
    try:
        return load_link(project)
    except NotLinked:
        return None


_counted: dict[tuple, int] = {}  # (project, last event, cursor) -> waiting, counted once


def sync_state(link: HubLink, store: Store) -> SyncState:
    cursors, who = link.cursors, (None if link.is_lead else link.login)
    try:
        key = (store.path, store.outgoing.last_event_id(), cursors.pushed_event_id)
        if key not in _counted:  # nothing changed since the last look: no recount
            _counted.clear()
            _counted[key] = store.outgoing.waiting(
                cursors.pushed_event_id, who, WAITING_SHOWN_UP_TO
            )
        waiting = _counted[key]
    except StorageError:
        waiting = 0
    return SyncState(display_url(link.server), waiting, _local(link.last_sync),
                     _local(link.offline_since), link.last_error)  # fmt: skip


def _local(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None
