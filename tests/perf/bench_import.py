"""Import speed: the whole CLI process against raw sqlite3.executemany of the same rows.

Usage: python tests/perf/bench_import.py [--quick] [--articles N]
Prints figures; the target is ≥ 50,000 sentences per second end to end.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.perf.corpus import make_articles, write_text_files

TARGET_PER_SECOND = 50_000


def time_cli_import(folder: Path, db: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(folder), "--quiet"],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"import failed:\n{result.stdout}\n{result.stderr}")
    return elapsed, result.stdout.strip()


def time_raw_executemany(db: Path, db_from_cli: Path) -> float:
    """Insert the very rows the CLI stored (units with offsets) with plain sqlite3, one transaction."""
    rows = (
        sqlite3.connect(db_from_cli)
        .execute('SELECT article_id, idx, kind, start, "end", text FROM units')
        .fetchall()
    )
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE units (id INTEGER PRIMARY KEY, article_id INTEGER, idx INTEGER,"
        ' kind TEXT, start INTEGER, "end" INTEGER, text TEXT)'
    )
    start = time.perf_counter()
    with conn:
        conn.executemany(
            'INSERT INTO units (article_id, idx, kind, start, "end", text)'
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def count_units(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    sentences = conn.execute("SELECT COUNT(*) FROM units WHERE kind = 'sentence'").fetchone()[0]
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return articles, sentences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size, for CI")
    parser.add_argument("--articles", type=int, help="number of 30-sentence articles")
    parser.add_argument("--strict", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args()
    count = args.articles or (340 if args.quick else 3_340)
    work = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    try:
        write_text_files(work / "articles", make_articles(count))
        cli_seconds, summary = time_cli_import(work / "articles", work / "project.annotator")
        articles, sentences = count_units(work / "project.annotator")
        raw_seconds = time_raw_executemany(work / "raw.sqlite", work / "project.annotator")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rate = sentences / cli_seconds
    # The target is for 100,000 sentences; a tenth of that is dominated by process start-up.
    verdict = (
        ("PASS" if rate >= TARGET_PER_SECOND else "FAIL")
        if not args.quick
        else "n/a at --quick size"
    )
    print(f"CLI import: {articles} articles, {sentences} sentences from {count} .txt files")
    print(
        f"  whole process:          {cli_seconds:8.2f} s  = {rate:,.0f} sentences/s "
        f"(target ≥ {TARGET_PER_SECOND:,} at 100,000)  {verdict}"
    )
    print(f"  raw sqlite3.executemany:{raw_seconds:8.2f} s  (same unit rows, one transaction)")
    print(f"  ratio CLI / raw:        {cli_seconds / raw_seconds:8.1f}x")
    print(f"  CLI said: {summary}")
    return 1 if args.strict and rate < TARGET_PER_SECOND else 0


if __name__ == "__main__":
    sys.exit(main())
