"""Test data for the agreement statistics, and the same data in the reference libraries' shapes."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from hypothesis import strategies as st

from annotator.core.agreement import MISSING, LabelMatrix

NAN = math.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers
# (rows) x 12 units (columns), values 1-5, NaN where an observer gave no value.
# The published nominal alpha is 0.743.
KRIPPENDORFF_EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


def example_as_label_sets() -> LabelMatrix:
    """The worked example with value v as the one-theme label set {"vV"}.

    Between one-theme sets MASI is 0 for the same theme and 1 otherwise: the nominal distance,
    so the label-set alpha of this matrix is the example's nominal alpha.
    """
    units = []
    for unit in range(12):
        units.append(
            {
                f"observer {row + 1}": [f"v{int(values[unit])}"]
                for row, values in enumerate(KRIPPENDORFF_EXAMPLE)
                if not math.isnan(values[unit])
            }
        )
    names = [f"observer {row + 1}" for row in range(4)]
    return LabelMatrix.from_judgements(units, [f"v{v}" for v in range(1, 6)], names)


@st.composite
def label_matrices(draw, max_units: int = 40, max_annotators: int = 5, max_themes: int = 4):
    """Random matrices with missing judgements, some themes rare, some unused."""
    annotators = draw(st.integers(2, max_annotators))
    themes = draw(st.integers(1, max_themes))
    cell = st.one_of(st.just(MISSING), st.integers(0, (1 << themes) - 1))
    rows = draw(
        st.lists(
            st.lists(cell, min_size=annotators, max_size=annotators), min_size=1, max_size=max_units
        )
    )
    names = [f"ann{i}" for i in range(annotators)]
    return LabelMatrix(np.array(rows, dtype=np.int64), names, [f"t{i}" for i in range(themes)])


def theme_reliability_data(matrix: LabelMatrix, bit: int) -> np.ndarray:
    """Annotators x units, 0/1 for the theme, NaN where missing (krippendorff's layout)."""
    yes = ((matrix.masks >> bit) & 1).astype(float)
    return np.where(matrix.masks == MISSING, np.nan, yes).T


def compared_units(matrix: LabelMatrix) -> np.ndarray:
    return matrix.masks[(matrix.masks != MISSING).sum(axis=1) >= 2]


def label_set(mask: int) -> frozenset[int]:
    return frozenset(bit for bit in range(63) if mask >> bit & 1)


def pairwise_agreement(values_per_unit: list[list[object]]) -> float:
    """Mean over units of the share of agreeing pairs, straight from the definition."""
    shares = []
    for values in values_per_unit:
        pairs = [(a, b) for i, a in enumerate(values) for b in values[i + 1 :]]
        shares.append(sum(a == b for a, b in pairs) / len(pairs))
    return sum(shares) / len(shares)


def most_common_raters(raters: list[int]) -> int:
    tally = Counter(raters)
    top = max(tally.values())
    return max(m for m, n in tally.items() if n == top)
