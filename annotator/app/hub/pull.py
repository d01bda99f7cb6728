"""Taking: the scheme (a member's copy), articles, assignments, then events.

What a login may read is the server's decision (row-level security): a member gets the
articles assigned to them and their own events (from their other computers), a lead gets
everything. Events come from the server in chunks and go into the project a few hundred at
a time, each a short transaction, with a pause between them so that the window's next label
never waits long for the write lock.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from annotator.app.hub.report import add_counts

if TYPE_CHECKING:
    from annotator.app.hub.sync import SyncContext

PULL_ROWS = 2_000  # events or hashes per round trip to the server
APPLY_EVENTS = 50  # events per local transaction: about 2 ms (250 took 8 ms: a key pressed
# meanwhile waited for SQLite's busy handler to wake it, up to 18 ms)
FETCH_ARTICLES = 100  # articles fetched per round trip
APPLY_ARTICLES = 5  # articles (with their ~150 units) per local transaction: about 2 ms
PAUSE_S = 0.005  # between local transactions: the window's writes get their turn


def pull(context: SyncContext) -> None:
    if context.link.is_lead:
        pull_articles(context)  # another lead's; a member's come with their assignments
    else:
        pull_scheme(context)
    pull_assignments(context)
    pull_events(context)


def pull_scheme(context: SyncContext) -> None:
    theirs = context.hub.content.themes()
    if theirs != context.store.outgoing.themes():
        context.before_writing()
        context.report.received.themes += context.store.incoming.themes(theirs)


def pull_articles(context: SyncContext) -> None:
    cursors = context.link.cursors
    while True:
        found = context.hub.content.article_hashes_since(cursors.pulled_articles, PULL_ROWS)
        if not found:
            return
        fetch_articles(context, [content_hash for _seq, content_hash in found])
        cursors.pulled_articles = found[-1][0]
        context.checkpoint()


def fetch_articles(context: SyncContext, hashes: list[str]) -> None:
    missing = context.store.incoming.missing_articles(hashes)
    for start in range(0, len(missing), FETCH_ARTICLES):
        batch = missing[start : start + FETCH_ARTICLES]
        articles = context.hub.content.articles(batch)
        units = context.hub.content.units(batch)
        context.before_writing()
        for first in range(0, len(articles), APPLY_ARTICLES):
            part = articles[first : first + APPLY_ARTICLES]
            wanted = {a.content_hash for a in part}
            context.report.received.articles += context.store.incoming.articles(
                part, [u for u in units if u.article_hash in wanted]
            )
            time.sleep(PAUSE_S)


def pull_assignments(context: SyncContext) -> None:
    cursors = context.link.cursors
    while True:
        found = context.hub.content.assignments_since(cursors.pulled_assignments, PULL_ROWS)
        if not found:
            return
        rows = [row for _seq, row in found]
        fetch_articles(context, [row.article_hash for row in rows])
        context.before_writing()
        context.report.received.assignments += context.store.incoming.assignments(rows)
        cursors.pulled_assignments = found[-1][0]
        context.checkpoint()


def pull_events(context: SyncContext) -> None:
    """Up to the last change on the server when it started: a sync always ends."""
    cursors = context.link.cursors
    last = context.hub.events.last_change()
    while cursors.pulled_events < last:
        found = context.hub.events.since(cursors.pulled_events, PULL_ROWS, context.link.replica)
        if not found:  # the rest up to `last` is this copy's own: skip it from now on
            cursors.pulled_events = last
            context.checkpoint()
            return
        context.before_writing()
        for start in range(0, len(found), APPLY_EVENTS):
            chunk = found[start : start + APPLY_EVENTS]
            counts = context.store.incoming.events([event for _seq, event in chunk])
            add_counts(context.report.counts, counts)
            context.report.received.events += counts.events
            _move_cursor(context, chunk)
            time.sleep(PAUSE_S)


def _move_cursor(context: SyncContext, chunk: list) -> None:
    """Past the chunk; remember its last event the project holds (checked next time)."""
    cursors, outgoing = context.link.cursors, context.store.outgoing
    cursors.pulled_events = chunk[-1][0]
    for _seq, event in reversed(chunk):
        if outgoing.has_event(event.uid):
            cursors.pulled_event_uid = event.uid
            break
    context.checkpoint()
