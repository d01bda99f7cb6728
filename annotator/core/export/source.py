"""What an export reads: plain rows handed over by the storage layer, which owns the SQL.

A unit row is the storage layer's cursor row as it comes, because at a million rows every
Python object made per row costs a measurable share of the time budget:

    (article_id, index, kind, start, end, text as UTF-8 bytes, statuses, labels, notes)

`statuses` and `labels` hold every annotator's status and themes of the unit, either packed
into two integers (when ExportSource.packing() gives the layout) or folded into strings,
"ID<US>STATUS<RS>..." and "ID<US>THEME<RS>...", with US and RS the ASCII separators below;
None when empty. core.export.judgements documents both and decodes them. `notes` is a JSON
object (annotator name -> note) as text, None when the unit has no note.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from annotator.core.export.judgements import Packing
from annotator.core.scheme import Theme

UnitRow = tuple  # (article_id, index, kind, start, end, text_utf8, statuses, labels, notes[,
#                   suggested, scores])
INDEX, KIND, START, END, TEXT, STATUS_FOLD, LABEL_FOLD, NOTES = range(1, 9)
SUGGESTED, SCORES = 9, 10  # with suggestions: the stored JSON texts (core.export.suggested)


@dataclass(frozen=True, slots=True)
class SourceArticle:
    id: int
    title: str
    text: str
    source: str
    url: str
    category: str
    date: str
    units: list[UnitRow]


@dataclass(frozen=True)
class ArticleWeight:
    """What the splitter balances: an article's size and its theme votes."""

    article_id: int
    units: int
    themes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class AnnotatorSummary:
    id: int
    name: str
    units_done: int
    labels: dict[str, int]  # theme key -> labels given


class ExportSource(Protocol):
    """A consistent, read-only view of one project (storage.export_queries.ExportSnapshot)."""

    def themes(self) -> list[Theme]: ...

    def annotators(self) -> list[AnnotatorSummary]: ...

    def unit_count(self) -> int: ...

    def packing(self) -> Packing | None: ...

    def article_weights(self, annotator: str | None) -> list[ArticleWeight]: ...

    def iter_articles(self) -> Iterator[SourceArticle]: ...

    def adjudications(self) -> dict[tuple[int, int], tuple[str, ...]]:
        """(article id, unit index) -> a lead's final themes, for --resolve adjudicated."""
        ...
