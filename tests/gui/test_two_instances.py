"""Two app instances on one project file, labelling at the same moment, lose nothing.

Two real processes label through AnnotationSession and Store (the code the window runs):
the same units as the same annotator (different themes), different units as the same
annotator, and every unit as each process's own annotator. SQLite's busy timeout and
BEGIN IMMEDIATE make the writers take turns; no write may fail as "database is locked".

A handshake proves the two overlapped: each child says "ready" once its project is open and
waits for the go; after its first article it leaves a mark and waits for the other's mark,
so both are half-way through their writes at the same moment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.storage.store import Store
from tests.gui.gui_factories import numbered_articles

REPO = Path(__file__).resolve().parents[2]
THEME_OF = {"amal": "military", "badr": "economic"}

CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from annotator.app.session import AnnotationSession
    from annotator.storage.store import Store

    database, me, other, digit, parity, go = sys.argv[1:7]
    store = Store(database)
    team, split, own = (AnnotationSession(store, n) for n in ("team", "split", me))
    changes = {"team": 0, "split": 0, me: 0}
    print("ready", flush=True)
    while not Path(go).exists():
        time.sleep(0.005)
    for number, article_id in enumerate(store.articles.ids()):
        if number == 1:  # half-way: wait until the other process is half-way too
            Path(go).with_name("half-" + me).touch()
            deadline = time.monotonic() + 60
            while not Path(go).with_name("half-" + other).exists():
                if time.monotonic() > deadline:
                    sys.exit("the other process never reached half-way")
                time.sleep(0.002)
        for session in (team, split, own):
            session.open_article(article_id)
        for index in range(len(team.units)):
            for session in (team, split, own):
                session.go_to_unit(index)
            for _ in range(3):  # on, off, on: more writes, so that the two overlap longer
                team.toggle_theme(int(digit))  # same units, same annotator, another theme
                own.toggle_theme(int(digit))
                changes["team"] += 1
                changes[me] += 1
                if index % 2 == int(parity):  # different units, same annotator
                    split.toggle_theme(3)
                    changes["split"] += 1
    print(json.dumps(changes), flush=True)
    """
)


def start(database: Path, me: str, other: str, digit: int, parity: int, go: Path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = [str(database), me, other, str(digit), str(parity), str(go)]
    command = [sys.executable, "-c", CHILD, *args]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def test_two_processes_label_one_project_and_lose_nothing(tmp_path):
    database, go = tmp_path / "shared.annotator", tmp_path / "go"
    with Store(database) as store:
        store.articles.add(numbered_articles(8))
    children = [
        start(database, "amal", "badr", 1, 0, go),
        start(database, "badr", "amal", 2, 1, go),
    ]
    for child in children:  # both have opened the project and wait for the go
        assert child.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "locked" not in err.lower()
    made = [json.loads(out) for out, _ in outputs]

    with Store(database) as store:
        units = [u for a in store.articles.ids() for u in store.articles.units(a)]
        for unit in units:
            assert store.labels.state(unit.id, "team").themes == ("military", "economic")
            assert store.labels.state(unit.id, "amal").themes == ("military",)
            assert store.labels.state(unit.id, "badr").themes == ("economic",)
            assert store.labels.state(unit.id, "split").themes == ("reconstruction",)
        events = store.events.list()
        by_annotator = {}
        for event in events:
            by_annotator[event.annotator] = by_annotator.get(event.annotator, 0) + 1
        expected = {"team": made[0]["team"] + made[1]["team"], "split": 0}
        expected["split"] = made[0]["split"] + made[1]["split"]
        expected["amal"], expected["badr"] = made[0]["amal"], made[1]["badr"]
        assert by_annotator == expected
        assert expected["team"] == 2 * 3 * len(units) and expected["split"] == 3 * len(units)
        assert all(e.action == "set" for e in events)
