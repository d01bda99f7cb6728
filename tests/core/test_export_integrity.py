"""A cancelled or failed export leaves nothing; corrupt or reshaped text is refused."""

from __future__ import annotations

import sqlite3

import pytest

import annotator.core.export.runner as runner
from annotator.core.export import ExportCancelled, ExportOptions, export_dataset, parse_splits
from annotator.core.export.fields import IntegrityError
from annotator.storage.export_queries import ExportSnapshot
from tests.core.test_export_support import build_project


@pytest.fixture
def project(tmp_path):
    return build_project(tmp_path / "project.annotator")


def files_in(folder) -> list[str]:
    """Files other than the project's own (a read-only connection leaves -wal and -shm)."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.rglob("*") if not p.name.startswith("project."))


def test_a_cancelled_export_leaves_nothing(project, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "REPORT_EVERY", 1)  # check for cancel after every article
    out = tmp_path / "out"
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= 2  # after the first article has been written

    with ExportSnapshot(project.path) as snapshot, pytest.raises(ExportCancelled):
        export_dataset(
            snapshot,
            ExportOptions("jsonl", out, splits=parse_splits("a=0.5,b=0.5")),
            cancelled=cancelled,
        )
    assert files_in(out) == []
    assert not out.exists()  # the folder made for the export is gone too


def test_a_failure_midway_keeps_the_previous_export_whole(project, tmp_path, monkeypatch):
    out = tmp_path / "data.jsonl"
    project.export(format="jsonl", out=out)
    before = out.read_bytes()

    def broken_card(*args):
        raise OSError("disk full")

    monkeypatch.setattr(runner, "render_card", broken_card)
    with pytest.raises(OSError, match="disk full"):
        project.export(format="jsonl", out=out)
    assert out.read_bytes() == before
    assert files_in(tmp_path) == ["README.md", "data.jsonl", "data.themes.png"]


def corrupt(project, sql: str, *params) -> None:
    conn = sqlite3.connect(project.path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def test_a_unit_that_does_not_match_its_article_is_refused(project, tmp_path):
    corrupt(project, "UPDATE units SET start = start + 1 WHERE article_id = 2 AND idx = 1")
    with pytest.raises(IntegrityError, match=r"article 2, unit 1: text does not match"):
        project.export(format="parquet", out=tmp_path / "data.parquet")
    assert files_in(tmp_path) == []


def test_reshaped_text_is_refused(project, tmp_path):
    # U+FEB3 U+FEE4 ...: presentation forms, what a reshaper outputs; stored text never has them.
    shaped = "\ufeb3\ufee4\ufe8e\ufea5"
    corrupt(project, "UPDATE articles SET title = ? WHERE id = 3", shaped)
    with pytest.raises(
        IntegrityError, match="article 3: article_title contains Arabic presentation"
    ):
        project.export(format="jsonl", out=tmp_path / "data.jsonl")
    assert files_in(tmp_path) == []


def test_reshaped_unit_text_is_refused(project, tmp_path):
    shaped = "\ufeb3\ufee4"
    corrupt(project, "UPDATE articles SET text = ? || substr(text, 3) WHERE id = 4", shaped)
    corrupt(project, "UPDATE units SET text = ? WHERE article_id = 4 AND idx = 0", shaped)
    corrupt(project, 'UPDATE units SET "end" = 2 WHERE article_id = 4 AND idx = 0')
    with pytest.raises(
        IntegrityError, match="article 4, unit 0: text contains Arabic presentation"
    ):
        project.export(format="jsonl", out=tmp_path / "data.jsonl")
