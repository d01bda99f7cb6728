"""The gold set through a real project: what `annotator suggest` gives, not the engine alone.

Usage: python tests/eval/eval_suggest_project.py [--shared PATH] [--seed 0]

The gold articles become a project file (one unit per gold sentence). Half of the articles,
chosen at random (seeded), are labelled by an annotator through the store as the gold set
says; `annotator suggest --json` then trains the project's model (training data read from
SQLite, groups by article id) and prints the suggestions, which are scored on the other half.
The figures must match eval_suggest.py's "half of the articles labelled" within noise
(a different random half), and meet the issue's targets: macro-F1 >= 0.70 with half labelled,
>= 0.55 with no labels (the project before any labelling).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_suggest import HALF_TARGET, LEXICON_TARGET, gold_units  # noqa: E402

from annotator.core.suggest.tuning import precision_recall_f1  # noqa: E402
from annotator.storage.store import Store  # noqa: E402
from tests.factories import make_article  # noqa: E402

KEYS = ("military", "economic", "reconstruction")


def build_project(path: Path, units) -> dict[str, list[int]]:
    """One article per gold article; returns article group -> unit ids (in order)."""
    by_group = defaultdict(list)
    for unit in units:
        by_group[unit.group].append(unit)
    groups = sorted(by_group)
    with Store(path) as store:
        store.articles.add(
            make_article(f"gold {n}", [u.text for u in by_group[g]]) for n, g in enumerate(groups)
        )
        ids = store.articles.ids()
        return {
            g: [u.id for u in store.articles.units(i)[1:]] for g, i in zip(groups, ids, strict=True)
        }


def suggestions(path: Path) -> dict[tuple[int, int], set[str]]:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(path), "suggest", "--json", "--quiet"],
        capture_output=True, text=True, check=True, cwd=REPO,
    )  # fmt: skip
    records = [json.loads(line) for line in done.stdout.splitlines()]
    return {(r["article_id"], r["sentence_index"]): set(r["suggested"]) for r in records}


def macro_f1(pairs: list[tuple[set[str], set[str]]]) -> dict:
    import numpy as np

    scores = {}
    for key in KEYS:
        truth = np.array([key in t for t, _ in pairs])
        guess = np.array([key in s for _, s in pairs])
        scores[key] = round(precision_recall_f1(truth, guess)["f1"], 3)
    return {"themes": scores, "macro_f1": round(sum(scores.values()) / len(scores), 3)}


def score(path: Path, units, tested: set[str]) -> dict:
    found = suggestions(path)
    by_group = defaultdict(list)
    for unit in units:
        by_group[unit.group].append(unit)
    pairs = []
    for article_id, group in enumerate(sorted(by_group), start=1):
        if group in tested:
            for index, unit in enumerate(by_group[group], start=1):
                pairs.append((set(unit.labels), found[(article_id, index)]))
    return macro_f1(pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    units = gold_units(options.shared)
    groups = sorted({u.group for u in units})
    labelled = set(random.Random(options.seed).sample(groups, len(groups) // 2))
    tested = set(groups) - labelled
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold.annotator"
        ids = build_project(path, units)
        before = score(path, units, tested)
        with Store(path) as store:
            for unit, unit_id in zip(
                units_in_order(units), (i for g in sorted(ids) for i in ids[g]), strict=True
            ):
                if unit.group in labelled:
                    store.labels.set_themes(unit_id, "gold", sorted(unit.labels))
        after = score(path, units, tested)
    print(f"gold set through a project: {len(units)} sentences, {len(groups)} articles; "
          f"{len(labelled)} articles labelled, {len(tested)} tested")  # fmt: skip
    print(f"  no labels (keywords):     macro-F1 {before['macro_f1']:.3f}  {before['themes']}")
    print(f"  half of the articles:     macro-F1 {after['macro_f1']:.3f}  {after['themes']}")
    ok = before["macro_f1"] >= LEXICON_TARGET and after["macro_f1"] >= HALF_TARGET
    return 0 if ok else 1


def units_in_order(units):
    by_group = defaultdict(list)
    for unit in units:
        by_group[unit.group].append(unit)
    return [u for g in sorted(by_group) for u in by_group[g]]


if __name__ == "__main__":
    sys.exit(main())
