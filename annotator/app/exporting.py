"""Exporting a dataset from a project: one path for the window and the command line.

The export reads one consistent snapshot on its own read-only connection (annotators can go
on labelling meanwhile) and writes through core.export, which owns the formats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.export import ExportOptions, ExportResult, export_dataset
from annotator.storage.export_queries import ExportSnapshot


def export_project(
    database: Path,
    options: ExportOptions,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chart=None,
) -> ExportResult:
    """Write the dataset `options` describe; raises ExportError, ExportCancelled or a
    StorageError, leaving nothing half-written."""
    with ExportSnapshot(database, with_suggestions=options.with_suggestions) as snapshot:
        return export_dataset(snapshot, options, progress, cancelled, chart)
