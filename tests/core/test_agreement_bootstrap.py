"""The bootstrap interval of alpha: seeded, per statistic, and the same as resampling units."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from annotator.core.agreement import LabelMatrix, Undefined, compute_agreement
from annotator.core.agreement.alpha import AlphaTerms, nominal_distances
from annotator.core.agreement.bootstrap import generator, percentile_interval, resampled_counts
from annotator.core.agreement.patterns import theme_patterns, unit_rows
from tests.core.agreement_data import theme_reliability_data

THEMES = ["military", "economic", "reconstruction"]


def team_matrix(units: int, agreement: float, seed: int = 1) -> LabelMatrix:
    """Pairs drawn from a team of four; each copies a hidden truth with probability `agreement`."""
    rng = np.random.default_rng(seed)
    truth = (rng.random((units, 3)) < 0.3) @ (1 << np.arange(3))
    masks = np.full((units, 4), -1, dtype=np.int64)
    first = rng.integers(0, 4, units)
    second = (first + rng.integers(1, 4, units)) % 4
    for column in (first, second):
        copies = rng.random(units) < agreement
        masks[np.arange(units), column] = np.where(copies, truth, rng.integers(0, 8, units))
    return LabelMatrix(masks, ["a", "b", "c", "d"], THEMES)


def test_the_same_seed_gives_the_same_interval_and_another_seed_another():
    matrix = team_matrix(400, 0.8)
    first = compute_agreement(matrix, resamples=200, seed=7)
    again = compute_agreement(matrix, resamples=200, seed=7)
    other = compute_agreement(matrix, resamples=200, seed=8)
    assert first == again
    assert first.label_sets.alpha.low != other.label_sets.alpha.low
    assert first.theme("military").alpha.value == other.theme("military").alpha.value


def test_a_themes_interval_does_not_depend_on_which_other_themes_are_computed():
    matrix = team_matrix(400, 0.8)
    everything = compute_agreement(matrix, resamples=200, seed=3)
    alone = compute_agreement(matrix.select(themes=["economic"]), resamples=200, seed=3)
    assert alone.theme("economic").alpha == everything.theme("economic").alpha


def test_the_interval_holds_the_estimate_and_narrows_with_more_units():
    small = compute_agreement(team_matrix(500, 0.8), resamples=400).label_sets.alpha
    large = compute_agreement(team_matrix(8000, 0.8), resamples=400).label_sets.alpha
    for alpha in (small, large):
        assert alpha.low < alpha.value < alpha.high
        assert (alpha.resamples, alpha.undefined_resamples, alpha.interval_undefined) == (
            400,
            0,
            None,
        )
    # The width shrinks like 1 / sqrt(units): 16 times the units, about a quarter of the width.
    ratio = (large.high - large.low) / (small.high - small.low)
    assert 0.15 < ratio < 0.4


def test_resampling_pattern_counts_matches_resampling_units_one_by_one():
    """The multinomial shortcut has the distribution of the textbook unit bootstrap."""
    matrix = team_matrix(300, 0.75, seed=5)
    rows = unit_rows(matrix)
    terms = AlphaTerms(theme_patterns(rows, 0), nominal_distances(2))
    fast = terms.resampled(resampled_counts(terms.patterns.counts, 1000, generator(0, "t")))
    data = theme_reliability_data(matrix, 0)
    rng = np.random.default_rng(11)
    slow = np.array(
        [
            krippendorff.alpha(
                data[:, rng.integers(0, data.shape[1], data.shape[1])],
                level_of_measurement="nominal",
            )
            for _ in range(1000)
        ]
    )
    # Monte Carlo error of 1,000 resamples: about 3% of the spread for the mean, 5% for the spread.
    assert fast.mean() == pytest.approx(slow.mean(), abs=0.15 * slow.std())
    assert fast.std() == pytest.approx(slow.std(), rel=0.12)
    for q in (0.025, 0.975):
        assert np.quantile(fast, q) == pytest.approx(np.quantile(slow, q), abs=0.3 * slow.std())


def test_the_resampled_units_always_add_up_to_the_units_compared():
    counts = np.array([5.0, 1.0, 94.0])
    batches = list(resampled_counts(counts, 30, generator(0, "x")))
    drawn = np.concatenate(batches)
    assert drawn.shape == (30, 3)
    assert (drawn.sum(axis=1) == 100).all()


def test_a_theme_chosen_on_one_unit_has_an_alpha_but_no_interval():
    units = [{"a": [], "b": []}] * 60 + [{"a": ["military"], "b": ["military"]}]
    report = compute_agreement(LabelMatrix.from_judgements(units, THEMES), resamples=300)
    alpha = report.theme("military").alpha
    assert alpha.value == 1.0
    # About (1 - 1/61)^61 = 37 % of resamples miss that unit: alpha is then 0/0.
    assert 0.25 * 300 < alpha.undefined_resamples < 0.5 * 300
    assert (alpha.low, alpha.high, alpha.interval_undefined) == (
        None,
        None,
        Undefined.UNSTABLE_BOOTSTRAP,
    )


def test_no_bootstrap_when_no_resamples_are_asked_for():
    alpha = compute_agreement(team_matrix(200, 0.8), resamples=0).label_sets.alpha
    assert alpha.value is not None
    assert (alpha.low, alpha.high, alpha.resamples) == (None, None, 0)
    assert alpha.interval_undefined == Undefined.BOOTSTRAP_OFF


def test_percentile_interval_leaves_out_undefined_samples():
    samples = np.array([np.nan, 0.1, 0.2, 0.3, 0.4, np.nan])
    interval = percentile_interval(samples, 0.5)
    assert interval.undefined_resamples == 2
    assert (interval.low, interval.high) == pytest.approx((0.175, 0.325))
    assert percentile_interval(np.array([np.nan]), 0.95).low is None


@pytest.mark.parametrize(
    "options",
    [{"resamples": -1}, {"resamples": 2.5}, {"seed": -3}, {"confidence": 1.0}, {"confidence": 0}],
)
def test_bad_settings_are_refused(options):
    with pytest.raises(ValueError):
        compute_agreement(team_matrix(10, 0.8), **options)
