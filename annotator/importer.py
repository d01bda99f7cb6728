"""Import files into a project: read, segment, store; each file atomically (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.document import build_article, check_offsets
from annotator.core.model import Article, ArticleDraft, ReadError
from annotator.core.readers import ReadOptions, iter_source_files, read_file
from annotator.core.resources import seeds_dir
from annotator.storage.store import Store

Progress = Callable[[int, int, Path], None]  # files done, files total, current file


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
class ImportReport:
    files: int = 0
    articles: int = 0
    units: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures


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
        articles.append(article)
    return articles


def import_file(store: Store, path: Path, options: ReadOptions, report: ImportReport) -> None:
    try:
        drafts = read_file(path, options)
        articles = segment_drafts(path, drafts)
        counts = store.add_articles(articles)
    except ReadError as error:
        report.failures.append(Failure(error.path, error.reason, error.line))
        return
    except OSError as error:
        report.failures.append(Failure(str(path), error.strerror or str(error)))
        return
    report.warnings.extend(f"{path}: {w}" for d in drafts for w in d.warnings)
    report.articles += counts.articles
    report.units += counts.units
    report.duplicates += counts.duplicates


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Import files and folders; stops between files when `cancelled()` turns true."""
    options, report = options or ReadOptions(), ImportReport()
    files = _collect(paths, report)
    for done, path in enumerate(files):
        if cancelled():
            report.cancelled = True
            break
        if progress:
            progress(done, len(files), path)
        import_file(store, path, options, report)
        report.files += 1
    if progress and not report.cancelled:
        progress(len(files), len(files), Path())
    return report


def _collect(paths: Iterable[str | Path], report: ImportReport) -> list[Path]:
    files = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            report.failures.append(Failure(str(path), "no such file or folder"))
            continue
        files.extend(iter_source_files([path]))
    return files


def import_seeds(store: Store) -> ImportReport:
    """Give a new default project the bundled sample articles."""
    return import_paths(store, [seeds_dir()])
