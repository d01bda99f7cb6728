"""Issue 8's scenario, for real: a window labels while commands read the same project in
other processes; the window is killed with SIGKILL; every label it showed as saved is there.

Before the fix, the window's search indexer opened the project file with a plain open() for
a header check. Its close() dropped every SQLite lock the window's process held, so the
next command to close the project deleted the write-ahead log the window went on committing
into, and the labels made after that vanished with the window.
"""

from __future__ import annotations

import json

import pytest

from annotator.storage.store import Store
from tests.durability.processes import WindowProcess, assert_project_sound, run_cli
from tests.gui.gui_factories import ANNOTATOR, numbered_articles

pytestmark = pytest.mark.gui


def done_count(database) -> int:
    stats = json.loads(run_cli(database, "stats", "--json").stdout)
    return stats["annotators"].get(ANNOTATOR, {}).get("done", 0)


def test_labels_survive_commands_in_other_processes_and_a_killed_window(tmp_path):
    database = tmp_path / "p.annotator"
    with Store(database) as store:
        store.articles.add(numbered_articles(3))
    window = WindowProcess(database, tmp_path / "w.ini", ANNOTATOR).start()
    try:
        window.send("wait_index")  # the indexer opened and closed its own connection
        window.keys("1", "Down", "2", "Down", "3", "Down")
        assert done_count(database) == 3
        run_cli(database, "articles", "--json")
        run_cli(database, "show", str(window.article_id), "--json")
        run_cli(database, "export", "--format", "jsonl", "--out", str(tmp_path / "x.jsonl"))
        window.keys("1", "2", "Down", "3", "Down", "0", "Down")
        assert len(window.saved) == 6
        assert done_count(database) == 6  # commands see the window's labels at once
        run_cli(database, "stats")
    finally:
        window.close()  # SIGKILL
    stored = assert_project_sound(database)
    for unit_id, state in window.saved.items():
        assert stored[(unit_id, ANNOTATOR)] == state
    assert done_count(database) == 6
