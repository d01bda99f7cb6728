"""What a project takes in from its team server: the scheme, articles, assignments, events.

Events are taken the way a merge takes them (transfer.py): those the project lacks (by
uid) go into its log, then the state of every unit they touched is recomputed from the log
by Transfer.recompute, the one implementation of "the state of a unit for an annotator is
the `after` of its latest event". Units are matched by article hash, position and text.
Rows are staged in temporary tables first, so each write transaction is short: the window
of someone labelling meanwhile waits a few milliseconds at most.
"""

from __future__ import annotations

from annotator.core.names import name_problem
from annotator.storage.clock import utc_now
from annotator.storage.outgoing import register_digest
from annotator.storage.repository import Repository
from annotator.storage.transfer import TransferCounts
from annotator.storage.wire import ArticleRow, AssignmentRow, EventRow, ThemeRow, UnitRow

_THEME_COLUMNS = ", ".join(ThemeRow._fields)
_ARTICLE_COLUMNS = ", ".join(ArticleRow._fields)
_STAGING = f"""CREATE TEMP TABLE IF NOT EXISTS incoming_events (
    {", ".join(EventRow._fields)}, PRIMARY KEY (uid)) WITHOUT ROWID"""


class Incoming(Repository):
    # -- the scheme -----------------------------------------------------------------------------

    def themes(self, themes: list[ThemeRow]) -> int:
        """Make the scheme the server's (a member's copy); returns themes changed. Themes
        the server lacks are removed where no label uses them, else retired."""
        if not themes or themes == self._store.outgoing.themes():
            return 0
        wanted = {t.key for t in themes}
        updates = ", ".join(f"{c} = excluded.{c}" for c in ThemeRow._fields[1:])
        with self.transaction():
            before = set(self._store.outgoing.themes())
            for extra in {t.key for t in before} - wanted:
                if self.conn.execute("SELECT 1 FROM labels WHERE theme_key = ? LIMIT 1",
                                     (extra,)).fetchone():  # fmt: skip
                    self.conn.execute("UPDATE themes SET retired = 1 WHERE key = ?", (extra,))
                else:
                    self.conn.execute("DELETE FROM themes WHERE key = ?", (extra,))
            self.conn.executemany(
                f"""INSERT INTO themes ({_THEME_COLUMNS}) VALUES ({", ".join("?" * 10)})
                    ON CONFLICT (key) DO UPDATE SET {updates}""",
                [(*t[:8], int(t.retired), t.keywords) for t in themes],
            )
        return len(set(themes) - before)

    # -- articles and assignments ---------------------------------------------------------------

    def articles(self, articles: list[ArticleRow], units: list[UnitRow]) -> int:
        """Add the articles this project lacks (by content), with their units; returns how
        many. New ids follow the highest ever given, removed articles' included."""
        if not articles:
            return 0
        with self.transaction():
            hashes = [a.content_hash for a in articles]
            have = {r[0] for r in self.conn.execute(
                f"SELECT content_hash FROM articles WHERE content_hash IN"
                f" ({','.join('?' * len(hashes))})", hashes)}  # fmt: skip
            new = [a for a in articles if a.content_hash not in have]
            article_id, unit_id = self._next_ids()
            ids = {a.content_hash: article_id + n for n, a in enumerate(new)}
            self.conn.executemany(
                f"INSERT INTO articles (id, {_ARTICLE_COLUMNS}) VALUES ({','.join('?' * 14)})",
                [(ids[a.content_hash], *a) for a in new],
            )
            mine = [u for u in units if u.article_hash in ids]
            self.conn.executemany(
                'INSERT INTO units (id, article_id, idx, kind, start, "end", text)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(unit_id + n, ids[u.article_hash], *u[1:]) for n, u in enumerate(mine)],
            )
        return len(new)

    def _next_ids(self) -> tuple[int, int]:
        row = self.conn.execute(
            """SELECT MAX((SELECT COALESCE(MAX(id), 0) FROM articles),
                          (SELECT COALESCE(MAX(article_id), 0) FROM removed_articles)),
                      MAX((SELECT COALESCE(MAX(id), 0) FROM units),
                          (SELECT COALESCE(MAX(last_unit_id), 0) FROM removed_articles))"""
        ).fetchone()
        return row[0] + 1, row[1] + 1

    def missing_articles(self, hashes: list[str]) -> list[str]:
        """Those of `hashes` this project does not hold."""
        have = set()
        for start in range(0, len(hashes), 500):
            part = hashes[start : start + 500]
            have.update(r[0] for r in self.conn.execute(
                f"SELECT content_hash FROM articles WHERE content_hash IN"
                f" ({','.join('?' * len(part))})", part))  # fmt: skip
        return [h for h in dict.fromkeys(hashes) if h not in have]

    def assignments(self, rows: list[AssignmentRow]) -> int:
        """Record who has which article (articles this project holds); returns rows added."""
        if not rows:
            return 0
        with self.transaction():
            ids = {r.annotator: self._store.annotators.ensure(r.annotator) for r in rows}
            return self.conn.executemany(
                """INSERT OR IGNORE INTO assignments (article_id, annotator_id, assigned_at)
                   SELECT id, ?, ? FROM articles WHERE content_hash = ?""",
                [(ids[r.annotator], r.assigned_at, r.article_hash) for r in rows],
            ).rowcount

    # -- events ---------------------------------------------------------------------------------

    def events(self, events: list[EventRow]) -> TransferCounts:
        """Take the events this project lacks and recompute what they touched."""
        counts = TransferCounts()
        usable = [e for e in events if name_problem(e.annotator) is None]
        counts.conflicts = [f"an event by an unusable name ({e.uid})"
                            for e in events if name_problem(e.annotator) is not None]  # fmt: skip
        self._stage(usable)
        with self.transaction():
            self._add_annotators()
            first = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM main.events").fetchone()[0]
            self.conn.execute(
                """INSERT INTO main.events (at, annotator_id, unit_id, action, before, after, uid,
                                           device)
                   SELECT i.at, a.id, u.id, i.action, i.before, i.after, i.uid, i.device
                   FROM temp.incoming_events i JOIN main.annotators a ON a.name = i.annotator
                   JOIN main.articles r ON r.content_hash = i.article_hash
                   JOIN main.units u ON u.article_id = r.id AND u.idx = i.idx
                    AND annotator_digest(u.text) = i.unit_digest
                   WHERE NOT EXISTS (SELECT 1 FROM main.events x WHERE x.uid = i.uid)
                   ORDER BY i.uid"""
            )
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_events (id INTEGER PRIMARY KEY)")
            self.conn.execute("DELETE FROM temp.new_events")
            self.conn.execute(
                "INSERT INTO temp.new_events SELECT id FROM main.events WHERE id > ?", (first,)
            )
            counts.events = self.conn.execute("SELECT COUNT(*) FROM temp.new_events").fetchone()[0]
            counts.conflicts += self._unmatched()
            self._store.transfer.recompute(counts)
        return counts

    def _stage(self, events: list[EventRow]) -> None:
        """Into a temporary table, before the write lock is taken."""
        register_digest(self.conn)
        self.conn.execute(_STAGING)
        self.conn.execute("DELETE FROM temp.incoming_events")
        self.conn.executemany(
            f"INSERT OR IGNORE INTO temp.incoming_events VALUES ({','.join('?' * 10)})", events
        )

    def _add_annotators(self) -> None:
        self.conn.execute(
            """INSERT INTO main.annotators (name, created_at)
               SELECT DISTINCT annotator, ? FROM temp.incoming_events
               WHERE annotator NOT IN (SELECT name FROM main.annotators)""",
            (utc_now(),),
        )
        self._store.annotators.forget()

    def _unmatched(self) -> list[str]:
        rows = self.conn.execute(
            """SELECT DISTINCT i.article_hash, i.idx FROM temp.incoming_events i
               LEFT JOIN main.articles r ON r.content_hash = i.article_hash
               LEFT JOIN main.units u ON u.article_id = r.id AND u.idx = i.idx
               WHERE u.id IS NULL OR annotator_digest(u.text) != i.unit_digest
               ORDER BY 1, 2"""
        ).fetchall()
        return [f"article {h[:12]} unit {idx}: not the same text here" for h, idx in rows]
