"""The project store: the one object the GUI and CLI use to read and change a project."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.model import Article
from annotator.core.themes import Theme, ThemeError
from annotator.storage import articles as article_sql
from annotator.storage import labels as label_sql
from annotator.storage import stats as stats_sql
from annotator.storage import themes as theme_sql
from annotator.storage.database import _translate, open_database
from annotator.storage.errors import UnknownAnnotator
from annotator.storage.records import (
    ArticleRecord,
    ArticleSummary,
    Event,
    ImportCounts,
    LabelChange,
    UnitRecord,
    UnitState,
)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class Store:
    """A project database. Every method that writes commits before it returns."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else None
        self.db, self.backup = open_database(self.path)
        self.conn: sqlite3.Connection = self.db.conn
        self._annotator_ids: dict[str, int] = {}

    def close(self) -> None:
        self.conn.close()

    def check_writable(self) -> None:
        """Raise DatabaseReadOnly (or DatabaseLocked) now if a label could not be saved.

        Writes the schema version over itself and rolls back: BEGIN IMMEDIATE alone succeeds
        on a read-only connection, only an actual write is refused.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
            self.conn.execute(f"PRAGMA user_version = {version}")
        except sqlite3.Error as error:
            raise _translate(error, self.path) from error
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested calls become savepoints).

        The outermost one starts with BEGIN IMMEDIATE: it waits (up to the busy timeout) for
        the write lock before reading anything. After a plain BEGIN, a read followed by a write
        fails at once with "database is locked" when another process committed in between
        (WAL cannot move a read snapshot forward), so two windows on one project would lose
        labels instead of taking turns.
        """
        try:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise _translate(error, self.path) from error

    # -- articles -------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> ImportCounts:
        """Insert articles in one transaction; duplicates (same content) are counted, not stored."""
        with self.transaction():
            return self._insert_articles(articles, utc_now())

    def add_files(self, files: list[list[Article]]) -> list[ImportCounts | sqlite3.Error]:
        """Insert the articles of several files, each file whole or not at all.

        All files go in one transaction; only if that fails are they retried one transaction
        per file, so that one bad file is reported (as its error) and the others still land.
        """
        now = utc_now()
        try:
            with self.transaction():
                return [self._insert_articles(articles, now) for articles in files]
        except (sqlite3.IntegrityError, sqlite3.DataError, ThemeError, ValueError):
            pass
        results: list[ImportCounts | sqlite3.Error] = []
        for articles in files:
            try:
                with self.transaction():
                    results.append(self._insert_articles(articles, now))
            except (sqlite3.IntegrityError, sqlite3.DataError, ThemeError, ValueError) as error:
                results.append(error)
        return results

    def _insert_articles(self, articles: Iterable[Article], now: str) -> ImportCounts:
        counts = ImportCounts()
        for article in articles:
            article_id = article_sql.insert_article(self.conn, article, now)
            if article_id is None:
                counts.duplicates += 1
                counts.duplicate_titles.append(article.draft.title)
                continue
            counts.articles += 1
            counts.units += len(article.units)
            self._import_preset_labels(article, article_id, now)
        return counts

    def _import_preset_labels(self, article: Article, article_id: int, now: str) -> None:
        labels, status = article.draft.preset_labels or {}, article.draft.preset_status or {}
        if not labels and not status:
            return
        ids = article_sql.unit_ids(self.conn, article_id)
        for index in sorted(set(labels) | set(status)):
            names = set(labels.get(index, {})) | set(status.get(index, {}))
            for name in sorted(names):
                themes = tuple(labels.get(index, {}).get(name, ()))
                default = "done_with_themes" if themes else "done_no_theme"
                state = UnitState(themes, status.get(index, {}).get(name, default))
                self._apply(ids[index], self._annotator_id(name, create=True), state, "import", now)

    def search_index_pending(self) -> int:
        """Articles imported but not yet in the search index (it is built lazily)."""
        return article_sql.unindexed_count(self.conn)

    def update_search_index(self, limit: int = article_sql.SEARCH_INDEX_BATCH) -> int:
        """Index up to `limit` more articles for search; returns how many it went through.

        0 means the index is complete. Import leaves this out because it doubles import time;
        the GUI runs it in the background and the first search runs whatever is left. The
        keys are computed before the write lock is taken, so labelling in another window
        waits only for the insert.
        """
        keys = article_sql.unindexed_search_keys(self.conn, limit)
        if keys:
            with self.transaction():
                article_sql.add_search_keys(self.conn, keys)
        return len(keys)

    def _complete_search_index(self) -> None:
        while self.update_search_index():
            pass

    def list_articles(
        self,
        annotator: str | None = None,
        status: str | None = None,
        search: str = "",
        limit: int = -1,
        offset: int = 0,
        after_id: int | None = None,
    ) -> list[ArticleSummary]:
        """Summaries in import order; `after_id` pages by key (fast however deep the page)."""
        annotator_id = self._annotator_id(annotator, create=False) if annotator else None
        if search.strip():
            self._complete_search_index()
        return article_sql.list_articles(
            self.conn, annotator_id, status, search, limit, offset, after_id
        )

    def count_articles(
        self, annotator: str | None = None, status: str | None = None, search: str = ""
    ) -> int:
        """How many articles list_articles returns for the same filters."""
        annotator_id = self._annotator_id(annotator, create=False) if annotator else None
        if search.strip():
            self._complete_search_index()
        return article_sql.count_articles(self.conn, annotator_id, status, search)

    def article_ids(self) -> list[int]:
        return article_sql.article_ids(self.conn)

    def article(self, article_id: int) -> ArticleRecord | None:
        return article_sql.get_article(self.conn, article_id)

    def units(self, article_id: int) -> list[UnitRecord]:
        return article_sql.get_units(self.conn, article_id)

    def unit(self, unit_id: int) -> UnitRecord | None:
        return article_sql.get_unit(self.conn, unit_id)

    # -- annotators -----------------------------------------------------------------------

    def _annotator_id(self, name: str, create: bool) -> int:
        if name in self._annotator_ids:
            return self._annotator_ids[name]
        if create:  # another window may be adding the same name at this moment
            with self.transaction():
                self.conn.execute(
                    "INSERT INTO annotators (name, created_at) VALUES (?, ?)"
                    " ON CONFLICT (name) DO NOTHING",
                    (name, utc_now()),
                )
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise UnknownAnnotator(f"no annotator named {name!r} in this project")
        self._annotator_ids[name] = row[0]
        return row[0]

    def ensure_annotator(self, name: str) -> int:
        name = name.strip()
        if not name:
            raise ValueError("an annotator needs a name")
        return self._annotator_id(name, create=True)

    def annotators(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM annotators ORDER BY id")]

    # -- labels ---------------------------------------------------------------------------

    def state(self, unit_id: int, annotator: str) -> UnitState:
        return label_sql.unit_state(self.conn, unit_id, self.ensure_annotator(annotator))

    def article_states(self, article_id: int) -> dict[int, dict[str, UnitState]]:
        return label_sql.article_states(self.conn, article_id)

    def annotator_states(self, article_id: int, annotator: str) -> dict[int, UnitState]:
        annotator_id = self.ensure_annotator(annotator)
        return label_sql.annotator_article_states(self.conn, article_id, annotator_id)

    def set_themes(self, unit_id: int, annotator: str, themes: Iterable[str]) -> LabelChange:
        """Give a unit exactly these themes (empty: done with no theme); returns before/after."""
        return self.apply_state(unit_id, annotator, self._done_state(themes), "set")

    def _done_state(self, themes: Iterable[str]) -> UnitState:
        """Done, with these themes in scheme order (refusing unknown keys), or with none."""
        themes = tuple(self._ordered_theme_keys(themes))
        return UnitState(themes, "done_with_themes" if themes else "done_no_theme")

    def set_status(self, unit_id: int, annotator: str, status: str) -> LabelChange:
        """Change the status and keep the themes the database holds now."""
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            current = label_sql.unit_state(self.conn, unit_id, annotator_id)
            state = UnitState(current.themes, status)
            return self._apply(unit_id, annotator_id, state, "status", utc_now())

    def toggle_theme(self, unit_id: int, annotator: str, key: str) -> LabelChange:
        """Add the theme if the unit lacks it, else remove it; the unit is done either way.

        Decided inside the write transaction from what the database holds, so two windows
        of one annotator toggling different themes on one unit keep both.
        """
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            current = label_sql.unit_state(self.conn, unit_id, annotator_id).themes
            themes = [k for k in current if k != key] if key in current else [*current, key]
            return self._apply(unit_id, annotator_id, self._done_state(themes), "set", utc_now())

    def mark_done(self, unit_id: int, annotator: str) -> LabelChange:
        """Done with the themes the unit has now (none: done with no theme)."""
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            current = label_sql.unit_state(self.conn, unit_id, annotator_id).themes
            return self._apply(unit_id, annotator_id, self._done_state(current), "set", utc_now())

    def apply_state(
        self, unit_id: int, annotator: str, state: UnitState, action: str
    ) -> LabelChange:
        """Write a unit's full state for one annotator and log it; used by set, undo and redo."""
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            return self._apply(unit_id, annotator_id, state, action, utc_now())

    def _apply(
        self, unit_id: int, annotator_id: int, state: UnitState, action: str, now: str
    ) -> LabelChange:
        before = label_sql.unit_state(self.conn, unit_id, annotator_id)
        self._check_themes_usable(state.themes, before.themes)
        label_sql.write_state(self.conn, unit_id, annotator_id, state, now)
        after = UnitState(tuple(self._ordered_theme_keys(state.themes)), state.status)
        label_sql.log_event(
            self.conn, annotator_id, unit_id, action, before.as_json(), after.as_json(), now
        )
        return LabelChange(unit_id, before, after)

    def _ordered_theme_keys(self, keys: Iterable[str]) -> list[str]:
        order = {t.key: t.position for t in self.themes(include_retired=True)}
        unknown = sorted(set(keys) - set(order))
        if unknown:
            raise ThemeError(f"unknown theme {', '.join(unknown)}")
        return sorted(set(keys), key=lambda k: order[k])

    def _check_themes_usable(self, wanted: Iterable[str], existing: Iterable[str]) -> None:
        retired = {t.key for t in self.themes(include_retired=True) if t.retired}
        newly_retired = (set(wanted) - set(existing)) & retired
        if newly_retired:
            raise ThemeError(f"theme {', '.join(sorted(newly_retired))} is retired")

    def note(self, unit_id: int, annotator: str) -> str:
        return label_sql.get_note(self.conn, unit_id, self.ensure_annotator(annotator))

    def set_note(self, unit_id: int, annotator: str, text: str) -> None:
        annotator_id, text = self.ensure_annotator(annotator), text.strip()
        with self.transaction():
            now, before = utc_now(), label_sql.get_note(self.conn, unit_id, annotator_id)
            if before == text:
                return
            label_sql.write_note(self.conn, unit_id, annotator_id, text, now)
            label_sql.log_event(
                self.conn, annotator_id, unit_id, "note", {"note": before}, {"note": text}, now
            )

    def events(self, unit_id: int | None = None, limit: int = -1) -> list[Event]:
        return label_sql.events(self.conn, unit_id, limit)

    # -- position (resume where the annotator stopped) --------------------------------------

    def save_position(self, annotator: str, article_id: int, unit_index: int) -> None:
        annotator_id = self.ensure_annotator(annotator)
        with self.transaction():
            self.conn.execute(
                """INSERT INTO positions (annotator_id, article_id, unit_index, updated_at)
                   VALUES (?, ?, ?, ?) ON CONFLICT (annotator_id) DO UPDATE SET
                   article_id = excluded.article_id, unit_index = excluded.unit_index,
                   updated_at = excluded.updated_at""",
                (annotator_id, article_id, unit_index, utc_now()),
            )

    def position(self, annotator: str) -> tuple[int, int] | None:
        row = self.conn.execute(
            "SELECT p.article_id, p.unit_index FROM positions p JOIN annotators a"
            " ON a.id = p.annotator_id WHERE a.name = ?",
            (annotator,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    # -- themes ---------------------------------------------------------------------------

    def themes(self, include_retired: bool = False) -> list[Theme]:
        return theme_sql.list_themes(self.conn, include_retired)

    def theme(self, key: str) -> Theme:
        return theme_sql.get_theme(self.conn, key)

    def add_theme(self, theme: Theme) -> Theme:
        with self.transaction():
            return theme_sql.add_theme(self.conn, theme)

    def update_theme(self, key: str, **changes) -> Theme:
        with self.transaction():
            return theme_sql.update_theme(self.conn, key, **changes)

    def move_theme(self, key: str, position: int) -> list[Theme]:
        with self.transaction():
            return theme_sql.move_theme(self.conn, key, position)

    def retire_theme(self, key: str, retired: bool = True) -> Theme:
        with self.transaction():
            return theme_sql.set_retired(self.conn, key, retired)

    # -- figures --------------------------------------------------------------------------

    def stats(self) -> dict:
        return stats_sql.project_stats(self.conn)

    def progress(self, annotator: str) -> tuple[int, int]:
        """Units done by this annotator in the whole project, and the project's unit count."""
        try:
            annotator_id: int | None = self._annotator_id(annotator, create=False)
        except UnknownAnnotator:
            annotator_id = None
        return stats_sql.annotator_progress(self.conn, annotator_id)

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1
