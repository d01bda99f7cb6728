"""Agreement speed: 100,000 doubly-labelled sentences with 3 themes, with and without bootstrap.

Usage: python tests/perf/bench_agreement.py [--units N] [--annotators K] [--resamples R]
                                            [--quick] [--strict] [--no-json]

Each unit is marked done by two annotators drawn from a team of K (default 6); each copies a
hidden truth with probability 0.9, otherwise labels at random, which gives alphas between
0.7 and 0.9 as in real projects. Times, in this process (median of several runs):
  - LabelMatrix.from_columns: building the input from query-shaped columns;
  - compute_agreement without bootstrap, and with R resamples (default 1,000);
and, as the same-run baseline, one plain numpy pass over the judgements (the least any
implementation must read) and the `krippendorff` package's alpha once per theme plus once with
the MASI distance (no bootstrap: at 1,000 resamples it would take 1,000 times as long).
Targets (issue 11): <= 1 s without the bootstrap, <= 10 s with it, at 100,000 units.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from annotator.core.agreement import (
    MISSING,
    LabelMatrix,
    compute_agreement,
    masi_distance,
)

THEMES = ("military", "economic", "reconstruction")
PREVALENCE = (0.30, 0.25, 0.10)  # share of sentences that truly have each theme; others 0.15
COPY_TRUTH = 0.9
TARGET_PLAIN, TARGET_BOOTSTRAP = 1.0, 10.0
PACKAGE_MEMORY = 4 << 30  # bytes the krippendorff package may take for its MASI alpha


def theme_keys(count: int) -> tuple[str, ...]:
    return THEMES[:count] + tuple(f"theme_{i + 1}" for i in range(len(THEMES), count))


def judgements(units: int, team: int, themes: int, raters: int, seed: int = 11):
    """(unit ids, annotator indices, masks): `raters` judgements per unit, as a query returns."""
    rng = np.random.default_rng(seed)
    prevalence = np.array((PREVALENCE + (0.15,) * themes)[:themes])
    bits = 1 << np.arange(themes)
    truth = (rng.random((units, themes)) < prevalence) @ bits
    who = np.argsort(rng.random((units, team)), axis=1)[:, :raters]  # distinct annotators
    masks = []
    for _ in range(raters):
        noise = (rng.random((units, themes)) < prevalence) @ bits
        masks.append(np.where(rng.random(units) < COPY_TRUTH, truth, noise))
    ids = np.arange(units) * 7 + 1000  # sparse ids, as unit ids in a project are
    return np.tile(ids, raters), who.T.ravel(), np.concatenate(masks)


def timed(job, repeats: int) -> tuple[float, object]:
    """Median wall time of `repeats` runs, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def numpy_pass(matrix: LabelMatrix) -> int:
    """Read every judgement once: raters per unit and yes votes per theme."""
    present = matrix.masks != MISSING
    total = int(present.sum(axis=1).sum())
    for bit in range(len(matrix.theme_keys)):
        total += int((((matrix.masks >> bit) & 1).astype(bool) & present).sum())
    return total


def package_alphas(matrix: LabelMatrix) -> list[float | None]:
    """The `krippendorff` package: alpha per theme (nominal) and over label sets (MASI).

    The label-set alpha is left out (None) where the package would need over 4 GB.
    """
    import krippendorff

    masks = matrix.masks
    alphas = []
    for bit in range(len(matrix.theme_keys)):
        data = np.where(masks == MISSING, np.nan, ((masks >> bit) & 1).astype(float)).T
        alphas.append(krippendorff.alpha(data, level_of_measurement="nominal"))
    domain = np.unique(masks[masks != MISSING])
    if masks.shape[0] * len(domain) ** 2 * 8 > PACKAGE_MEMORY:
        alphas.append(None)  # it builds a units x values x values array
        return alphas
    sets = {int(m): frozenset(matrix.themes_of(int(m))) for m in domain}
    masi = np.vectorize(lambda a, b: masi_distance(sets[int(a)], sets[int(b)]))

    def metric(v1, v2, i1, i2, n_v, dtype=np.float64):
        return masi(v1, v2).astype(dtype)

    data = np.where(masks == MISSING, np.nan, masks.astype(float)).T
    alphas.append(krippendorff.alpha(data, value_domain=domain, level_of_measurement=metric))
    return alphas


