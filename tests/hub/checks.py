"""Comparing a project with its team server: same events, same state, nothing twice."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.storage.store import Store
from annotator.storage.transfer import LOCAL_ACTIONS
from tests.hub.server import TeamServer


def server_events(server: TeamServer, annotator: str | None = None) -> dict[str, tuple]:
    """uid -> (annotator, article hash, idx, action, after) of the server's events."""
    with server.connect() as conn:
        rows = conn.execute(
            """SELECT uid::text, annotator, article_hash, idx, action, after::text
               FROM annotator.events WHERE %s::text IS NULL OR annotator = %s""",
            (annotator, annotator),
        ).fetchall()
    return {r[0]: (r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows}


def local_events(path: Path, annotator: str | None = None) -> dict[str, tuple]:
    with Store(path) as store:
        rows = store.conn.execute(
            f"""SELECT e.uid, a.name, r.content_hash, u.idx, e.action, e.after FROM events e
                JOIN annotators a ON a.id = e.annotator_id JOIN units u ON u.id = e.unit_id
                JOIN articles r ON r.id = u.article_id
                WHERE e.action NOT IN {LOCAL_ACTIONS} AND (? IS NULL OR a.name = ?)""",
            (annotator, annotator),
        ).fetchall()
        total = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        unique = store.conn.execute("SELECT COUNT(DISTINCT uid) FROM events").fetchone()[0]
    assert total == unique, "an event is in the project twice"
    return {r[0]: (r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows}


def latest_states(events: dict[str, tuple]) -> dict[tuple, dict]:
    """(annotator, article hash, idx) -> the `after` of the latest label event by uid."""
    states: dict[tuple, tuple[str, dict]] = {}
    for uid, (who, article, idx, action, after) in events.items():
        if action in ("note", "adjudicate"):
            continue
        key = (who, article, idx)
        if key not in states or uid > states[key][0]:
            states[key] = (uid, after)
    return {key: after for key, (_uid, after) in states.items()}


def stored_states(path: Path) -> dict[tuple, dict]:
    """What the project holds as each annotator's themes and status per unit."""
    with Store(path) as store:
        found: dict[tuple, dict] = {}
        for who, article, idx, status in store.conn.execute(
            """SELECT a.name, r.content_hash, u.idx, s.status FROM unit_status s
               JOIN annotators a ON a.id = s.annotator_id JOIN units u ON u.id = s.unit_id
               JOIN articles r ON r.id = u.article_id"""
        ):
            found[(who, article, idx)] = {"themes": [], "status": status}
        for who, article, idx, key in store.conn.execute(
            """SELECT a.name, r.content_hash, u.idx, l.theme_key FROM labels l
               JOIN annotators a ON a.id = l.annotator_id JOIN units u ON u.id = l.unit_id
               JOIN articles r ON r.id = u.article_id JOIN themes t ON t.key = l.theme_key
               ORDER BY t.position"""
        ):
            entry = found.setdefault((who, article, idx), {"themes": [], "status": "not_seen"})
            entry["themes"].append(key)
    return found


def assert_in_step(server: TeamServer, path: Path, annotator: str | None = None) -> None:
    """The project and the server hold the same events (of `annotator`, or all), and the
    project's state is the state of its latest events."""
    theirs, mine = server_events(server, annotator), local_events(path, annotator)
    assert set(theirs) == set(mine), (
        f"{len(set(theirs) - set(mine))} only on the server,"
        f" {len(set(mine) - set(theirs))} only in {path.name}"
    )
    wanted = {k: v for k, v in latest_states(mine).items() if v["status"] != "not_seen"}
    held = {k: v for k, v in stored_states(path).items() if annotator in (None, k[0])}
    assert held == wanted
