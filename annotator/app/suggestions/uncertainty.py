"""How unsure a suggestion is: the distance of each theme's score from its threshold.

A theme's uncertainty is 1 - 2|score - threshold| (never below 0): 1 on the threshold, where
the model could go either way, falling to 0 half a unit away. A sentence is as uncertain as
its most uncertain theme; storage.suggestions computes the same per article in SQL.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_THRESHOLD = 0.5


def unit_uncertainty(scores: Mapping[str, float], thresholds: Mapping[str, float]) -> float:
    """The most uncertain theme's uncertainty, over the themes scored (0 when none)."""
    return max(
        (
            max(0.0, 1.0 - 2.0 * abs(score - thresholds.get(key, DEFAULT_THRESHOLD)))
            for key, score in scores.items()
        ),
        default=0.0,
    )


def thresholds_of(info: Mapping) -> dict[str, float]:
    """The per-theme thresholds a saved model's info holds ({} when it holds none)."""
    found = info.get("thresholds") if isinstance(info, Mapping) else None
    if not isinstance(found, Mapping):
        return {}
    return {k: float(v) for k, v in found.items() if isinstance(v, int | float)}
