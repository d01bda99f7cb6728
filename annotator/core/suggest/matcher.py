"""Find lexicon terms in sentences: one compiled regular expression for every theme's terms.

Matching works on normalize()d text (alef forms, ى/ي, ة/ه, hamza seats, diacritics, tatweel and
case folded, as search does) and is clitic-aware, word by word, also inside phrases:

- before a word: the proclitics و ف, then ب ك ل, then the article ال (لل for ل + ال);
- after it: an attached pronoun (ه ها هما هم هن ك كما كم كن ي نا), before which a final ة is
  written ت (`إعادة` matches `إعادتها`);
- nothing else: `عمار` does not match `إعمار`, nor `سلام` `إسلام`. A term ending in `*` is a stem
  and matches any ending.

Why one regex: all terms go into a character trie turned into nested alternations, so the
engine (C code) tests each word start once against every term at the cost of the longest term,
not of the number of terms. Each trie leaf is an empty named group; the match's `lastgroup`
says which term was found without any Python work per word. Where two terms overlap at one
position the longest wins (a phrase over its first word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.core.normalize import normalize
from annotator.core.suggest.lexicon import WILDCARD, strip_article

PRONOUN = "(?:هما|هم|هن|ها|ه|كما|كم|كن|ك|ي|نا)"
_PREFIX = "(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"
_SUFFIX = f"{PRONOUN}?"
_TA = f"(?:ه|ت(?={PRONOUN}(?!\\w)))"  # ة, or ت when a pronoun follows: حكومة → حكومتها
_SEPARATOR = f"{_SUFFIX}\\s+{_PREFIX}"
_END, _STAR, _SEP, _TA_ATOM = "\x00end", "\x00star", "\x00sep", "\x00ta"


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    leaf: int | None = None  # index into LexiconMatcher._leaves


def _atoms(term: str) -> list[str]:
    """A term as trie atoms: letters, TA for a word-final ه, SEP between words, STAR."""
    wildcard = term.endswith(WILDCARD)
    words = [strip_article(w) for w in normalize(term.removesuffix(WILDCARD)).split()]
    atoms: list[str] = []
    for index, word in enumerate(words):
        if index:
            atoms.append(_SEP)
        last = not wildcard and word.endswith("ه") and len(word) > 1
        atoms += list(word[:-1]) + [_TA_ATOM] if last else list(word)
    return atoms + [_STAR] if wildcard else atoms


def _atom_pattern(atom: str) -> str:
    return {_SEP: _SEPARATOR, _TA_ATOM: _TA}.get(atom) or re.escape(atom)


class LexiconMatcher:
    """Which themes' terms occur in a sentence, and which terms (to explain a suggestion)."""

    def __init__(self, lexicons: Mapping[str, Iterable[str]]):
        self.theme_keys: tuple[str, ...] = tuple(lexicons)
        self._leaves: list[list[tuple[int, str]]] = []  # leaf -> [(theme index, term)]
        root = _Node()
        for theme_index, key in enumerate(self.theme_keys):
            for term in lexicons[key]:
                self._add(root, _atoms(term), theme_index, term)
        body = self._pattern(root) if root.children else None
        self._regex = re.compile(f"(?<!\\w){_PREFIX}(?:{body})") if body else None

    def _add(self, root: _Node, atoms: list[str], theme_index: int, term: str) -> None:
        node = root
        for atom in atoms:
            node = node.children.setdefault(atom, _Node())
        end = node.children.setdefault(_END, _Node())
        if end.leaf is None:
            end.leaf = len(self._leaves)
            self._leaves.append([])
        if all(t != theme_index for t, _ in self._leaves[end.leaf]):
            self._leaves[end.leaf].append((theme_index, term))

    def _pattern(self, node: _Node) -> str:
        branches = []
        # Longer matches first: letters and separators before the end of a term.
        for atom in sorted(node.children, key=lambda a: (a == _END, a == _STAR)):
            child = node.children[atom]
            if atom == _END:
                branches.append(f"{_SUFFIX}(?!\\w)(?P<g{child.leaf}>)")
            elif atom == _STAR:
                branches.append(f"\\w*{self._pattern(child)}")
            else:
                branches.append(_atom_pattern(atom) + self._pattern(child))
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    def match(self, text: str) -> dict[str, tuple[str, ...]]:
        """Theme key -> the terms found in `text` (first occurrence order; empty: none)."""
        return self.match_normalized(normalize(text))

    def match_normalized(self, folded: str) -> dict[str, tuple[str, ...]]:
        return self._found(self._scan(folded))

    def _found(self, leaves: list[int]) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for leaf in leaves:
            for theme_index, term in self._leaves[leaf]:
                terms = found.setdefault(self.theme_keys[theme_index], [])
                if term not in terms:
                    terms.append(term)
        return {key: tuple(terms) for key, terms in found.items()}

    def match_many(self, texts: Sequence[str]) -> list[dict[str, tuple[str, ...]]]:
        return [self.match(text) for text in texts]

    def hit_counts(self, folded_texts: Sequence[str]) -> list[list[int]]:
        """Per normalised text, per theme (in theme_keys order): how many term matches."""
        return self.scan_many(folded_texts)[0]

    def scan_many(
        self, folded_texts: Sequence[str]
    ) -> tuple[list[list[int]], list[dict[str, tuple[str, ...]]]]:
        """hit_counts() and match_normalized() of every text, scanning each text once."""
        counts, matches = [], []
        width = len(self.theme_keys)
        empty: dict[str, tuple[str, ...]] = {}
        for folded in folded_texts:
            leaves = self._scan(folded)
            row = [0] * width
            for leaf in leaves:
                for theme_index, _ in self._leaves[leaf]:
                    row[theme_index] += 1
            counts.append(row)
            matches.append(self._found(leaves) if leaves else empty)
        return counts, matches

    def _scan(self, folded: str) -> list[int]:
        if self._regex is None:
            return []
        return [int(m.lastgroup[1:]) for m in self._regex.finditer(folded)]
