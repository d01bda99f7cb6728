"""`annotator sync`: send this copy's new work to the team server and take what it may see.

Order: a lead's scheme, articles and assignments go up first (events refer to them), then
events; then the scheme (a member's copy), articles, assignments and events come down.
Every step works in chunks, each one a transaction on the side that receives it, and
moves its cursor (link.py) only after that transaction committed. A sync killed at any
moment, or cut by the server restarting, has lost nothing: the next one sends or takes
the rest, and what it meets twice it recognises by the events' UUIDv7 (nothing doubles).
Two syncs of one project take turns (lock.py). The project is only ever written in short
transactions, with a pause between them, so someone labelling in the window meanwhile
waits a few milliseconds at most.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator import __version__
from annotator.app.hub.credentials import stored_password
from annotator.app.hub.link import HubLink, NotLinked, load_link, save_link
from annotator.app.hub.lock import sync_lock
from annotator.app.hub.report import SyncReport
from annotator.storage.clock import utc_now
from annotator.storage.device import this_device
from annotator.storage.errors import StorageError
from annotator.storage.hub.errors import HubError, HubMismatch, HubRefused, HubUnreachable
from annotator.storage.hub.hub import Hub
from annotator.storage.store import Store

SAVE_EVERY_S = 1.0  # the link file is rewritten at most this often during a sync
CHECK_BEFORE_WRITING_BYTES = 32 * 1024 * 1024  # as app/project.py: quick_check costs ~2.5 ms/MB


@dataclass
class SyncContext:
    project: Path
    link: HubLink
    store: Store
    hub: Hub
    report: SyncReport
    saved_at: float = field(default_factory=time.monotonic)
    checked: bool = False

    def checkpoint(self, force: bool = False) -> None:
        """Keep the cursors (not more than once a second: a stale cursor is only slower)."""
        if force or time.monotonic() - self.saved_at >= SAVE_EVERY_S:
            save_link(self.project, self.link)
            self.saved_at = time.monotonic()

    def before_writing(self) -> None:
        """Once per sync, before the first change to the project: stop if it is damaged."""
        if self.checked:
            return
        self.checked = True
        if self.project.stat().st_size <= CHECK_BEFORE_WRITING_BYTES and (
            self.store.check_integrity()
        ):
            raise self.store.damage


def sync(
    project: Path,
    password: str | None = None,
    timeout: float | None = None,
    lock_timeout: float | None = None,
    waiting=None,
) -> SyncReport:
    """One sync of `project` with its server. HubUnreachable when the server cannot be
    reached (the link file then says since when); other HubErrors when it refuses."""
    project = Path(project)
    load_link(project)  # fail early, before waiting for the lock, if there is no link
    if not project.is_file():
        raise NotLinked(f"{project} does not exist")
    started = time.monotonic()
    with sync_lock(project, lock_timeout, waiting):
        link = load_link(project)  # again: a sync that held the lock has moved the cursors
        try:
            report = _sync_locked(project, link, password, timeout)
        except HubError as error:
            _note_failure(project, error)
            raise
    report.seconds = time.monotonic() - started
    return report


def _sync_locked(project: Path, link: HubLink, password, timeout) -> SyncReport:
    from annotator.app.hub.pull import pull
    from annotator.app.hub.push import push

    with (
        Store(project) as store,
        Hub.connect(link.server, password or stored_password(link.server), timeout) as hub,
    ):
        report = SyncReport(login=link.login, role=link.role)
        context = SyncContext(project, link, store, hub, report)
        check_copy(context)
        push(context)
        pull(context)
        hub.events.record_sync(link.replica, link.device, __version__,
                               report.sent.events, report.counts.events)  # fmt: skip
        link.last_sync, link.offline_since, link.last_error = utc_now(), None, ""
        context.checkpoint(force=True)
        return report


def _note_failure(project: Path, error: HubError) -> None:
    """Say in the link file since when the server is out of reach (the window shows it)."""
    try:
        link = load_link(project)
    except StorageError:
        return
    if isinstance(error, HubUnreachable) and link.offline_since is None:
        link.offline_since = utc_now()
    link.last_error = str(error)
    save_link(project, link)


def check_copy(context: SyncContext) -> None:
    """The server, the login and this copy are the ones the link names; cursors that could
    be ahead of the project (a restored or copied file) are reset."""
    link, store, hub = context.link, context.store, context.hub
    info = store.project.info()
    server = hub.state().project_id
    if not info.id == link.project_id == server:
        raise HubMismatch(
            f"{context.project.name} (project {info.id}) and its team server (project"
            f" {server}) are not the same project; nothing was synced"
        )
    login = hub.login()
    if login != link.login or (not link.is_lead and info.bound_annotator != login):
        raise HubRefused(
            f"{context.project.name} belongs to {info.bound_annotator or link.login}, but the"
            f" server was reached as {login}; sync it with that person's login"
        )
    if link.is_lead and not hub.is_lead():
        raise HubRefused(f"{login} is no longer a lead of this project on the server")
    _check_cursors(context)


def _check_cursors(context: SyncContext) -> None:
    link, outgoing, report = context.link, context.store.outgoing, context.report
    here = str(context.project.resolve())
    cursors = link.cursors
    if link.device != this_device() or link.path != here:
        if link.device or link.path:
            report.started_again = "this copy of the project was moved or copied"
        link.start_again()
        link.device, link.path = this_device(), here
    elif (
        cursors.pushed_event_id
        and outgoing.event_uid(cursors.pushed_event_id) != (cursors.pushed_event_uid)
        or cursors.pulled_event_uid
        and not outgoing.has_event(cursors.pulled_event_uid)
    ):
        report.started_again = "the project is not as it was at the last sync (restored?)"
        link.start_again()
        link.cursors.pushed_event_id, link.cursors.pushed_event_uid = 0, ""
