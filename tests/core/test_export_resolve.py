"""Label resolution across annotators, and decoding of the storage layer's packed rows."""

from __future__ import annotations

import pytest

from annotator.core.export.judgements import FIELD_SEPARATOR as US
from annotator.core.export.judgements import ITEM_SEPARATOR as RS
from annotator.core.export.judgements import STATUS_CODES, Judgement, JudgementDecoder, Packing
from annotator.core.export.resolve import Resolver, resolve_labels

ORDER = {"military": 0, "economic": 1, "reconstruction": 2}


def done(name: str, *themes: str) -> Judgement:
    return Judgement(name, "done_with_themes" if themes else "done_no_theme", themes)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("majority", ("military",)),  # 2 of 3
        ("unanimous", ()),
        ("any", ("military", "economic")),
    ],
)
def test_rules_across_three_annotators(rule, expected):
    judgements = (done("a", "military"), done("b", "military", "economic"), done("c"))
    assert resolve_labels(judgements, rule, positions=ORDER)[0] == expected


def test_a_majority_tie_leaves_the_theme_out():
    labels, status = resolve_labels((done("a", "economic"), done("b")), "majority")
    assert labels == ()
    assert status == "done_no_theme"


def test_only_done_judgements_vote():
    skipped = Judgement("b", "skipped", ("economic",))
    assert resolve_labels((done("a", "military"), skipped), "unanimous") == (
        ("military",),
        "done_with_themes",
    )
    assert resolve_labels((skipped,), "any") == ((), "skipped")
    assert resolve_labels((), "majority") == ((), "not_seen")


def test_labels_come_in_theme_order_not_vote_order():
    judgements = (done("a", "reconstruction"), done("b", "military", "reconstruction"))
    labels, _ = resolve_labels(judgements, "any", positions=ORDER)
    assert labels == ("military", "reconstruction")


def test_one_annotator_gives_their_own_labels_and_status():
    judgements = (done("a", "military"), Judgement("b", "skipped", ()))
    assert resolve_labels(judgements, "majority", "a") == (("military",), "done_with_themes")
    assert resolve_labels(judgements, "majority", "b") == ((), "skipped")
    assert resolve_labels(judgements, "majority", "c") == ((), "not_seen")


def test_packed_and_folded_rows_decode_alike():
    names = {1: "سارة", 2: "omar"}
    packing = Packing(("military", "economic", "reconstruction"))
    statuses = STATUS_CODES["done_with_themes"] << 2 | STATUS_CODES["skipped"] << 4
    labels = 1 << (0 + 3 * 1) | 1 << (2 + 3 * 1) | 1 << (1 + 3 * 2)
    packed = JudgementDecoder(names, ORDER, packing)(statuses, labels)
    folded = JudgementDecoder(names, ORDER)(
        f"2{US}skipped{RS}1{US}done_with_themes",
        f"1{US}reconstruction{RS}2{US}economic{RS}1{US}military",
    )
    assert (
        packed
        == folded
        == (
            Judgement("سارة", "done_with_themes", ("military", "reconstruction")),
            Judgement("omar", "skipped", ("economic",)),
        )
    )


def test_packing_refuses_layouts_beyond_62_bits():
    assert Packing.fits(max_annotator_id=5, themes=10)
    assert not Packing.fits(max_annotator_id=6, themes=10)
    assert not Packing.fits(max_annotator_id=31, themes=1)


def test_the_resolver_shares_one_result_per_combination():
    resolver = Resolver("majority", None, JudgementDecoder({1: "a"}, ORDER))
    first = resolver.resolve(f"1{US}done_with_themes", f"1{US}economic")
    again = resolver.resolve(f"1{US}done_with_themes", f"1{US}economic")
    assert first is again
    assert first.labels == ["economic"]
    assert first.json_labels.startswith(b'"labels":["economic"],"status":"done_with_themes"')
    assert first.json_labels.endswith(b"}")  # annotator_status closes; the line goes on
