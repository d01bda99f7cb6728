"""Bootstrap over units: resampled pattern counts and percentile intervals.

Drawing n units with replacement from n units and counting how many fall in each pattern is
one draw from Multinomial(n, pattern counts / n), so that is what is drawn: the same
distribution as resampling units one by one, at a cost that grows with the number of
patterns, not of units.

Each statistic draws from its own generator, seeded by (seed, the statistic's name), so a
theme's interval does not change when other themes are added or left out.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

CELLS_PER_BATCH = 2_000_000  # resamples x patterns held at once (16 MB of float64)


@dataclass(frozen=True)
class Interval:
    low: float | None
    high: float | None
    undefined_resamples: int  # resamples whose statistic was undefined (left out)


def generator(seed: int, name: str) -> np.random.Generator:
    """The random stream of one statistic: the same for the same seed and name."""
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def resampled_counts(
    counts: np.ndarray, resamples: int, rng: np.random.Generator
) -> Iterator[np.ndarray]:
    """Batches of (resamples x patterns) unit counts, each row one bootstrap resample."""
    total = int(round(counts.sum()))
    if resamples <= 0 or total == 0:
        return
    share = counts / counts.sum()
    batch = max(1, CELLS_PER_BATCH // max(len(counts), 1))
    for start in range(0, resamples, batch):
        size = min(batch, resamples - start)
        yield rng.multinomial(total, share, size=size).astype(np.float64)


def percentile_interval(samples: np.ndarray, confidence: float) -> Interval:
    """The percentile interval of the defined (non-NaN) samples; None when none is defined."""
    defined = samples[~np.isnan(samples)]
    undefined = int(len(samples) - len(defined))
    if len(defined) == 0:
        return Interval(None, None, undefined)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(defined, [tail, 1.0 - tail])
    return Interval(float(low), float(high), undefined)
