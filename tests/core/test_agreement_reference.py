"""The agreement statistics against Krippendorff's worked example and the reference libraries.

References: the `krippendorff` package (alpha, nominal and with a custom distance), nltk's
AnnotationTask with masi_distance, scikit-learn's cohen_kappa_score and statsmodels'
fleiss_kappa. Random matrices (hypothesis) have missing judgements, rare and unused themes.
"""

from __future__ import annotations

import warnings
from itertools import combinations

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import masi_distance as nltk_masi
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa

from annotator.core.agreement import MISSING, LabelMatrix, Undefined, compute_agreement
from tests.core.agreement_data import (
    KRIPPENDORFF_EXAMPLE,
    compared_units,
    example_as_label_sets,
    label_matrices,
    label_set,
    most_common_raters,
    pairwise_agreement,
    theme_reliability_data,
)

RANDOM = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_krippendorffs_worked_example_gives_the_published_alpha():
    report = compute_agreement(example_as_label_sets(), resamples=0)
    assert round(report.label_sets.alpha.value, 3) == 0.743
    published_by_package = krippendorff.alpha(KRIPPENDORFF_EXAMPLE, level_of_measurement="nominal")
    assert report.label_sets.alpha.value == pytest.approx(published_by_package, abs=1e-12)
    # Unit 12 has one value only, so 11 units and 40 pairable values are compared.
    assert (report.units, report.single_units) == (11, 1)
    assert report.label_sets.distinct_label_sets == 5


def test_each_value_of_the_worked_example_as_a_yes_no_theme_matches_the_package():
    report = compute_agreement(example_as_label_sets(), resamples=0)
    data = np.array(KRIPPENDORFF_EXAMPLE)
    for value, theme in zip(range(1, 6), report.themes, strict=True):
        binary = np.where(np.isnan(data), np.nan, (data == value).astype(float))
        expected = krippendorff.alpha(binary, level_of_measurement="nominal")
        assert theme.alpha.value == pytest.approx(expected, abs=1e-12), theme.theme
        assert theme.judgements == 40


@RANDOM
@given(label_matrices())
def test_theme_alpha_matches_the_krippendorff_package(matrix):
    report = compute_agreement(matrix, resamples=0)
    for bit, theme in enumerate(report.themes):
        data = theme_reliability_data(matrix, bit)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # its 0/0 when undefined
                expected = krippendorff.alpha(data, level_of_measurement="nominal")
        except ValueError:  # one value only, or no unit with two values: undefined
            expected = None
        if expected is None or np.isnan(expected):
            assert theme.alpha.value is None
            assert theme.alpha.undefined in (Undefined.NO_VARIATION, report.undefined)
        else:
            assert theme.alpha.value == pytest.approx(expected, abs=1e-9)


def _masi_without_zero_division(first, second):
    """nltk's masi_distance, with two empty sets (both said "no theme") at distance 0."""
    return 0.0 if first == second else nltk_masi(first, second)


def _package_masi(v1, v2, i1, i2, n_v, dtype=np.float64):
    distance = np.vectorize(lambda a, b: _masi_without_zero_division(label_set(a), label_set(b)))
    return distance(v1, v2).astype(dtype)


@RANDOM
@given(label_matrices())
def test_label_set_alpha_matches_the_package_with_nltks_masi_distance(matrix):
    report = compute_agreement(matrix, resamples=0)
    units = compared_units(matrix)
    domain = np.unique(units[units != MISSING])
    if len(domain) < 2:
        assert report.label_sets.alpha.value is None
        return
    data = np.where(units == MISSING, np.nan, units.astype(float)).T
    expected = krippendorff.alpha(data, value_domain=domain, level_of_measurement=_package_masi)
    assert report.label_sets.alpha.value == pytest.approx(expected, abs=1e-9)


@RANDOM
@given(label_matrices(max_units=25, max_annotators=4, max_themes=3))
def test_label_set_alpha_matches_nltks_annotation_task(matrix):
    report = compute_agreement(matrix, resamples=0)
    triples = [
        (name, unit, label_set(int(mask)))
        for unit, row in enumerate(compared_units(matrix))
        for name, mask in zip(matrix.annotators, row, strict=True)
        if mask != MISSING
    ]
    if len({labels for _, _, labels in triples}) < 2:
        # nltk answers 1 when every judgement is the same label set; we say undefined.
        assert report.label_sets.alpha.value is None
        assert report.label_sets.alpha.undefined in (Undefined.NO_VARIATION, report.undefined)
        return
    task = AnnotationTask(triples, distance=_masi_without_zero_division)
    assert report.label_sets.alpha.value == pytest.approx(task.alpha(), abs=1e-9)


