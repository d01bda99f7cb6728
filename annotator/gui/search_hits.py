"""Search hits in the reader: the article search's words highlighted where they occur, and
F3 / Shift+F3 to go from one to the next, on into the next article the search found.

`SearchHits` keeps the hits of the open article (computed once per article and query, by
core/search_hits.py, the search's own matching); `SearchHitActions` is the window's part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.app.session import AnnotationSession
from annotator.core.search_hits import hit_spans, query_words
from annotator.gui.locale_format import number


@dataclass(frozen=True, order=True)
class Hit:
    unit: int  # index of the unit in the article
    start: int  # code-point offsets in the unit's text
    end: int


class SearchHits:
    """The open article's hits for the current search, and which one F3 went to."""

    def __init__(self) -> None:
        self.words: tuple[str, ...] = ()
        self.current: Hit | None = None
        self._key: tuple = ()
        self._hits: list[Hit] = []

    def set_query(self, query: str) -> None:
        words = query_words(query)
        if words != self.words:
            self.words, self.current = words, None

    def of(self, session: AnnotationSession) -> list[Hit]:
        """The hits in the session's article (recomputed when the article or query changed)."""
        key = (session.article_id, self.words, len(session.units))
        if key != self._key:
            self._key, self.current = key, None
            self._hits = [
                Hit(index, start, end)
                for index, unit in enumerate(session.units)
                for start, end in hit_spans(unit.text, self.words)
            ]
        return self._hits

    def step(self, session: AnnotationSession, step: int) -> Hit | None:
        """The next (1) or previous (-1) hit in this article after the current hit, or from
        the current sentence when F3 has not been pressed in it; None past the last."""
        hits = self.of(session)
        if self.current is not None and self.current.unit == session.index:
            here = self.current
        else:
            here = Hit(session.index, -1, -1) if step > 0 else Hit(session.index, 1 << 30, 0)
        ahead = [h for h in hits if (h > here if step > 0 else h < here)]
        if not ahead:
            return None
        self.current = ahead[0] if step > 0 else ahead[-1]
        return self.current

    def first(self, session: AnnotationSession, step: int) -> Hit | None:
        hits = self.of(session)
        self.current = (hits[0] if step > 0 else hits[-1]) if hits else None
        return self.current


class SearchHitActions:
    """Mixed into MainWindow: F3 / Shift+F3 and the hits' highlight in the reader."""

    def hit_handlers(self) -> dict[str, Callable[[], None]]:
        return {"next_hit": lambda: self.go_to_hit(+1), "previous_hit": lambda: self.go_to_hit(-1)}

    def on_query_applied(self, query: str) -> None:
        self.reader.hits.set_query(query)
        self.reader.refresh_highlight()

    def go_to_hit(self, step: int) -> None:
        """The next or previous hit; past the last one of the article, the first of the next
        article the search lists (round the list's end)."""
        hits, session = self.reader.hits, self.session
        if not hits.words:
            self.status.show_message(self.tr("Nothing searched: Ctrl+F searches the articles"))
            return
        hit = hits.step(session, step)
        if hit is None:
            neighbour = self.article_model.listed_neighbour(session.article_id, step)
            if neighbour is not None and neighbour != session.article_id:
                session.open_article(neighbour)
            hit = hits.first(session, step)
        if hit is None:
            self.status.show_message(self.tr("The search's words are not in this article"))
            return
        session.go_to_unit(hit.unit)
        self.reader.refresh_highlight(scroll=True)
        self.focus_reader()
        position = hits.of(session).index(hit) + 1
        self.status.show_message(
            self.tr("Match {number} of {total} in this article").format(
                number=number(position), total=number(len(hits.of(session)))
            )
        )
