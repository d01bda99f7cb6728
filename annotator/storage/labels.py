"""SQL for one annotator's work on a unit: themes, status, notes, the event log."""

from __future__ import annotations

import json
import sqlite3

from annotator.storage.records import Event, UnitState


def unit_state(conn: sqlite3.Connection, unit_id: int, annotator_id: int) -> UnitState:
    themes = conn.execute(
        """SELECT l.theme_key FROM labels l JOIN themes t ON t.key = l.theme_key
           WHERE l.unit_id = ? AND l.annotator_id = ? ORDER BY t.position""",
        (unit_id, annotator_id),
    ).fetchall()
    status = conn.execute(
        "SELECT status FROM unit_status WHERE unit_id = ? AND annotator_id = ?",
        (unit_id, annotator_id),
    ).fetchone()
    return UnitState(tuple(t[0] for t in themes), status[0] if status else "not_seen")


def write_state(
    conn: sqlite3.Connection, unit_id: int, annotator_id: int, state: UnitState, now: str
) -> None:
    """Make the stored labels and status of a unit equal to `state` (inside a transaction)."""
    wanted = set(state.themes)
    current = {
        r[0]
        for r in conn.execute(
            "SELECT theme_key FROM labels WHERE unit_id = ? AND annotator_id = ?",
            (unit_id, annotator_id),
        )
    }
    for key in current - wanted:
        conn.execute(
            "DELETE FROM labels WHERE unit_id = ? AND annotator_id = ? AND theme_key = ?",
            (unit_id, annotator_id, key),
        )
    conn.executemany(
        "INSERT INTO labels (unit_id, annotator_id, theme_key, created_at) VALUES (?, ?, ?, ?)",
        [(unit_id, annotator_id, key, now) for key in sorted(wanted - current)],
    )
    _write_status(conn, unit_id, annotator_id, state.status, now)


def _write_status(conn, unit_id: int, annotator_id: int, status: str, now: str) -> None:
    if status == "not_seen":
        conn.execute(
            "DELETE FROM unit_status WHERE unit_id = ? AND annotator_id = ?",
            (unit_id, annotator_id),
        )
        return
    conn.execute(
        """INSERT INTO unit_status (unit_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (unit_id, annotator_id) DO UPDATE
           SET status = excluded.status, updated_at = excluded.updated_at
           WHERE status != excluded.status""",
        (unit_id, annotator_id, status, now),
    )


def log_event(
    conn, annotator_id: int, unit_id: int, action: str, before: dict, after: dict, now: str
) -> None:
    conn.execute(
        "INSERT INTO events (at, annotator_id, unit_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        (
            now,
            annotator_id,
            unit_id,
            action,
            json.dumps(before, ensure_ascii=False),
            json.dumps(after, ensure_ascii=False),
        ),
    )


def events(conn: sqlite3.Connection, unit_id: int | None = None, limit: int = -1) -> list[Event]:
    where = "WHERE e.unit_id = ?" if unit_id is not None else ""
    rows = conn.execute(
        f"""SELECT e.id, e.at, a.name, e.unit_id, e.action, e.before, e.after
            FROM events e JOIN annotators a ON a.id = e.annotator_id {where}
            ORDER BY e.id LIMIT ?""",
        ([unit_id] if unit_id is not None else []) + [limit],
    )
    return [Event(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6])) for r in rows]


def get_note(conn: sqlite3.Connection, unit_id: int, annotator_id: int) -> str:
    row = conn.execute(
        "SELECT text FROM notes WHERE unit_id = ? AND annotator_id = ?", (unit_id, annotator_id)
    ).fetchone()
    return row[0] if row else ""


def write_note(conn, unit_id: int, annotator_id: int, text: str, now: str) -> None:
    if not text:
        conn.execute(
            "DELETE FROM notes WHERE unit_id = ? AND annotator_id = ?", (unit_id, annotator_id)
        )
        return
    conn.execute(
        """INSERT INTO notes (unit_id, annotator_id, text, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (unit_id, annotator_id) DO UPDATE SET text = excluded.text,
           updated_at = excluded.updated_at""",
        (unit_id, annotator_id, text, now),
    )


def article_states(conn, article_id: int) -> dict[int, dict[str, UnitState]]:
    """unit id -> annotator name -> state, for every annotator who touched the article."""
    result: dict[int, dict[str, dict]] = {}
    for unit_id, name, status in conn.execute(
        """SELECT s.unit_id, a.name, s.status FROM unit_status s
           JOIN units u ON u.id = s.unit_id JOIN annotators a ON a.id = s.annotator_id
           WHERE u.article_id = ?""",
        (article_id,),
    ):
        result.setdefault(unit_id, {}).setdefault(name, {"themes": [], "status": status})
    for unit_id, name, key in conn.execute(
        """SELECT l.unit_id, a.name, l.theme_key FROM labels l
           JOIN units u ON u.id = l.unit_id JOIN annotators a ON a.id = l.annotator_id
           JOIN themes t ON t.key = l.theme_key
           WHERE u.article_id = ? ORDER BY t.position""",
        (article_id,),
    ):
        entry = result.setdefault(unit_id, {}).setdefault(
            name, {"themes": [], "status": "not_seen"}
        )
        entry["themes"].append(key)
    return {
        u: {n: UnitState(tuple(s["themes"]), s["status"]) for n, s in by_name.items()}
        for u, by_name in result.items()
    }


def annotator_article_states(conn, article_id: int, annotator_id: int) -> dict[int, UnitState]:
    """unit id -> state for one annotator: what the reader needs to draw an article."""
    status = dict(
        conn.execute(
            """SELECT s.unit_id, s.status FROM unit_status s JOIN units u ON u.id = s.unit_id
               WHERE u.article_id = ? AND s.annotator_id = ?""",
            (article_id, annotator_id),
        )
    )
    themes: dict[int, list[str]] = {}
    for unit_id, key in conn.execute(
        """SELECT l.unit_id, l.theme_key FROM labels l JOIN units u ON u.id = l.unit_id
           JOIN themes t ON t.key = l.theme_key
           WHERE u.article_id = ? AND l.annotator_id = ? ORDER BY t.position""",
        (article_id, annotator_id),
    ):
        themes.setdefault(unit_id, []).append(key)
    ids = set(status) | set(themes)
    return {u: UnitState(tuple(themes.get(u, ())), status.get(u, "not_seen")) for u in ids}
