"""Figures about what was exported: counts per theme and split, co-occurrence, split balance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from annotator.core.export.options import Split


@dataclass(frozen=True)
class SplitFigures:
    name: str | None  # None: the whole export without splits
    target: float
    articles: int
    units: int
    unit_share: float
    themes: dict[str, int]
    theme_shares: dict[str, float]  # share of each theme's exported labels that is here
    statuses: dict[str, int]


@dataclass
class ExportStats:
    """Filled while records are written: one counter step per record, keyed by label set."""

    split_names: list[str | None]
    tallies: dict[str | None, Counter] = field(init=False)
    articles: Counter = field(default_factory=Counter)
    decided: Counter = field(default_factory=Counter)  # --resolve adjudicated: units per rule
    combinations: Counter = field(default_factory=Counter)  # sentences by judgements (packed)
    agreement: object | None = None  # the AgreementReport computed from `combinations`

    def __post_init__(self) -> None:
        # (labels, status) -> units; label sets repeat, so this stays small.
        self.tallies = {name: Counter() for name in self.split_names}

    def records(self, split: str | None = None) -> int:
        return sum(self._tally(split).values())

    def _tally(self, split: str | None) -> Counter:
        if split is not None or None in self.tallies:
            return self.tallies[split]
        total: Counter = Counter()
        for tally in self.tallies.values():
            total.update(tally)
        return total

    def theme_counts(self, split: str | None = None) -> Counter[str]:
        counts: Counter[str] = Counter()
        for (labels, _), n in self._tally(split).items():
            for key in labels:
                counts[key] += n
        return counts

    def status_counts(self, split: str | None = None) -> Counter[str]:
        counts: Counter[str] = Counter()
        for (_, status), n in self._tally(split).items():
            counts[status] += n
        return counts

    def cooccurrence(self) -> Counter[tuple[str, str]]:
        """Units labelled with both themes of each pair (pairs in theme order)."""
        pairs: Counter[tuple[str, str]] = Counter()
        for (labels, _), n in self._tally(None).items():
            for pair in combinations(labels, 2):
                pairs[pair] += n
        return pairs

    def figures(self, splits: tuple[Split, ...]) -> list[SplitFigures]:
        targets = {s.name: s.fraction for s in splits} or {None: 1.0}
        all_units, all_themes = self.records(), self.theme_counts()
        result = []
        for name in self.split_names:
            units, themes = self.records(name), self.theme_counts(name)
            shares = {k: themes.get(k, 0) / n for k, n in all_themes.items() if n}
            result.append(
                SplitFigures(
                    name,
                    targets[name],
                    self.articles[name],
                    units,
                    units / all_units if all_units else 0.0,
                    dict(themes),
                    shares,
                    dict(self.status_counts(name)),
                )
            )
        return result


def worst_deviation(figures: list[SplitFigures]) -> float:
    """Largest gap between any theme's (or the units') share in a split and the split's target."""
    gaps = [abs(f.unit_share - f.target) for f in figures]
    gaps += [abs(share - f.target) for f in figures for share in f.theme_shares.values()]
    return max(gaps, default=0.0)
