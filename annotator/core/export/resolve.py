"""Which labels a record carries: one annotator's, or a vote across annotators.

Only judgements marked done vote: a skipped or unseen unit says nothing about its themes.
- majority: a theme needs more than half of the votes; a tie (exactly half) leaves it out.
- unanimous: every annotator who marked the unit done chose the theme.
- any: at least one of them chose it.
- adjudicated: a lead's decision (team review) where there is one, the majority elsewhere.
The record's status follows: done_with_themes when labels remain, done_no_theme when voters
agreed on none, else skipped if anyone skipped it, else not_seen.
"""

from __future__ import annotations

from collections import Counter

from annotator.core.export.jsonbytes import dumps
from annotator.core.export.judgements import JudgementDecoder, Judgements
from annotator.core.status import DONE_STATUSES


class Resolved:
    """What one combination of judgements turns into; shared by every unit with that combination."""

    __slots__ = ("annotations", "annotator_status", "json_labels", "labels", "status", "tally_key")

    def __init__(self, labels: tuple[str, ...], status: str, judgements: Judgements):
        self.labels = list(labels)
        self.status = status
        self.tally_key = (labels, status)
        self.annotations = {j.annotator: list(j.themes) for j in judgements}
        self.annotator_status = {j.annotator: j.status for j in judgements}
        # The label fields of a JSON record (no braces), made once per combination, not per unit.
        self.json_labels = dumps(self.label_fields())[1:-1]

    def label_fields(self) -> dict:
        return {
            "labels": self.labels,
            "status": self.status,
            "annotations": self.annotations,
            "annotator_status": self.annotator_status,
        }


def _needed_votes(rule: str, voters: int) -> int:
    if rule == "majority":
        return voters // 2 + 1
    if rule == "unanimous":
        return voters
    return 1


def resolve_labels(
    judgements: Judgements,
    rule: str,
    annotator: str | None = None,
    positions: dict[str, int] | None = None,
) -> tuple[tuple[str, ...], str]:
    """(labels in theme order, status) for one unit; `positions` gives the theme order."""
    if annotator is not None:
        mine = next((j for j in judgements if j.annotator == annotator), None)
        if mine is None:
            return (), "not_seen"
        return (mine.themes if mine.status in DONE_STATUSES else ()), mine.status
    voters = [j for j in judgements if j.status in DONE_STATUSES]
    if not voters:
        skipped = any(j.status == "skipped" for j in judgements)
        return (), "skipped" if skipped else "not_seen"
    votes = Counter(key for j in voters for key in j.themes)
    needed = _needed_votes(rule, len(voters))
    labels = _in_theme_order([key for key, n in votes.items() if n >= needed], positions)
    return labels, "done_with_themes" if labels else "done_no_theme"


def _in_theme_order(keys: list[str], positions: dict[str, int] | None) -> tuple[str, ...]:
    if not positions:
        return tuple(sorted(keys))
    return tuple(sorted(keys, key=lambda k: (positions.get(k, len(positions)), k)))


class Resolver:
    """Folded status/label strings -> Resolved, cached: a million units share few combinations."""

    _LIMIT = 50_000  # combinations kept; beyond that the cache starts again (memory stays flat)

    def __init__(self, rule: str, annotator: str | None, decode: JudgementDecoder):
        # Units without a decision fall back to the majority; decided ones go through
        # decided(), which the export calls for them.
        self.rule = "majority" if rule == "adjudicated" else rule
        self.annotator, self._decode = annotator, decode
        self.positions = decode.positions
        self._cache: dict[tuple, Resolved] = {}

    @property
    def cached(self):
        """The cache's own get(): the export loop calls it directly, one call less per unit."""
        return self._cache.get

    def resolve(self, statuses: int | str | None, labels: int | str | None) -> Resolved:
        found = self._cache.get((statuses, labels))
        if found is None:
            found = self.miss(statuses, labels)
        return found

    def miss(self, statuses: int | str | None, labels: int | str | None) -> Resolved:
        """Resolve a combination not in the cache, and cache it."""
        if len(self._cache) >= self._LIMIT:
            self._cache.clear()
        judgements = self._decode(statuses, labels)
        resolved = Resolved(
            *resolve_labels(judgements, self.rule, self.annotator, self.positions), judgements
        )
        self._cache[(statuses, labels)] = resolved
        return resolved

    def decided(
        self, statuses: int | str | None, labels: int | str | None, themes: tuple[str, ...]
    ) -> Resolved:
        """A unit a lead adjudicated: the decision's themes, everyone's own labels kept."""
        key = (statuses, labels, themes)
        found = self._cache.get(key)
        if found is None:
            judgements = self._decode(statuses, labels)
            ordered = _in_theme_order(list(themes), self.positions)
            status = "done_with_themes" if ordered else "done_no_theme"
            found = self._cache[key] = Resolved(ordered, status, judgements)
        return found
