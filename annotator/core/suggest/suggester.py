"""Suggest themes for sentences: the current themes and lexicons, with or without a trained model.

    suggester = Suggester(theme_keys, lexicons, model)   # model None: lexicons alone
    batch = suggester.suggest(texts)                       # a batch of any size
    batch.row(0).suggested, batch.scores, batch.matches[0]

Build one Suggester per scheme/lexicon/model version and reuse it: building compiles the
lexicon regex (milliseconds); suggesting costs per sentence only. Themes the model was not
trained on (added later) are scored by their lexicon alone; themes retired since training are
not in `theme_keys` and so not in the output. Scores are probabilities in [0, 1], never NaN.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.core.suggest.features import hits_array, prepare
from annotator.core.suggest.matcher import LexiconMatcher
from annotator.core.suggest.model import DEFAULT_THRESHOLD, SuggestionModel, ThemeModel


@dataclass(frozen=True)
class Suggestion:
    suggested: tuple[str, ...]  # theme keys at or above their threshold, in theme order
    scores: dict[str, float]  # theme key -> probability
    matched_terms: dict[str, tuple[str, ...]]  # theme key -> lexicon terms found (the "why")


@dataclass
class SuggestionBatch:
    theme_keys: tuple[str, ...]
    scores: np.ndarray  # texts × theme_keys, float64 in [0, 1]
    suggested: np.ndarray  # texts × theme_keys, bool
    matches: list[dict[str, tuple[str, ...]]]

    def __len__(self) -> int:
        return len(self.matches)

    def row(self, index: int) -> Suggestion:
        keys = self.theme_keys
        return Suggestion(
            tuple(k for k, on in zip(keys, self.suggested[index], strict=True) if on),
            {k: float(s) for k, s in zip(keys, self.scores[index], strict=True)},
            self.matches[index],
        )

    def rows(self) -> list[Suggestion]:
        return [self.row(i) for i in range(len(self))]


class Suggester:
    def __init__(
        self,
        theme_keys: Sequence[str],
        lexicons: Mapping[str, Iterable[str]],
        model: SuggestionModel | None = None,
    ):
        self.theme_keys = tuple(theme_keys)
        self.model = model
        trained = model.theme_keys if model else ()
        # Lexicon columns: the model's themes first (its features expect them in that order).
        self._columns = tuple(dict.fromkeys((*trained, *self.theme_keys)))
        self._matcher = LexiconMatcher({key: tuple(lexicons.get(key, ())) for key in self._columns})
        self._fallback = ThemeModel(None)  # a theme the model does not know: lexicon only

    def suggest(self, texts: Sequence[str]) -> SuggestionBatch:
        prepared = prepare(texts)
        counts, matches = self._matcher.scan_many(prepared.folded)
        hits = hits_array(self._matcher, counts, len(texts))
        trained = self.model.theme_keys if self.model else ()
        model_scores = self.model.score(prepared, hits[:, : len(trained)]) if self.model else None
        scores = np.zeros((len(texts), len(self.theme_keys)))
        thresholds = np.full(len(self.theme_keys), DEFAULT_THRESHOLD)
        for i, key in enumerate(self.theme_keys):
            if key in trained:
                scores[:, i] = model_scores[:, trained.index(key)]
                thresholds[i] = self.model.themes[key].threshold
            else:
                scores[:, i] = self._fallback.score(None, hits[:, self._columns.index(key)])
        scores = np.clip(np.nan_to_num(scores, nan=0.0), 0.0, 1.0)
        return SuggestionBatch(self.theme_keys, scores, scores >= thresholds, matches)

    def staleness(self, lexicons: Mapping[str, Iterable[str]]) -> list[str]:
        """Why the model should be retrained (empty: it is current for these themes/lexicons)."""
        from annotator.core.suggest.model import lexicon_fingerprint

        if self.model is None:
            return ["no model has been trained"]
        reasons = []
        added = [k for k in self.theme_keys if k not in self.model.theme_keys]
        retired = [k for k in self.model.theme_keys if k not in self.theme_keys]
        if added:
            reasons.append(f"themes added since training: {', '.join(added)}")
        if retired:
            reasons.append(f"themes retired since training: {', '.join(retired)}")
        current = {k: tuple(lexicons.get(k, ())) for k in self.model.theme_keys}
        if lexicon_fingerprint(current) != self.model.info.lexicon_fingerprint:
            reasons.append("theme keywords changed since training")
        return reasons
