"""Projects from the File menu: open, new (empty), recent (remembered, pruned), search index."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.app.paths import default_database
from annotator.app.project import choose_path, open_project
from annotator.gui.menus import LRI, PDI
from annotator.gui.settings import MAX_RECENT_PROJECTS, Settings
from annotator.storage.store import Store
from tests.gui.gui_factories import numbered_articles

pytestmark = pytest.mark.gui


def make_project(path, articles: int = 2):
    with Store(path) as store:
        store.articles.add(numbered_articles(articles))
    return path


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    return shown


def recent_entries(window) -> list[str]:
    return [a.data() for a in window.menu.recent_menu.actions()]


def test_new_project_is_empty_and_shown(tmp_path, store, make_window, settings, monkeypatch):
    window = make_window(store)
    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.on_new_project()
    created = tmp_path / "fresh.annotator"
    assert window.database == created and created.exists()
    assert window.store.articles.is_empty() and window.session.article is None
    assert window.article_model.rowCount() == 0
    assert window.article_panel.count_label.text() == "0 articles in the project"
    assert [t.key for t in window.store.themes.list()] == ["military", "economic", "reconstruction"]
    assert settings.last_project == created.resolve()
    assert recent_entries(window)[0] == str(created.resolve())
    assert store.conn is not window.store.conn  # the old project was closed, not reused


def test_new_project_never_replaces_an_existing_file(
    tmp_path, store, make_window, monkeypatch, messages
):
    existing = make_project(tmp_path / "keep.annotator")
    before = existing.read_bytes()
    window = make_window(store)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    window.on_new_project()
    assert "keep.annotator already exists" in messages[0]
    assert existing.read_bytes() == before
    assert window.database == store.path


def test_open_project_switches_the_window(tmp_path, store, make_window, monkeypatch):
    other = make_project(tmp_path / "other.annotator", articles=5)
    window = make_window(store)
    window.session.toggle_theme(1)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.on_open_project()
    assert window.database == other
    assert window.article_model.rowCount() == 5
    assert window.session.article_id == window.store.articles.ids()[0]
    assert window.session.current_state().themes == ()  # nothing of the other project
    assert window.windowTitle().startswith("مقال رقم 1")
    assert "other.annotator" in window.statusBar().currentMessage()
    assert not window.session.can_undo()  # undo never reaches into another project


def test_recent_projects_are_remembered_newest_first_and_capped(
    tmp_path, store, make_window, settings
):
    window = make_window(store)
    paths = [make_project(tmp_path / f"p{n}.annotator", 1) for n in range(10)]
    for path in paths:
        assert window.open_project_path(str(path))
    expected = [str(p.resolve()) for p in reversed(paths)][:MAX_RECENT_PROJECTS]
    assert recent_entries(window) == expected
    label = window.menu.recent_menu.actions()[0].text()
    assert label.startswith("&1") and f"{LRI}p9.annotator" in label and label.endswith(PDI)
    again = Settings(QSettings(settings.backend.fileName(), QSettings.Format.IniFormat))
    assert again.recent_projects == expected  # remembered across restarts


def test_missing_recent_projects_are_pruned(tmp_path, store, make_window, settings):
    window = make_window(store)
    first, second = (make_project(tmp_path / f"{n}.annotator", 1) for n in ("a", "b"))
    window.open_project_path(str(first))
    window.open_project_path(str(second))
    first.unlink()
    assert settings.recent_projects == [str(second.resolve())]
    window.open_project_path(str(store.path))
    assert recent_entries(window) == [str(store.path.resolve()), str(second.resolve())]


def test_choosing_a_recent_project_opens_it(tmp_path, store, make_window):
    window = make_window(store)
    other = make_project(tmp_path / "other.annotator", 3)
    window.open_project_path(str(other))
    window.open_project_path(str(store.path))
    entry = next(a for a in window.menu.recent_menu.actions() if a.data() == str(other.resolve()))
    entry.trigger()
    assert window.database.resolve() == other.resolve()
    assert window.article_model.rowCount() == 3


def test_recent_label_keeps_an_ampersand_in_a_path():
    from annotator.gui.menus import recent_label

    assert "R&&D.annotator" in recent_label(1, "/data/R&D.annotator")


def test_only_the_default_project_gets_the_sample_articles(tmp_path):
    path, is_default = choose_path(None, None)
    assert is_default and path == default_database()
    default = open_project(path, is_default)
    assert default.seeded and not default.store.articles.is_empty()
    default.store.close()
    other = open_project(tmp_path / "mine.annotator", is_default=False)
    assert not other.seeded and other.store.articles.is_empty()
    other.store.close()


def test_search_index_is_built_in_the_background_after_opening(tmp_path, qtbot, make_window):
    path = make_project(tmp_path / "big.annotator", articles=30)
    with Store(path) as store:
        assert store.search.pending() == 30
        window = make_window(store)  # nothing in the window searches: only the indexer
        qtbot.waitUntil(lambda: store.search.pending() == 0, timeout=20_000)
        window.article_panel.search_box.setText("مقال رقم 17")
        window.article_panel._apply_query()
        assert window.article_model.rowCount() >= 1


def test_the_search_indexer_waits_while_the_annotator_works(qtbot, tmp_path, make_window):
    """Indexing takes the write lock now and then; while keys are being pressed it waits."""
    from annotator.gui import search_indexer

    with Store(tmp_path / "busy.annotator") as store:
        store.articles.add(numbered_articles(1500))
    store = Store(tmp_path / "busy.annotator")
    window = make_window(store)
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    qtbot.wait(100)
    before = store.search.pending()
    assert before > 10 * search_indexer.BATCH  # work enough to see whether it waits
    for _ in range(12):  # 2.4 s of work, each key within the idle time of the last
        qtbot.keyClick(window.reader, Qt.Key.Key_Down if _ % 2 else Qt.Key.Key_Up)
        qtbot.wait(200)
    assert (
        store.search.pending() >= before - search_indexer.BATCH
    )  # one batch at most, begun before
    qtbot.waitUntil(lambda: store.search.pending() == 0, timeout=60_000)  # the pause came
    window.close()
    store.close()
