"""Fixtures for GUI tests: a project on disk with hand-made articles, settings in a temp file."""

from __future__ import annotations

import pytest

from annotator.storage.store import Store
from tests.gui.gui_factories import (
    ANNOTATOR,
    mixed_direction_article,
    numbered_articles,
    seed_article,
)


@pytest.fixture(autouse=True)
def english_ui(request):
    """Every GUI test starts in English (with its plural forms); Arabic tests switch."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from annotator.gui.i18n import install_translators

    app = request.getfixturevalue("qapp")
    install_translators(app, "en")
    yield
    install_translators(app, "en")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "project.annotator") as opened:
        opened.articles.add(numbered_articles(3))
        yield opened


@pytest.fixture
def seeded_store(tmp_path, seed_path):
    with Store(tmp_path / "seeded.annotator") as opened:
        opened.articles.add([seed_article(seed_path), mixed_direction_article()])
        yield opened


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from annotator.gui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings):
    """A shown main window on a store, in English or Arabic UI."""
    from annotator.gui.main_window import MainWindow

    def make(store, language: str = "en"):
        window = MainWindow(store, store.path, ANNOTATOR, settings, language)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.reader.setFocus()
        return window

    return make
