"""Cancelling an import between files, and the per-file report of what failed and why."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from annotator.gui.import_worker import ImportController
from annotator.storage.store import Store
from tests.gui.gui_factories import ARABIC_SENTENCES

pytestmark = pytest.mark.gui


@pytest.fixture
def importer():
    import annotator.app.importer as module

    return module


@pytest.fixture
def reports(monkeypatch):
    """The report boxes shown after imports: (text, informative text, details)."""
    shown = []

    def record(box):
        shown.append((box.text(), box.informativeText(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def write_articles(folder, count: int) -> list[str]:
    paths = []
    for n in range(count):
        path = folder / f"{n + 1}.txt"
        body = " ".join(ARABIC_SENTENCES[(n + i) % len(ARABIC_SENTENCES)] for i in range(4))
        path.write_text(f"خبر رقم {n + 1} عن التعاون\n\n{body}\n\n{ARABIC_SENTENCES[n % 5]}\n")
        paths.append(str(path))
    return paths


def assert_whole(store: Store) -> None:
    """Every stored article has all its units, each exactly its slice of the text."""
    for article_id in store.articles.ids():
        article, units = store.articles.get(article_id), store.articles.units(article_id)
        assert units and [u.index for u in units] == list(range(len(units)))
        assert all(article.text[u.start : u.end] == u.text for u in units)
        (summary,) = [s for s in store.articles.list() if s.id == article_id]
        assert summary.units == len(units)


def test_cancel_after_the_first_file_stops_between_files(
    tmp_path, qtbot, make_window, importer, reports, monkeypatch
):
    paths = write_articles(tmp_path, 5)
    released = threading.Event()
    real_parse = importer.parse_file

    def slow_parse(path, options):
        if path.name != "1.txt":  # later files wait until Cancel has been pressed
            released.wait(20)
        return real_parse(path, options)

    monkeypatch.setattr(importer, "parse_file", slow_parse)
    with Store(tmp_path / "p.annotator") as store:
        window = make_window(store)
        window.start_import(paths)
        controller = window.findChild(ImportController)
        qtbot.waitUntil(lambda: controller.dialog.value() == 1, timeout=20_000)
        controller.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
        assert "Stopping" in controller.dialog.labelText()
        released.set()
        qtbot.waitUntil(lambda: bool(reports), timeout=20_000)
        assert [a.title for a in store.articles.list()] == ["خبر رقم 1 عن التعاون"]
        assert_whole(store)
        text, _failures, _details = reports[0]
        assert text.startswith("Imported 1 article (")
        assert "from 1 file." in text and "The import was cancelled" in text
        assert window.article_model.rowCount() == 1 and window.session.article is not None


def test_failures_are_listed_file_by_file(tmp_path, qtbot, make_window, importer, reports):
    paths = write_articles(tmp_path, 2)
    empty, binary = tmp_path / "empty.txt", tmp_path / "scan.txt"
    empty.write_text("   \n")
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    missing = tmp_path / "gone.txt"
    with Store(tmp_path / "p.annotator") as store:
        window = make_window(store)
        window.start_import([paths[0], str(empty), str(binary), str(missing), paths[1]])
        qtbot.waitUntil(lambda: bool(reports), timeout=20_000)
        text, failures, details = reports[0]
        assert text == "Imported 2 articles (" + text.split("(", 1)[1]
        assert failures.splitlines()[0] == "3 files could not be imported:"
        assert "• \u2066empty.txt\u2069: the file is empty" in failures
        assert "• \u2066scan.txt\u2069: not a text file" in failures
        assert "• \u2066gone.txt\u2069: no such file or folder" in failures
        assert str(binary) in details and "NUL" in details  # the full reasons, with paths
        assert len(store.articles.ids()) == 2
        assert_whole(store)


def test_many_failures_are_summarised(qapp):
    from annotator.app.importer import Failure, ImportReport
    from annotator.gui.import_worker import FAILURES_LISTED, ImportReportBox

    report = ImportReport(files=14)
    report.failures = [Failure(f"/data/{n}.txt", "empty file") for n in range(14)]
    box = ImportReportBox(None, report)
    lines = box.informativeText().splitlines()
    assert len(lines) == 1 + FAILURES_LISTED + 1
    assert lines[-1] == "… and 4 more (see the details)."
    assert box.detailedText().count("empty file") == 14
