"""Plain data passed between readers, the segmenter, storage and the views."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

BlockKind = Literal["heading", "paragraph"]
UnitKind = Literal["title", "heading", "sentence"]


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of an article body, in logical order."""

    kind: BlockKind
    text: str


@dataclass
class ArticleDraft:
    """What a reader yields: one article before segmentation."""

    title: str
    blocks: list[Block]
    source: str = ""  # file path or URL the article came from
    url: str = ""
    category: str = ""
    date: str = ""
    author: str = ""
    original_id: str = ""
    encoding: str = ""  # the detected/declared encoding of the source file
    line: int | None = None  # line (1-based) of the record in its file, for messages
    extra: dict = field(default_factory=dict)  # other metadata fields, kept verbatim
    warnings: list[str] = field(default_factory=list)  # e.g. replaced bad bytes
    # True when every block is already text.clean_text output (single-line for headings):
    # build_article then skips cleaning it a second time, a fifth of an import's parsing time.
    cleaned: bool = False
    # Set only by readers of already-segmented data (an exported dataset): the units
    # and per-annotator labels are taken as they are instead of segmenting again.
    preset_units: list[Unit] | None = None
    preset_labels: dict[int, dict[str, list[str]]] | None = (
        None  # unit index -> annotator -> themes
    )
    preset_status: dict[int, dict[str, str]] | None = None  # unit index -> annotator -> status
    preset_notes: dict[int, dict[str, str]] | None = None  # unit index -> annotator -> note


class Unit(NamedTuple):
    """A labelled unit: the title, a heading or a sentence, with code-point offsets.

    A named tuple, not a dataclass: an import creates and ships between processes one per
    sentence, and tuples are several times cheaper to build and to pickle.
    """

    kind: UnitKind
    text: str
    start: int
    end: int


@dataclass
class Article:
    """A segmented article ready to store: clean text plus its units."""

    draft: ArticleDraft
    text: str
    units: list[Unit]
    content_hash: str


class ReadError(Exception):
    """A source file (or one record in it) that cannot be imported."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")
