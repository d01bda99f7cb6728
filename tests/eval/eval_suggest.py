"""Measure theme suggestions on the hand-labelled gold set of ../shared/corpora.

Usage: python tests/eval/eval_suggest.py [--shared PATH] [--folds 5] [--json]

The gold set (suggest_gold.tsv, guidelines in SUGGEST_GUIDELINES.md) holds only references; the
text is re-read from shared/corpora and checked against each unit's SHA-256. Every split is by
article (a UniversalPetrarch sentence is its own article), so no article is on both sides.

1. Lexicons alone (the bundled resources/lexicons), no model.
2. Half of the articles labelled: train on one half, test on the other, both ways.
3. Cross-validation by article with all the other folds labelled.
4. Learning curve: 50, 100, 200, 400, 800 labelled sentences (whole articles, random order).

Exits 1 when macro-F1 < 0.55 from the lexicons alone or < 0.70 with half of the articles
labelled, 2 when the shared folder or a gold unit is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from suggest_corpus import read_gold, resolve_gold  # noqa: E402

from annotator.core.scheme import load_default_scheme  # noqa: E402
from annotator.core.suggest import (  # noqa: E402
    Evaluation,
    LabelledUnit,
    cross_validate,
    default_lexicons,
    learning_curve,
    lexicon_only,
)

LEXICON_TARGET = 0.55
HALF_TARGET = 0.70
CURVE_SIZES = (50, 100, 200, 400, 800)


def gold_units(shared: Path) -> list[LabelledUnit]:
    resolved = resolve_gold(shared / "corpora", read_gold())
    return [
        LabelledUnit(text, frozenset(g.labels), f"{g.path}#{g.document}") for g, text in resolved
    ]


def figures(evaluation: Evaluation) -> dict:
    themes = {
        key: {k: round(v, 3) if k != "support" else int(v) for k, v in s.items()}
        for key, s in evaluation.per_theme.items()
    }
    macro = evaluation.macro_f1
    return {"themes": themes, "macro_f1": None if macro is None else round(macro, 3)}


def print_table(title: str, result: dict) -> None:
    print(f"\n{title}")
    print(f"  {'theme':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}")
    for key, s in result["themes"].items():
        print(
            f"  {key:<16}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>7.3f}{s['support']:>9}"
        )
    print(f"  {'macro-F1':<16}{'':>25}{result['macro_f1']:>7.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    try:
        units = gold_units(options.shared)
    except (OSError, ValueError) as error:
        print(f"cannot read the gold set from {options.shared}: {error}", file=sys.stderr)
        return 2
    keys = tuple(theme.key for theme in load_default_scheme())
    lexicons = default_lexicons()
    started = time.perf_counter()
    report = {
        "units": len(units),
        "articles": len({u.group for u in units}),
        "lexicon_only": figures(lexicon_only(units, lexicons, keys)),
        "half_labelled": figures(cross_validate(units, lexicons, keys, folds=2)),
        "cross_validation": figures(cross_validate(units, lexicons, keys, folds=options.folds)),
        "learning_curve": {
            size: figures(e)
            for size, e in learning_curve(units, lexicons, keys, CURVE_SIZES, options.folds).items()
        },
    }
    report["seconds"] = round(time.perf_counter() - started, 1)
    if options.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(f"gold set: {report['units']} units in {report['articles']} articles")
        print_table("Lexicons alone", report["lexicon_only"])
        print_table("Half of the articles labelled (2-fold by article)", report["half_labelled"])
        print_table(f"{options.folds}-fold by article", report["cross_validation"])
        print(f"\nLearning curve ({options.folds}-fold by article): labelled sentences -> macro-F1")
        for size, result in report["learning_curve"].items():
            per_theme = "  ".join(f"{k} {s['f1']:.3f}" for k, s in result["themes"].items())
            print(f"  {size:>5}  {result['macro_f1']:.3f}   ({per_theme})")
        print(f"\n{report['seconds']} s")
    lexicon_ok = report["lexicon_only"]["macro_f1"] >= LEXICON_TARGET
    half_ok = report["half_labelled"]["macro_f1"] >= HALF_TARGET
    return 0 if lexicon_ok and half_ok else 1


if __name__ == "__main__":
    sys.exit(main())
