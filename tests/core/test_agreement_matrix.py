"""LabelMatrix: the agreement engine's input, its constructors, checks and selections."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.core.agreement import MISSING, LabelMatrix

THEMES = ["military", "economic", "reconstruction"]
UNITS = [
    {"سارة": ["military"], "omar": ["military", "economic"]},
    {"سارة": [], "ليلى": ["reconstruction"]},
    {"omar": ["economic"]},
]


def test_from_judgements_sets_one_bit_per_theme_and_missing_for_absent_annotators():
    matrix = LabelMatrix.from_judgements(UNITS, THEMES)
    assert matrix.annotators == ("سارة", "omar", "ليلى")  # order of first appearance
    assert matrix.masks.tolist() == [[1, 3, MISSING], [0, MISSING, 4], [MISSING, 2, MISSING]]
    assert matrix.units == 3
    assert matrix.themes_of(3) == ("military", "economic")


def test_from_judgements_also_takes_a_dict_keyed_by_unit():
    by_unit = {101: UNITS[0], 205: UNITS[1], 309: UNITS[2]}
    matrix = LabelMatrix.from_judgements(by_unit, THEMES)
    assert np.array_equal(matrix.masks, LabelMatrix.from_judgements(UNITS, THEMES).masks)


def test_from_columns_builds_the_same_matrix_as_from_judgements():
    names = ["سارة", "omar", "ليلى"]
    # As a query would return them: unsorted, with sparse unit ids.
    matrix = LabelMatrix.from_columns(
        unit_ids=[70, 10, 10, 40, 40],
        annotator_indices=[1, 1, 0, 0, 2],
        masks=[2, 3, 1, 0, 4],
        annotators=names,
        theme_keys=THEMES,
    )
    expected = LabelMatrix.from_judgements(UNITS, THEMES, names)
    assert np.array_equal(matrix.masks, expected.masks)


def test_the_masks_cannot_be_changed_behind_the_matrix():
    source = np.array([[1, 0]], dtype=np.int64)
    matrix = LabelMatrix(source, ["a", "b"], ["x"])
    source[0, 0] = 0
    assert matrix.masks[0, 0] == 1
    with pytest.raises(ValueError):
        matrix.masks[0, 0] = 0


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: LabelMatrix.from_judgements([{"a": ["war"]}], THEMES),
            "unknown theme key(s): war",
        ),
        (
            lambda: LabelMatrix.from_judgements([{"zed": []}], THEMES, ["a"]),
            "unknown annotator(s): zed",
        ),
        (lambda: LabelMatrix([[8, 0]], ["a", "b"], THEMES), "mask 8"),
        (lambda: LabelMatrix([[-2, 0]], ["a", "b"], THEMES), "mask -2"),
        (lambda: LabelMatrix([[0, 0]], ["a"], THEMES), "masks must be (units, 1 annotators)"),
        (lambda: LabelMatrix([[0, 0]], ["a", "a"], THEMES), "duplicate annotator"),
        (lambda: LabelMatrix([[0]], ["a"], ["x", "x"]), "duplicate theme key"),
        (lambda: LabelMatrix([[0]], [""], ["x"]), "non-empty string"),
        (lambda: LabelMatrix([[0]], ["a"], [f"t{i}" for i in range(64)]), "at most 63 themes"),
        (
            lambda: LabelMatrix.from_columns(
                [1, 1], [0, 0], [1, 2], annotators=["a"], theme_keys=THEMES
            ),
            "judged the same unit twice",
        ),
        (
            lambda: LabelMatrix.from_columns([1], [3], [1], annotators=["a"], theme_keys=THEMES),
            "annotator index outside",
        ),
        (
            lambda: LabelMatrix.from_columns([1, 2], [0], [1], annotators=["a"], theme_keys=THEMES),
            "differ in length",
        ),
        (
            lambda: LabelMatrix.from_columns([1], [0], [-1], annotators=["a"], theme_keys=THEMES),
            "must be >= 0",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_that_names_it(build, message):
    with pytest.raises(ValueError) as error:
        build()
    assert message in str(error.value)


def test_selecting_annotators_keeps_their_columns_in_the_order_asked():
    matrix = LabelMatrix.from_judgements(UNITS, THEMES).select(annotators=["ليلى", "سارة"])
    assert matrix.annotators == ("ليلى", "سارة")
    assert matrix.masks.tolist() == [[MISSING, 1], [4, 0], [MISSING, MISSING]]


def test_selecting_themes_renumbers_the_bits_and_keeps_missing():
    matrix = LabelMatrix.from_judgements(UNITS, THEMES).select(
        themes=["reconstruction", "economic"]
    )
    assert matrix.theme_keys == ("reconstruction", "economic")
    # economic is now bit 1, reconstruction bit 0; military is gone.
    assert matrix.masks.tolist() == [[0, 2, MISSING], [0, MISSING, 1], [MISSING, 2, MISSING]]


def test_selecting_unknown_names_is_refused():
    matrix = LabelMatrix.from_judgements(UNITS, THEMES)
    with pytest.raises(ValueError, match="unknown annotator"):
        matrix.select(annotators=["nobody"])
    with pytest.raises(ValueError, match="unknown theme"):
        matrix.select(themes=["war"])


def test_an_empty_matrix_is_allowed():
    matrix = LabelMatrix.from_judgements([], THEMES, ["a", "b"])
    assert matrix.masks.shape == (0, 2)
    assert LabelMatrix.from_columns([], [], [], annotators=["a"], theme_keys=[]).units == 0
