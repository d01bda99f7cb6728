"""Measure the sentence splitter: boundary precision/recall/F1 and speed.

Usage: python tests/eval/eval_segmentation.py [--shared PATH] [--quick] [--json]

Boundary scheme: within one call of split_paragraph (one UD document, one seed paragraph),
a boundary is the end offset of every unit except the last. The end of a paragraph is not
counted: it is given, not decided by the splitter. A predicted boundary counts as correct
when a gold unit ends at exactly the same offset. Exact match: share of gold units that
come out as exactly one predicted unit (same start and end).

1. UD Arabic-PUD: gold sentences grouped by `# newdoc id`, joined with one space per document.
2. The seed article: body paragraphs between the title and "اترك تعليقاً", against the
   hand-checked gold in seed_gold.txt (one unit per line, in order).
3. Speed of split_paragraph alone over the UD documents, in gold sentences per second.

Exits 1 when UD F1 < 0.97 or seed F1 < 1.0, 2 when the shared folder is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from annotator.core.segment import split_paragraph  # noqa: E402
from tests.factories import paragraphs  # noqa: E402

UD_FILE = "corpora/ud_arabic/UD_Arabic-PUD/ar_pud-ud-test.conllu"
SEED_FILE = REPO / "seeds" / "000_567d9fe721965029.txt"
SEED_GOLD = Path(__file__).with_name("seed_gold.txt")
SEED_TITLE = "وزيرا الخارجية والدفاع السوريان يبحثان مع بوتين التعاون العسكري والاقتصادي"
SEED_BODY_END = "اترك تعليقاً"
UD_F1_TARGET = 0.97
SEED_F1_TARGET = 1.0

Span = tuple[int, int]


@dataclass
class Score:
    gold_units: int = 0
    exact_units: int = 0
    true_pos: int = 0
    predicted: int = 0
    gold_boundaries: int = 0

    def add(self, gold: list[Span], predicted: list[Span]) -> None:
        """Add one paragraph: gold and predicted spans over the same text."""
        gold_ends = {end for _, end in gold[:-1]}
        predicted_ends = {end for _, end in predicted[:-1]}
        self.gold_units += len(gold)
        self.exact_units += len(set(gold) & set(predicted))
        self.true_pos += len(gold_ends & predicted_ends)
        self.predicted += len(predicted_ends)
        self.gold_boundaries += len(gold_ends)

    def figures(self) -> dict[str, float]:
        precision = self.true_pos / self.predicted if self.predicted else 1.0
        recall = self.true_pos / self.gold_boundaries if self.gold_boundaries else 1.0
        total = precision + recall
        return {
            "precision": precision,
            "recall": recall,
            "f1": 2 * precision * recall / total if total else 0.0,
            "exact": self.exact_units / self.gold_units if self.gold_units else 1.0,
            "boundaries": self.gold_boundaries,
            "units": self.gold_units,
        }


def find_shared(option: str | None) -> Path:
    if option:
        return Path(option)
    if os.environ.get("ANNOTATOR_SHARED"):
        return Path(os.environ["ANNOTATOR_SHARED"])
    return REPO.parent / "shared"


def read_ud_documents(path: Path) -> list[list[str]]:
    """Gold sentences per document, in file order (`# newdoc id` repeats on every sentence)."""
    documents: dict[str, list[str]] = {}
    doc_id = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            doc_id = line.removeprefix("# newdoc id = ").strip()
        elif line.startswith("# text = "):
            documents.setdefault(doc_id, []).append(line.removeprefix("# text = ").strip())
    return list(documents.values())


def join_units(units: list[str], separator: str) -> tuple[str, list[Span]]:
    """The text of units joined by separator, and each unit's span in it."""
    spans, offset = [], 0
    for unit in units:
        spans.append((offset, offset + len(unit)))
        offset += len(unit) + len(separator)
    return separator.join(units), spans


def boundary_errors(text: str, gold: list[Span], predicted: list[Span]) -> list[str]:
    """Readable snippets around missed (FN) and spurious (FP) boundaries."""
    gold_ends = {end for _, end in gold[:-1]}
    predicted_ends = {end for _, end in predicted[:-1]}
    errors = [("FN", end) for end in gold_ends - predicted_ends]
    errors += [("FP", end) for end in predicted_ends - gold_ends]
    return [
        f"{kind}: …{text[max(0, end - 40) : end]}⟂{text[end : end + 25]}…"
        for kind, end in sorted(errors, key=lambda e: e[1])
    ]


def evaluate_ud(documents: list[list[str]]) -> tuple[Score, list[str]]:
    score, errors = Score(), []
    for sentences in documents:
        text, gold = join_units(sentences, " ")
        predicted = split_paragraph(text)
        score.add(gold, predicted)
        errors += boundary_errors(text, gold, predicted)
    return score, errors


