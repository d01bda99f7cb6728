"""Leakage-free splits: whole articles go to one split, themes balanced as far as articles allow.

Iterative stratification (Sechidis, Tsoumakas & Vlahavas, 2011) with articles as the items:
articles holding the rarest themes are placed first (those holding most of it before those
holding little, as in bin packing), each into the split that still lacks the most of its
rarest theme; ties go to the split that lacks the most units. Articles without themes then
fill the splits by size, largest first. The seed fixes the order among equals, so the same seed
on the same project gives the same split.
"""

from __future__ import annotations

import random
from collections import Counter

from annotator.core.export.options import Split
from annotator.core.export.source import ArticleWeight


def assign_splits(
    weights: list[ArticleWeight], splits: tuple[Split, ...], seed: int
) -> dict[int, str]:
    """article id -> split name, for every article."""
    totals: Counter[str] = Counter()
    for weight in weights:
        totals.update(weight.themes)
    # Rarest theme first; the key makes the order independent of dict order.
    rank = {key: i for i, key in enumerate(sorted(totals, key=lambda k: (totals[k], k)))}
    order = sorted(weights, key=lambda w: w.article_id)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda w: _placing_order(w, rank))
    need = _Needs(splits, totals, sum(w.units for w in weights))
    assignment = {}
    for weight in order:
        rarest = min(weight.themes, key=rank.__getitem__) if weight.themes else None
        index = need.best_split(rarest)
        need.take(index, weight)
        assignment[weight.article_id] = splits[index].name
    return assignment


def _placing_order(weight: ArticleWeight, rank: dict[str, int]) -> tuple[int, int]:
    """Rarest theme first; within it the articles holding most of it, so small ones fine-tune."""
    if not weight.themes:
        return len(rank), -weight.units
    rarest = min(weight.themes, key=rank.__getitem__)
    return rank[rarest], -weight.themes[rarest]


class _Needs:
    """How many units, and how many votes per theme, each split still wants."""

    def __init__(self, splits: tuple[Split, ...], totals: Counter[str], units: int):
        self.themes = [{k: s.fraction * n for k, n in totals.items()} for s in splits]
        self.units = [s.fraction * units for s in splits]

    def best_split(self, theme: str | None) -> int:
        indices = range(len(self.units))
        if theme is None:
            return max(indices, key=lambda i: self.units[i])
        return max(indices, key=lambda i: (self.themes[i][theme], self.units[i]))

    def take(self, index: int, weight: ArticleWeight) -> None:
        self.units[index] -= weight.units
        wanted = self.themes[index]
        for key, n in weight.themes.items():
            wanted[key] -= n
