"""SQL for project-wide figures."""

from __future__ import annotations

import sqlite3


def _scalar(conn: sqlite3.Connection, sql: str) -> int:
    return conn.execute(sql).fetchone()[0]


def project_stats(conn: sqlite3.Connection) -> dict:
    """Counts of articles, units, annotators' progress and theme use."""
    annotators = {}
    for name, done, skipped in conn.execute(
        """SELECT a.name,
                  SUM(s.status IN ('done_no_theme', 'done_with_themes')),
                  SUM(s.status = 'skipped')
           FROM annotators a LEFT JOIN unit_status s ON s.annotator_id = a.id
           GROUP BY a.id ORDER BY a.id"""
    ):
        annotators[name] = {"done": done or 0, "skipped": skipped or 0}
    themes = {
        key: n
        for key, n in conn.execute(
            """SELECT t.key, COUNT(l.unit_id) FROM themes t LEFT JOIN labels l ON l.theme_key = t.key
               GROUP BY t.key ORDER BY t.position"""
        )
    }
    by_kind = dict(conn.execute("SELECT kind, COUNT(*) FROM units GROUP BY kind"))
    return {
        "articles": _scalar(conn, "SELECT COUNT(*) FROM articles"),
        "units": _scalar(conn, "SELECT COUNT(*) FROM units"),
        "units_by_kind": by_kind,
        "annotators": annotators,
        "labels_by_theme": themes,
        "events": _scalar(conn, "SELECT COUNT(*) FROM events"),
    }
