"""Boilerplate lines and section names, read from the user-editable resources/boilerplate.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from annotator.core.normalize import normalize
from annotator.core.resources import resource_path
from annotator.core.text import clean_line

MAX_BOILERPLATE_LINE = 400  # longer lines are never dropped as boilerplate
SECTIONS = ("drop_line", "drop_line_prefix", "drop_line_regex", "categories")
_SECTION_HEADER = re.compile(r"^\[(\w+)\]$")
# Punctuation and symbols ignored at either end of a line when matching ("اترك تعليقاً:").
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def match_key(line: str) -> str:
    """The form in which lines and entries are compared: folded letters, single spaces.

    Expects cleaned text (text.clean_text), as readers have it: NFC is not redone here
    because readers compare every line of every article.
    """
    return _EDGE_PUNCTUATION.sub("", " ".join(normalize(line).split()))


class BoilerplateFileError(ValueError):
    """The boilerplate file has a line that cannot be understood."""


@dataclass
class Boilerplate:
    """Lines to drop from imported text, and the section names a page may start with."""

    drop_lines: set[str] = field(default_factory=set)
    drop_prefixes: tuple[str, ...] = ()
    drop_patterns: tuple[re.Pattern[str], ...] = ()
    categories: set[str] = field(default_factory=set)
    _key_chars: int = field(init=False, repr=False)
    _prefixes: re.Pattern[str] | None = field(init=False, repr=False)
    _any_pattern: re.Pattern[str] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Entries are short: only the start of a long paragraph needs folding to compare
        # (readers test every line of every article, so this keeps imports fast).
        longest = max(map(len, [*self.drop_lines, *self.drop_prefixes]), default=0)
        self._key_chars = max(80, 4 * longest)
        # One alternation for all prefixes; a prefix must end on a word boundary
        # ("اقرأ أيضا" drops "اقرأ أيضا: ..." but not "اقرأ أيضاها").
        alternatives = "|".join(
            re.escape(p) for p in sorted(self.drop_prefixes, key=len, reverse=True) if p
        )
        self._prefixes = re.compile(f"(?:{alternatives})(?!\\w)") if alternatives else None
        # One search for all user patterns instead of one per pattern and line.
        combined = "|".join(f"(?:{p.pattern})" for p in self.drop_patterns)
        self._any_pattern = re.compile(combined, re.IGNORECASE) if combined else None

    @classmethod
    def load(cls, path: str | Path | None = None) -> Boilerplate:
        """Read a boilerplate file (default: the bundled resources/boilerplate.txt)."""
        source = Path(path) if path else resource_path("boilerplate.txt")
        return cls.parse(source.read_text(encoding="utf-8-sig"), str(source))

    @classmethod
    def parse(cls, text: str, source: str = "<text>") -> Boilerplate:
        entries = _entries_by_section(text, source)
        return cls(
            drop_lines={match_key(e) for e in entries["drop_line"]},
            drop_prefixes=tuple(match_key(e) for e in entries["drop_line_prefix"]),
            drop_patterns=tuple(_compile(e, source) for e in entries["drop_line_regex"]),
            categories={match_key(e) for e in entries["categories"]},
        )

    def is_boilerplate(self, line: str) -> bool:
        """Whether a line (cleaned text, as readers hold it) is page furniture to drop."""
        # Page furniture is short; longer lines are article prose. Checking only short lines
        # keeps imports fast: readers test every line of every article.
        if not line.strip() or len(line) > MAX_BOILERPLATE_LINE:
            return False
        if self._any_pattern is not None and self._any_pattern.search(line):
            return True
        key = match_key(line[: self._key_chars])
        if len(line) <= self._key_chars and key in self.drop_lines:
            return True
        return self._prefixes is not None and self._prefixes.match(key) is not None

    def is_category(self, line: str) -> bool:
        return match_key(line) in self.categories


@lru_cache(maxsize=1)
def default_boilerplate() -> Boilerplate:
    """The bundled list, read once per process."""
    return Boilerplate.load()


def _entries_by_section(text: str, source: str) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {name: [] for name in SECTIONS}
    section = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean_line(raw)
        if not line or line.startswith("#"):
            continue
        header = _SECTION_HEADER.match(line)
        if header:
            section = header.group(1)
            if section not in entries:
                raise BoilerplateFileError(f"{source}:{number}: unknown section [{section}]")
        elif section is None:
            raise BoilerplateFileError(f"{source}:{number}: entry before any [section] line")
        else:
            entries[section].append(line)
    return entries


def _compile(pattern: str, source: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise BoilerplateFileError(
            f"{source}: bad regular expression {pattern!r}: {error}"
        ) from None
