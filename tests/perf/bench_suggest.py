"""Theme-suggestion speed: retraining on 10,000 and 100,000 labels, scoring 1,000,000 sentences.

Usage: python tests/perf/bench_suggest.py [--quick] [--score N] [--batch N] [--strict]

Sentences come from tests/perf/corpus.py (the seed article and sentences written for the
project), with numbers, names and dates varied; every 30 make an article. Labels follow the
template each sentence was made from (the seed's sentences: the default lexicons decide), so
themes have realistic shares. Timed in one process, single-threaded numpy:

- baseline: normalize() alone over the sentences to score (the floor any text feature pays);
- train(...) on 10,000 and on 100,000 labelled sentences, threshold tuning included
  (targets 5 s and 60 s);
- Suggester.suggest over N sentences in batches (target 120 s for 1,000,000), which is
  lexicon matching + hashed n-grams + the three classifiers.

--quick (CI size): 2,000 / 10,000 labels and 50,000 sentences, with the targets scaled.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.normalize import normalize
from annotator.core.suggest import (
    LabelledUnit,
    LexiconMatcher,
    Suggester,
    default_lexicons,
    train,
)
from tests.perf.corpus import NAMES, OWN_SENTENCES, seed_sentences

KEYS = ("military", "economic", "reconstruction")
# Themes of corpus.OWN_SENTENCES, in order (read by us, as the gold set was).
OWN_LABELS = [
    {"military"}, {"economic"}, {"reconstruction", "economic"}, {"reconstruction"}, {"economic"},
    set(), {"military"}, {"reconstruction"}, {"economic"}, {"economic"}, {"military"},
    {"reconstruction"}, {"economic"}, {"economic"}, {"military"}, {"economic"},
]  # fmt: skip
TARGETS = {"train_10k": 5.0, "train_100k": 60.0, "score_1m": 120.0}


def sentences(count: int, seed: int) -> list[tuple[str, frozenset[str]]]:
    rng = random.Random(seed)
    matcher = LexiconMatcher(default_lexicons())
    pool = [(s, frozenset(matcher.match(s))) for s in seed_sentences()]
    made = []
    for _ in range(count):
        if rng.random() < 0.7:
            index = rng.randrange(len(OWN_SENTENCES))
            text = OWN_SENTENCES[index].format(
                n=rng.randint(2, 900),
                d=f"{rng.randint(1, 30)}.{rng.randint(1, 9)}",
                name=rng.choice(NAMES),
                date=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/20{rng.randint(10, 26)}",
            )
            made.append((text, frozenset(OWN_LABELS[index])))
        else:
            text, labels = rng.choice(pool)
            made.append((f"{text} ({rng.randint(1, 99999)})", labels))
    return made


def labelled(count: int, seed: int) -> list[LabelledUnit]:
    return [
        LabelledUnit(text, labels, f"article-{i // 30}")
        for i, (text, labels) in enumerate(sentences(count, seed))
    ]


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    print(f"  {label:<44}{seconds:8.2f} s", flush=True)
    return result, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--score", type=int, default=None, help="sentences to score")
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    small, large = (2_000, 10_000) if options.quick else (10_000, 100_000)
    to_score = options.score or (50_000 if options.quick else 1_000_000)
    lexicons = default_lexicons()
    print(f"bench_suggest: train on {small:,} and {large:,}, score {to_score:,} sentences")
    units = labelled(large, seed=1)
    texts = [text for text, _ in sentences(to_score, seed=2)]
    print("timings (one process):")
    timed(f"baseline: normalize() x {to_score:,}", lambda: [normalize(t) for t in texts])
    _, seconds_small = timed(f"train on {small:,}", lambda: train(units[:small], lexicons, KEYS))
    model, seconds_large = timed(f"train on {large:,}", lambda: train(units, lexicons, KEYS))
    suggester = Suggester(KEYS, lexicons, model)

    def score_all() -> int:
        suggested = 0
        for start in range(0, len(texts), options.batch):
            suggested += int(
                suggester.suggest(texts[start : start + options.batch]).suggested.sum()
            )
        return suggested

    suggested, seconds_score = timed(
        f"suggest x {to_score:,} (batches of {options.batch:,})", score_all
    )
    print(f"  ({suggested:,} theme suggestions; {to_score / seconds_score:,.0f} sentences/s)")
    scale = {"train_10k": small / 10_000, "train_100k": large / 100_000, "score_1m": to_score / 1e6}
    measured = {"train_10k": seconds_small, "train_100k": seconds_large, "score_1m": seconds_score}
    missed = []
    for name, seconds in measured.items():
        target = TARGETS[name] * scale[name]
        verdict = "ok" if seconds <= target else "MISSED"
        print(f"  target {name:<12} {seconds:7.2f} s <= {target:7.2f} s  {verdict}")
        if seconds > target:
            missed.append(name)
    return 1 if options.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
