"""Suggestions as records, in article order, for `annotator suggest` (computed first if needed).

Each record: {"article_id", "sentence_index", "text", "suggested": [theme keys], "scores":
{theme key: probability}} over the themes in use. In a project that can be written the
missing suggestions are computed and stored first; in one that cannot (a read-only medium)
they are computed in memory, article by article, and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from annotator.app.suggestions.engine import SuggestionEngine
from annotator.storage.rows import StoredSuggestion
from annotator.storage.store import Store


class UnknownArticle(LookupError):
    """An article id the project does not have."""


def suggestion_records(
    engine: SuggestionEngine, article_id: int | None = None, progress: Callable = lambda _n: None
) -> Iterator[dict]:
    store, scorer = engine.store, engine.scorer
    assert scorer is not None, "ensure_model() first"
    if article_id is not None and store.articles.get(article_id) is None:
        raise UnknownArticle(f"no article with id {article_id}")
    if store.read_only:
        yield from _computed_in_memory(store, engine, article_id)
        return
    if article_id is not None:
        engine.suggest_article(article_id)
    else:
        engine.suggest_all(progress)
    for article, index, text, stored in store.suggestions.project_rows(article_id):
        yield record(article, index, text, stored, scorer.theme_keys)


def _computed_in_memory(store: Store, engine: SuggestionEngine, article_id: int | None):
    scorer = engine.scorer
    for article in [article_id] if article_id is not None else store.articles.ids():
        units = store.articles.units(article)
        rows = scorer.rows([(u.id, u.text) for u in units]) if units else []
        for unit, (_id, model_id, themes, scores) in zip(units, rows, strict=True):
            stored = StoredSuggestion(tuple(json.loads(themes)), json.loads(scores), model_id)
            yield record(article, unit.index, unit.text, stored, scorer.theme_keys)


def record(
    article_id: int, index: int, text: str, stored: StoredSuggestion | None, keys: tuple[str, ...]
) -> dict:
    themes = stored.themes if stored else ()
    scores = stored.scores if stored else {}
    return {
        "article_id": article_id,
        "sentence_index": index,
        "text": text,
        "suggested": [k for k in keys if k in themes],
        "scores": {k: scores[k] for k in keys if k in scores},
    }
