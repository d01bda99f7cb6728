"""Agreement between the annotators of a project (the figures: core/agreement)."""

from __future__ import annotations

from annotator.core.agreement import AgreementReport, LabelMatrix, compute_agreement
from annotator.core.agreement.compute import DEFAULT_RESAMPLES
from annotator.storage.store import Store


def project_agreement(
    store: Store,
    annotators: list[str] | None = None,
    theme: str | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
) -> AgreementReport:
    """Per theme and over whole label sets, on sentences two or more annotators finished.

    Raises ValueError naming an unknown annotator or theme."""
    done = store.judgements.done(annotators)
    missing = sorted(set(annotators or ()) - set(done.annotators))
    if missing:
        raise ValueError(f"no annotator named {', '.join(missing)} in this project")
    matrix = LabelMatrix.from_columns(
        done.unit_ids,
        done.annotator_indices,
        done.masks,
        annotators=done.annotators,
        theme_keys=done.theme_keys,
    )
    if theme is not None:
        if theme not in done.theme_keys:
            raise ValueError(f"no theme with key {theme!r}")
        matrix = matrix.select(themes=[theme])
    return compute_agreement(matrix, resamples=resamples, seed=seed)
