"""Moving work between two projects of the same team: events in, state recomputed.

Every change is an event with a UUIDv7 (the event clock) and the state of a unit for an
annotator is the `after` of its latest event. So work moves between projects (a package
merged back, a package written out, a server synced) as the events the target lacks, and
the target's labels, statuses, notes and adjudications are then recomputed from its log:
merging the same events twice changes nothing, and the result does not depend on the order
in which projects are merged.

Units are matched by their article's content hash, their position and their text, never by
row id; the other project is ATTACHed (SQLite reads it, nothing else opens the file).
"""

from __future__ import annotations

import contextlib
import json

try:  # orjson parses the events' JSON several times faster; json gives the same values
    from orjson import loads
except ImportError:  # pragma: no cover - orjson comes with the export extra
    from json import loads
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.status import Status
from annotator.storage.repository import Repository
from annotator.storage.rows import UnitState

# Events that are not a unit's themes and status: their own state, or the project's.
NOT_LABEL_ACTIONS = ("note", "remove_article", "restore_article", "adjudicate")
LOCAL_ACTIONS = ("remove_article", "restore_article")  # a project's own housekeeping
_ARTICLE_COLUMNS = (
    "title, text, source, url, category, date, author, original_id, encoding, extra,"
    " content_hash, unit_count, imported_at"
)


@dataclass
class TransferCounts:
    """What a transfer did to the target, per annotator."""

    events: int = 0
    articles: int = 0
    added: dict[str, int] = field(default_factory=dict)  # units that had nothing before
    updated: dict[str, int] = field(default_factory=dict)  # units whose state changed
    unchanged: dict[str, int] = field(default_factory=dict)  # events that changed nothing
    conflicts: list[str] = field(default_factory=list)  # units that could not be matched


