"""Sentence features for the suggestion model: TF-IDF of character and word n-grams, lexicon hits.

- Character 3-5-grams inside words (each word marked `<word>`, as scikit-learn's `char_wb`
  pads words) of normalize()d text: they see through Arabic morphology (clitics, plurals,
  feminine endings) that word features split into unrelated tokens, and spelling variants.
- Word 1-2-grams of index_key() text (search's form: normalised, proclitics removed), so
  `والجيش` and `الجيش` are one feature and `إعادة الإعمار` is one feature.
- Lexicon hits: one column per theme, min(hits, 3) / 3, so the model learns how far to trust
  each theme's lexicon from the project's own labels.

Why hashing (HashingVectorizer) and regex n-grams: suggestions are computed for a whole
project (a million sentences in the background). scikit-learn's own `char_wb` analyzer builds
n-grams in a Python loop and looks each up in a vocabulary dict (~70-300 µs a sentence); here
overlapping regex look-aheads cut the n-grams in C and the hashing runs in Cython (~20 µs).
Hashing also means there is no vocabulary to store: the fitted state is one idf array.
Collisions in 2^20 buckets cost nothing measurable at this scale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize as l2_normalize

from annotator.core.normalize import index_key, normalize
from annotator.core.suggest.matcher import LexiconMatcher

N_FEATURES = 2**20
LEXICON_CAP = 3
_WORD = re.compile(r"\w+")
_KEY_WORD = re.compile(r"\w\w+")
_CHAR_NGRAMS = tuple(re.compile(f"(?=([\\w<>]{{{n}}}))") for n in (3, 4, 5))


def analyze(folded: str) -> list[str]:
    """The n-grams of one normalised text: character 3-5-grams within words, word 1-2-grams."""
    marked = _WORD.sub(r"<\g<0>>", folded)
    grams = [gram for pattern in _CHAR_NGRAMS for gram in pattern.findall(marked)]
    words = _KEY_WORD.findall(index_key(folded))
    grams += [f"\x01{word}" for word in words]  # \x01: a word never equals a character n-gram
    grams += [f"\x01{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    return grams


_HASHER = HashingVectorizer(
    analyzer=analyze, n_features=N_FEATURES, alternate_sign=False, norm=None, dtype=np.float32
)


def term_counts(folded: Sequence[str]) -> sp.csr_matrix:
    return _HASHER.transform(folded).tocsr()


def document_frequency_idf(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed idf as TfidfVectorizer computes it: ln((1 + n) / (1 + df)) + 1."""
    document_frequency = np.bincount(counts.indices, minlength=N_FEATURES)
    rows = counts.shape[0]
    return (np.log((1.0 + rows) / (1.0 + document_frequency)) + 1.0).astype(np.float32)


def tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear tf times idf, rows L2-normalised (TfidfVectorizer's sublinear_tf=True)."""
    weighted = counts.copy()
    np.log(weighted.data, out=weighted.data)
    weighted.data += 1.0
    weighted.data *= idf[weighted.indices]
    return l2_normalize(weighted, copy=False)


@dataclass
class PreparedTexts:
    """Texts normalised once per batch, for the n-grams and the lexicon."""

    folded: list[str]


def prepare(texts: Sequence[str]) -> PreparedTexts:
    return PreparedTexts([normalize(text) for text in texts])


@dataclass
class FeatureSpace:
    idf: np.ndarray  # N_FEATURES float32: the whole fitted state

    @classmethod
    def fit(cls, prepared: PreparedTexts) -> FeatureSpace:
        return cls(document_frequency_idf(term_counts(prepared.folded)))

    def transform(self, prepared: PreparedTexts, hits: np.ndarray) -> sp.csr_matrix:
        """Rows of n-gram features followed by one lexicon column per theme of `hits`."""
        ngrams = tfidf(term_counts(prepared.folded), self.idf)
        lexicon = sp.csr_matrix(lexicon_columns(hits), dtype=np.float32)
        return sp.hstack([ngrams, lexicon], format="csr", dtype=np.float32)


def lexicon_hits(matcher: LexiconMatcher, prepared: PreparedTexts) -> np.ndarray:
    """Term matches per text and theme (matcher.theme_keys order)."""
    counts = matcher.hit_counts(prepared.folded)
    shape = (len(prepared.folded), len(matcher.theme_keys))
    return np.asarray(counts, dtype=np.float32).reshape(shape)


def lexicon_columns(hits: np.ndarray) -> np.ndarray:
    return np.minimum(hits, LEXICON_CAP) / LEXICON_CAP
