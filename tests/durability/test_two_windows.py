"""Two windows on one project, labelling different sentences in turn; one is killed with
SIGKILL. No label of either is lost, and the survivor sees the other's labels on reload."""

from __future__ import annotations

import json

import pytest

from annotator.storage.store import Store
from tests.durability.processes import WindowProcess, assert_project_sound
from tests.gui.gui_factories import ANNOTATOR, numbered_articles

pytestmark = pytest.mark.gui


def test_two_windows_one_killed_lose_nothing(tmp_path):
    database = tmp_path / "p.annotator"
    with Store(database) as store:
        store.articles.add(numbered_articles(2))
    first = WindowProcess(database, tmp_path / "a.ini", ANNOTATOR).start()
    second = WindowProcess(database, tmp_path / "b.ini", ANNOTATOR).start()
    try:
        # Turns alternate, so each window commits while the other holds the project open.
        first.keys("1")  # unit 0
        second.keys("Down", "2")  # unit 1
        first.send("wait_index")
        first.keys("Down", "Down", "3")  # unit 2
        second.keys("Down", "Down", "1", "2")  # unit 3
        first.keys("Down", "Down", "0")  # unit 4
        second.send("wait_index")
        second.keys("Down", "Down", "3")  # unit 5
        first.kill()
        second.keys("Down", "1")  # unit 6
        second.send("reload")
        seen = json.loads(second.send("states")[1])
    finally:
        first.close()
        second.close()
    assert len(first.saved) == 3 and len(second.saved) == 4
    stored = assert_project_sound(database)
    for window in (first, second):
        for unit_id, state in window.saved.items():
            assert stored[(unit_id, ANNOTATOR)] == state
            assert seen[str(unit_id)] == list(state.themes)  # the survivor reads them all
