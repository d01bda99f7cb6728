"""MASI: the distance between two label sets (Passonneau 2006).

    distance(A, B) = 1 - J * M,  J = |A & B| / |A | B|  (Jaccard),
    M = 1 if A = B, 2/3 if one contains the other, 1/3 if they overlap otherwise, 0 if disjoint.

Two empty sets (both annotators said "no theme") are equal: distance 0. (nltk's masi_distance
divides by zero there; everywhere else it gives the same values, with the exact thirds since
nltk 3.10.)
"""

from __future__ import annotations

import numpy as np


def masi_distance(first: frozenset | set, second: frozenset | set) -> float:
    """MASI distance between two sets of theme keys."""
    if first == second:
        return 0.0
    shared = len(first & second)
    jaccard = shared / len(first | second)
    return 1.0 - jaccard * _monotonicity(shared, len(first), len(second))


def _monotonicity(shared: int, first: int, second: int) -> float:
    if shared == first == second:
        return 1.0
    if shared == min(first, second):
        return 2.0 / 3.0
    return 1.0 / 3.0 if shared else 0.0


def masi_distances(masks: np.ndarray) -> np.ndarray:
    """The MASI distance between every two label sets given as bitmasks: (n, n) float64."""
    masks = np.asarray(masks, dtype=np.int64)
    first, second = masks[:, None], masks[None, :]
    shared = np.bitwise_count(first & second).astype(np.float64)
    union = np.bitwise_count(first | second).astype(np.float64)
    sizes = np.bitwise_count(masks).astype(np.float64)
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    monotonicity = np.select(
        [first == second, shared == smaller, shared > 0], [1.0, 2.0 / 3.0, 1.0 / 3.0], 0.0
    )
    jaccard = np.divide(shared, union, out=np.ones_like(shared), where=union > 0)
    return np.where(first == second, 0.0, 1.0 - jaccard * monotonicity)
