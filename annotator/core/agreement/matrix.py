"""The input of the agreement statistics: who gave which themes to which unit.

A LabelMatrix is a units x annotators array of theme bitmasks: bit i set means the annotator
gave the unit `theme_keys[i]`; 0 means "done, no theme"; MISSING (-1) means the annotator did
not mark the unit done (not seen, skipped, or not assigned), so they say nothing about it.
One int64 per judgement keeps 100,000+ units in a few megabytes and lets every statistic run
as a handful of numpy passes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

MISSING = -1
MAX_THEMES = 63  # bits 0..62 of a signed 64-bit integer stay non-negative


@dataclass(frozen=True, eq=False)
class LabelMatrix:
    """Judgements of `annotators` on units, as bitmasks over `theme_keys` (read-only)."""

    masks: np.ndarray  # (units, annotators) int64; MISSING where no judgement
    annotators: tuple[str, ...]
    theme_keys: tuple[str, ...]

    def __post_init__(self) -> None:
        masks = np.array(self.masks, dtype=np.int64, copy=True)
        if masks.ndim == 1 and masks.size == 0:
            masks = masks.reshape(0, len(self.annotators))
        object.__setattr__(self, "annotators", tuple(self.annotators))
        object.__setattr__(self, "theme_keys", tuple(self.theme_keys))
        _check_names(self.annotators, "annotator")
        _check_names(self.theme_keys, "theme key")
        if len(self.theme_keys) > MAX_THEMES:
            raise ValueError(f"at most {MAX_THEMES} themes, got {len(self.theme_keys)}")
        if masks.ndim != 2 or masks.shape[1] != len(self.annotators):
            raise ValueError(
                f"masks must be (units, {len(self.annotators)} annotators), got {masks.shape}"
            )
        limit = 1 << len(self.theme_keys)
        bad = (masks < MISSING) | (masks >= limit)
        if bad.any():
            value = int(masks[bad][0])
            raise ValueError(f"mask {value} is neither {MISSING} nor a set of the given themes")
        masks.setflags(write=False)
        object.__setattr__(self, "masks", masks)

    @property
    def units(self) -> int:
        return int(self.masks.shape[0])

    def theme_mask(self, keys: Iterable[str]) -> int:
        """The bitmask of a set of theme keys (ValueError naming any unknown key)."""
        return _bitmask(keys, {key: i for i, key in enumerate(self.theme_keys)})

    def themes_of(self, mask: int) -> tuple[str, ...]:
        """The theme keys in a bitmask, in theme order."""
        return tuple(key for i, key in enumerate(self.theme_keys) if mask >> i & 1)

    @classmethod
    def from_judgements(
        cls,
        units: Iterable[Mapping[str, Iterable[str]]] | Mapping[object, Mapping[str, Iterable[str]]],
        theme_keys: Sequence[str],
        annotators: Sequence[str] | None = None,
    ) -> LabelMatrix:
        """From plain data: one {annotator: themes} mapping per unit, done judgements only.

        `units` is a list of them, or a {unit id: {annotator: themes}} dict (rows in its order).
        Annotators come in the given order, else in order of first appearance. An unknown
        theme key, or an annotator outside `annotators`, is a ValueError naming it.
        """
        if isinstance(units, Mapping):
            units = units.values()
        units = [dict(unit) for unit in units]
        if annotators is None:
            annotators = list(dict.fromkeys(name for unit in units for name in unit))
        column = {name: i for i, name in enumerate(annotators)}
        strangers = sorted({name for unit in units for name in unit} - column.keys())
        if strangers:
            raise ValueError(f"judgements by unknown annotator(s): {', '.join(strangers)}")
        positions = {key: i for i, key in enumerate(theme_keys)}
        masks = np.full((len(units), len(annotators)), MISSING, dtype=np.int64)
        for row, unit in enumerate(units):
            for name, keys in unit.items():
                masks[row, column[name]] = _bitmask(keys, positions)
        return cls(masks, tuple(annotators), tuple(theme_keys))

    @classmethod
    def from_columns(
        cls,
        unit_ids: Sequence[int] | np.ndarray,
        annotator_indices: Sequence[int] | np.ndarray,
        masks: Sequence[int] | np.ndarray,
        *,
        annotators: Sequence[str],
        theme_keys: Sequence[str],
    ) -> LabelMatrix:
        """From three parallel columns, one entry per done judgement (as a query returns them).

        `unit_ids` are any integer ids (one row per distinct id, in id order);
        `annotator_indices` are positions in `annotators`. A repeated (unit, annotator) pair
        is a ValueError: a judgement is one set of themes.
        """
        unit_ids = np.asarray(unit_ids, dtype=np.int64).ravel()
        columns = np.asarray(annotator_indices, dtype=np.int64).ravel()
        values = np.asarray(masks, dtype=np.int64).ravel()
        if not len(unit_ids) == len(columns) == len(values):
            raise ValueError("unit_ids, annotator_indices and masks differ in length")
        if len(columns) and (columns.min() < 0 or columns.max() >= len(annotators)):
            raise ValueError(f"annotator index outside 0..{len(annotators) - 1}")
        if len(values) and values.min() < 0:
            raise ValueError("a judgement's mask must be >= 0 (leave out units not done)")
        distinct, rows = np.unique(unit_ids, return_inverse=True)
        matrix = np.full((len(distinct), len(annotators)), MISSING, dtype=np.int64)
        matrix.reshape(-1)[rows * len(annotators) + columns] = values
        # A cell written twice leaves fewer judgements than were given (cheaper than a sort).
        if int((matrix != MISSING).sum()) != len(values):
            raise ValueError("the same annotator judged the same unit twice")
        return cls(matrix, tuple(annotators), tuple(theme_keys))

    def select(
        self, annotators: Iterable[str] | None = None, themes: Iterable[str] | None = None
    ) -> LabelMatrix:
        """Only some annotators and/or themes (in the order given); ValueError on unknown names.

        Leaving out themes narrows every label set, so the label-set statistics then compare
        the chosen themes only.
        """
        matrix = self
        if annotators is not None:
            names = list(dict.fromkeys(annotators))
            columns = self._index(self.annotators, names, "annotator")
            matrix = LabelMatrix(self.masks[:, columns], tuple(names), self.theme_keys)
        if themes is not None:
            keys = list(dict.fromkeys(themes))
            matrix = LabelMatrix(
                _remap_bits(matrix.masks, self._index(self.theme_keys, keys, "theme")),
                matrix.annotators,
                tuple(keys),
            )
        return matrix

    @staticmethod
    def _index(known: tuple[str, ...], wanted: list[str], what: str) -> list[int]:
        unknown = [name for name in wanted if name not in known]
        if unknown:
            raise ValueError(f"unknown {what}(s): {', '.join(unknown)}")
        return [known.index(name) for name in wanted]


def _bitmask(keys: Iterable[str], positions: dict[str, int]) -> int:
    keys = set(keys)
    unknown = sorted(keys - positions.keys())
    if unknown:
        raise ValueError(f"unknown theme key(s): {', '.join(unknown)}")
    return sum(1 << positions[key] for key in keys)


def _remap_bits(masks: np.ndarray, bits: list[int]) -> np.ndarray:
    """Masks holding only the given bits, renumbered 0, 1, ... in that order."""
    result = np.zeros_like(masks)
    for new, old in enumerate(bits):
        result |= ((masks >> old) & 1) << new
    return np.where(masks == MISSING, MISSING, result)


def _check_names(names: tuple[str, ...], what: str) -> None:
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate {what} names")
    if not all(isinstance(name, str) and name for name in names):
        raise ValueError(f"every {what} must be a non-empty string")