class Transfer(Repository):
    """This store as the target of a transfer from another project file."""

    @contextlib.contextmanager
    def attached(self, other: Path) -> Iterator[None]:
        """The other project as schema `other` (ATTACH cannot run inside a transaction)."""
        self.conn.execute("ATTACH DATABASE ? AS other", (str(other),))
        try:
            yield
        finally:
            self.conn.execute("DETACH DATABASE other")

    # -- articles -------------------------------------------------------------------------------

    def copy_articles(self, only_ids: list[int] | None = None) -> int:
        """Articles of `other` this project lacks (by content), with their units."""
        chosen = "" if only_ids is None else f"AND o.id IN ({','.join(map(str, only_ids))})"
        before = self.conn.execute("SELECT COUNT(*) FROM main.articles").fetchone()[0]
        self.conn.execute(
            f"""INSERT INTO main.articles ({_ARTICLE_COLUMNS})
                SELECT {_ARTICLE_COLUMNS} FROM other.articles o
                WHERE o.content_hash NOT IN (SELECT content_hash FROM main.articles) {chosen}
                ORDER BY o.id"""
        )
        self.conn.execute(
            """INSERT INTO main.units (article_id, idx, kind, start, "end", text)
               SELECT m.id, u.idx, u.kind, u.start, u."end", u.text
               FROM other.units u JOIN other.articles o ON o.id = u.article_id
               JOIN main.articles m ON m.content_hash = o.content_hash
               WHERE NOT EXISTS (SELECT 1 FROM main.units x WHERE x.article_id = m.id)
               ORDER BY m.id, u.idx"""
        )
        return self.conn.execute("SELECT COUNT(*) FROM main.articles").fetchone()[0] - before

    # -- events ---------------------------------------------------------------------------------

    def copy_events(self, annotator: str | None = None) -> tuple[int, list[str]]:
        """The events of `other` this project lacks (optionally one annotator's); returns how
        many came in and the units that could not be matched (their events stay out)."""
        self._map_units()
        self._add_annotators(annotator)
        who = "AND oa.name = :who" if annotator else ""
        first = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM main.events").fetchone()[0]
        self.conn.execute(
            f"""INSERT INTO main.events (at, annotator_id, unit_id, action, before, after, uid,
                                        device)
                SELECT e.at, ma.id, m.main_id, e.action, e.before, e.after, e.uid, e.device
                FROM other.events e
                JOIN other.annotators oa ON oa.id = e.annotator_id
                JOIN main.annotators ma ON ma.name = oa.name
                JOIN temp.unit_map m ON m.other_id = e.unit_id AND m.same
                WHERE e.action NOT IN {LOCAL_ACTIONS} {who}
                  AND NOT EXISTS (SELECT 1 FROM main.events x WHERE x.uid = e.uid)
                ORDER BY e.uid""",
            {"who": annotator},
        )
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_events (id INTEGER PRIMARY KEY)")
        self.conn.execute("DELETE FROM temp.new_events")
        self.conn.execute(
            "INSERT INTO temp.new_events SELECT id FROM main.events WHERE id > ?", (first,)
        )
        count = self.conn.execute("SELECT COUNT(*) FROM temp.new_events").fetchone()[0]
        return count, self._unmatched(who, annotator)

    def _map_units(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.unit_map")
        self.conn.execute(
            """CREATE TEMP TABLE unit_map AS
               SELECT u.id AS other_id, mu.id AS main_id, (u.text = mu.text) AS same
               FROM other.units u JOIN other.articles o ON o.id = u.article_id
               JOIN main.articles ma ON ma.content_hash = o.content_hash
               JOIN main.units mu ON mu.article_id = ma.id AND mu.idx = u.idx"""
        )
        self.conn.execute("CREATE INDEX temp.unit_map_other ON unit_map(other_id)")

    def _add_annotators(self, annotator: str | None) -> None:
        self.conn.execute(
            """INSERT INTO main.annotators (name, created_at)
               SELECT o.name, o.created_at FROM other.annotators o
               WHERE (:who IS NULL OR o.name = :who)
                 AND o.name NOT IN (SELECT name FROM main.annotators)""",
            {"who": annotator},
        )
        self._store.annotators.forget()

    def _unmatched(self, who: str, annotator: str | None) -> list[str]:
        rows = self.conn.execute(
            f"""SELECT DISTINCT o.title, u.idx FROM other.events e
                JOIN other.annotators oa ON oa.id = e.annotator_id
                JOIN other.units u ON u.id = e.unit_id
                JOIN other.articles o ON o.id = u.article_id
                LEFT JOIN temp.unit_map m ON m.other_id = e.unit_id
                WHERE e.action NOT IN {LOCAL_ACTIONS} {who} AND (m.same IS NULL OR NOT m.same)
                ORDER BY o.title, u.idx""",
            {"who": annotator},
        ).fetchall()
        return [f"{title} (unit {index})" for title, index in rows]

    # -- state from the log ---------------------------------------------------------------------

    def recompute(self, counts: TransferCounts) -> None:
        """Labels, statuses, notes and adjudications of the units the new events touched."""
        self.conn.execute("DROP TABLE IF EXISTS temp.pairs")
        self.conn.execute(
            """CREATE TEMP TABLE pairs AS SELECT DISTINCT e.unit_id, e.annotator_id
               FROM main.events e JOIN temp.new_events n ON n.id = e.id"""
        )
        self._recompute_labels(counts)
        self._recompute_notes()
        self._recompute_adjudications()

    def _latest(self, actions_sql: str) -> list[tuple[int, int, str, str]]:
        """(unit, annotator, after, at) of the latest event (by uid) of each touched pair.

        CROSS JOIN keeps the touched pairs as the outer loop: the temporary table has no
        statistics, and SQLite would otherwise scan the whole event log for each batch
        (11 ms at 10,000 events, growing with the log) and hold the write lock meanwhile."""
        return self.conn.execute(
            f"""SELECT unit_id, annotator_id, after, at FROM (
                  SELECT e.unit_id, e.annotator_id, e.after, e.at, ROW_NUMBER() OVER (
                      PARTITION BY e.unit_id, e.annotator_id ORDER BY e.uid DESC) AS rank
                  FROM temp.pairs p CROSS JOIN main.events e
                    ON e.unit_id = p.unit_id AND e.annotator_id = p.annotator_id
                  WHERE {actions_sql}) WHERE rank = 1"""
        ).fetchall()

    def _recompute_labels(self, counts: TransferCounts) -> None:
        latest = self._latest(f"e.action NOT IN {NOT_LABEL_ACTIONS}")
        names = dict(self.conn.execute("SELECT id, name FROM main.annotators"))
        current = self._current_states()
        fresh, changed = [], []  # units the annotator had nothing on, and the others
        for unit_id, annotator_id, after, at in latest:
            data = loads(after)
            wanted = UnitState(tuple(data["themes"]), data["status"])
            had = current.get((unit_id, annotator_id), UnitState())
            tally = _tally(counts, had, wanted)
            tally[names[annotator_id]] = tally.get(names[annotator_id], 0) + 1
            if had != wanted:
                (fresh if not had.themes else changed).append((unit_id, annotator_id, wanted, at))
        self._store.labels.put_states(fresh, fresh=True)
        self._store.labels.put_states(changed)

    def _current_states(self) -> dict[tuple[int, int], UnitState]:
        states: dict[tuple[int, int], list] = {}
        for unit_id, annotator_id, status in self.conn.execute(
            """SELECT s.unit_id, s.annotator_id, s.status FROM temp.pairs p
               CROSS JOIN main.unit_status s USING (unit_id, annotator_id)"""
        ):
            states[(unit_id, annotator_id)] = [[], status]
        for unit_id, annotator_id, key in self.conn.execute(
            """SELECT l.unit_id, l.annotator_id, l.theme_key FROM temp.pairs p
               CROSS JOIN main.labels l USING (unit_id, annotator_id)
               JOIN main.themes t ON t.key = l.theme_key ORDER BY t.position"""
        ):
            states.setdefault((unit_id, annotator_id), [[], Status.NOT_SEEN])[0].append(key)
        return {pair: UnitState(tuple(themes), status) for pair, (themes, status) in states.items()}

    def _recompute_notes(self) -> None:
        for unit_id, annotator_id, after, at in self._latest("e.action = 'note'"):
            self._store.notes.put(unit_id, annotator_id, json.loads(after)["note"], at)

    def _recompute_adjudications(self) -> None:
        """One decision per unit, whoever made it: the latest."""
        rows = self.conn.execute(
            """SELECT unit_id, annotator_id, after, at FROM (
                 SELECT e.unit_id, e.annotator_id, e.after, e.at, ROW_NUMBER() OVER (
                     PARTITION BY e.unit_id ORDER BY e.uid DESC) AS rank
                 FROM main.events e
                 WHERE e.action = 'adjudicate'
                   AND e.unit_id IN (SELECT unit_id FROM temp.pairs)) WHERE rank = 1"""
        ).fetchall()
        for unit_id, annotator_id, after, at in rows:
            self._store.adjudications.put(unit_id, annotator_id, json.loads(after)["themes"], at)


def _tally(counts: TransferCounts, had: UnitState, wanted: UnitState) -> dict[str, int]:
    if had == wanted:
        return counts.unchanged
    return counts.added if had == UnitState() else counts.updated
