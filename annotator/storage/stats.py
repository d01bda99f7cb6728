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


def annotator_progress(conn: sqlite3.Connection, annotator_id: int | None) -> tuple[int, int]:
    """Units done by one annotator, and all units: two cheap reads, even at 1M sentences.

    Done comes from the trigger-maintained article_progress counters. The total counts the
    units index rather than summing articles.unit_count: SUM(unit_count) has to read every
    article row, and an article's text spills onto overflow pages that SQLite walks to reach
    the column after it (measured at 1M sentences: 5 ms against 40 ms with a warm cache,
    and far more from a cold disk).
    """
    done = 0
    if annotator_id is not None:
        done = conn.execute(
            "SELECT COALESCE(SUM(done), 0) FROM article_progress WHERE annotator_id = ?",
            (annotator_id,),
        ).fetchone()[0]
    return done, _scalar(conn, "SELECT COUNT(*) FROM units")
