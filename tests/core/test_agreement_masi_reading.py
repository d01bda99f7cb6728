"""The MASI distance (Passonneau 2006) and Krippendorff's reading guide."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest
from nltk.metrics.distance import masi_distance as nltk_masi

from annotator.core.agreement import READING_GUIDE, Reading, masi_distance, read_alpha
from annotator.core.agreement.masi import masi_distances
from tests.core.agreement_data import label_set


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ({"m"}, {"m"}, 0.0),  # identical: J = 1, M = 1
        (set(), set(), 0.0),  # both "no theme": identical
        ({"m"}, {"m", "e"}, 1 - 1 / 2 * 2 / 3),  # subset: J = 1/2, M = 2/3
        ({"m", "e"}, {"m", "r"}, 1 - 1 / 3 * 1 / 3),  # overlap: J = 1/3, M = 1/3
        ({"m"}, {"e"}, 1.0),  # disjoint: M = 0
        (set(), {"e"}, 1.0),  # nothing vs something: J = 0
        ({"a", "b"}, {"a", "b", "c", "d"}, 1 - 2 / 4 * 2 / 3),  # the paper's and nltk's example
    ],
)
def test_masi_distance_by_hand(first, second, expected):
    assert masi_distance(first, second) == pytest.approx(expected)
    assert masi_distance(second, first) == pytest.approx(expected)


def test_the_table_over_bitmasks_agrees_with_nltk_on_every_pair_of_four_themes():
    masks = np.arange(16)
    table = masi_distances(masks)
    for a, b in product(range(16), repeat=2):
        first, second = label_set(a), label_set(b)
        expected = 0.0 if first == second else nltk_masi(set(first), set(second))
        assert table[a, b] == pytest.approx(expected, abs=1e-12), (a, b)
        assert masi_distance(first, second) == pytest.approx(table[a, b], abs=1e-12)


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        (1.0, Reading.RELIABLE),
        (0.8, Reading.RELIABLE),
        (0.7999, Reading.TENTATIVE),
        (0.667, Reading.TENTATIVE),
        (2 / 3, Reading.UNRELIABLE),  # 0.6666... is below Krippendorff's 0.667
        (0.0, Reading.UNRELIABLE),
        (-0.4, Reading.UNRELIABLE),
        (None, None),
        (float("nan"), None),
    ],
)
def test_reading_guide_bands(value, reading):
    assert read_alpha(value) == reading


def test_the_guide_is_data_that_covers_every_value_once():
    assert [band.reading for band in READING_GUIDE] == list(Reading)
    assert READING_GUIDE[0].minimum == 0.8 and READING_GUIDE[1].minimum == 0.667
    for value in np.linspace(-1, 1, 401):
        holding = [
            band
            for band in READING_GUIDE
            if (band.minimum is None or value >= band.minimum)
            and (band.below is None or value < band.below)
        ]
        assert len(holding) == 1
