"""What compute_agreement returns: plain frozen dataclasses that serialise to JSON.

Every figure that cannot be computed is None, next to an `Undefined` code that says why, so
that no NaN reaches a table, a chart or a JSON file. Codes are stable strings (for scripts
and translations); `explain(code)` gives the English sentence.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from annotator.core.agreement.reading import Reading


class Undefined(StrEnum):
    ONE_ANNOTATOR = "one_annotator"
    NO_OVERLAP = "no_overlap"
    NO_COMMON_UNITS = "no_common_units"
    NO_VARIATION = "no_variation"
    NO_DEFINED_PAIRS = "no_defined_pairs"
    BOOTSTRAP_OFF = "bootstrap_off"
    UNSTABLE_BOOTSTRAP = "unstable_bootstrap"


EXPLANATIONS: dict[Undefined, str] = {
    Undefined.ONE_ANNOTATOR: "fewer than two annotators have marked any unit done",
    Undefined.NO_OVERLAP: "no unit was marked done by two or more annotators",
    Undefined.NO_COMMON_UNITS: "the two annotators marked no unit done in common",
    Undefined.NO_VARIATION: (
        "every judgement compared gave the same answer, so agreement expected by chance is "
        "total and the coefficient is 0/0 (observed agreement is 1)"
    ),
    Undefined.NO_DEFINED_PAIRS: "no pair of annotators has a defined Cohen's kappa",
    Undefined.BOOTSTRAP_OFF: "the bootstrap was not run (0 resamples)",
    Undefined.UNSTABLE_BOOTSTRAP: (
        "alpha was undefined (every judgement the same answer) in more of the bootstrap "
        "resamples than the interval leaves out (5% at 95% confidence): too few units carry "
        "the rarer answer for an interval"
    ),
}


def explain(code: Undefined | str | None) -> str | None:
    return None if code is None else EXPLANATIONS[Undefined(code)]


@dataclass(frozen=True)
class Alpha:
    """Krippendorff's alpha with its bootstrap interval and its reading in the guide."""

    value: float | None
    low: float | None  # percentile bootstrap interval over units; None when not computed
    high: float | None
    reading: Reading | None
    undefined: Undefined | None  # why value is None
    interval_undefined: Undefined | None  # why low/high are None
    resamples: int
    undefined_resamples: int  # resamples where alpha was undefined, left out of the interval


@dataclass(frozen=True)
class FleissKappa:
    value: float | None
    raters: int  # raters per unit it was computed on (the most common number); 0: none
    units: int  # units with that number of raters
    undefined: Undefined | None


@dataclass(frozen=True)
class MeanKappa:
    """The unweighted mean of the pairs' Cohen's kappas (Light's kappa)."""

    value: float | None
    pairs: int  # pairs with a defined kappa, averaged
    undefined: Undefined | None


@dataclass(frozen=True)
class ThemeAgreement:
    """One theme, as a yes/no judgement per unit."""

    theme: str
    units: int  # units compared: judged by two or more annotators
    annotators: tuple[str, ...]  # annotators with a judgement on those units
    judgements: int
    chosen: int  # judgements that gave the theme
    observed_agreement: float | None  # mean over units of the share of agreeing pairs
    cohen_kappa: MeanKappa
    fleiss_kappa: FleissKappa
    alpha: Alpha  # nominal


@dataclass(frozen=True)
class LabelSetAgreement:
    """Whole label sets compared: equal sets agree, MASI grades partial overlap."""

    units: int
    annotators: tuple[str, ...]
    distinct_label_sets: int
    observed_agreement: float | None  # mean over units of the share of pairs with equal sets
    alpha: Alpha  # with the MASI distance


@dataclass(frozen=True)
class PairTheme:
    theme: str
    observed_agreement: float | None
    kappa: float | None
    undefined: Undefined | None


@dataclass(frozen=True)
class PairAgreement:
    """Two annotators on the units both marked done."""

    annotators: tuple[str, str]
    units: int
    same_label_set: float | None  # share of common units given exactly the same themes
    themes: tuple[PairTheme, ...]  # Cohen's kappa per theme, in theme order
    mean_kappa: float | None  # mean of the defined kappas over themes
    undefined: Undefined | None  # NO_COMMON_UNITS, or NO_VARIATION when no kappa is defined


@dataclass(frozen=True)
class BootstrapSettings:
    resamples: int
    seed: int
    confidence: float


@dataclass(frozen=True)
class AgreementReport:
    theme_keys: tuple[str, ...]
    annotators: tuple[str, ...]  # every annotator given (selected), judged or not
    units: int  # units compared: marked done by two or more annotators
    single_units: int  # units marked done by exactly one annotator (left out)
    themes: tuple[ThemeAgreement, ...]
    label_sets: LabelSetAgreement
    pairs: tuple[PairAgreement, ...]  # every pair of `annotators`, in their order
    bootstrap: BootstrapSettings
    undefined: Undefined | None  # ONE_ANNOTATOR or NO_OVERLAP: nothing could be compared

    def theme(self, key: str) -> ThemeAgreement:
        """The figures of one theme (KeyError if it was not computed)."""
        for theme in self.themes:
            if theme.theme == key:
                return theme
        raise KeyError(key)

    def pair(self, first: str, second: str) -> PairAgreement:
        """The row of two annotators, in either order (KeyError if there is none)."""
        for pair in self.pairs:
            if set(pair.annotators) == {first, second} and first != second:
                return pair
        raise KeyError((first, second))

    def to_dict(self) -> dict[str, Any]:
        return _plain(dataclasses.asdict(self))

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text (UTF-8 names kept); never NaN or Infinity."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)


def _plain(value: Any) -> Any:
    """Dicts, lists, str, int, float and None only; a non-finite float becomes None."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return value
