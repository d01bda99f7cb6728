"""kill -9 in the middle of work: every label and the position survive; the window resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.storage.rows import UnitState
from annotator.storage.store import Store
from tests.gui.gui_factories import ANNOTATOR, numbered_articles

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from annotator.gui.app import create_application
    from annotator.gui.main_window import MainWindow
    from annotator.gui.settings import Settings
    from annotator.storage.store import Store

    database, settings_file, annotator = sys.argv[1:4]
    app = create_application()
    settings = Settings(QSettings(settings_file, QSettings.Format.IniFormat))
    window = MainWindow(Store(database), database, annotator, settings, "en")
    window.show()
    reader = window.reader
    QTest.keyClick(reader, Qt.Key.Key_1)
    QTest.keyClick(reader, Qt.Key.Key_Down)
    QTest.keyClick(reader, Qt.Key.Key_2)
    QTest.keyClick(reader, Qt.Key.Key_3)
    QTest.keyClick(reader, Qt.Key.Key_PageDown)
    QTest.keyClick(reader, Qt.Key.Key_Down)
    QTest.keyClick(reader, Qt.Key.Key_Down)
    QTest.keyClick(reader, Qt.Key.Key_0)
    QTest.keyClick(reader, Qt.Key.Key_Down)
    print("ready", window.session.article_id, window.session.index, flush=True)
    time.sleep(120)
    """
)


def run_child_and_kill(database: Path, settings_file: Path) -> tuple[int, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(database), str(settings_file), ANNOTATOR],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline().split()
        assert line and line[0] == "ready", "the child window did not get ready"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return int(line[1]), int(line[2])


def test_labels_and_position_survive_sigkill(tmp_path, make_window):
    database = tmp_path / "work.annotator"
    with Store(database) as store:
        store.articles.add(numbered_articles(3))
    article_id, index = run_child_and_kill(database, tmp_path / "child.ini")

    with Store(database) as store:
        first, second = store.articles.ids()[:2]
        assert (article_id, index) == (second, 3)
        assert store.positions.get(ANNOTATOR) == (second, 3)
        units_first, units_second = store.articles.units(first), store.articles.units(second)
        assert store.labels.state(units_first[0].id, ANNOTATOR).themes == ("military",)
        assert store.labels.state(units_first[1].id, ANNOTATOR).themes == (
            "economic",
            "reconstruction",
        )
        assert store.labels.state(units_second[2].id, ANNOTATOR) == UnitState((), "done_no_theme")

        window = make_window(store)  # a fresh window resumes where the killed one was
        assert (window.session.article_id, window.session.index) == (second, 3)
        assert window.session.progress()[0] == 1
        assert "✓" in window.reader.document().toPlainText()
