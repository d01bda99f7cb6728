"""Edge cases of the agreement report: defined answers with a reason, never a crash or NaN."""

from __future__ import annotations

import dataclasses
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings

from annotator.core.agreement import (
    AgreementReport,
    LabelMatrix,
    Reading,
    Undefined,
    compute_agreement,
    explain,
)
from tests.core.agreement_data import label_matrices

THEMES = ["military", "economic", "reconstruction"]


def report_of(units, annotators=None, themes=THEMES, **options) -> AgreementReport:
    options.setdefault("resamples", 50)
    return compute_agreement(LabelMatrix.from_judgements(units, themes, annotators), **options)


def every_coefficient(report: AgreementReport):
    """(name, value, reason) for every chance-corrected figure in the report."""
    for theme in report.themes:
        yield f"{theme.theme} alpha", theme.alpha.value, theme.alpha.undefined
        yield f"{theme.theme} fleiss", theme.fleiss_kappa.value, theme.fleiss_kappa.undefined
        yield f"{theme.theme} cohen", theme.cohen_kappa.value, theme.cohen_kappa.undefined
    yield "label sets alpha", report.label_sets.alpha.value, report.label_sets.alpha.undefined


def no_nan_anywhere(value) -> bool:
    if dataclasses.is_dataclass(value):
        return all(no_nan_anywhere(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, (list, tuple)):
        return all(no_nan_anywhere(item) for item in value)
    return not (isinstance(value, float) and not math.isfinite(value))


def test_one_annotator_only_reports_why_nothing_is_compared():
    report = report_of([{"سارة": ["military"]}, {"سارة": []}], annotators=["سارة", "omar"])
    assert report.undefined == Undefined.ONE_ANNOTATOR
    assert (report.units, report.single_units) == (0, 2)
    for name, value, reason in every_coefficient(report):
        assert (value, reason) == (None, Undefined.ONE_ANNOTATOR), name
    assert report.theme("military").observed_agreement is None
    assert report.theme("military").alpha.interval_undefined == Undefined.ONE_ANNOTATOR
    assert report.pair("سارة", "omar").undefined == Undefined.NO_COMMON_UNITS
    assert "fewer than two annotators" in explain(report.undefined)


def test_no_overlap_between_annotators():
    report = report_of([{"a": ["military"]}, {"b": []}, {"c": ["economic"]}])
    assert report.undefined == Undefined.NO_OVERLAP
    assert (report.units, report.single_units) == (0, 3)
    for name, value, reason in every_coefficient(report):
        assert (value, reason) == (None, Undefined.NO_OVERLAP), name
    assert len(report.pairs) == 3
    for pair in report.pairs:
        assert (pair.units, pair.same_label_set, pair.mean_kappa) == (0, None, None)
        assert pair.undefined == Undefined.NO_COMMON_UNITS
        assert all(theme.undefined == Undefined.NO_COMMON_UNITS for theme in pair.themes)


def test_a_theme_nobody_used_is_perfect_agreement_without_a_coefficient():
    units = [{"a": ["military"], "b": ["military"]}, {"a": [], "b": ["economic"]}] * 5
    report = report_of(units)
    unused = report.theme("reconstruction")
    assert (unused.chosen, unused.judgements, unused.observed_agreement) == (0, 20, 1.0)
    assert (unused.alpha.value, unused.alpha.undefined) == (None, Undefined.NO_VARIATION)
    assert unused.alpha.interval_undefined == Undefined.NO_VARIATION
    assert unused.alpha.reading is None
    assert unused.fleiss_kappa.undefined == Undefined.NO_VARIATION
    assert unused.cohen_kappa.undefined == Undefined.NO_VARIATION
    assert report.pair("a", "b").themes[2].undefined == Undefined.NO_VARIATION
    # The other themes and the label sets still have their figures.
    assert report.theme("military").alpha.value == 1.0
    assert report.label_sets.alpha.value is not None
    assert report.pair("a", "b").mean_kappa is not None  # the mean skips the undefined theme


def test_every_unit_identical_leaves_alpha_undefined_and_agreement_total():
    units = [{"a": ["economic"], "b": ["economic"], "c": ["economic"]}] * 8
    report = report_of(units)
    assert report.undefined is None
    assert report.label_sets.observed_agreement == 1.0
    assert report.label_sets.alpha.undefined == Undefined.NO_VARIATION
    assert report.label_sets.distinct_label_sets == 1
    for name, value, reason in every_coefficient(report):
        assert (value, reason) == (None, Undefined.NO_VARIATION), name
    assert all(pair.same_label_set == 1.0 for pair in report.pairs)


def test_full_agreement_on_varied_units_is_alpha_one_not_undefined():
    units = [{"a": ["economic"], "b": ["economic"]}, {"a": [], "b": []}] * 4
    report = report_of(units)
    assert report.label_sets.alpha.value == 1.0
    assert report.label_sets.alpha.reading == Reading.RELIABLE
    assert (report.label_sets.alpha.low, report.label_sets.alpha.high) == (1.0, 1.0)
    assert report.theme("economic").cohen_kappa.value == 1.0


def test_a_pair_without_common_units_in_a_team_that_overlaps_elsewhere():
    units = [
        {"a": ["military"], "b": ["military"]},
        {"a": [], "b": ["economic"]},
        {"a": ["economic"], "c": ["economic"]},
        {"a": [], "c": []},
    ]
    report = report_of(units)
    assert report.undefined is None
    lonely = report.pair("b", "c")
    assert (lonely.units, lonely.same_label_set, lonely.mean_kappa) == (0, None, None)
    assert lonely.undefined == Undefined.NO_COMMON_UNITS
    assert report.pair("a", "b").units == 2
    assert report.pair("a", "b").same_label_set == 0.5
    # Only the two pairs with common units can enter the mean of Cohen's kappas.
    assert report.theme("economic").cohen_kappa.pairs == 2


def test_cohen_kappa_when_every_pair_gives_one_answer_but_the_theme_varies():
    # a and b never choose economic together, c and d always do: each pair has p_e = 1.
    units = [{"a": [], "b": []}, {"c": ["economic"], "d": ["economic"]}] * 3
    report = report_of(units)
    economic = report.theme("economic")
    assert economic.cohen_kappa.undefined == Undefined.NO_DEFINED_PAIRS
    assert economic.alpha.value == 1.0


def test_no_annotators_and_no_themes_are_reported_not_crashed():
    empty = compute_agreement(LabelMatrix(np.zeros((3, 0), np.int64), [], THEMES))
    assert empty.undefined == Undefined.ONE_ANNOTATOR and empty.pairs == ()
    themeless = report_of([{"a": [], "b": []}] * 3, themes=[])
    assert themeless.themes == ()
    assert themeless.label_sets.alpha.undefined == Undefined.NO_VARIATION
    assert themeless.label_sets.observed_agreement == 1.0


def test_the_report_serialises_to_plain_json_with_null_for_undefined():
    report = report_of([{"سارة": ["military"], "omar": ["military"]}, {"سارة": [], "omar": []}])
    data = json.loads(report.to_json())
    assert data == report.to_dict()
    military = data["themes"][0]
    assert military["alpha"]["reading"] == "reliable"
    assert data["themes"][1]["alpha"]["value"] is None
    assert data["themes"][1]["alpha"]["undefined"] == "no_variation"
    assert data["pairs"][0]["annotators"] == ["سارة", "omar"]
    assert "سارة" in report.to_json()  # names stay readable, not \u-escaped
    assert data["bootstrap"] == {"resamples": 50, "seed": 0, "confidence": 0.95}


def test_looking_up_a_theme_or_pair_that_is_not_there_is_a_key_error():
    report = report_of([{"a": [], "b": []}])
    assert report.pair("b", "a") is report.pair("a", "b")
    with pytest.raises(KeyError):
        report.theme("war")
    with pytest.raises(KeyError):
        report.pair("a", "z")


def test_every_reason_code_has_an_explanation():
    for code in Undefined:
        assert explain(code) and explain(code.value) == explain(code)
    assert explain(None) is None


@settings(max_examples=80, deadline=None)
@given(label_matrices(max_units=30))
def test_no_nan_ever_leaves_the_report(matrix):
    report = compute_agreement(matrix, resamples=20)
    assert no_nan_anywhere(report)
    json.loads(report.to_json())  # allow_nan=False inside: raises on NaN or Infinity
    for _, value, reason in every_coefficient(report):
        assert (value is None) == (reason is not None)
