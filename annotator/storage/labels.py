"""One annotator's work on a unit: themes, status and note, each change logged as an event."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.scheme import ThemeError
from annotator.core.status import Status
from annotator.storage.clock import utc_now
from annotator.storage.repository import Repository
from annotator.storage.rows import LabelChange, UnitState


def done_state(themes: Iterable[str]) -> UnitState:
    """Done, with these themes (checked and ordered when written), or with none."""
    themes = tuple(themes)
    return UnitState(themes, Status.DONE_WITH_THEMES if themes else Status.DONE_NO_THEME)


class Labels(Repository):
    # -- reading (never adds an annotator) ----------------------------------------------------

    def state(self, unit_id: int, annotator: str) -> UnitState:
        """This annotator's state of a unit (not seen for a name the project does not know)."""
        annotator_id = self._store.annotators.id_of(annotator)
        return UnitState() if annotator_id is None else self._read(unit_id, annotator_id)

    def _read(self, unit_id: int, annotator_id: int) -> UnitState:
        themes = self.conn.execute(
            """SELECT l.theme_key FROM labels l JOIN themes t ON t.key = l.theme_key
               WHERE l.unit_id = ? AND l.annotator_id = ? ORDER BY t.position""",
            (unit_id, annotator_id),
        ).fetchall()
        status = self.conn.execute(
            "SELECT status FROM unit_status WHERE unit_id = ? AND annotator_id = ?",
            (unit_id, annotator_id),
        ).fetchone()
        return UnitState(tuple(t[0] for t in themes), status[0] if status else Status.NOT_SEEN)

    def article_states(self, article_id: int) -> dict[int, dict[str, UnitState]]:
        """unit id -> annotator name -> state, for every annotator who touched the article."""
        found: dict[int, dict[str, dict]] = {}
        for unit_id, name, status in self.conn.execute(
            """SELECT s.unit_id, a.name, s.status FROM unit_status s
               JOIN units u ON u.id = s.unit_id JOIN annotators a ON a.id = s.annotator_id
               WHERE u.article_id = ?""",
            (article_id,),
        ):
            found.setdefault(unit_id, {}).setdefault(name, {"themes": [], "status": status})
        for unit_id, name, key in self.conn.execute(
            """SELECT l.unit_id, a.name, l.theme_key FROM labels l
               JOIN units u ON u.id = l.unit_id JOIN annotators a ON a.id = l.annotator_id
               JOIN themes t ON t.key = l.theme_key
               WHERE u.article_id = ? ORDER BY t.position""",
            (article_id,),
        ):
            entry = found.setdefault(unit_id, {}).setdefault(
                name, {"themes": [], "status": Status.NOT_SEEN}
            )
            entry["themes"].append(key)
        return {
            u: {n: UnitState(tuple(s["themes"]), s["status"]) for n, s in by_name.items()}
            for u, by_name in found.items()
        }

    def unit_states(self, unit_id: int) -> dict[str, UnitState]:
        """annotator name -> state, for everyone who touched one unit."""
        found: dict[str, list] = {}
        for name, status in self.conn.execute(
            """SELECT a.name, s.status FROM unit_status s JOIN annotators a
               ON a.id = s.annotator_id WHERE s.unit_id = ?""",
            (unit_id,),
        ):
            found[name] = [[], status]
        for name, key in self.conn.execute(
            """SELECT a.name, l.theme_key FROM labels l JOIN annotators a ON a.id = l.annotator_id
               JOIN themes t ON t.key = l.theme_key WHERE l.unit_id = ? ORDER BY t.position""",
            (unit_id,),
        ):
            found.setdefault(name, [[], Status.NOT_SEEN])[0].append(key)
        return {name: UnitState(tuple(k), status) for name, (k, status) in found.items()}

    def annotator_states(self, article_id: int, annotator: str) -> dict[int, UnitState]:
        """unit id -> state for one annotator: what the reader needs to draw an article."""
        annotator_id = self._store.annotators.id_of(annotator)
        if annotator_id is None:
            return {}
        status = dict(
            self.conn.execute(
                """SELECT s.unit_id, s.status FROM unit_status s JOIN units u ON u.id = s.unit_id
                   WHERE u.article_id = ? AND s.annotator_id = ?""",
                (article_id, annotator_id),
            )
        )
        themes: dict[int, list[str]] = {}
        for unit_id, key in self.conn.execute(
            """SELECT l.unit_id, l.theme_key FROM labels l JOIN units u ON u.id = l.unit_id
               JOIN themes t ON t.key = l.theme_key
               WHERE u.article_id = ? AND l.annotator_id = ? ORDER BY t.position""",
            (article_id, annotator_id),
        ):
            themes.setdefault(unit_id, []).append(key)
        ids = set(status) | set(themes)
        return {u: UnitState(tuple(themes.get(u, ())), status.get(u, Status.NOT_SEEN)) for u in ids}

    # -- changing (each a transaction, logged) --------------------------------------------------

    def set_themes(self, unit_id: int, annotator: str, themes: Iterable[str]) -> LabelChange:
        """Give a unit exactly these themes (empty: done with no theme); returns before/after."""
        return self.apply_state(unit_id, annotator, done_state(themes), "set")

    def set_status(self, unit_id: int, annotator: str, status: str) -> LabelChange:
        """Change the status and keep the themes the database holds now."""
        return self._change(unit_id, annotator, lambda now: UnitState(now.themes, status), "status")

    def toggle_theme(self, unit_id: int, annotator: str, key: str) -> LabelChange:
        """Add the theme if the unit lacks it, else remove it; the unit is done either way.

        Decided inside the write transaction from what the database holds, so two windows
        of one annotator toggling different themes on one unit keep both.
        """

        def toggled(now: UnitState) -> UnitState:
            had = now.themes
            return done_state([k for k in had if k != key] if key in had else [*had, key])

        return self._change(unit_id, annotator, toggled, "set")

    def mark_done(self, unit_id: int, annotator: str) -> LabelChange:
        """Done with the themes the unit has now (none: done with no theme)."""
        return self._change(unit_id, annotator, lambda now: done_state(now.themes), "set")

    def apply_state(
        self, unit_id: int, annotator: str, state: UnitState, action: str
    ) -> LabelChange:
        """Write a unit's full state for one annotator and log it; used by set, undo and redo."""
        return self._change(unit_id, annotator, lambda _now: state, action)

    def _change(self, unit_id: int, annotator: str, new_state, action: str) -> LabelChange:
        annotator_id = self._store.annotators.ensure(annotator)
        with self.transaction():
            before = self._read(unit_id, annotator_id)
            return self.write(unit_id, annotator_id, new_state(before), action, utc_now(), before)

    def write(
        self,
        unit_id: int,
        annotator_id: int,
        state: UnitState,
        action: str,
        now: str,
        before: UnitState | None = None,
    ) -> LabelChange:
        """Write and log a state inside the caller's transaction (`before`: if already read)."""
        if before is None:
            before = self._read(unit_id, annotator_id)
        after = self._checked(state, before)
        self._write_labels(unit_id, annotator_id, after, now)
        self._write_status(unit_id, annotator_id, after.status, now)
        self._store.events.log(
            annotator_id, unit_id, action, before.as_json(), after.as_json(), now
        )
        return LabelChange(unit_id, before, after)

    def put_state(self, unit_id: int, annotator_id: int, state: UnitState, at: str) -> None:
        """Make the stored state equal to one the event log already holds (merge, sync),
        inside the caller's transaction: no new event."""
        self.put_states([(unit_id, annotator_id, state, at)])

    def put_states(self, rows: list[tuple[int, int, UnitState, str]], fresh: bool = False) -> None:
        """put_state for many units at once: a handful of statements for thousands of rows.

        `fresh`: the caller knows none of these units has labels of these annotators yet."""
        if not fresh:
            self.conn.executemany(
                "DELETE FROM labels WHERE unit_id = ? AND annotator_id = ?",
                [(unit, who) for unit, who, _state, _at in rows],
            )
        self.conn.executemany(
            "INSERT INTO labels (unit_id, annotator_id, theme_key, created_at) VALUES (?, ?, ?, ?)",
            [(unit, who, key, at) for unit, who, state, at in rows for key in state.themes],
        )
        self.conn.executemany(
            "DELETE FROM unit_status WHERE unit_id = ? AND annotator_id = ?",
            [(unit, who) for unit, who, state, _at in rows if state.status == Status.NOT_SEEN],
        )
        self.conn.executemany(
            """INSERT INTO unit_status (unit_id, annotator_id, status, updated_at)
               VALUES (?, ?, ?, ?) ON CONFLICT (unit_id, annotator_id) DO UPDATE
               SET status = excluded.status, updated_at = excluded.updated_at
               WHERE status != excluded.status""",
            [(unit, who, str(state.status), at) for unit, who, state, at in rows
             if state.status != Status.NOT_SEEN],
        )  # fmt: skip

    def _checked(self, state: UnitState, before: UnitState) -> UnitState:
        """The state with its themes in scheme order; unknown themes, and retired ones the
        unit did not already have, are refused."""
        scheme = {t.key: t for t in self._store.themes.list(include_retired=True)}
        unknown = sorted(set(state.themes) - set(scheme))
        if unknown:
            raise ThemeError(f"unknown theme {', '.join(unknown)}")
        retired = sorted(k for k in set(state.themes) - set(before.themes) if scheme[k].retired)
        if retired:
            raise ThemeError(f"theme {', '.join(retired)} is retired")
        ordered = tuple(sorted(set(state.themes), key=lambda k: scheme[k].position))
        return UnitState(ordered, state.status)

    def _write_labels(self, unit_id: int, annotator_id: int, state: UnitState, now: str) -> None:
        wanted = set(state.themes)
        current = {
            r[0]
            for r in self.conn.execute(
                "SELECT theme_key FROM labels WHERE unit_id = ? AND annotator_id = ?",
                (unit_id, annotator_id),
            )
        }
        for key in current - wanted:
            self.conn.execute(
                "DELETE FROM labels WHERE unit_id = ? AND annotator_id = ? AND theme_key = ?",
                (unit_id, annotator_id, key),
            )
        self.conn.executemany(
            "INSERT INTO labels (unit_id, annotator_id, theme_key, created_at) VALUES (?, ?, ?, ?)",
            [(unit_id, annotator_id, key, now) for key in sorted(wanted - current)],
        )

    def _write_status(self, unit_id: int, annotator_id: int, status: str, now: str) -> None:
        if status == Status.NOT_SEEN:
            self.conn.execute(
                "DELETE FROM unit_status WHERE unit_id = ? AND annotator_id = ?",
                (unit_id, annotator_id),
            )
            return
        self.conn.execute(
            """INSERT INTO unit_status (unit_id, annotator_id, status, updated_at)
               VALUES (?, ?, ?, ?) ON CONFLICT (unit_id, annotator_id) DO UPDATE
               SET status = excluded.status, updated_at = excluded.updated_at
               WHERE status != excluded.status""",
            (unit_id, annotator_id, str(status), now),
        )
