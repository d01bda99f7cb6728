"""Suggestions in a real project, in the background process the window starts.

Usage: python tests/perf/bench_suggest_background.py [--quick] [--skip-score] [--strict]

1. Retraining: projects of 10,000 and 100,000 labelled sentences (bench_suggest's sentences,
   30 an article, labelled as their template says), cached in $TMPDIR/annotator-bench/. The
   SuggestionService is started on a copy and timed until it reports the saved model: a spawned
   process, reading the labels from SQLite, training, saving (targets 5 s and 60 s).
   Baseline in the same run: core.suggest.train on the same units in this process.
2. Scoring a project: a copy of bench_gui's 1,000,000-sentence project (SQLite's backup API);
   the service scores every sentence and writes them in batches (target 120 s). Reported: the
   batches written, the longest gap between them, and the rows stored at the end. Baseline:
   the same engine pass over the first 100,000 units in this process, scaled to the project.

--quick: 2,000 / 10,000 labels and the 100,000-sentence project, targets scaled.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.perf.bench_gui import cached_project  # noqa: E402
from tests.perf.bench_suggest import KEYS, labelled  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "annotator-bench"
TARGETS = {"retrain_10k": 5.0, "retrain_100k": 60.0, "score_1m": 120.0}
PER_ARTICLE = 30


def labelled_project(count: int) -> Path:
    """A project whose `count` sentences are all labelled by one annotator (built once)."""
    from annotator.core.document import PARAGRAPH_BREAK, content_hash
    from annotator.core.model import Article, ArticleDraft, Unit
    from annotator.storage.store import Store

    path = CACHE / f"suggest-labelled-{count}-v1.annotator"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    print(f"building {path.name} ({count:,} labelled sentences)…", flush=True)
    units = labelled(count, seed=1)
    with Store(partial) as store:
        for first in range(0, count, 300 * PER_ARTICLE):
            articles = []
            for start in range(first, min(first + 300 * PER_ARTICLE, count), PER_ARTICLE):
                chunk = units[start : start + PER_ARTICLE]
                text, pieces, offset = "", [], 0
                for unit in chunk:
                    pieces.append(Unit("sentence", unit.text, offset, offset + len(unit.text)))
                    offset += len(unit.text) + len(PARAGRAPH_BREAK)
                text = PARAGRAPH_BREAK.join(u.text for u in chunk)
                labels = {i: {"bench": sorted(u.labels)} for i, u in enumerate(chunk)}
                draft = ArticleDraft(
                    f"تقرير {start}", [], preset_units=pieces, preset_labels=labels
                )
                articles.append(Article(draft, text, pieces, content_hash(str(start), text)))
            store.articles.add(articles)
    partial.rename(path)
    return path


def copy_project(source: Path, folder: Path) -> Path:
    """A private copy through SQLite's backup API (others may have the cached file open)."""
    target = folder / source.name
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    reading.close()
    writing.close()
    return target


def wait_for(service, kind: str, started: float, events: list, timeout: float = 600) -> float:
    """Poll until an event of `kind` (a finished one for progress); seconds since `started`."""
    while time.perf_counter() - started < timeout:
        for event in service.poll():
            events.append((time.perf_counter() - started, event))
            if event["kind"] == "error":
                sys.exit(f"the worker failed: {event['text']}")
            if event["kind"] == kind and event.get("finished", True):
                return events[-1][0]
        time.sleep(0.01)
    sys.exit(f"no {kind!r} within {timeout} s")


def bench_retrain(count: int, folder: Path) -> float:
    """Cold: the window opens the project (process start, no model yet: trains). Warm: a
    retraining asked of the running process, as after new labels (the figure for the target)."""
    from annotator.app.suggestions.service import SuggestionService
    from annotator.core.suggest import default_lexicons, train

    path = copy_project(labelled_project(count), folder)
    units = labelled(count, seed=1)
    started = time.perf_counter()
    train(units, default_lexicons(), KEYS)
    baseline = time.perf_counter() - started
    service, events = SuggestionService(path), []
    started = time.perf_counter()
    service.start()
    try:
        cold = wait_for(service, "model", started, events)
        asked = time.perf_counter()
        service.retrain()
        warm = wait_for(service, "model", asked, events)
    finally:
        service.stop()
    model = events[-1][1]
    assert model["training_size"] == count, model["training_size"]
    print(f"  retrain on {count:>7,} labels in the background: {warm:6.2f} s "
          f"(the worker's training {model['seconds']:.2f} s; first model with the process's "
          f"start {cold:.2f} s; baseline train() in this process {baseline:.2f} s)")  # fmt: skip
    path.unlink()
    return warm


def bench_score(sentences: int, folder: Path) -> float:
    from annotator.app.suggestions.engine import SuggestionEngine
    from annotator.app.suggestions.service import SuggestionService
    from annotator.storage.store import Store

    path = copy_project(cached_project(sentences), folder)
    with Store(path) as store:
        units = store.conn.execute("SELECT COUNT(*) FROM units").fetchone()[0]
        engine = SuggestionEngine(store)  # baseline: the same work in this process, 100,000 units
        engine.ensure_model()
        started, done = time.perf_counter(), 0
        while done < 100_000 and (written := engine.suggest_next_batch()[0]):
            done += written
        baseline = (time.perf_counter() - started) * units / done
        store.conn.execute("DELETE FROM suggestions")
        store.conn.execute("DELETE FROM suggestion_models")
    service, events = SuggestionService(path), []
    started = time.perf_counter()
    service.start()
    try:
        seconds = wait_for(service, "progress", started, events)
    finally:
        service.stop()
    times = [t for t, e in events if e["kind"] == "written"]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    with Store(path) as store:
        stored = store.conn.execute("SELECT COUNT(*) FROM suggestions").fetchone()[0]
    print(f"  score {units:,} sentences: background {seconds:6.1f} s from the process's start, "
          f"{len(times)} batches written, longest gap {max(gaps, default=0):.2f} s, {stored:,} rows "
          f"stored (baseline: the same pass in this process, scaled from 100,000: {baseline:.1f} s)")  # fmt: skip
    assert stored == units, (stored, units)
    path.unlink()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-score", action="store_true", help="only the retraining figures")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    small, large, project = (
        (2_000, 10_000, 100_000) if options.quick else (10_000, 100_000, 1_000_000)
    )
    measured, scale = (
        {},
        {"retrain_10k": small / 1e4, "retrain_100k": large / 1e5, "score_1m": project / 1e6},
    )
    with tempfile.TemporaryDirectory(dir=CACHE if CACHE.exists() else None) as folder:
        measured["retrain_10k"] = bench_retrain(small, Path(folder))
        measured["retrain_100k"] = bench_retrain(large, Path(folder))
        if not options.skip_score:
            measured["score_1m"] = bench_score(project, Path(folder))
        shutil.rmtree(folder, ignore_errors=True)
    missed = []
    for name, seconds in measured.items():
        target = TARGETS[name] * scale[name]
        verdict = "ok" if seconds <= target else "MISSED"
        print(f"  target {name:<13} {seconds:7.2f} s <= {target:7.2f} s  {verdict}")
        missed += [name] if seconds > target else []
    return 1 if options.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
