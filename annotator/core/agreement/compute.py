"""compute_agreement: every figure of the agreement report from one LabelMatrix."""

from __future__ import annotations

import math
from itertools import combinations

from annotator.core.agreement.alpha import AlphaTerms, nominal_distances, observed_agreement
from annotator.core.agreement.bootstrap import generator, percentile_interval, resampled_counts
from annotator.core.agreement.kappa import (
    PairTallies,
    cohen_kappa,
    fleiss_kappa,
    judged_annotators,
    pair_tallies,
)
from annotator.core.agreement.masi import masi_distances
from annotator.core.agreement.matrix import MISSING, LabelMatrix
from annotator.core.agreement.patterns import (
    UnitRows,
    ValuePatterns,
    label_set_patterns,
    theme_patterns,
    unit_rows,
)
from annotator.core.agreement.reading import read_alpha
from annotator.core.agreement.results import (
    AgreementReport,
    Alpha,
    BootstrapSettings,
    FleissKappa,
    LabelSetAgreement,
    MeanKappa,
    PairAgreement,
    PairTheme,
    ThemeAgreement,
    Undefined,
)

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0
DEFAULT_CONFIDENCE = 0.95


def compute_agreement(
    matrix: LabelMatrix,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    confidence: float = DEFAULT_CONFIDENCE,
) -> AgreementReport:
    """Agreement per theme, over whole label sets, and per pair of annotators.

    Units judged by fewer than two annotators are left out (counted in `single_units`).
    `resamples=0` skips the bootstrap. The same matrix, seed and settings always give the
    same report. ValueError on a negative `resamples` or `seed`, or `confidence` outside (0, 1).
    """
    settings = _settings(resamples, seed, confidence)
    rows = unit_rows(matrix)
    problem = _problem(matrix, rows)
    judged = judged_annotators(rows)
    involved = tuple(name for name, yes in zip(matrix.annotators, judged, strict=True) if yes)
    pairs = _pairs(matrix, pair_tallies(rows, len(matrix.theme_keys)))
    themes = tuple(
        _theme(key, bit, rows, involved, pairs, settings, problem)
        for bit, key in enumerate(matrix.theme_keys)
    )
    return AgreementReport(
        theme_keys=matrix.theme_keys,
        annotators=matrix.annotators,
        units=rows.units,
        single_units=rows.single,
        themes=themes,
        label_sets=_label_sets(rows, involved, settings, problem),
        pairs=pairs,
        bootstrap=settings,
        undefined=problem,
    )


def _settings(resamples: int, seed: int, confidence: float) -> BootstrapSettings:
    if int(resamples) != resamples or resamples < 0:
        raise ValueError(f"resamples must be a whole number >= 0, got {resamples}")
    if int(seed) != seed or seed < 0:
        raise ValueError(f"seed must be a whole number >= 0, got {seed}")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    return BootstrapSettings(int(resamples), int(seed), float(confidence))


def _problem(matrix: LabelMatrix, rows: UnitRows) -> Undefined | None:
    if int((matrix.masks != MISSING).any(axis=0).sum()) < 2:
        return Undefined.ONE_ANNOTATOR
    if rows.units == 0:
        return Undefined.NO_OVERLAP
    return None


def _theme(
    key: str,
    bit: int,
    rows: UnitRows,
    involved: tuple[str, ...],
    pairs: tuple[PairAgreement, ...],
    settings: BootstrapSettings,
    problem: Undefined | None,
) -> ThemeAgreement:
    patterns = theme_patterns(rows, bit)
    judgements = int((patterns.counts * patterns.raters).sum())
    chosen = int((patterns.counts * (patterns.values == 1).sum(axis=1)).sum())
    varies = 0 < chosen < judgements
    return ThemeAgreement(
        theme=key,
        units=rows.units,
        annotators=involved,
        judgements=judgements,
        chosen=chosen,
        observed_agreement=_finite(observed_agreement(patterns)),
        cohen_kappa=_mean_kappa([pair.themes[bit] for pair in pairs], varies, problem),
        fleiss_kappa=_fleiss(patterns, problem),
        alpha=_alpha(AlphaTerms(patterns, nominal_distances(2)), f"theme:{key}", settings, problem),
    )


