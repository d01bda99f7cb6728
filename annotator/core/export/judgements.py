"""Decode a unit row's statuses and labels into Judgements: packed integers or folded strings.

Packed (when it fits in 62 bits, as in most projects: e.g. 10 themes and 5 annotators):
    statuses = sum of STATUS_CODES[status] << (2 * annotator_id)
    labels   = sum of 1 << (theme_index + len(theme_keys) * annotator_id)
Folded (any size): "ID<US>STATUS<RS>..." and "ID<US>THEME<RS>...", see core.export.source.
Integers cost SQLite about a third of what building strings does; that is 2 s per million rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

FIELD_SEPARATOR, ITEM_SEPARATOR = "\x1f", "\x1e"  # cannot occur in ids, statuses or theme keys


class Judgement(NamedTuple):
    """One annotator's work on one unit: status and themes (in theme order)."""

    annotator: str
    status: str
    themes: tuple[str, ...]


Judgements = tuple[Judgement, ...]  # every annotator who touched a unit, in annotator order

STATUS_CODES = {"done_no_theme": 1, "done_with_themes": 2, "skipped": 3}
_STATUS_BY_CODE = {code: status for status, code in STATUS_CODES.items()}
_BITS = 62  # below SQLite's 64-bit signed integer, so sum() can never overflow


@dataclass(frozen=True)
class Packing:
    """The bit layout of packed rows: annotator ids and the theme keys in bit order."""

    theme_keys: tuple[str, ...]

    @staticmethod
    def fits(max_annotator_id: int, themes: int) -> bool:
        slots = max_annotator_id + 1
        return 2 * slots <= _BITS and max(themes, 1) * slots <= _BITS


class JudgementDecoder:
    """(statuses, labels) as stored in a unit row -> Judgements in annotator order."""

    def __init__(
        self, names: dict[int, str], positions: dict[str, int], packing: Packing | None = None
    ):
        self._names = names
        self.positions = positions
        self._packing = packing

    def __call__(self, statuses: int | str | None, labels: int | str | None) -> Judgements:
        if self._packing is not None:
            status_by_id, themes_by_id = self._unpack(statuses or 0, labels or 0)
        else:
            status_by_id, themes_by_id = _unfold(statuses, labels)
        return tuple(
            Judgement(
                self._names.get(i, f"annotator {i}"),
                status_by_id.get(i, "not_seen"),
                tuple(sorted(themes_by_id.get(i, ()), key=self._position)),
            )
            for i in sorted(set(status_by_id) | set(themes_by_id))
        )

    def _unpack(self, statuses: int, labels: int) -> tuple[dict, dict]:
        keys = self._packing.theme_keys  # type: ignore[union-attr]
        width = max(len(keys), 1)
        status_by_id, themes_by_id = {}, {}
        for annotator_id in range(_BITS // 2):
            code = (statuses >> (2 * annotator_id)) & 3
            if code:
                status_by_id[annotator_id] = _STATUS_BY_CODE[code]
        for bit in range(labels.bit_length()):
            if labels >> bit & 1:
                themes_by_id.setdefault(bit // width, []).append(keys[bit % width])
        return status_by_id, themes_by_id

    def _position(self, key: str) -> tuple[int, str]:
        return self.positions.get(key, len(self.positions)), key


def _unfold(statuses: str | None, labels: str | None) -> tuple[dict, dict]:
    status_by_id = {int(i): status for i, status in _pairs(statuses)}
    themes_by_id: dict[int, list[str]] = {}
    for annotator_id, key in _pairs(labels):
        themes_by_id.setdefault(int(annotator_id), []).append(key)
    return status_by_id, themes_by_id


def _pairs(folded: str | None) -> list[tuple[str, str]]:
    if not folded:
        return []
    pairs = []
    for item in folded.split(ITEM_SEPARATOR):
        left, _, right = item.partition(FIELD_SEPARATOR)
        pairs.append((left, right))
    return pairs
