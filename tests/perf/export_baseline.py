"""The floor an export is measured against: SQLite fetching the export's rows, nothing else."""

from __future__ import annotations

from pathlib import Path

from annotator.storage.export_queries import ARTICLES_SQL, ExportSnapshot


def read_rows_with_sqlite_only(db_path: str | Path) -> int:
    """Fetch the export's rows and do nothing else: the floor any export is measured against."""
    with ExportSnapshot(db_path) as snapshot:
        count = 0
        cursor = snapshot.conn.execute(*snapshot.units_query())
        while batch := cursor.fetchmany(10_000):
            count += len(batch)
        for _ in snapshot.conn.execute(ARTICLES_SQL):
            pass
        return count
