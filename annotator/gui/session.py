"""The annotation session: what the annotator is looking at and what they did (no Qt here).

Views are humble: they call intention-level methods here and redraw from the events this
object publishes. Every label change is committed by the Store before an event goes out,
so what the screen shows is always what is on disk.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.themes import Theme
from annotator.storage.records import ArticleRecord, LabelChange, UnitRecord, UnitState
from annotator.storage.store import Store

DONE_STATUSES = frozenset({"done_no_theme", "done_with_themes"})
UNDO_LIMIT = 1000  # changes kept per session; older ones are still in the event log


def is_done(state: UnitState) -> bool:
    return state.status in DONE_STATUSES


def count_overall(store: Store, annotator: str) -> tuple[int, int]:
    """A full count of done units and all units: slow on big projects, so done once."""
    stats = store.stats()
    return stats["annotators"].get(annotator, {}).get("done", 0), stats["units"]


class Change(enum.Enum):
    ARTICLE = "article"  # another article was opened (or the current one reloaded)
    CURRENT_UNIT = "current_unit"  # the current unit moved inside the article
    UNIT_STATE = "unit_state"  # a unit's themes or status changed (already committed)
    END_OF_ARTICLE = (
        "end_of_article"  # moved past the last unit: the next move opens the next article
    )
    THEMES = "themes"  # the theme scheme was edited


class Move(enum.Enum):
    MOVED = "moved"
    STAYED = "stayed"  # already at the first/last unit, or nothing to move to
    END_OFFERED = "end_offered"
    ARTICLE_OPENED = "article_opened"


@dataclass(frozen=True)
class SessionEvent:
    change: Change
    unit_index: int | None = None
    previous_index: int | None = None


@dataclass(frozen=True)
class UndoEntry:
    article_id: int
    unit_index: int
    change: LabelChange


Listener = Callable[[SessionEvent], None]


class AnnotationSession:
    """One annotator working through one project."""

    def __init__(self, store: Store, annotator: str):
        self.store = store
        self.annotator = annotator.strip()
        store.ensure_annotator(self.annotator)
        self.article: ArticleRecord | None = None
        self.units: list[UnitRecord] = []
        self.states: dict[int, UnitState] = {}  # unit id -> this annotator's state
        self.index = 0
        self.themes: list[Theme] = store.themes()
        self._undo: list[UndoEntry] = []
        self._redo: list[UndoEntry] = []
        self._listeners: list[Listener] = []
        self._end_offered = False
        self._article_ids: list[int] | None = None
        self._overall: list[int] | None = None  # [done, total] units for this annotator
        self._uncounted = 0  # changes in done units made while no full count is known

    # -- observers --------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, change: Change, unit_index: int | None = None, previous: int | None = None):
        event = SessionEvent(change, unit_index, previous)
        for listener in list(self._listeners):
            listener(event)

    # -- what is open ---------------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        return self.article.id if self.article else None

    @property
    def current_unit(self) -> UnitRecord | None:
        return self.units[self.index] if self.units else None

    def state_of(self, unit: UnitRecord) -> UnitState:
        return self.states.get(unit.id, UnitState())

    def current_state(self) -> UnitState:
        unit = self.current_unit
        return self.state_of(unit) if unit else UnitState()

    def progress(self) -> tuple[int, int]:
        """Units done in the open article, and its unit count."""
        return sum(1 for u in self.units if is_done(self.state_of(u))), len(self.units)

    def themes_used(self) -> tuple[str, ...]:
        """Keys of the themes given to some unit of the open article, in scheme order."""
        used = {key for state in self.states.values() for key in state.themes}
        return tuple(t.key for t in self.store.themes(include_retired=True) if t.key in used)

    def overall_progress(self) -> tuple[int, int]:
        """Units done by this annotator in the whole project, and the project's unit count."""
        if self._overall is None:
            self.accept_overall_count(*count_overall(self.store, self.annotator))
        return self._overall[0], self._overall[1]

    def known_overall_progress(self) -> tuple[int, int] | None:
        return (self._overall[0], self._overall[1]) if self._overall else None

    def accept_overall_count(self, done: int, total: int) -> None:
        """A full count (made elsewhere, maybe on another thread) plus changes made meanwhile."""
        self._overall = [done + self._uncounted, total]
        self._uncounted = 0

    def article_ids(self) -> list[int]:
        if self._article_ids is None:
            self._article_ids = self.store.article_ids()
        return self._article_ids

    def articles_changed(self) -> None:
        """Call after an import: the article order is read again when next needed."""
        self._article_ids = None
        self._overall = None

    # -- opening and resuming ---------------------------------------------------------------

    def resume(self) -> bool:
        """Open where this annotator stopped last time, else the first article."""
        position = self.store.position(self.annotator)
        if position and self.open_article(position[0], position[1]):
            return True
        ids = self.article_ids()
        return bool(ids) and self.open_article(ids[0])

    def open_article(self, article_id: int, unit_index: int = 0) -> bool:
        article = self.store.article(article_id)
        if article is None:
            return False
        self.article = article
        self.units = self.store.units(article_id)
        self.states = self.store.annotator_states(article_id, self.annotator)
        self.index = max(0, min(unit_index, len(self.units) - 1))
        self._end_offered = False
        self._save_position()
        self._emit(Change.ARTICLE, self.index)
        return True

    def reload_themes(self) -> None:
        self.themes = self.store.themes()
        if self.article is not None:
            self.states = self.store.annotator_states(self.article.id, self.annotator)
        self._emit(Change.THEMES)

    def _save_position(self) -> None:
        if self.article is not None:
            self.store.save_position(self.annotator, self.article.id, self.index)

    # -- moving ---------------------------------------------------------------------------

    def go_to_unit(self, index: int) -> Move:
        if not self.units or not 0 <= index < len(self.units):
            return Move.STAYED
        self._end_offered = False
        if index == self.index:
            return Move.STAYED
        previous, self.index = self.index, index
        self._save_position()
        self._emit(Change.CURRENT_UNIT, index, previous)
        return Move.MOVED

    def next_unit(self) -> Move:
        """Down: the next unit; past the last one, offer the next article, then open it."""
        if not self.units:
            return Move.STAYED
        if self.index + 1 < len(self.units):
            return self.go_to_unit(self.index + 1)
        if self._end_offered:
            return Move.ARTICLE_OPENED if self.next_article() else Move.STAYED
        if self._neighbour_article(+1) is None:
            return Move.STAYED
        self._end_offered = True
        self._emit(Change.END_OF_ARTICLE, self.index)
        return Move.END_OFFERED

    def previous_unit(self) -> Move:
        return self.go_to_unit(self.index - 1) if self.index > 0 else Move.STAYED

    def first_unit(self) -> Move:
        return self.go_to_unit(0)

    def last_unit(self) -> Move:
        return self.go_to_unit(len(self.units) - 1)

    def next_undone_unit(self) -> Move:
        """The next unit not yet done or skipped, wrapping round the article."""
        count = len(self.units)
        for step in range(1, count + 1):
            index = (self.index + step) % count
            if self.state_of(self.units[index]).status == "not_seen":
                return self.go_to_unit(index)
        return Move.STAYED

    def previous_undone_unit(self) -> Move:
        count = len(self.units)
        for step in range(1, count + 1):
            index = (self.index - step) % count
            if self.state_of(self.units[index]).status == "not_seen":
                return self.go_to_unit(index)
        return Move.STAYED

    def next_article(self) -> bool:
        neighbour = self._neighbour_article(+1)
        return neighbour is not None and self.open_article(neighbour)

    def previous_article(self) -> bool:
        neighbour = self._neighbour_article(-1)
        return neighbour is not None and self.open_article(neighbour)

    def _neighbour_article(self, step: int) -> int | None:
        ids = self.article_ids()
        if not ids:
            return None
        if self.article is None:
            return ids[0]
        at = bisect.bisect_left(ids, self.article.id)
        target = at + step if at < len(ids) and ids[at] == self.article.id else at + min(step, 0)
        return ids[target] if 0 <= target < len(ids) else None

    # -- labelling ------------------------------------------------------------------------

    def theme_for_shortcut(self, digit: int) -> Theme | None:
        return next((t for t in self.themes if t.shortcut == digit), None)

    def toggle_theme(self, shortcut_digit: int) -> LabelChange | None:
        """Add or remove the theme with this shortcut; the unit counts as done either way."""
        theme = self.theme_for_shortcut(shortcut_digit)
        return self.toggle_theme_key(theme.key) if theme else None

    def toggle_theme_key(self, key: str) -> LabelChange | None:
        unit = self.current_unit
        if unit is None:
            return None
        themes = list(self.state_of(unit).themes)
        themes = [k for k in themes if k != key] if key in themes else [*themes, key]
        return self._record(self.store.set_themes(unit.id, self.annotator, themes))

    def mark_done_no_theme(self) -> LabelChange | None:
        unit = self.current_unit
        if unit is None:
            return None
        return self._record(self.store.set_themes(unit.id, self.annotator, []))

    def confirm(self) -> LabelChange | None:
        """Mark the current unit done as it is (no theme if it has none) unless it already is."""
        unit = self.current_unit
        if unit is None or is_done(self.state_of(unit)):
            return None
        return self._record(
            self.store.set_themes(unit.id, self.annotator, self.state_of(unit).themes)
        )

    def skip(self) -> LabelChange | None:
        """Leave the current unit for later: status skipped, themes kept."""
        unit = self.current_unit
        if unit is None or self.state_of(unit).status == "skipped":
            return None
        return self._record(self.store.set_status(unit.id, self.annotator, "skipped"))

    def _record(self, change: LabelChange) -> LabelChange:
        assert self.article is not None
        self._undo.append(UndoEntry(self.article.id, self.index, change))
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self._show_state(change)
        return change

    def _show_state(self, change: LabelChange) -> None:
        self.states[change.unit_id] = change.after
        delta = is_done(change.after) - is_done(change.before)
        if self._overall is not None:
            self._overall[0] += delta
        else:
            self._uncounted += delta
        self._end_offered = False
        index = next((i for i, u in enumerate(self.units) if u.id == change.unit_id), None)
        self._emit(Change.UNIT_STATE, index)

    # -- undo -----------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> LabelChange | None:
        """Put back the state before the last change, going to its article and unit first."""
        if not self._undo:
            return None
        entry = self._undo.pop()
        self._go_to(entry)
        change = self.store.apply_state(
            entry.change.unit_id, self.annotator, entry.change.before, "undo"
        )
        self._redo.append(entry)
        self._show_state(change)
        return change

    def redo(self) -> LabelChange | None:
        if not self._redo:
            return None
        entry = self._redo.pop()
        self._go_to(entry)
        change = self.store.apply_state(
            entry.change.unit_id, self.annotator, entry.change.after, "redo"
        )
        self._undo.append(entry)
        self._show_state(change)
        return change

    def _go_to(self, entry: UndoEntry) -> None:
        if self.article_id != entry.article_id:
            self.open_article(entry.article_id, entry.unit_index)
        else:
            self.go_to_unit(entry.unit_index)

    # -- notes ----------------------------------------------------------------------------

    def note(self) -> str:
        unit = self.current_unit
        return self.store.note(unit.id, self.annotator) if unit else ""

    def set_note(self, text: str, unit_id: int | None = None) -> None:
        """Save the note of the current unit (or of the unit the note field was showing)."""
        if unit_id is None:
            unit_id = self.current_unit.id if self.current_unit else None
        if unit_id is not None:
            self.store.set_note(unit_id, self.annotator, text)
