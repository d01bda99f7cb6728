"""The shared event log on the server: events pushed by each copy, pulled in change order.

An event is known by its UUIDv7, so pushing one the server has changes nothing. Each event
names its unit by the article's content hash, the unit's position and a digest of its text;
an event whose unit is not the same text on the server is not taken, and counted.
Row-level security decides what a login may push (a member: their own events, on articles
assigned to them) and pull (a member: their own; a lead: everyone's).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.hub.part import HubPart
from annotator.storage.wire import EventRow

_DIGEST = "encode(sha256(convert_to(u.text, 'UTF8')), 'hex')"
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS incoming_events (
    uid text, annotator text, device text, article_hash text, idx integer,
    unit_digest text, action text, before text, after text, at text) ON COMMIT DELETE ROWS
"""
_SAME_UNIT = f"""
JOIN annotator.units u ON u.article_hash = i.article_hash AND u.idx = i.idx
 AND {_DIGEST} = i.unit_digest"""


@dataclass(frozen=True)
class Pushed:
    new: int  # events the server did not have
    unmatched: int  # events whose unit the server does not hold as the same text


class HubEvents(HubPart):
    def push(self, events: list[EventRow], replica: str) -> Pushed:
        """Add the events the server lacks, in one transaction."""
        with self.conn.transaction():
            self.conn.execute(_STAGING)
            self._stage("incoming_events", ", ".join(EventRow._fields), events)
            new = self.conn.execute(
                f"""INSERT INTO annotator.events (uid, annotator, device, article_hash, idx,
                        action, before, after, at, replica, seq)
                    SELECT i.uid::uuid, i.annotator, i.device, i.article_hash, i.idx, i.action,
                           i.before::jsonb, i.after::jsonb, i.at, %s, 0
                    FROM incoming_events i {_SAME_UNIT}
                    ORDER BY i.uid ON CONFLICT (uid) DO NOTHING""",
                (replica,),
            ).rowcount
            matched = self.conn.execute(
                f"SELECT COUNT(*) FROM incoming_events i {_SAME_UNIT}"
            ).fetchone()[0]
        return Pushed(new, len(events) - matched)

    def since(
        self, seq: int, limit: int, skip_replica: str | None = None
    ) -> list[tuple[int, EventRow]]:
        """Events this login may read after change `seq`, in change order; those pushed by
        `skip_replica` (the copy asking, which has them) are left out."""
        rows = self.conn.execute(
            f"""SELECT e.seq, e.uid::text, e.annotator, e.device, e.article_hash, e.idx,
                       {_DIGEST}, e.action, e.before::text, e.after::text, e.at
                FROM annotator.events e
                JOIN annotator.units u ON u.article_hash = e.article_hash AND u.idx = e.idx
                WHERE e.seq > %s AND e.replica IS DISTINCT FROM %s
                ORDER BY e.seq LIMIT %s""",
            (seq, skip_replica, limit),
        ).fetchall()
        return [(row[0], EventRow(*row[1:])) for row in rows]

    def last_change(self) -> int:
        """The highest change number of an event this login may read (0: none)."""
        return self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM annotator.events").fetchone()[0]

    def record_sync(self, replica: str, device: str, app_version: str, pushed: int,
                    pulled: int) -> None:  # fmt: skip
        """When this copy last synced and what moved (a member: only their own row)."""
        self.conn.execute(
            """INSERT INTO annotator.syncs (replica, device, app_version, pushed, pulled)
               VALUES (%s, %s, %s, %s, %s)
               ON CONFLICT (login, replica) DO UPDATE SET device = EXCLUDED.device,
                 app_version = EXCLUDED.app_version, synced_at = now(),
                 pushed = annotator.syncs.pushed + EXCLUDED.pushed,
                 pulled = annotator.syncs.pulled + EXCLUDED.pulled""",
            (replica, device, app_version, pushed, pulled),
        )
