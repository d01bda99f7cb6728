"""Theme suggestions (issue 14): lexicons from the first minute, a model from the labels.

The parts, each usable alone (no Qt, no SQL):

- lexicon.py: `parse_terms(text)` / `format_terms(terms)` for a theme's keyword list as typed in
  an editor, `default_lexicons()` for the bundled resources/lexicons/<theme key>.txt;
- matcher.py: `LexiconMatcher(lexicons).match(text)` → {theme key: terms found};
- model.py: `LabelledUnit(text, labels, group)` and `train(units, lexicons, theme_keys)` →
  `SuggestionModel` (with `.info`: training size, date, cross-validated scores);
- suggester.py: `Suggester(theme_keys, lexicons, model_or_None).suggest(texts)` →
  `SuggestionBatch` (scores, suggested, matched terms per sentence; `.row(i)` → `Suggestion`);
- serialize.py: `to_bytes(model)` / `from_bytes(data)` (raises `ModelFormatError`);
- evaluate.py: `cross_validate`, `lexicon_only`, `learning_curve` split by article.

The names below are imported when first used (PEP 562): the storage layer checks keywords with
`parse_terms` and the window reads stored suggestions, and neither must pay for importing
scikit-learn and scipy (about a second) just because this package was imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_MODULE_OF = {
    "Evaluation": "evaluate",
    "cross_validate": "evaluate",
    "learning_curve": "evaluate",
    "lexicon_only": "evaluate",
    "LexiconError": "lexicon",
    "default_lexicons": "lexicon",
    "format_terms": "lexicon",
    "lexicons_of": "lexicon",
    "parse_terms": "lexicon",
    "LexiconMatcher": "matcher",
    "LabelledUnit": "model",
    "ModelInfo": "model",
    "SuggestionModel": "model",
    "train": "model",
    "ModelFormatError": "serialize",
    "from_bytes": "serialize",
    "to_bytes": "serialize",
    "Suggester": "suggester",
    "Suggestion": "suggester",
    "SuggestionBatch": "suggester",
}
__all__ = [
    "Evaluation",
    "LabelledUnit",
    "LexiconError",
    "LexiconMatcher",
    "ModelFormatError",
    "ModelInfo",
    "Suggester",
    "Suggestion",
    "SuggestionBatch",
    "SuggestionModel",
    "cross_validate",
    "default_lexicons",
    "format_terms",
    "from_bytes",
    "learning_curve",
    "lexicon_only",
    "lexicons_of",
    "parse_terms",
    "to_bytes",
    "train",
]


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from annotator.core.suggest.evaluate import (
        Evaluation,
        cross_validate,
        learning_curve,
        lexicon_only,
    )
    from annotator.core.suggest.lexicon import (
        LexiconError,
        default_lexicons,
        format_terms,
        lexicons_of,
        parse_terms,
    )
    from annotator.core.suggest.matcher import LexiconMatcher
    from annotator.core.suggest.model import LabelledUnit, ModelInfo, SuggestionModel, train
    from annotator.core.suggest.serialize import ModelFormatError, from_bytes, to_bytes
    from annotator.core.suggest.suggester import Suggester, Suggestion, SuggestionBatch
