"""Inter-annotator agreement: per theme, over whole label sets, and per pair of annotators.

No Qt and no SQL here: the storage layer builds a LabelMatrix (one row per sentence unit,
one column per annotator, each cell the bitmask of the themes that annotator gave, or
MISSING where they did not mark the unit done), and the CLI, the window and the dataset card
call compute_agreement and show its AgreementReport.

    matrix = LabelMatrix.from_columns(unit_ids, annotator_indices, masks,
                                      annotators=names, theme_keys=keys)
    report = compute_agreement(matrix.select(annotators=["a", "b"]), resamples=1000, seed=0)
    report.theme("military").alpha.value, report.to_json()

What each figure means, and how edge cases are reported, is in README.md ("Agreement").
"""

from annotator.core.agreement.compute import (
    DEFAULT_CONFIDENCE,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    compute_agreement,
)
from annotator.core.agreement.masi import masi_distance
from annotator.core.agreement.matrix import MISSING, LabelMatrix
from annotator.core.agreement.reading import READING_GUIDE, Reading, ReadingBand, read_alpha
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
    explain,
)

__all__ = [
    "DEFAULT_CONFIDENCE",
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "MISSING",
    "READING_GUIDE",
    "AgreementReport",
    "Alpha",
    "BootstrapSettings",
    "FleissKappa",
    "LabelMatrix",
    "LabelSetAgreement",
    "MeanKappa",
    "PairAgreement",
    "PairTheme",
    "Reading",
    "ReadingBand",
    "ThemeAgreement",
    "Undefined",
    "compute_agreement",
    "explain",
    "masi_distance",
    "read_alpha",
]
