"""The dataset card's YAML header (Hugging Face convention): splits and declared features.

Declaring the features matters: without them each split's column types are guessed from its
own rows, and a column that happens to be empty in one split (a CSV `article_url`, say)
comes out as another type there, so the splits no longer load together.
"""

from __future__ import annotations

import json

from annotator.core.export.fields import FIELDS
from annotator.core.export.options import ExportOptions
from annotator.core.export.writers import csv_header, theme_columns

_INTEGERS = {"article_id": "int64", "sentence_index": "int32", "start": "int32", "end": "int32"}


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _scalar(name: str, dtype: str) -> list[str]:
    return [f"  - name: {name}", f"    dtype: {dtype}"]


def _struct(name: str, annotators: list[str], item: str, fmt: str) -> list[str]:
    if not annotators:  # no annotator yet: JSON has {} (an empty struct), Parquet a null column
        return (
            [f"  - name: {name}", "    struct: []"] if fmt == "jsonl" else _scalar(name, "'null'")
        )
    lines = [f"  - name: {name}", "    struct:"]
    for annotator in annotators:
        lines += [f"    - name: {_quoted(annotator)}", f"      {item}"]
    return lines


def _features(options: ExportOptions, annotators: list[str], keys: list[str]) -> list[str]:
    lines = ["  features:"]
    if options.format == "csv":  # every column is text or a number there
        flags = set(theme_columns(keys))
        for name in csv_header(keys):
            lines += _scalar(name, "int64" if name in flags else _INTEGERS.get(name, "string"))
        return lines
    for name in FIELDS:
        if name == "labels":
            lines += [f"  - name: {name}", "    list: string"]
        elif name == "annotations":
            lines += _struct(name, annotators, "list: string", options.format)
        elif name in ("annotator_status", "notes"):
            lines += _struct(name, annotators, "dtype: string", options.format)
        else:
            lines += _scalar(name, _INTEGERS.get(name, "string"))
    return lines


def front_matter(
    options: ExportOptions, split_names: list[str | None], annotators: list[str], keys: list[str]
) -> str:
    files = [(name or "train", options.data_path(name).name) for name in split_names]
    data_files = [f"  - split: {name}\n    path: {_quoted(path)}" for name, path in files]
    features = _features(options, annotators, keys)
    return "\n".join(
        [
            "---",
            "language:\n- ar",
            "task_categories:\n- text-classification",
            "task_ids:\n- multi-label-classification",
            "configs:\n- config_name: default\n  data_files:",
            *data_files,
            "dataset_info:",
            *features,
            "---",
        ]
    )
