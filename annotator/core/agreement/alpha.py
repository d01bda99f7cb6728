"""Krippendorff's alpha for any distance between values, computed from value patterns.

alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_u [sum_{i != j in u} d(v_i, v_j) / (m_u - 1)]
                                   / sum_{v, w} n_v n_w d(v, w)
where unit u holds m_u >= 2 values, n_v counts value v over those units and n = sum n_v
(Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", with the coincidence
matrix summed out). Both sums are linear in how many units each pattern has, except for the
quadratic n_v n_w term, so a bootstrap resample is a weight vector over patterns and a batch
of resamples is a few matrix products. Alpha is undefined (NaN here; None in results) when
D_e = 0, i.e. every value is the same.

The `krippendorff` package computes the same from a units x values table, about 0.2 s per
alpha at 100,000 units: 1,000 resamples of 4 statistics would take a quarter of an hour, and
its units x values x values array does not fit in memory with hundreds of distinct label
sets. This module is checked against it in tests/core/test_agreement_reference.py, and
tests/perf/bench_agreement.py times both.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from annotator.core.agreement.matrix import MISSING
from annotator.core.agreement.patterns import ValuePatterns


def nominal_distances(domain: int) -> np.ndarray:
    """0 between equal values, 1 between different ones."""
    return 1.0 - np.eye(domain)


def pair_sums(patterns: ValuePatterns, distances: np.ndarray) -> np.ndarray:
    """Per pattern: the sum of distances over its unordered pairs of values."""
    values = patterns.values
    total = np.zeros(len(values))
    width = values.shape[1] if values.ndim == 2 else 0
    for i in range(width):
        for j in range(i + 1, width):
            both = values[:, j] != MISSING  # rows are sorted, so j present implies i present
            total[both] += distances[values[both, i], values[both, j]]
    return total


def observed_agreement(patterns: ValuePatterns) -> float | None:
    """Mean over units of the share of their pairs of judgements that are equal."""
    units = patterns.counts.sum()
    if units == 0:
        return None
    raters = patterns.raters
    pairs = raters * (raters - 1) / 2
    disagreeing = pair_sums(patterns, nominal_distances(patterns.domain))
    return float(1.0 - (patterns.counts * disagreeing / pairs).sum() / units)


class AlphaTerms:
    """The per-pattern pieces of alpha for one distance; alpha for any pattern weights."""

    def __init__(self, patterns: ValuePatterns, distances: np.ndarray):
        self.patterns = patterns
        self.distances = np.asarray(distances, dtype=np.float64)
        raters = patterns.raters
        # The pattern's coincidences weighted by distance: sum over ordered pairs / (m - 1).
        self.observed = 2.0 * pair_sums(patterns, self.distances) / np.maximum(raters - 1, 1)

    def alpha(self) -> float:
        """Alpha for the data as it is (NaN when undefined)."""
        return float(self.alphas(self.patterns.counts[None, :])[0])

    def alphas(self, weights: np.ndarray) -> np.ndarray:
        """Alpha for each row of `weights` (resamples x patterns), NaN where undefined."""
        totals = value_totals(weights, self.patterns)
        pairable = totals.sum(axis=1)
        observed = weights @ self.observed
        expected = ((totals @ self.distances) * totals).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            result = 1.0 - (pairable - 1.0) * observed / expected
        return np.where(expected > 0, result, np.nan)

    def resampled(self, weight_batches: Iterable[np.ndarray]) -> np.ndarray:
        return np.concatenate([self.alphas(batch) for batch in weight_batches] or [np.zeros(0)])


def value_totals(weights: np.ndarray, patterns: ValuePatterns) -> np.ndarray:
    """n_v per resample: (resamples x patterns) weights -> (resamples x domain) value counts.

    A bincount per column of the pattern table instead of a dense patterns x domain matrix,
    which could reach gigabytes with many distinct label sets.
    """
    resamples, domain = weights.shape[0], patterns.domain
    totals = np.zeros(resamples * domain)
    offsets = (np.arange(resamples) * domain)[:, None]
    for column in patterns.values.T:
        present = column != MISSING
        index = (offsets + column[present][None, :]).ravel()
        totals += np.bincount(index, weights[:, present].ravel(), minlength=resamples * domain)
    return totals.reshape(resamples, domain)