def seed_body_paragraphs(seed_text: str) -> list[str]:
    """Body paragraphs: after the title paragraph, up to the comment form."""
    paras = paragraphs(seed_text)
    return paras[paras.index(SEED_TITLE) + 1 : paras.index(SEED_BODY_END)]


def gold_spans_in(paragraph: str, gold_lines: list[str]) -> list[Span]:
    """Consume gold lines (in order) that make up paragraph; their spans in it."""
    spans, cursor = [], 0
    while cursor < len(paragraph):
        unit = gold_lines.pop(0)
        if not paragraph.startswith(unit, cursor):
            raise ValueError(f"seed gold out of step with the seed at: {unit[:40]!r}")
        spans.append((cursor, cursor + len(unit)))
        cursor += len(unit)
        cursor += len(paragraph[cursor:]) - len(paragraph[cursor:].lstrip())
    return spans


def evaluate_seed(seed_text: str, gold_text: str) -> tuple[Score, list[str]]:
    gold_lines = [line.strip() for line in gold_text.splitlines() if line.strip()]
    score, errors = Score(), []
    for paragraph in seed_body_paragraphs(seed_text):
        gold = gold_spans_in(paragraph, gold_lines)
        predicted = split_paragraph(paragraph)
        score.add(gold, predicted)
        errors += boundary_errors(paragraph, gold, predicted)
    if gold_lines:
        raise ValueError(f"{len(gold_lines)} seed gold lines left over")
    return score, errors


def sentences_per_second(documents: list[list[str]], quick: bool) -> float:
    """Best of several timed passes of split_paragraph over the joined UD documents."""
    texts = [" ".join(sentences) for sentences in documents]
    sentences = sum(len(s) for s in documents)
    best = float("inf")
    for _ in range(3 if quick else 7):
        began = time.perf_counter()
        for _ in range(2 if quick else 5):
            for text in texts:
                split_paragraph(text)
        best = min(best, (time.perf_counter() - began) / (2 if quick else 5))
    return sentences / best


def _verdict(f1: float, target: float) -> str:
    return "ok" if f1 >= target else "BELOW TARGET"


def summary(results: dict, examples: int) -> str:
    ud, seed = results["ud"], results["seed"]
    lines = [
        "Sentence segmentation",
        f"  UD Arabic-PUD  P {ud['precision']:.4f}  R {ud['recall']:.4f}  F1 {ud['f1']:.4f}"
        f"  (target {UD_F1_TARGET}: {_verdict(ud['f1'], UD_F1_TARGET)})  exact {ud['exact']:.4f}"
        f"  [{ud['boundaries']} boundaries, {ud['units']} sentences]",
        f"  seed article   P {seed['precision']:.4f}  R {seed['recall']:.4f}  F1 {seed['f1']:.4f}"
        f"  (target {SEED_F1_TARGET}: {_verdict(seed['f1'], SEED_F1_TARGET)})"
        f"  exact {seed['exact']:.4f}"
        f"  [{seed['boundaries']} boundaries, {seed['units']} units]",
        f"  speed          {results['sentences_per_second']:,.0f} sentences/s (splitter alone)",
    ]
    errors = [f"seed {e}" for e in results["seed_errors"]] + [
        f"UD {e}" for e in results["ud_errors"]
    ]
    if errors and examples:
        lines.append(f"  {len(errors)} boundary errors (FN missed, FP spurious; ⟂ marks the spot):")
    lines += [f"    {error}" for error in errors[:examples]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", help="the shared folder (default: $ANNOTATOR_SHARED or ../shared)"
    )
    parser.add_argument("--quick", action="store_true", help="fewer timing passes")
    parser.add_argument("--json", action="store_true", help="print machine-readable figures")
    parser.add_argument("--examples", type=int, default=5, help="errors to show (default 5)")
    args = parser.parse_args(argv)
    ud_path = find_shared(args.shared) / UD_FILE
    if not ud_path.is_file():
        print(f"UD file not found: {ud_path} (use --shared or ANNOTATOR_SHARED)", file=sys.stderr)
        return 2
    documents = read_ud_documents(ud_path)
    ud_score, ud_errors = evaluate_ud(documents)
    seed_score, seed_errors = evaluate_seed(
        SEED_FILE.read_text(encoding="utf-8"), SEED_GOLD.read_text(encoding="utf-8")
    )
    results = {
        "ud": ud_score.figures(),
        "seed": seed_score.figures(),
        "sentences_per_second": sentences_per_second(documents, args.quick),
        "ud_errors": ud_errors,
        "seed_errors": seed_errors,
    }
    passed = results["ud"]["f1"] >= UD_F1_TARGET and results["seed"]["f1"] >= SEED_F1_TARGET
    results["passed"] = passed
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(summary(results, args.examples))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
