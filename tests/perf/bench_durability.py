"""Durability under load (issue 8), long: the multi-process soak with several seeds.

Usage: python tests/perf/bench_durability.py [--seeds 1,2,3,4,5] [--seconds 30] [--quick]

Each run: one labeller (the window's AnnotationSession) at full speed, three readers opening
and closing the project (`annotator stats` processes, export snapshots, Store open/close),
the labeller killed with SIGKILL at a random moment; then every committed label must be in
the project, integrity_check must be ok and the event log must agree with the labels. The
baseline, measured first in the same run, is the labeller alone: how much the readers slow
the writer down.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.durability.soak import run_soak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--quick", action="store_true", help="two seeds of 20 s (CI)")
    args = parser.parse_args()
    seeds = [1, 2] if args.quick else [int(s) for s in args.seeds.split(",")]
    seconds = 20.0 if args.quick else args.seconds
    with tempfile.TemporaryDirectory(prefix="annotator-soak-") as folder:
        baseline = run_soak(Path(folder), 0, min(seconds, 10.0), readers=False)
        results = [run_soak(Path(folder), seed, seconds) for seed in seeds]
    print(f"baseline: labeller alone {baseline.commits_per_second:,.0f} commits/s")
    print(
        f"{'seed':>5} {'seconds':>8} {'processes':>9} {'committed':>9} {'commits/s':>9}"
        f" {'kills':>5} {'lost':>5}  reader rounds"
    )
    for r in results:
        rounds = ", ".join(f"{k} {v}" for k, v in r.reader_rounds.items())
        print(
            f"{r.seed:>5} {r.seconds:>8.1f} {r.processes:>9} {r.committed:>9,}"
            f" {r.commits_per_second:>9,.0f} {r.kills:>5} {r.lost:>5}  {rounds}"
        )
    total = sum(r.committed for r in results)
    lost = sum(r.lost for r in results)
    slower = 1 - sum(r.commits_per_second for r in results) / len(results) / (
        baseline.commits_per_second
    )
    print(
        f"total: {total:,} labels committed, {len(results)} kills, {lost} lost (target 0);"
        f" readers cost the labeller {slower:.0%} of its speed"
    )
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
