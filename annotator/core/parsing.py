"""Read and segment one source file: the work an import spreads over worker processes.

Kept in core (no storage, no Qt) so that worker processes import only what they need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.document import build_article, check_offsets
from annotator.core.model import Article, ArticleDraft, ReadError
from annotator.core.readers import ReadOptions, read_file


@dataclass
class Failure:
    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.reason}"
            if self.line
            else f"{self.path}: {self.reason}"
        )


@dataclass
class ParsedFile:
    """One file read and segmented, or the reason it cannot be imported."""

    path: Path
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failure: Failure | None = None

    @property
    def units(self) -> int:
        return sum(len(a.units) for a in self.articles)


def segment_drafts(path: Path, drafts: Iterable[ArticleDraft]) -> list[Article]:
    """Segment every draft of one file; any failure rejects the whole file."""
    articles = []
    for draft in drafts:
        try:
            article = build_article(draft)
            check_offsets(article.text, article.units)
        except ValueError as error:
            raise ReadError(str(path), f"cannot segment: {error}", draft.line) from error
        if not any(u.kind != "title" for u in article.units):
            raise ReadError(str(path), "no article text found", draft.line)
        draft.blocks = []  # no longer needed: don't ship them between processes
        articles.append(article)
    return articles


def parse_file(path: Path, options: ReadOptions) -> ParsedFile:
    """Read and segment one file (runs in a worker process for large imports)."""
    try:
        drafts = read_file(path, options)
        articles = segment_drafts(path, drafts)
    except ReadError as error:
        return ParsedFile(path, failure=Failure(error.path, error.reason, error.line))
    except OSError as error:
        return ParsedFile(path, failure=Failure(str(path), error.strerror or str(error)))
    return ParsedFile(path, articles, [f"{path}: {w}" for d in drafts for w in d.warnings])
