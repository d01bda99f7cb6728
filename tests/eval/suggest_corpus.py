"""The theme-suggestion gold set: sentences of ../shared/corpora referenced by offsets, never copied.

`suggest_gold.tsv` (beside this file) holds one labelled unit a line:

    path <TAB> document <TAB> start <TAB> end <TAB> sha256 <TAB> labels

- path: corpus-relative file (under `shared/corpora/`);
- document: the ANT article's DOCNO, or the UniversalPetrarch `<Sentence id>`;
- start, end: code-point offsets of the unit in the document's text as the project segments it
  (ANT: `read_file` + `build_article`, so `article.text[start:end]`; UniversalPetrarch: the
  `<Text>` element cleaned with `clean_text`, then `split_paragraph`);
- sha256: of the unit's text (UTF-8), so a changed corpus or segmenter is caught, not mislabelled;
- labels: theme keys joined by `,` (empty: no theme).

The labelling guidelines are in SUGGEST_GUIDELINES.md.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.document import build_article
from annotator.core.readers import read_file
from annotator.core.segment import split_paragraph
from annotator.core.text import clean_text

GOLD_FILE = Path(__file__).with_name("suggest_gold.tsv")
ANT_FOLDERS = ("news_text/ant_multisource_v2.1", "news_text/ant_jawharafm_v1.1")
PETRARCH_FOLDER = "news_text/labeled_sentences_universalpetrarch"
_PETRARCH_SENTENCE = re.compile(
    r'<Sentence\b[^>]*\bid="(?P<id>[^"]+)"[^>]*>.*?<Text>(?P<text>.*?)</Text>', re.DOTALL
)


@dataclass(frozen=True)
class CorpusUnit:
    path: str  # relative to shared/corpora
    document: str
    start: int
    end: int
    text: str

    @property
    def sha256(self) -> str:
        return text_hash(self.text)

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.path, self.document, self.start, self.end)


@dataclass(frozen=True)
class GoldUnit:
    path: str
    document: str
    start: int
    end: int
    sha256: str
    labels: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.path, self.document, self.start, self.end)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ant_units(corpora: Path, relative: str) -> Iterator[CorpusUnit]:
    """Every unit (title, headings, sentences) of one ANT file, as the importer segments it."""
    for draft in read_file(corpora / relative):
        article = build_article(draft)
        for unit in article.units:
            yield CorpusUnit(relative, draft.original_id, unit.start, unit.end, unit.text)


def petrarch_units(corpora: Path, relative: str) -> Iterator[CorpusUnit]:
    """The units of each UniversalPetrarch `<Sentence>` (a sentence can hold two)."""
    # Scanned, not parsed as XML: the files are not well-formed (a stray "<" in a parse).
    raw = (corpora / relative).read_text(encoding="utf-8")
    for match in _PETRARCH_SENTENCE.finditer(raw):
        text = clean_text(html.unescape(match["text"]).strip())
        for start, end in split_paragraph(text):
            yield CorpusUnit(relative, match["id"], start, end, text[start:end])


def ant_files(corpora: Path) -> list[str]:
    found = []
    for folder in ANT_FOLDERS:
        found += [str(p.relative_to(corpora)) for p in sorted((corpora / folder).rglob("*.txt"))]
    return found


def petrarch_files() -> list[str]:
    return [
        f"{PETRARCH_FOLDER}/arabic_assault_gsr_validation.xml",
        f"{PETRARCH_FOLDER}/arabic_protest_gsr_validation.xml",
    ]


def units_of(corpora: Path, relative: str) -> list[CorpusUnit]:
    reader = petrarch_units if relative.startswith(PETRARCH_FOLDER) else ant_units
    return list(reader(corpora, relative))


def read_gold(path: Path = GOLD_FILE) -> list[GoldUnit]:
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            raise ValueError(f"{path}:{number}: expected 6 tab-separated fields")
        rel, doc, start, end, digest, labels = fields
        keys = tuple(k for k in labels.split(",") if k)
        gold.append(GoldUnit(rel, doc, int(start), int(end), digest, keys))
    return gold


def resolve_gold(corpora: Path, gold: list[GoldUnit]) -> list[tuple[GoldUnit, str]]:
    """Each gold unit with its text re-read from the corpus; raises on a missing unit or a
    hash mismatch (the corpus or the segmenter changed: the labels no longer apply)."""
    by_file: dict[str, dict[tuple, CorpusUnit]] = {}
    resolved = []
    for unit in gold:
        if unit.path not in by_file:
            by_file[unit.path] = {u.key: u for u in units_of(corpora, unit.path)}
        found = by_file[unit.path].get(unit.key)
        if found is None:
            raise ValueError(f"gold unit not found in the corpus: {unit.key}")
        if found.sha256 != unit.sha256:
            raise ValueError(f"gold unit text changed (hash mismatch): {unit.key}")
        resolved.append((unit, found.text))
    return resolved
