"""Export speed and memory: 1,000,000 labelled sentences to JSONL and Parquet.

Usage: python tests/perf/bench_export.py [--rows N] [--quick] [--workdir DIR] [--strict]

Builds a labelled project (schema and triggers from Store; rows by bulk executemany, since a
million Store.set_themes calls would measure the labelling path, not the export), then times:
sqlite3 alone reading the export's rows, and `annotator export` to JSONL and to Parquet, each
in its own process so that peak resident memory (VmHWM) is the export's own.
Targets: each export <= 10 s and <= 300 MB resident at 1,000,000 rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from annotator.core.document import content_hash
from annotator.storage.store import Store
from tests.perf.corpus import make_articles

TARGET_SECONDS = 10.0
TARGET_RSS_MB = 300.0
UNITS_PER_ARTICLE = 40  # a title and 39 sentences
ANNOTATORS = ["سارة", "omar", "ليلى"]
THEMES = ["military", "economic", "reconstruction"]


def _article_rows(count: int, seed: int):
    """(title, text, units) per article, offsets exact; sentences reuse the perf corpus."""
    pool = make_articles(200, UNITS_PER_ARTICLE - 1, seed=seed)
    rng = random.Random(seed)
    for i in range(count):
        title, sentences = pool[i % len(pool)]
        title = f"{title} ({i + 1})"
        sentences = rng.sample(sentences, len(sentences))
        units, text = [("title", 0, len(title), title)], title
        for n, sentence in enumerate(sentences):
            text += "\n\n" if n % 5 == 0 else " "
            units.append(("sentence", len(text), len(text) + len(sentence), sentence))
            text += sentence
        yield title, text, units


def _judgements(rng: random.Random) -> list[tuple[str, tuple[str, ...]]]:
    """Three annotators who mostly agree: a hidden truth, each copies it with probability 0.8."""
    truth = tuple(t for t in THEMES if rng.random() < 0.25)
    result = []
    for _ in ANNOTATORS:
        roll = rng.random()
        if roll < 0.05:
            result.append(("not_seen", ()))
        elif roll < 0.08:
            result.append(("skipped", ()))
        else:
            themes = truth if rng.random() < 0.8 else tuple(t for t in THEMES if rng.random() < 0.2)
            result.append(("done_with_themes" if themes else "done_no_theme", themes))
    return result


def build_project(path: Path, rows: int, seed: int = 11) -> None:
    Store(path).close()  # the real schema, migrations, triggers and default themes
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    rng, now = random.Random(seed), "2026-01-01T00:00:00.000+00:00"
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO annotators (id, name, created_at) VALUES (?, ?, ?)",
        [(i + 1, name, now) for i, name in enumerate(ANNOTATORS)],
    )
    unit_id = 0
    for article_id, (title, text, units) in enumerate(
        _article_rows(-(-rows // UNITS_PER_ARTICLE), seed), start=1
    ):
        units = units[: rows - unit_id]
        conn.execute(
            "INSERT INTO articles (id, title, text, source, category, date, content_hash,"
            " unit_count, imported_at) VALUES (?, ?, ?, 'bench.jsonl', 'دولي', '2026-01-15', ?, ?, ?)",
            (article_id, title, text, content_hash(title, text), len(units), now),
        )
        ids = range(unit_id + 1, unit_id + 1 + len(units))
        conn.executemany(
            'INSERT INTO units (id, article_id, idx, kind, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(i, article_id, n, *u) for n, (i, u) in enumerate(zip(ids, units, strict=True))],
        )
        _insert_labels(conn, ids, rng, now)
        unit_id += len(units)
    conn.execute("COMMIT")
    conn.close()


def _insert_labels(conn: sqlite3.Connection, unit_ids: range, rng: random.Random, now: str):
    statuses, labels = [], []
    for unit in unit_ids:
        for annotator_id, (status, themes) in enumerate(_judgements(rng), start=1):
            if status != "not_seen":
                statuses.append((unit, annotator_id, status, now))
            labels.extend((unit, annotator_id, key, now) for key in themes)
    conn.executemany(
        "INSERT INTO unit_status (unit_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?)",
        statuses,
    )
    conn.executemany(
        "INSERT INTO labels (unit_id, annotator_id, theme_key, created_at) VALUES (?, ?, ?, ?)",
        labels,
    )


# -- measuring ----------------------------------------------------------------------------

BUILDER_VERSION = 1  # bump when build_project changes, so cached projects are rebuilt


def project_for(rows: int, workdir: Path) -> Path:
    """A labelled project of `rows` units, built once and reused from the work folder."""
    path = workdir / f"bench-{rows}-v{BUILDER_VERSION}.annotator"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        for leftover in workdir.glob(f"{partial.name}*"):
            leftover.unlink()
        build_project(partial, rows)
        partial.rename(path)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def _child(mode: str, db: str, *args: str) -> None:
    """Run in a fresh process: one measured job, then its wall time and peak memory as JSON."""
    started = time.perf_counter()
    if mode == "sqlite":
        from tests.perf.export_baseline import read_rows_with_sqlite_only

        count = read_rows_with_sqlite_only(db)
    else:
        from annotator.main import main

        if main(["export", "--db", db, "--quiet", *args]) != 0:
            sys.exit(1)
        count = None
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0])
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": peak_kb / 1024,
                      "rows": count}))  # fmt: skip


def measure(mode: str, db: Path, *args: str) -> dict:
    """Wall time of the whole process (start-up and imports included) and its peak RSS.

    Each run starts from the same state: earlier outputs deleted and written back to disk, so
    no run pays for freeing or flushing another run's 760 MB.
    """
    command = [sys.executable, __file__, "--child", mode, str(db), *args]
    os.sync()
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{mode} failed:\n{result.stdout}\n{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {**figures, "wall": wall}


def _row(name: str, figures: dict, judge_time: bool | None) -> tuple[str, bool]:
    """A table line; judge_time None: figures only (no target for this one)."""
    time_ok = figures["wall"] <= TARGET_SECONDS or not judge_time
    memory_ok = figures["peak_mb"] <= TARGET_RSS_MB
    verdict = "PASS" if time_ok and memory_ok else "FAIL"
    target = f"<= {TARGET_SECONDS:.0f} s{'' if judge_time else ' at 1M'}, <= {TARGET_RSS_MB:.0f} MB"
    if judge_time is None:
        target, verdict = "no target", ""
    line = (
        f"  {name:<26}{figures['wall']:8.2f} s {figures['peak_mb']:8.0f} MB   ({target})  {verdict}"
    )
    return line, verdict != "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, help="labelled units (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="100,000 rows, for CI")
    parser.add_argument("--workdir", type=Path, help="where projects and exports go")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    rows = args.rows or (100_000 if args.quick else 1_000_000)
    workdir = args.workdir or Path(tempfile.gettempdir()) / "annotator-bench-export"
    workdir.mkdir(parents=True, exist_ok=True)
    db = project_for(rows, workdir)
    out = workdir / "out"
    shutil.rmtree(out, ignore_errors=True)
    floor = measure("sqlite", db)
    jsonl = measure("export", db, "--format", "jsonl", "--out", str(out / "data.jsonl"))
    parquet = measure("export", db, "--format", "parquet", "--out", str(out / "data.parquet"))
    split = measure("export", db, "--format", "jsonl", "--out", str(out / "split"),
                    "--split", "train=0.8,dev=0.1,test=0.1")  # fmt: skip
    judge = rows >= 1_000_000
    print(f"Export of {rows:,} labelled units (3 annotators, 3 themes), each in its own process:")
    print(f"  {'sqlite3 alone, same rows':<26}{floor['wall']:8.2f} s {floor['peak_mb']:8.0f} MB"
          f"   (read {floor['rows']:,} rows, nothing else)")  # fmt: skip
    results = [_row("JSONL", jsonl, judge), _row("Parquet", parquet, judge),
               _row("JSONL, 3 splits", split, None)]  # fmt: skip
    for line, _ in results:
        print(line)
    for name, figures in (("JSONL", jsonl), ("Parquet", parquet)):
        print(f"  {name} / sqlite3 alone: {figures['wall'] / floor['wall']:.2f}x, "
              f"{rows / figures['wall']:,.0f} rows/s")  # fmt: skip
    return 1 if args.strict and not all(ok for _, ok in results[:2]) else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(*sys.argv[2:])
    else:
        sys.exit(main())
