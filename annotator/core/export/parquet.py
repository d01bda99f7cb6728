"""Parquet through pyarrow: record batches streamed to one file, `labels` a real list column."""

from __future__ import annotations

import json
from array import array
from itertools import accumulate
from pathlib import Path

from annotator.core.export.fields import ARTICLE_FIELDS, FIELDS
from annotator.core.export.options import ExportError
from annotator.core.export.resolve import Resolved
from annotator.core.export.source import (
    END,
    INDEX,
    KIND,
    NOTES,
    SCORES,
    START,
    SUGGESTED,
    TEXT,
    SourceArticle,
    UnitRow,
)
from annotator.core.export.suggested import SUGGESTION_FIELDS, SuggestionDecoder

BATCH_ROWS = 25_000  # rows per record batch (and row group): ~10 MB of Arrow data at a time


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow ships with the export extra
        raise ExportError("Parquet export needs pyarrow: pip install 'annotator[export]'") from None
    return pa, pq


def parquet_schema(annotators: list[str], suggestion_keys: tuple[str, ...] | None = None):
    """Column types; `annotations` is a struct with one field per annotator (null: not touched).
    With suggestion keys, `suggested` (list) and `scores` (a struct of one double per theme).

    A struct rather than a map because Hugging Face `datasets` cannot load Arrow maps; JSONL
    readers infer the same struct from the JSON objects. With no annotator yet, null columns.
    """
    pa, _ = _pyarrow()
    text, keys = pa.string(), pa.list_(pa.string())
    types = {
        "article_id": pa.int64(),
        "sentence_index": pa.int32(),
        "start": pa.int32(),
        "end": pa.int32(),
        "labels": keys,
        "annotations": pa.struct([(n, keys) for n in annotators]) if annotators else pa.null(),
        "annotator_status": pa.struct([(n, text) for n in annotators]) if annotators else pa.null(),
        "notes": pa.struct([(n, text) for n in annotators]) if annotators else pa.null(),
    }
    names = FIELDS
    if suggestion_keys is not None:
        names += SUGGESTION_FIELDS
        types["suggested"] = keys
        scores = [(k, pa.float64()) for k in suggestion_keys]
        types["scores"] = pa.struct(scores) if scores else pa.null()
    return pa.schema([(name, types.get(name, text)) for name in names])


# Columns that repeat within a batch: handed over as dictionary arrays (values once, an index
# per row), which Parquet stores as its own dictionary encoding. Readers still see plain strings
# because the Arrow schema is not stored in the file (store_schema=False).
_DICTIONARY_COLUMNS = (*ARTICLE_FIELDS[1:], "status")


