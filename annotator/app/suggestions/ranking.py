"""Articles in order of how unsure the suggestions for their unfinished sentences are.

Read on its own read-only connection, off the window's thread: at a million sentences the
query reads every stored suggestion (about two seconds). The window keeps the result for the
article list's "Most uncertain first" order and for U at the end of an article.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.app.suggestions.uncertainty import DEFAULT_THRESHOLD, thresholds_of
from annotator.storage.store import Store


def rank_articles(path: Path, annotator: str, theme_keys: Sequence[str]) -> list[int]:
    """Article ids with suggested sentences `annotator` has not done, most uncertain first."""
    with Store(path, read_only=True) as store:
        saved = store.suggestions.latest_model(with_data=False)
        thresholds = dict.fromkeys(theme_keys, DEFAULT_THRESHOLD)
        if saved is not None:
            known = thresholds_of(saved.info)
            thresholds.update({k: v for k, v in known.items() if k in thresholds})
        return [
            article for article, _ in store.suggestions.article_uncertainty(annotator, thresholds)
        ]


def display_order(ranked: Sequence[int], all_ids: Sequence[int]) -> list[int]:
    """Every article once: the ranked ones first, then the others in import order."""
    chosen = set(ranked)
    return [*ranked, *(i for i in all_ids if i not in chosen)]
