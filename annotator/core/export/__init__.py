"""Dataset export: records, label resolution, splits, writers and the dataset card (no SQL here).

The storage layer supplies an ExportSource (storage.export_queries.ExportSnapshot); the CLI
and the GUI call export_dataset with it.
"""

from annotator.core.export.options import (
    DEFAULT_SPLIT,
    FORMATS,
    RESOLVE_RULES,
    ExportCancelled,
    ExportError,
    ExportOptions,
    Split,
    format_for,
    parse_splits,
)
from annotator.core.export.runner import ExportResult, export_dataset
from annotator.core.export.stats import SplitFigures, worst_deviation

__all__ = [
    "DEFAULT_SPLIT",
    "FORMATS",
    "RESOLVE_RULES",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "Split",
    "SplitFigures",
    "export_dataset",
    "format_for",
    "parse_splits",
    "worst_deviation",
]