def _label_sets(
    rows: UnitRows,
    involved: tuple[str, ...],
    settings: BootstrapSettings,
    problem: Undefined | None,
) -> LabelSetAgreement:
    patterns, domain = label_set_patterns(rows)
    return LabelSetAgreement(
        units=rows.units,
        annotators=involved,
        distinct_label_sets=len(domain),
        observed_agreement=_finite(observed_agreement(patterns)),
        alpha=_alpha(AlphaTerms(patterns, masi_distances(domain)), "label_sets", settings, problem),
    )


def _alpha(
    terms: AlphaTerms, stream: str, settings: BootstrapSettings, problem: Undefined | None
) -> Alpha:
    if problem is not None:
        return Alpha(None, None, None, None, problem, problem, 0, 0)
    value = _finite(terms.alpha())
    if value is None:
        return Alpha(None, None, None, None, Undefined.NO_VARIATION, Undefined.NO_VARIATION, 0, 0)
    if settings.resamples == 0:
        return Alpha(value, None, None, read_alpha(value), None, Undefined.BOOTSTRAP_OFF, 0, 0)
    rng = generator(settings.seed, stream)
    samples = terms.resampled(resampled_counts(terms.patterns.counts, settings.resamples, rng))
    interval = percentile_interval(samples, settings.confidence)
    # Undefined resamples (no variation drawn) are left out; past 1 - confidence of them the
    # interval would describe another population than the data's, so none is given.
    stable = interval.undefined_resamples <= (1.0 - settings.confidence) * settings.resamples
    return Alpha(
        value=value,
        low=_finite(interval.low) if stable else None,
        high=_finite(interval.high) if stable else None,
        reading=read_alpha(value),
        undefined=None,
        interval_undefined=None if stable else Undefined.UNSTABLE_BOOTSTRAP,
        resamples=settings.resamples,
        undefined_resamples=interval.undefined_resamples,
    )


def _fleiss(patterns: ValuePatterns, problem: Undefined | None) -> FleissKappa:
    if problem is not None:
        return FleissKappa(None, 0, 0, problem)
    terms = fleiss_kappa(patterns)
    value = _finite(terms.value)
    return FleissKappa(
        value, terms.raters, terms.units, None if value is not None else Undefined.NO_VARIATION
    )


def _mean_kappa(themes: list[PairTheme], varies: bool, problem: Undefined | None) -> MeanKappa:
    if problem is not None:
        return MeanKappa(None, 0, problem)
    defined = [theme.kappa for theme in themes if theme.kappa is not None]
    if not defined:
        reason = Undefined.NO_DEFINED_PAIRS if varies else Undefined.NO_VARIATION
        return MeanKappa(None, 0, reason)
    return MeanKappa(_finite(math.fsum(defined) / len(defined)), len(defined), None)


def _pairs(matrix: LabelMatrix, tallies: PairTallies) -> tuple[PairAgreement, ...]:
    return tuple(
        _pair(matrix, tallies, first, second)
        for first, second in combinations(range(len(matrix.annotators)), 2)
    )


def _pair(matrix: LabelMatrix, tallies: PairTallies, a: int, b: int) -> PairAgreement:
    units = float(tallies.common[a, b])
    reason = Undefined.NO_COMMON_UNITS if units == 0 else Undefined.NO_VARIATION
    themes = []
    for bit, key in enumerate(matrix.theme_keys):
        yes = (
            tallies.both_yes[bit, a, b],
            tallies.first_yes[bit, a, b],
            tallies.second_yes[bit, a, b],
        )
        observed, kappa = cohen_kappa(units, *map(float, yes))
        themes.append(
            PairTheme(key, _finite(observed), _finite(kappa), None if kappa is not None else reason)
        )
    defined = [theme.kappa for theme in themes if theme.kappa is not None]
    return PairAgreement(
        annotators=(matrix.annotators[a], matrix.annotators[b]),
        units=int(units),
        same_label_set=_finite(tallies.same_set[a, b] / units) if units else None,
        themes=tuple(themes),
        mean_kappa=_finite(math.fsum(defined) / len(defined)) if defined else None,
        undefined=None if defined else reason,
    )


def _finite(value: float | None) -> float | None:
    """A plain float, or None for None and for what is not a finite number."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None
