"""Units grouped by what their judgements hold, so that every statistic runs on a few rows.

Only units judged by two or more annotators take part (one judgement cannot agree or
disagree with anything). Units that share a row of judgements are interchangeable for every
statistic here, so they are kept once with a count: 100,000 doubly-labelled units with three
themes and a team of six hold under a thousand distinct rows, and a theme's yes/no judgements
reduce further to (raters, yes votes) pairs. Resampling units for the bootstrap is then
resampling these counts (see bootstrap.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.core.agreement.matrix import MISSING, LabelMatrix


@dataclass(frozen=True)
class UnitRows:
    """The distinct rows of judgements among units judged by two or more annotators.

    Compacted: position i of a row holds the row's i-th judgement (annotators in column
    order), so a row is as wide as the most judgements on one unit, not as the whole team.
    """

    annotators: np.ndarray  # (rows, width) annotator column indices; MISSING padding last
    masks: np.ndarray  # (rows, width) the judgements' bitmasks; MISSING padding last
    counts: np.ndarray  # (rows,) float64: how many units have this row
    single: int  # units judged by exactly one annotator, left out
    team: int  # annotator columns in the matrix

    @property
    def units(self) -> int:
        return int(self.counts.sum())

    @property
    def present(self) -> np.ndarray:
        return self.masks != MISSING


@dataclass(frozen=True)
class ValuePatterns:
    """Units as the multiset of values they were given (value indices, MISSING padding last)."""

    values: np.ndarray  # (patterns, width) int64, each row sorted descending
    counts: np.ndarray  # (patterns,) float64
    domain: int  # number of distinct values (value indices are 0 .. domain-1)

    @property
    def raters(self) -> np.ndarray:
        return (self.values != MISSING).sum(axis=1)


def unit_rows(matrix: LabelMatrix) -> UnitRows:
    present = matrix.masks != MISSING
    raters = present.sum(axis=1)
    kept = raters >= 2
    masks, raters = matrix.masks[kept], raters[kept]
    row, column = np.nonzero(present[kept])  # row-major: each row's judgements in column order
    position = np.arange(len(row)) - (np.cumsum(raters) - raters)[row]
    shape = (len(masks), int(raters.max(initial=0)))
    annotators, values = np.full(shape, MISSING), np.full(shape, MISSING)
    annotators[row, position], values[row, position] = column, masks[row, column]
    # Grouping on (annotators, masks) of a few judgements, not on rows as wide as the team.
    grouped, counts = group_rows(np.hstack([annotators, values]), np.ones(len(masks)))
    return UnitRows(
        grouped[:, : shape[1]],
        grouped[:, shape[1] :],
        counts,
        int((present.sum(axis=1) == 1).sum()),
        len(matrix.annotators),
    )


def theme_patterns(rows: UnitRows, bit: int) -> ValuePatterns:
    """One theme as a yes (1) / no (0) judgement: units grouped by (raters, yes votes)."""
    present = rows.present
    raters = present.sum(axis=1)
    yes = (((rows.masks >> bit) & 1).astype(bool) & present).sum(axis=1)
    span = rows.masks.shape[1] + 1  # raters and yes votes are at most the row width
    # Few possible (raters, yes) keys: a bincount over all of them, no sort.
    counts = np.bincount(raters * span + yes, weights=rows.counts, minlength=span * span)
    keys = np.flatnonzero(counts)
    counts, raters, yes = counts[keys], keys // span, keys % span
    width = np.arange(int(raters.max(initial=0)))
    values = np.where(width < yes[:, None], 1, np.where(width < raters[:, None], 0, MISSING))
    return ValuePatterns(values.astype(np.int64), counts, 2)


def label_set_patterns(rows: UnitRows) -> tuple[ValuePatterns, np.ndarray]:
    """Whole label sets as values: the patterns and the distinct bitmasks (value i = domain[i])."""
    present = rows.present
    domain = np.unique(rows.masks[present])
    indices = np.where(present, np.searchsorted(domain, rows.masks), MISSING)
    width = int(present.sum(axis=1).max(initial=0))
    ordered = -np.sort(-indices, axis=1)[:, :width]  # descending: MISSING goes last
    values, counts = group_rows(ordered, rows.counts)
    return ValuePatterns(values, counts, len(domain)), domain


def group_rows(array: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of a 2-D int64 array and the summed weight of each (rows in byte order).

    Viewing each row as one opaque byte string makes np.unique sort N keys instead of
    comparing N x width integers: about 8 times faster at 100,000 x 6.
    """
    array = np.ascontiguousarray(array, dtype=np.int64)
    if array.shape[0] == 0:
        return array, np.zeros(0)
    keys = array.view(np.dtype((np.void, array.itemsize * array.shape[1]))).ravel()
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    summed = np.bincount(inverse.ravel(), weights=weights, minlength=len(first))
    return array[first], summed