@RANDOM
@given(label_matrices())
def test_cohens_kappa_per_pair_matches_scikit_learn(matrix):
    report = compute_agreement(matrix, resamples=0)
    masks = matrix.masks
    for (a, first), (b, second) in combinations(enumerate(matrix.annotators), 2):
        pair = report.pair(first, second)
        common = (masks[:, a] != MISSING) & (masks[:, b] != MISSING)
        assert pair.units == int(common.sum())
        for bit, theme in enumerate(pair.themes):
            ya, yb = (masks[common, a] >> bit) & 1, (masks[common, b] >> bit) & 1
            if not common.any():
                assert (theme.kappa, theme.undefined) == (None, Undefined.NO_COMMON_UNITS)
                continue
            assert theme.observed_agreement == pytest.approx(float(np.mean(ya == yb)))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # scikit-learn warns where kappa is undefined
                expected = cohen_kappa_score(ya, yb, labels=[0, 1])
            if np.isnan(expected):
                assert (theme.kappa, theme.undefined) == (None, Undefined.NO_VARIATION)
            else:
                assert theme.kappa == pytest.approx(expected, abs=1e-9)


@RANDOM
@given(label_matrices())
def test_fleiss_kappa_matches_statsmodels_on_the_most_common_number_of_raters(matrix):
    report = compute_agreement(matrix, resamples=0)
    units = compared_units(matrix)
    if len(units) == 0:
        return
    raters = (units != MISSING).sum(axis=1)
    chosen = units[raters == most_common_raters(raters.tolist())]
    for bit, theme in enumerate(report.themes):
        yes = (((chosen >> bit) & 1) * (chosen != MISSING)).sum(axis=1)
        table = np.column_stack([(chosen != MISSING).sum(axis=1) - yes, yes])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            expected = fleiss_kappa(table)
        assert theme.fleiss_kappa.raters == most_common_raters(raters.tolist())
        assert theme.fleiss_kappa.units == len(chosen)
        if np.isnan(expected):
            assert theme.fleiss_kappa.value is None
        else:
            assert theme.fleiss_kappa.value == pytest.approx(expected, abs=1e-9)


@RANDOM
@given(label_matrices())
def test_counts_and_observed_agreement_follow_their_definitions(matrix):
    report = compute_agreement(matrix, resamples=0)
    units = compared_units(matrix)
    assert report.units == len(units)
    assert report.single_units == int(((matrix.masks != MISSING).sum(axis=1) == 1).sum())
    judged = [[int(v) for v in row if v != MISSING] for row in units]
    if not judged:
        assert report.label_sets.observed_agreement is None
        return
    assert report.label_sets.observed_agreement == pytest.approx(pairwise_agreement(judged))
    for bit, theme in enumerate(report.themes):
        answers = [[v >> bit & 1 for v in row] for row in judged]
        assert theme.observed_agreement == pytest.approx(pairwise_agreement(answers))
        assert theme.judgements == sum(len(row) for row in judged)
        assert theme.chosen == sum(sum(row) for row in answers)


def test_a_small_case_worked_by_hand():
    # Two annotators, four units; theme m: yes/yes, yes/no, no/no, no/no.
    # p_o = 3/4; p_yes(a) = 1/2, p_yes(b) = 1/4; p_e = 1/2*1/4 + 1/2*3/4 = 1/2; kappa = 1/2.
    # Alpha: n = 8, n_yes = 3, one disagreeing unit: alpha = 1 - 7 * 1 / (3 * 5) = 8/15.
    units = [
        {"a": ["m"], "b": ["m"]},
        {"a": ["m"], "b": []},
        {"a": [], "b": []},
        {"a": [], "b": []},
    ]
    report = compute_agreement(LabelMatrix.from_judgements(units, ["m"]), resamples=0)
    theme = report.theme("m")
    assert report.pair("a", "b").themes[0].kappa == pytest.approx(0.5)
    assert theme.cohen_kappa.value == pytest.approx(0.5)
    assert theme.alpha.value == pytest.approx(8 / 15)
    assert theme.observed_agreement == pytest.approx(0.75)
    # Fleiss with 2 raters: P = 3/4, p_yes = 3/8, P_e = 9/64 + 25/64 = 34/64; (3/4 - 34/64)/(30/64).
    assert theme.fleiss_kappa.value == pytest.approx((48 / 64 - 34 / 64) / (30 / 64))