def verdict(seconds: float, target: float, judged: bool) -> str:
    if not judged:
        return f"(target <= {target:.0f} s at 100,000 units)"
    return f"(target <= {target:.0f} s)  {'PASS' if seconds <= target else 'FAIL'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, help="doubly-labelled units (default 100,000)")
    parser.add_argument("--annotators", type=int, default=6, help="team size (default 6)")
    parser.add_argument("--themes", type=int, default=3, help="themes (default 3)")
    parser.add_argument("--raters", type=int, default=2, help="judgements per unit (default 2)")
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="10,000 units, for CI")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--no-json", action="store_true", help="leave out the report's JSON")
    args = parser.parse_args()
    units = args.units or (10_000 if args.quick else 100_000)
    repeats = 3 if args.quick else 5
    keys = theme_keys(args.themes)
    columns = judgements(units, args.annotators, len(keys), args.raters)
    names = [f"annotator {i + 1}" for i in range(args.annotators)]

    build, matrix = timed(
        lambda: LabelMatrix.from_columns(*columns, annotators=names, theme_keys=keys), repeats
    )
    floor, _ = timed(lambda: numpy_pass(matrix), repeats)
    package, reference = timed(lambda: package_alphas(matrix), 1)
    plain, _ = timed(lambda: compute_agreement(matrix, resamples=0), repeats)
    boot, report = timed(lambda: compute_agreement(matrix, resamples=args.resamples), 3)

    judged = units >= 100_000
    print(f"Agreement on {units:,} units labelled by {args.raters} annotators each, "
          f"{len(keys)} themes, a team of {args.annotators} "
          f"(median of {repeats} runs; bootstrap: 3):")  # fmt: skip
    print(f"  {'numpy pass over the judgements':<44}{floor:8.3f} s   baseline")
    print(
        f"  {f'krippendorff package, alpha x {len(keys) + 1} (no CI)':<44}{package:8.3f} s   baseline"
    )
    print(f"  {'LabelMatrix.from_columns':<44}{build:8.3f} s")
    print(f"  {'compute_agreement, no bootstrap':<44}{plain:8.3f} s   "
          f"{verdict(build + plain, TARGET_PLAIN, judged)} with the matrix built")  # fmt: skip
    print(f"  {f'compute_agreement, {args.resamples:,} resamples':<44}{boot:8.3f} s   "
          f"{verdict(build + boot, TARGET_BOOTSTRAP, judged)}")  # fmt: skip
    print(f"  no bootstrap / numpy pass: {plain / floor:.1f}x; "
          f"/ krippendorff package: {plain / package:.2f}x")  # fmt: skip
    print(f"  the package would need ~{package * args.resamples:,.0f} s for the same bootstrap")
    ours = [t.alpha.value for t in report.themes] + [report.label_sets.alpha.value]
    compared = [(a, b) for a, b in zip(ours, reference, strict=True) if b is not None]
    worst = max(abs(a - b) for a, b in compared)
    if len(compared) < len(ours):
        print("  (the package's label-set alpha is left out: it would need over 4 GB here)")
    print(f"  alphas (themes, label sets): {', '.join(f'{a:.4f}' for a in ours)}; "
          f"largest difference from the package {worst:.1e}")  # fmt: skip
    if not args.no_json:
        print(report.to_json())
    missed = judged and (build + plain > TARGET_PLAIN or build + boot > TARGET_BOOTSTRAP)
    return 1 if args.strict and (missed or worst > 1e-9) else 0


if __name__ == "__main__":
    sys.exit(main())
