"""The `suggested` and `scores` fields of an export asked `--with-suggestions`.

A unit row then carries the stored suggestion as two JSON texts (source.SUGGESTED and
source.SCORES; None where none was computed yet). Records show the suggestion as last
computed, over the themes in use: `suggested` the keys at or above their thresholds in theme
order, `scores` each theme's probability; null for a unit never scored.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

SUGGESTION_FIELDS = ("suggested", "scores")
SUGGESTION_FIELD_ROWS = [  # the dataset card's table of fields
    ["suggested", "list of strings", "themes the project's model suggests (null: not computed)"],
    ["scores", "theme -> number", "each theme's suggested probability, as last computed"],
]


class SuggestionDecoder:
    """Stored JSON texts -> (suggested keys, scores), restricted to the themes in use."""

    def __init__(self, theme_keys: Sequence[str]):
        self.keys = tuple(theme_keys)

    def __call__(
        self, themes: str | None, scores: str | None
    ) -> tuple[list[str] | None, dict[str, float] | None]:
        if themes is None:
            return None, None
        try:
            chosen, values = json.loads(themes), json.loads(scores or "{}")
        except ValueError:
            return None, None
        if not isinstance(chosen, list) or not isinstance(values, dict):
            return None, None
        return (
            [k for k in self.keys if k in chosen],
            {k: float(values[k]) for k in self.keys if isinstance(values.get(k), int | float)},
        )
