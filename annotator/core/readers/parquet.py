"""Parquet files, read with pyarrow: our own dataset exports come back whole (units, labels,
statuses, notes), other tables are read like JSON records (a text column and metadata).

pyarrow comes with the installer and the `export` extra; without it a Parquet file is refused
with the reason, like any other file that cannot be read. Row numbers stand for lines.
"""

from __future__ import annotations

from collections.abc import Mapping

from annotator.core.boilerplate import Boilerplate
from annotator.core.model import ArticleDraft, ReadError
from annotator.core.readers.tabular import drafts_from_records


def read_parquet(
    data: bytes, path: str, field_map: Mapping[str, str], boilerplate: Boilerplate
) -> list[ArticleDraft]:
    rows = _rows(data, path)
    records = [(number, row) for number, row in enumerate(rows, start=1)]
    drafts = drafts_from_records(records, path, field_map, boilerplate)
    for draft in drafts:
        draft.encoding = "utf-8"  # Parquet strings are UTF-8 by definition
    return drafts


def _rows(data: bytes, path: str) -> list[dict]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ReadError(
            path, "reading Parquet needs pyarrow (pip install 'annotator[export]')"
        ) from None
    try:
        # One thread: with pyarrow's pool, read_table leaves clean-up running after it returns,
        # and a process that exits soon after aborts ("terminate called without an active
        # exception", apache/arrow#33975 and #34314).
        return pq.read_table(pa.BufferReader(data), use_threads=False).to_pylist()
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ReadError(path, f"not a readable Parquet file ({error})") from None
