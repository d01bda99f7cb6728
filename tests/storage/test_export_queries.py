"""The export's read side: one snapshot while annotators keep labelling, rows in order."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.export import ExportOptions, export_dataset
from annotator.core.export.judgements import JudgementDecoder
from annotator.core.export.source import LABEL_FOLD, STATUS_FOLD
from annotator.storage.errors import UnknownAnnotator
from annotator.storage.export_queries import ExportSnapshot
from annotator.storage.store import Store
from tests.core.test_export_support import build_project, unit_count
from tests.factories import make_article
from tests.perf.export_baseline import read_rows_with_sqlite_only


@pytest.fixture
def project(tmp_path):
    return build_project(tmp_path / "project.annotator")


def judgements_of(snapshot: ExportSnapshot) -> list:
    decode = JudgementDecoder(
        {a.id: a.name for a in snapshot.annotators()},
        {t.key: t.position for t in snapshot.themes()},
        snapshot.packing(),
    )
    return [
        (article.id, row[1], decode(row[STATUS_FOLD], row[LABEL_FOLD]))
        for article in snapshot.iter_articles()
        for row in article.units
    ]


def test_units_come_in_article_and_unit_order(project):
    with ExportSnapshot(project.path) as snapshot:
        keys = [(a, i) for a, i, _ in judgements_of(snapshot)]
    assert keys == sorted(keys) and len(keys) == unit_count()


def test_the_snapshot_ignores_labelling_done_after_it_began(project):
    with ExportSnapshot(project.path) as snapshot, Store(project.path) as store:
        before_units = snapshot.unit_count()
        # Annotators keep working: these writes must neither block nor show in the export.
        title_id = store.articles.units(store.articles.ids()[0])[0].id
        store.labels.set_themes(title_id, "omar", ["military"])
        store.labels.set_themes(title_id, "newcomer", ["economic"])
        store.articles.add([make_article("مقال جديد", ["جملة جديدة."])])
        rows = judgements_of(snapshot)
        names = [a.name for a in snapshot.annotators()]
        assert snapshot.unit_count() == before_units
    assert rows[0] == (1, 0, ())  # the title as it was: nobody had touched it
    assert len(rows) == unit_count()
    assert "newcomer" not in names


def test_packed_and_folded_rows_export_the_same_bytes(project, tmp_path, monkeypatch):
    with ExportSnapshot(project.path) as snapshot:
        assert snapshot.packing() is not None  # 3 themes, 3 annotators: the fast layout
        export_dataset(snapshot, ExportOptions("jsonl", tmp_path / "packed.jsonl"))
    monkeypatch.setattr(ExportSnapshot, "packing", lambda self: None)
    with ExportSnapshot(project.path) as snapshot:
        export_dataset(snapshot, ExportOptions("jsonl", tmp_path / "folded.jsonl"))
    packed = (tmp_path / "packed.jsonl").read_bytes()
    assert packed == (tmp_path / "folded.jsonl").read_bytes()


def test_the_snapshot_cannot_write(project):
    with ExportSnapshot(project.path) as snapshot, pytest.raises(sqlite3.OperationalError):
        snapshot.conn.execute("DELETE FROM labels")


def test_article_weights_count_units_and_theme_votes(project):
    with ExportSnapshot(project.path) as snapshot:
        everyone = {w.article_id: w for w in snapshot.article_weights(None)}
        omar = {w.article_id: w for w in snapshot.article_weights("omar")}
        with pytest.raises(UnknownAnnotator):
            snapshot.article_weights("zaid")
    assert everyone[1].units == 4
    assert everyone[1].themes == {"military": 2, "economic": 2, "reconstruction": 2}
    assert omar[1].themes == {"military": 1, "reconstruction": 1}


def test_annotator_summaries_come_from_the_counters(project):
    with ExportSnapshot(project.path) as snapshot:
        summaries = {a.name: a for a in snapshot.annotators()}
    assert summaries["omar"].units_done == 8
    assert summaries["ليلى"].labels == {"economic": 2}


def test_sqlite_alone_reads_every_row(project):
    assert read_rows_with_sqlite_only(project.path) == unit_count()
