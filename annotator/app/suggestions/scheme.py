"""The themes suggestions are for: the active scheme's keys and each theme's keywords."""

from __future__ import annotations

from annotator.core.suggest.lexicon import lexicons_of
from annotator.storage.store import Store


def active_scheme(store: Store) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """(keys of the themes in use, in scheme order; theme key -> lexicon terms).

    The lexicons include retired themes: a model trained before a theme was retired is then
    out of date because of the retirement alone, not also for "keywords changed"."""
    themes = store.themes.list(include_retired=True)
    keys = tuple(t.key for t in themes if not t.retired)
    return keys, lexicons_of({t.key: t.keywords for t in themes})
