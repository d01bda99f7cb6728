"""Import orchestration: a file refused by the store fails alone in its batch; the worker
pool imports exactly what reading in one process imports."""

from __future__ import annotations

import json

from annotator.app import importer
from annotator.app.importer import import_paths
from annotator.core.scheme import Theme
from annotator.storage.store import Store
from tests.environment import require
from tests.factories import make_article

SENTENCE = "قالت الوزارة إن أعمال إعادة الإعمار بدأت في الحي الشرقي من المدينة."


def text_file(folder, name: str, number: int):
    path = folder / name
    path.write_text(f"خبر رقم {number}\n\n{SENTENCE} ({number})\n", encoding="utf-8")
    return path


def export_with_a_theme_the_lead_lacks(tmp_path):
    source = tmp_path / "source.annotator"
    with Store(source) as store:
        store.themes.add(Theme("humanitarian", "إنساني", "Humanitarian", "#2a9d8f", 4, 0))
        store.articles.add([make_article("تقرير إنساني", ["وصلت قافلة المساعدات إلى المدينة."])])
        unit = store.articles.units(1)[1].id
        store.labels.set_themes(unit, "salma", ["humanitarian"])
    out = tmp_path / "labelled.jsonl"
    from annotator.app.exporting import export_project
    from annotator.core.export import ExportOptions

    export_project(source, ExportOptions(format="jsonl", out=out))
    return out


def test_a_file_the_store_refuses_fails_alone_and_its_batch_lands(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    first, last = text_file(folder, "a.txt", 1), text_file(folder, "c.txt", 3)
    refused = export_with_a_theme_the_lead_lacks(tmp_path)
    with Store(tmp_path / "lead.annotator") as store:
        report = import_paths(store, [first, refused, last])  # one write batch for all three
        titles = [a.title for a in store.articles.list()]
        assert store.labels.article_states(1) == {}
    assert titles == ["خبر رقم 1", "خبر رقم 3"]
    assert report.articles == 2 and len(report.failures) == 1
    failure = report.failures[0]
    assert failure.path == str(refused) and "humanitarian" in failure.reason


def project_contents(path) -> list:
    with Store(path) as store:
        return [
            (a.title, [(u.kind, u.start, u.end, u.text) for u in store.articles.units(a.id)])
            for a in store.articles.list()
        ]


def test_the_worker_pool_imports_what_one_process_imports(tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(importer.PARALLEL_MIN_FILES + 30):
        text_file(folder, f"{number:04}.txt", number)
    (folder / "broken.json").write_text('{"text": ', encoding="utf-8")
    require(importer._worker_count(231) >= 2, "the worker pool needs two processors")
    with Store(tmp_path / "pool.annotator") as store:
        pooled = import_paths(store, [folder])
    monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", 10**9)  # one process reads them all
    with Store(tmp_path / "alone.annotator") as store:
        alone = import_paths(store, [folder])
    assert (pooled.articles, pooled.units) == (alone.articles, alone.units) == (230, 690)
    assert [f.reason for f in pooled.failures] == [f.reason for f in alone.failures]
    assert len(pooled.failures) == 1
    assert project_contents(tmp_path / "pool.annotator") == project_contents(
        tmp_path / "alone.annotator"
    )
    assert json.dumps(pooled.warnings) == json.dumps(alone.warnings)
