"""Sending: a lead's scheme, articles and assignments, then this copy's events.

Each chunk is one transaction on the server; the cursor moves only after it committed.
A member's copy sends only the events of the person it belongs to: the server would refuse
anyone else's (row-level security), and a copy's other names stay in that copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.app.hub.sync import SyncContext

PUSH_EVENTS = 5_000  # events per server transaction
PUSH_ARTICLES = 200  # articles (with their units) per server transaction


def push(context: SyncContext) -> None:
    if context.link.is_lead:
        push_scheme(context)
        push_articles(context)
        push_assignments(context)
    push_events(context)


def push_scheme(context: SyncContext) -> None:
    mine = context.store.outgoing.themes()
    if mine != context.hub.content.themes():
        context.report.sent.themes += context.hub.content.put_themes(mine)


def push_articles(context: SyncContext) -> None:
    cursors = context.link.cursors
    while True:
        articles, units, end = context.store.outgoing.articles_after(
            cursors.pushed_article_id, PUSH_ARTICLES
        )
        if not articles:
            return
        context.report.sent.articles += context.hub.content.put_articles(articles, units)
        cursors.pushed_article_id = end
        context.checkpoint()


def push_assignments(context: SyncContext) -> None:
    """All of them when their number changed (assigning only adds; sending twice is harmless)."""
    count = context.store.outgoing.assignment_count()
    if count != context.link.cursors.pushed_assignments:
        rows = context.store.outgoing.assignments()
        context.report.sent.assignments += context.hub.content.put_assignments(rows)
        context.link.cursors.pushed_assignments = count
        context.checkpoint()


def push_events(context: SyncContext) -> None:
    link, outgoing, cursors = context.link, context.store.outgoing, context.link.cursors
    who = None if link.is_lead else link.login
    # Up to the last change made before this sync: someone labelling meanwhile must not
    # keep the sync chasing their newest labels (those go at the next sync).
    last = outgoing.last_event_id()
    if who is not None:
        context.report.kept_local = outgoing.waiting(cursors.pushed_event_id) - outgoing.waiting(
            cursors.pushed_event_id, who
        )
    while True:
        rows, end = outgoing.events_after(cursors.pushed_event_id, PUSH_EVENTS, who, last)
        if end == cursors.pushed_event_id:
            return
        if rows:
            pushed = context.hub.events.push(rows, link.replica)
            context.report.sent.events += pushed.new
            if pushed.unmatched:
                context.report.refused.append(
                    f"{pushed.unmatched} changes on sentences the server does not hold as"
                    " they are here (articles not assigned to you, or imported here)"
                )
        cursors.pushed_event_id, cursors.pushed_event_uid = end, outgoing.event_uid(end) or ""
        context.checkpoint()
