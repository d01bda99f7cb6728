"""Plain records the storage layer returns to the GUI and CLI."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source: str
    category: str
    date: str
    units: int
    done: int
    themes: tuple[str, ...] = ()  # theme keys used in this article (by the annotator asked about)
    url: str = ""


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    title: str
    text: str
    source: str
    url: str
    category: str
    date: str
    author: str
    original_id: str
    encoding: str
    extra: dict
    imported_at: str


@dataclass(frozen=True)
class UnitRecord:
    id: int
    article_id: int
    index: int
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class UnitState:
    """One annotator's view of one unit: its themes and status."""

    themes: tuple[str, ...] = ()
    status: str = "not_seen"

    def as_json(self) -> dict:
        return {"themes": list(self.themes), "status": self.status}


@dataclass(frozen=True)
class NoteRecord:
    """One annotator's note on one unit, with where the unit is."""

    article_id: int
    article_title: str
    unit_index: int
    unit_text: str
    annotator: str
    text: str
    updated_at: str


@dataclass(frozen=True)
class LabelChange:
    unit_id: int
    before: UnitState
    after: UnitState


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    annotator: str
    unit_id: int
    action: str
    before: dict
    after: dict
    uid: str = ""  # UUIDv7: the event clock
    device: str = ""  # the installation that made it


@dataclass
class ImportCounts:
    articles: int = 0
    units: int = 0
    duplicates: int = 0
    duplicate_titles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SavedModel:
    """A suggestion model as stored (`data`: core.suggest.serialize bytes, None if not read)."""

    id: int
    created_at: str
    format: int
    labels: int  # training size: labelled units it learned from
    last_event_id: int  # the newest event when its training data was read
    info: dict = field(default_factory=dict)
    data: bytes | None = None


@dataclass(frozen=True)
class StoredSuggestion:
    themes: tuple[str, ...]  # suggested theme keys
    scores: dict[str, float]  # theme key -> probability
    model_id: int | None = None


@dataclass(frozen=True)
class TrainingRow:
    """A unit as someone marked it done (or as adjudicated), for training suggestions."""

    unit_id: int
    article_id: int
    text: str
    themes: tuple[str, ...]
