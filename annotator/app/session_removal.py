"""Removing an article from the session, and undoing that (a mixin of AnnotationSession).

The store writes the whole article into the event log before it deletes it, and puts exactly
the same rows back on undo, so Ctrl+Z after a removal brings back the article with its units
and every annotator's labels, statuses and notes; label changes made before it can then be
undone too, since their units have their old ids again.
"""

from __future__ import annotations

from annotator.app.navigation import neighbour_article
from annotator.app.session_events import Change
from annotator.app.undo import RemovalEntry
from annotator.storage.removal import RemovedArticle


class RemovalMixin:
    """Needs the session's store, annotator, undo stack, article ids and events."""

    def remove_article(self, article_id: int) -> RemovedArticle:
        """Remove an article for everyone; the session moves on to its neighbour if it was open."""
        neighbour = self._neighbour_of(article_id)
        removed = self.store.removal.remove([article_id], self.annotator)[0]
        self.undo_stack.record(RemovalEntry(article_id, removed.title))
        self._after_removal(article_id, neighbour)
        return removed

    def _undo_removal(self, entry: RemovalEntry) -> RemovalEntry:
        self.store.removal.restore([entry.article_id], self.annotator)
        self.undo_stack.undone()
        self._articles_changed_event()
        self.open_article(entry.article_id)
        return entry

    def _redo_removal(self, entry: RemovalEntry) -> RemovalEntry:
        neighbour = self._neighbour_of(entry.article_id)
        self.store.removal.remove([entry.article_id], self.annotator)
        self.undo_stack.redone()
        self._after_removal(entry.article_id, neighbour)
        return entry

    def _neighbour_of(self, article_id: int) -> int | None:
        ids = self.article_ids()
        return neighbour_article(ids, article_id, +1) or neighbour_article(ids, article_id, -1)

    def _after_removal(self, article_id: int, neighbour: int | None) -> None:
        self._articles_changed_event()
        if self.article_id != article_id:
            return
        if neighbour is None or not self.open_article(neighbour):
            self.close_article()

    def _articles_changed_event(self) -> None:
        self.articles_changed()
        self._emit(Change.ARTICLES)

    def close_article(self) -> None:
        """Nothing open (the last article was removed)."""
        self.article, self.units, self.states, self.index = None, [], {}, 0
        self._emit(Change.ARTICLE)