class ParquetWriter:
    """Collects one batch of rows as plain lists, then hands pyarrow whole columns.

    Article and label fields repeat across rows, so a batch holds them once per article / per
    label combination: as dictionary arrays (strings) or expanded with `take` (in C++).
    """

    def __init__(self, path: Path, annotators: list[str], decode: SuggestionDecoder | None = None):
        self._pa, pq = _pyarrow()
        self._decode = decode
        self._schema = parquet_schema(annotators, decode.keys if decode else None)
        self._batch_schema = self._pa.schema(
            [
                field.with_type(self._pa.dictionary(self._pa.int32(), field.type))
                if field.name in _DICTIONARY_COLUMNS
                else field
                for field in self._schema
            ]
        )
        self._writer = pq.ParquetWriter(
            path,
            self._batch_schema,
            # zstd at level 1: half the size of snappy for the same time, measured on our rows.
            compression="zstd",
            compression_level=1,
            # Min/max of unique sentences help no reader and cost 15% of the encoding time.
            write_statistics=[name for name in FIELDS if name != "text"],  # not suggestions
            store_schema=False,
        )
        self._articles: list[dict] = []
        self._reset()

    def _reset(self) -> None:
        # The article being written stays: its next rows belong to the next batch.
        self._articles = self._articles[-1:]
        self._article: list[int] = []  # per row: its article's place in self._articles
        self._index: list[int] = []
        self._kind: list[str] = []
        self._text: list[bytes] = []
        self._start: list[int] = []
        self._end: list[int] = []
        self._resolved: list[Resolved] = []
        self._suggested: list[list[str] | None] = []
        self._scores: list[dict | None] = []
        self._notes: list[tuple[int, str]] = []  # (row in the batch, notes JSON): few rows

    def start_article(self, article: SourceArticle, fields: dict) -> None:
        self._articles.append(fields)

    def write(self, row: UnitRow, resolved: Resolved) -> None:
        self._article.append(len(self._articles) - 1)
        self._index.append(row[INDEX])
        self._kind.append(row[KIND])
        self._text.append(row[TEXT])
        self._start.append(row[START])
        self._end.append(row[END])
        self._resolved.append(resolved)
        if self._decode is not None:
            suggested, scores = self._decode(row[SUGGESTED], row[SCORES])
            self._suggested.append(suggested)
            self._scores.append(scores)
        if row[NOTES]:
            self._notes.append((len(self._index) - 1, row[NOTES]))
        if len(self._index) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._index:
            columns = {**self._unit_columns(), **self._article_columns(), **self._label_columns()}
            if self._decode is not None:
                columns["suggested"] = self._column("suggested", self._suggested)
                columns["scores"] = self._column("scores", self._scores)
            columns["notes"] = self._notes_column()
            arrays = [columns[field.name] for field in self._batch_schema]
            batch = self._pa.RecordBatch.from_arrays(arrays, schema=self._batch_schema)
            self._writer.write_batch(batch)
        self._reset()

    def _unit_columns(self) -> dict:
        pa = self._pa
        return {
            "sentence_index": pa.array(self._index, pa.int32()),
            "kind": pa.array(self._kind, pa.string()),
            "text": _utf8_column(pa, self._text),
            "start": pa.array(self._start, pa.int32()),
            "end": pa.array(self._end, pa.int32()),
        }

    def _article_columns(self) -> dict:
        pa = self._pa
        which = pa.array(self._article, pa.int32())
        columns = {"article_id": pa.array([a["article_id"] for a in self._articles]).take(which)}
        for name in ARTICLE_FIELDS[1:]:
            values = pa.array([a[name] for a in self._articles], pa.string())
            columns[name] = pa.DictionaryArray.from_arrays(which, values)
        return columns

    def _label_columns(self) -> dict:
        pa, rows = self._pa, self._resolved
        distinct = {id(r): r for r in rows}  # the row list keeps every object alive: ids hold
        position = {key: i for i, key in enumerate(distinct)}
        which = pa.array(list(map(position.__getitem__, map(id, rows))), pa.int32())
        values = list(distinct.values())
        status = pa.array([r.status for r in values], pa.string())
        return {
            "labels": self._column("labels", [r.labels for r in values]).take(which),
            "status": pa.DictionaryArray.from_arrays(which, status),
            "annotations": self._column("annotations", [r.annotations for r in values]).take(which),
            "annotator_status": self._column(
                "annotator_status", [r.annotator_status for r in values]
            ).take(which),
        }

    def _notes_column(self):
        """A struct of one string per annotator; rows without notes are all nulls (built
        column by column: making a dict per row would cost a second per million rows)."""
        pa, kind, rows = self._pa, self._schema.field("notes").type, len(self._index)
        if kind == pa.null():
            return pa.nulls(rows)
        by_name = {field.name: [None] * rows for field in kind}
        for position, text in self._notes:
            for name, note in json.loads(text).items():
                by_name[name][position] = note
        children = [pa.array(by_name[field.name], pa.string()) for field in kind]
        return pa.StructArray.from_arrays(children, fields=list(kind))

    def _column(self, name: str, values: list):
        kind = self._schema.field(name).type
        if kind == self._pa.null():
            return self._pa.nulls(len(values))
        return self._pa.array(values, kind)

    def close(self) -> None:
        self._flush()
        self._writer.close()


def _utf8_column(pa, texts: list[bytes]):
    """A string column straight from UTF-8 bytes: one join and the offsets, checked as UTF-8."""
    offsets = array("i", accumulate(map(len, texts), initial=0))
    column = pa.Array.from_buffers(
        pa.string(), len(texts), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(texts))]
    )
    column.validate(full=True)  # SQLite keeps whatever bytes it was given; Parquet needs UTF-8
    return column
