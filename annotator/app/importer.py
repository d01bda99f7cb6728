"""Import files into a project: read, segment, store; each file atomically (no Qt here).

Reading and segmenting run in worker processes for large batches (they are pure Python and
CPU-bound); the single writer inserts many files per transaction and falls back to one
transaction per file only when a batch fails, so each file still lands whole or not at all.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.app.import_pool import parse_in_workers
from annotator.core.parsing import Failure, ParsedFile, parse_file
from annotator.core.readers import ReadOptions, collect_source_files
from annotator.core.resources import seeds_dir
from annotator.storage.errors import StorageError
from annotator.storage.store import Store

Progress = Callable[[int, int, Path], None]  # files done, files total, current file

PARALLEL_MIN_FILES = 200  # below this, starting worker processes costs more than it saves
BATCH_UNITS = 20_000  # units per write transaction


@dataclass
class ImportReport:
    files: int = 0
    articles: int = 0
    units: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)  # left out of folders on purpose
    cancelled: bool = False
    stopped: StorageError | None = None  # a problem of the project itself ended the import

    @property
    def ok(self) -> bool:
        return not self.failures and self.stopped is None


def _worker_count(files: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cpus or 1, 4) if files >= PARALLEL_MIN_FILES else 1


def _process_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (a single-threaded process such as the CLI): the workers start
    with everything imported. The GUI imports from a thread, and forking a threaded Qt
    process is unsafe, so it gets spawn."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def parsed_files(files: list[Path], options: ReadOptions) -> Iterator[ParsedFile]:
    """Parsed files in input order, from worker processes when the batch is large."""
    workers = _worker_count(len(files))
    if workers == 1:
        yield from (parse_file(path, options) for path in files)
        return
    yield from parse_in_workers(files, options, workers, _process_context())


class _Writer:
    """Collects parsed files and writes them in batches, recording results in the report."""

    def __init__(self, store: Store, report: ImportReport):
        self.store, self.report = store, report
        self.pending: list[ParsedFile] = []
        self.pending_units = 0

    def add(self, parsed: ParsedFile) -> None:
        self.report.files += 1
        if parsed.failure:
            self.report.failures.append(parsed.failure)
            return
        self.pending.append(parsed)
        self.pending_units += parsed.units
        if self.pending_units >= BATCH_UNITS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        try:
            results = self.store.articles.add_files([p.articles for p in self.pending])
        except StorageError as error:  # disk full, damage, a lock: no later file can land
            self.report.stopped = error
            self.report.files -= len(self.pending)
            self.pending, self.pending_units = [], 0
            return
        for parsed, result in zip(self.pending, results, strict=True):
            if isinstance(result, Exception):
                self.report.failures.append(Failure(str(parsed.path), f"cannot store: {result}"))
                continue
            self.report.warnings.extend(parsed.warnings)
            self.report.articles += result.articles
            self.report.units += result.units
            self.report.duplicates += result.duplicates
        self.pending, self.pending_units = [], 0


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Import files and folders; stops between files when `cancelled()` turns true.

    Files already written when cancelled stay imported (each one whole); none is half-written.
    """
    options, report = options or ReadOptions(), ImportReport()
    files = _collect(paths, report)
    writer = _Writer(store, report)
    for done, parsed in enumerate(parsed_files(files, options)):
        if cancelled():
            report.cancelled = True
            break
        writer.add(parsed)
        if report.stopped:
            break
        if progress:
            progress(done + 1, len(files), parsed.path)
    writer.flush()
    return report


def _collect(paths: Iterable[str | Path], report: ImportReport) -> list[Path]:
    existing = []
    for raw in paths:
        path = Path(raw)
        if path.exists():
            existing.append(path)
        else:
            report.failures.append(Failure(str(path), "no such file or folder"))
    files, skipped = collect_source_files(existing)
    report.skipped.extend(Failure(str(s.path), s.reason) for s in skipped)
    return files


def import_seeds(store: Store) -> ImportReport:
    """Give a new default project the bundled sample articles."""
    return import_paths(store, [seeds_dir()])
