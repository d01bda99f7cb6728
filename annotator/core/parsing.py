"""Read and segment one source file: the work an import spreads over worker processes.

Kept in core (no storage, no Qt) so that worker processes import only what they need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.document import build_article, check_offsets
from annotator.core.model import Article, ArticleDraft, ReadError
from annotator.core.names import printable_path
from annotator.core.readers import ReadOptions, read_file
from annotator.core.sanitize import sanitize_draft
from annotator.core.text import ARABIC_LETTER

MAX_METADATA_DEPTH = 100  # real metadata nests a few levels; JSON allows any depth
# An article must hold Arabic somewhere (English lines inside an Arabic article are fine):
# this is an Arabic labelling tool, and a file with none is almost always the wrong file.
NO_ARABIC = "no Arabic text (Annotator labels Arabic articles)"


@dataclass
class Failure:
    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        path = printable_path(self.path)  # a line break in a name cannot fake a report line
        return f"{path}:{self.line}: {self.reason}" if self.line else f"{path}: {self.reason}"


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
        if not ARABIC_LETTER.search(article.text):
            raise ReadError(str(path), NO_ARABIC, draft.line)
        draft.blocks = []  # no longer needed: don't ship them between processes
        articles.append(article)
    return articles


def parse_file(path: Path, options: ReadOptions) -> ParsedFile:
    """Read and segment one file (runs in a worker process for large imports).

    Never raises: whatever goes wrong with one file (a reader's bug included) becomes that
    file's failure, so that the rest of the batch is imported.
    """
    try:
        drafts = read_file(path, options)
        removed = [_sanitized(draft, path) for draft in drafts]
        articles = segment_drafts(path, drafts)
    except ReadError as error:
        return ParsedFile(path, failure=Failure(error.path, error.reason, error.line))
    except Exception as error:  # one file's problem, whatever it is, must not stop the batch
        return ParsedFile(path, failure=Failure(str(path), unexpected_reason(error)))
    warnings = [f"{printable_path(path)}: {w}" for d in drafts for w in d.warnings]
    return ParsedFile(path, articles, warnings + [note for note in removed if note])


def _sanitized(draft: ArticleDraft, path: Path) -> str | None:
    """Check and clean one draft; a warning (FILE:LINE: what) if characters were removed."""
    _check_nesting(draft, path)
    removed = sanitize_draft(draft)
    if removed is None:
        return None
    return f"{Failure(str(path), removed, draft.line)}"


def unexpected_reason(error: BaseException) -> str:
    """A reason for an error no reader anticipated, in words a person can act on."""
    if isinstance(error, RecursionError):
        return "nested too deeply to read (more than about 1,000 levels)"
    if isinstance(error, MemoryError):
        return "too large to read: not enough memory"
    if isinstance(error, OSError):
        return f"cannot read the file: {error.strerror or error}"
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return f"cannot read the file ({type(error).__name__}{': ' + detail if detail else ''})"


def _check_nesting(draft: ArticleDraft, path: Path) -> None:
    """Refuse metadata nested deeper than MAX_METADATA_DEPTH: storing it (JSON), or sending
    it between processes (pickle), would recurse that deep and fail far from its cause."""
    stack = [(value, 1) for value in draft.extra.values()]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_METADATA_DEPTH:
            reason = f"metadata nested more than {MAX_METADATA_DEPTH} levels deep"
            raise ReadError(str(path), reason, draft.line)
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
