"""Splits keep each article whole, repeat with the seed, and balance themes across splits."""

from __future__ import annotations

import json
import random

import pandas as pd
import pytest

from annotator.core.export import parse_splits
from annotator.core.export.source import ArticleWeight
from annotator.core.export.splitting import assign_splits
from tests.core.test_export_support import build_project, unit_count


@pytest.fixture
def project(tmp_path):
    return build_project(tmp_path / "project.annotator")


SPLITS = parse_splits("train=0.8,dev=0.1,test=0.1")


def synthetic_weights(count: int = 600, seed: int = 1) -> list[ArticleWeight]:
    """Articles of 5-60 units; a rare theme in about 1 article in 20."""
    rng = random.Random(seed)
    weights = []
    for article_id in range(1, count + 1):
        units = rng.randint(5, 60)
        themes = {
            key: rng.randint(1, units // 3 + 1)
            for key, chance in (("military", 0.5), ("economic", 0.4), ("rare", 0.05))
            if rng.random() < chance
        }
        weights.append(ArticleWeight(article_id, units, themes))
    return weights


def shares(weights, assignment, key=None) -> dict[str, float]:
    def size(w):
        return w.units if key is None else w.themes.get(key, 0)

    total = sum(size(w) for w in weights)
    return {
        s.name: sum(size(w) for w in weights if assignment[w.article_id] == s.name) / total
        for s in SPLITS
    }


def test_every_article_goes_to_exactly_one_split():
    weights = synthetic_weights()
    assignment = assign_splits(weights, SPLITS, seed=3)
    assert sorted(assignment) == [w.article_id for w in weights]
    assert set(assignment.values()) == {"train", "dev", "test"}


def test_the_same_seed_gives_the_same_split_and_another_seed_another():
    weights = synthetic_weights()
    first = assign_splits(weights, SPLITS, seed=3)
    assert assign_splits(list(reversed(weights)), SPLITS, seed=3) == first
    assert assign_splits(weights, SPLITS, seed=4) != first


def test_themes_and_sizes_are_balanced_within_one_point():
    weights = synthetic_weights()
    assignment = assign_splits(weights, SPLITS, seed=3)
    targets = {s.name: s.fraction for s in SPLITS}
    for key in (None, "military", "economic", "rare"):
        for name, share in shares(weights, assignment, key).items():
            assert abs(share - targets[name]) < 0.01, (key, name, share)


def test_articles_without_themes_fill_by_size():
    weights = [ArticleWeight(i, 10) for i in range(1, 101)]
    assignment = assign_splits(weights, SPLITS, seed=0)
    counts = {name: list(assignment.values()).count(name) for name in ("train", "dev", "test")}
    assert counts == {"train": 80, "dev": 10, "test": 10}


def test_split_files_never_share_an_article(project, tmp_path):
    splits = parse_splits("train=0.5,dev=0.25,test=0.25")
    result = project.export(format="jsonl", out=tmp_path / "ds", splits=splits, seed=1)
    articles = {}
    for split in ("train", "dev", "test"):
        frame = pd.read_json(tmp_path / "ds" / f"{split}.jsonl", lines=True)
        articles[split] = set(frame["article_id"])
        assert len(frame) == next(f.units for f in result.figures if f.name == split)
    assert not articles["train"] & articles["dev"]
    assert not articles["train"] & articles["test"]
    assert not articles["dev"] & articles["test"]
    assert sum(f.units for f in result.figures) == unit_count()
    assert (tmp_path / "ds" / "README.md").exists()
    assert (tmp_path / "ds" / "themes.png").exists()


def test_the_same_seed_writes_the_same_files(project, tmp_path):
    splits = parse_splits("train=0.5,test=0.5")
    project.export(format="jsonl", out=tmp_path / "a", splits=splits, seed=9)
    project.export(format="jsonl", out=tmp_path / "b", splits=splits, seed=9)
    for name in ("train.jsonl", "test.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_balance_is_reported(project, tmp_path):
    splits = parse_splits("train=0.5,dev=0.25,test=0.25")
    result = project.export(format="parquet", out=tmp_path / "ds", splits=splits, seed=1)
    train = result.figures[0]
    assert train.name == "train" and train.target == 0.5
    assert set(train.theme_shares) == {"military", "economic", "reconstruction"}
    card = result.card.read_text(encoding="utf-8")
    assert "worst gap from the target" in card
    assert "- split: dev" in card  # the YAML header names each split's file
    header = card.split("---")[1]
    assert json.dumps("dev.parquet") in header
