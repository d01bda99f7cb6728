"""Cohen's kappa for pairs of annotators and Fleiss' kappa, on yes/no judgements of a theme.

Cohen (1960): kappa = (p_o - p_e) / (1 - p_e) on the units both annotators judged, p_e from
each annotator's own rate of "yes". Fleiss (1971): the same idea for m raters per unit, with
one shared rate of "yes". Both are 0/0 (undefined, None) when p_e = 1: every judgement
compared gave the same answer.

Fleiss' kappa assumes the same number of raters on every unit. Where units have different
numbers, it is computed on the units rated by the most common number (ties: the larger
number), and says which number and how many units; Krippendorff's alpha uses every unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.core.agreement.patterns import UnitRows, ValuePatterns


@dataclass(frozen=True)
class PairTallies:
    """For every ordered pair (a < b) of annotators, counts over the units both judged."""

    common: np.ndarray  # (A, A) units both judged
    same_set: np.ndarray  # (A, A) of those, units given the same label set
    both_yes: np.ndarray  # (themes, A, A) units both gave the theme
    first_yes: np.ndarray  # (themes, A, A) units annotator a gave it
    second_yes: np.ndarray  # (themes, A, A) units annotator b gave it


def pair_tallies(rows: UnitRows, themes: int) -> PairTallies:
    """Tally every pair of judgements within a unit: O(rows x raters^2), not annotators^2."""
    team = rows.team
    cells = team * team
    raters = rows.present.sum(axis=1)
    width = int(raters.max(initial=0))
    tallies = np.zeros((2 + 3 * themes, cells))
    bits = np.arange(themes)
    for i in range(width):
        for j in range(i + 1, width):
            both = raters > j  # judgements are packed to the left, so i < j is present too
            pair = rows.annotators[both, i] * team + rows.annotators[both, j]  # i < j: a < b
            first, second, weight = rows.masks[both, i], rows.masks[both, j], rows.counts[both]
            yes_first = (first[:, None] >> bits) & 1
            yes_second = (second[:, None] >> bits) & 1
            columns = [weight, weight * (first == second)]
            columns += list((weight[:, None] * yes_first * yes_second).T)
            columns += list((weight[:, None] * yes_first).T)
            columns += list((weight[:, None] * yes_second).T)
            for k, column in enumerate(columns):
                tallies[k] += np.bincount(pair, column, minlength=cells)
    shaped = tallies.reshape(2 + 3 * themes, team, team)
    return PairTallies(
        shaped[0],
        shaped[1],
        shaped[2 : 2 + themes],
        shaped[2 + themes : 2 + 2 * themes],
        shaped[2 + 2 * themes :],
    )


def cohen_kappa(
    units: float, both_yes: float, first_yes: float, second_yes: float
) -> tuple[float | None, float | None]:
    """(observed agreement, kappa) of one pair on one theme; None where undefined."""
    if units == 0:
        return None, None
    both_no = units - first_yes - second_yes + both_yes
    observed = (both_yes + both_no) / units
    if first_yes == second_yes and first_yes in (0, units):
        return observed, None  # the same single answer from both: p_e = 1
    rate_first, rate_second = first_yes / units, second_yes / units
    expected = rate_first * rate_second + (1 - rate_first) * (1 - rate_second)
    return observed, (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class FleissTerms:
    value: float | None
    raters: int  # raters per unit it was computed on; 0 when no unit
    units: int


def fleiss_kappa(patterns: ValuePatterns) -> FleissTerms:
    """Fleiss' kappa of yes/no patterns (value 1 = yes) on the most common number of raters."""
    raters = patterns.raters
    if patterns.counts.sum() == 0:
        return FleissTerms(None, 0, 0)
    units_by_raters = np.bincount(raters, weights=patterns.counts)
    most = units_by_raters.max()
    chosen = int(np.flatnonzero(units_by_raters == most).max())
    keep = raters == chosen
    counts, yes = patterns.counts[keep], (patterns.values[keep] == 1).sum(axis=1)
    units, m = counts.sum(), chosen
    judged_yes = (counts * yes).sum()
    if judged_yes in (0, units * m):
        return FleissTerms(None, chosen, int(units))
    agreement = (counts * (yes * (yes - 1) + (m - yes) * (m - yes - 1))).sum() / (m * (m - 1))
    observed = agreement / units
    share = judged_yes / (units * m)
    expected = share * share + (1 - share) * (1 - share)
    return FleissTerms(float((observed - expected) / (1 - expected)), chosen, int(units))


def judged_annotators(rows: UnitRows) -> np.ndarray:
    """Which annotators judged at least one of the units compared (bool per annotator)."""
    judged = np.zeros(rows.team, dtype=bool)
    judged[rows.annotators[rows.present]] = True
    return judged
