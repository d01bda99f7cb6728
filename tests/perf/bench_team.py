"""Team work at size (issue 11): merging packages, agreement, and the disagreement review.

Usage: python tests/perf/bench_team.py [--quick]

1. Merge 20 packages of 10,000 labelled sentences each into a lead project of 200,000
   sentences (target <= 10 s in all). Baseline, same run: the same events copied with one
   plain INSERT ... SELECT through ATTACH (the floor any merge stands on).
2. Agreement on 100,000 sentences labelled by two annotators, 3 themes, read from the project:
   <= 1 s without the bootstrap, <= 10 s with 1,000 resamples.
3. Opening the disagreement review on that project <= 200 ms; each step <= 16 ms.
--quick runs a tenth of each size (CI).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from annotator.app.team.agreement import project_agreement
from annotator.app.team.assign import plan_assignment, record_assignment, write_packages
from annotator.app.team.merge import merge_project
from annotator.app.team.review import ReviewSession
from annotator.storage.clock import utc_now
from annotator.storage.labels import done_state
from annotator.storage.store import Store
from tests.perf.bench_gui import make_article

KEYS = ("military", "economic", "reconstruction")


def build_lead(path: Path, sentences: int, per_article: int = 30) -> None:
    rng = random.Random(5)
    with Store(path, device="lead") as store:
        store.articles.add(
            make_article(n, per_article, rng) for n in range(sentences // per_article)
        )


def label_package(path: Path, name: str, rng: random.Random) -> int:
    """Every sentence of the package, as its annotator, in one transaction."""
    with Store(path, device=f"{name}-pc") as store:
        who, now, count = store.annotators.ensure(name), utc_now(), 0
        with store.transaction():
            for article_id in store.articles.ids():
                for unit in store.articles.units(article_id)[1:]:
                    themes = [k for k in KEYS if rng.random() < 0.3]
                    store.labels.write(unit.id, who, done_state(themes), "set", now)
                    count += 1
    return count


def merge_figures(folder: Path, packages: int, per_package: int) -> tuple[float, float, int]:
    lead = folder / "lead.annotator"
    build_lead(lead, packages * per_package * 31 // 30)
    names = [f"annotator{n:02d}" for n in range(packages)]
    with Store(lead, device="lead") as store:
        record_assignment(store, plan_assignment(store, names, overlap=0.0, seed=1))
        paths = write_packages(store, names, folder / "packages")
    rng = random.Random(9)
    labels = sum(label_package(paths[n], n, rng) for n in names)
    floor = _floor(lead, folder, list(paths.values()))
    started = time.perf_counter()
    with Store(lead, device="lead") as store:
        for path in paths.values():
            merge_project(store, path)
    return time.perf_counter() - started, floor, labels


def _floor(lead: Path, folder: Path, packages: list[Path]) -> float:
    """Copy the packages' events into a copy of the lead with plain SQL, nothing else."""
    copy = folder / "floor.annotator"
    copy.write_bytes(lead.read_bytes())
    conn = sqlite3.connect(copy, isolation_level=None)
    started = time.perf_counter()
    for package in packages:
        conn.execute("ATTACH DATABASE ? AS p", (str(package),))
        conn.execute("BEGIN")
        conn.execute("INSERT INTO events (at, annotator_id, unit_id, action, before, after, uid,"
                     " device) SELECT at, 1, unit_id, action, before, after, uid, device"
                     " FROM p.events")  # fmt: skip
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE p")
    return time.perf_counter() - started


def doubly_labelled(path: Path, sentences: int) -> None:
    """Two annotators finish every sentence; they agree about 85% of the time."""
    build_lead(path, sentences * 31 // 30)
    rng = random.Random(3)
    with Store(path, device="lead") as store:
        ids = [store.annotators.ensure(n) for n in ("amal", "badr")]
        now = utc_now()
        with store.transaction():
            for article_id in store.articles.ids():
                for unit in store.articles.units(article_id)[1:]:
                    first = [k for k in KEYS if rng.random() < 0.3]
                    second = (
                        first if rng.random() < 0.85 else [k for k in KEYS if rng.random() < 0.3]
                    )
                    store.labels.put_state(unit.id, ids[0], done_state(first), now)
                    store.labels.put_state(unit.id, ids[1], done_state(second), now)


def agreement_and_review(path: Path) -> dict[str, float]:
    figures = {}
    with Store(path, device="lead") as store:
        started = time.perf_counter()
        report = project_agreement(store, resamples=0)
        figures["agreement, no bootstrap (s)"] = time.perf_counter() - started
        started = time.perf_counter()
        project_agreement(store, resamples=1000)
        figures["agreement, 1,000 resamples (s)"] = time.perf_counter() - started
        started = time.perf_counter()
        review = ReviewSession(store, "lead")
        review.current()
        figures["open the review (ms)"] = (time.perf_counter() - started) * 1000
        steps = []
        for _ in range(200):
            started = time.perf_counter()
            review.next()
            review.current()
            steps.append((time.perf_counter() - started) * 1000)
        figures["review step, slowest of 200 (ms)"] = max(steps)
        started = time.perf_counter()
        figures["disagreements"] = review.count()  # the window counts off its thread
        figures["count every disagreement (s)"] = time.perf_counter() - started
        figures["units compared"] = report.units
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes (CI)")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    with tempfile.TemporaryDirectory(prefix="annotator-team-") as folder:
        merged, floor, labels = merge_figures(Path(folder), 20 // (2 if args.quick else 1),
                                              10_000 // scale)  # fmt: skip
        project = Path(folder) / "agreement.annotator"
        doubly_labelled(project, 100_000 // scale)
        figures = agreement_and_review(project)
    print(f"merge: {labels:,} labels in packages; plain SQL copy of their events {floor:.2f} s")
    rows = [
        ("merge all packages (s)", merged, 10.0),
        ("agreement, no bootstrap (s)", figures["agreement, no bootstrap (s)"], 1.0),
        ("agreement, 1,000 resamples (s)", figures["agreement, 1,000 resamples (s)"], 10.0),
        ("open the review (ms)", figures["open the review (ms)"], 200.0),
        ("review step, slowest of 200 (ms)", figures["review step, slowest of 200 (ms)"], 16.0),
    ]
    print(f"agreement on {figures['units compared']:,} doubly-labelled sentences,"
          f" {figures['disagreements']:,} disagreements (counted in"
          f" {figures['count every disagreement (s)']:.2f} s, in the background)")  # fmt: skip
    for name, value, target in rows:
        verdict = "PASS" if value <= target else "FAIL"
        print(f"  {name:<36}{value:10.3f}   target <= {target:g}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
