"""The annotation session: what the annotator is looking at and what they did (no Qt here).

Views are humble: they call intention-level methods here and redraw from the events this
object publishes. Every label change is committed by the Store before an event goes out,
so what the screen shows is always what is on disk.
"""

from __future__ import annotations

from annotator.app.navigation import Move, neighbour_article, next_not_seen
from annotator.app.session_events import Change, Listener, SessionEvent
from annotator.app.session_notes import NotesMixin
from annotator.app.session_removal import RemovalMixin
from annotator.app.suggestions.session_suggestions import SessionSuggestions, SuggestionMixin
from annotator.app.undo import RemovalEntry, UndoEntry, UndoStack
from annotator.core.scheme import Theme
from annotator.core.status import is_done
from annotator.storage.rows import ArticleRecord, LabelChange, UnitRecord, UnitState
from annotator.storage.store import Store


class AnnotationSession(NotesMixin, RemovalMixin, SuggestionMixin):
    """One annotator working through one project."""

    def __init__(self, store: Store, annotator: str):
        self.store = store
        self.annotator = annotator.strip()
        store.annotators.ensure(self.annotator)
        self.article: ArticleRecord | None = None
        self.units: list[UnitRecord] = []
        self.states: dict[int, UnitState] = {}  # unit id -> this annotator's state
        self.notes: dict[int, str] = {}  # unit id -> this annotator's note
        self.index = 0
        self.themes: list[Theme] = []  # the scheme's themes in use, in order
        self.all_themes: list[Theme] = []  # retired ones too: labels may still carry them
        self._read_themes()
        self.undo_stack = UndoStack()
        self._listeners: list[Listener] = []
        self._end_offered = False
        self._article_ids: list[int] | None = None
        self._overall: list[int] | None = None  # [done, total] units for this annotator
        self.suggestions = SessionSuggestions(self)  # subscribed first: read before views draw

    # -- observers --------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, change: Change, unit_index: int | None = None) -> None:
        event = SessionEvent(change, unit_index)
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
        return sum(1 for u in self.units if is_done(self.state_of(u).status)), len(self.units)

    def themes_used(self) -> tuple[str, ...]:
        """Keys of the themes given to some unit of the open article, in scheme order."""
        used = {key for state in self.states.values() for key in state.themes}
        return tuple(t.key for t in self.all_themes if t.key in used)

    def overall_progress(self) -> tuple[int, int]:
        """Units done by this annotator in the whole project, and the project's unit count.

        Read from the store's counters (milliseconds at 1M sentences) when an article opens,
        so work done in another window shows up; kept up to date by this session's changes.
        """
        if self._overall is None:
            self._overall = list(self.store.figures.progress(self.annotator))
        return self._overall[0], self._overall[1]

    def article_ids(self) -> list[int]:
        if self._article_ids is None:
            self._article_ids = self.store.articles.ids()
        return self._article_ids

    def articles_changed(self) -> None:
        """Call after an import: the article order is read again when next needed."""
        self._article_ids = None
        self._overall = None

    # -- opening and resuming ---------------------------------------------------------------

    def resume(self) -> bool:
        """Open where this annotator stopped last time, else the first article."""
        position = self.store.positions.get(self.annotator)
        if position and self.open_article(position[0], position[1]):
            return True
        ids = self.article_ids()
        return bool(ids) and self.open_article(ids[0])

    def open_article(self, article_id: int, unit_index: int = 0) -> bool:
        article = self.store.articles.get(article_id)
        if article is None:
            return False
        self.article = article
        self.units = self.store.articles.units(article_id)
        self.states = self.store.labels.annotator_states(article_id, self.annotator)
        self._read_notes(article_id)
        self.index = max(0, min(unit_index, len(self.units) - 1))
        self._end_offered = False
        self._overall = None
        self._save_position()
        self._emit(Change.ARTICLE, self.index)
        return True

    def _read_themes(self) -> None:
        self.all_themes = self.store.themes.list(include_retired=True)
        self.themes = [t for t in self.all_themes if not t.retired]

    def reload_themes(self) -> None:
        self._read_themes()
        if self.article is not None:
            self.states = self.store.labels.annotator_states(self.article.id, self.annotator)
        self._emit(Change.THEMES)

    def _save_position(self) -> None:
        if self.article is not None:
            self.store.positions.save(self.annotator, self.article.id, self.index)

    # -- moving ---------------------------------------------------------------------------

    def go_to_unit(self, index: int) -> Move:
        if not self.units or not 0 <= index < len(self.units):
            return Move.STAYED
        self._end_offered = False
        if index == self.index:
            return Move.STAYED
        self.index = index
        self._save_position()
        self._emit(Change.CURRENT_UNIT, index)
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

    def next_unfinished_unit(self) -> Move:
        """The next unit not yet done or skipped, wrapping round the article."""
        return self._go_to_not_seen(+1)

    def previous_unfinished_unit(self) -> Move:
        return self._go_to_not_seen(-1)

    def _go_to_not_seen(self, step: int) -> Move:
        statuses = [self.state_of(unit).status for unit in self.units]
        index = next_not_seen(statuses, self.index, step)
        return Move.STAYED if index is None else self.go_to_unit(index)

    def next_article(self) -> bool:
        neighbour = self._neighbour_article(+1)
        return neighbour is not None and self.open_article(neighbour)

    def previous_article(self) -> bool:
        neighbour = self._neighbour_article(-1)
        return neighbour is not None and self.open_article(neighbour)

    def _neighbour_article(self, step: int) -> int | None:
        return neighbour_article(self.article_ids(), self.article_id, step)

    # -- labelling ------------------------------------------------------------------------

    def theme_for_shortcut(self, digit: int) -> Theme | None:
        return next((t for t in self.themes if t.shortcut == digit), None)

    def toggle_theme(self, shortcut_digit: int) -> LabelChange | None:
        """Add or remove the theme with this shortcut; the unit counts as done either way."""
        theme = self.theme_for_shortcut(shortcut_digit)
        return self.toggle_theme_key(theme.key) if theme else None

    def toggle_theme_key(self, key: str) -> LabelChange | None:
        """Toggled against what the database holds, so another window's themes are kept."""
        unit = self.current_unit
        if unit is None:
            return None
        return self._record(self.store.labels.toggle_theme(unit.id, self.annotator, key))

    def mark_done_no_theme(self) -> LabelChange | None:
        unit = self.current_unit
        if unit is None:
            return None
        return self._record(self.store.labels.set_themes(unit.id, self.annotator, []))

    def confirm(self) -> LabelChange | None:
        """Mark the current unit done as it is (no theme if it has none) unless it already is."""
        unit = self.current_unit
        if unit is None or is_done(self.state_of(unit).status):
            return None
        return self._record(self.store.labels.mark_done(unit.id, self.annotator))

    def skip(self) -> LabelChange | None:
        """Leave the current unit for later: status skipped, themes kept."""
        unit = self.current_unit
        if unit is None or self.state_of(unit).status == "skipped":
            return None
        return self._record(self.store.labels.set_status(unit.id, self.annotator, "skipped"))

    def _record(self, change: LabelChange) -> LabelChange:
        assert self.article is not None
        self.undo_stack.record(UndoEntry(self.article.id, self.index, change))
        self._show_state(change)
        return change

    def _show_state(self, change: LabelChange) -> None:
        self.states[change.unit_id] = change.after
        if self._overall is not None:
            self._overall[0] += is_done(change.after.status) - is_done(change.before.status)
        self._end_offered = False
        index = next((i for i, u in enumerate(self.units) if u.id == change.unit_id), None)
        self._emit(Change.UNIT_STATE, index)

    # -- undo -----------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return self.undo_stack.can_undo()

    def can_redo(self) -> bool:
        return self.undo_stack.can_redo()

    def undo(self) -> LabelChange | RemovalEntry | None:
        """Put back the state before the last change, going to its article and unit first."""
        return self._replay(undo=True)

    def redo(self) -> LabelChange | RemovalEntry | None:
        return self._replay(undo=False)

    def _replay(self, undo: bool) -> LabelChange | RemovalEntry | None:
        stack = self.undo_stack
        entry = stack.next_undo() if undo else stack.next_redo()
        if entry is None:
            return None
        if isinstance(entry, RemovalEntry):
            return self._undo_removal(entry) if undo else self._redo_removal(entry)
        state = entry.change.before if undo else entry.change.after
        change = self._put_back(entry, state, "undo" if undo else "redo")
        if undo:
            stack.undone()
        else:
            stack.redone()
        self._show_state(change)
        return change

    def _put_back(self, entry: UndoEntry, state: UnitState, action: str) -> LabelChange:
        self._go_to(entry)
        return self.store.labels.apply_state(entry.change.unit_id, self.annotator, state, action)

    def _go_to(self, entry: UndoEntry) -> None:
        if self.article_id != entry.article_id:
            self.open_article(entry.article_id, entry.unit_index)
        else:
            self.go_to_unit(entry.unit_index)
