"""SQL for the theme scheme. Keys never change, so labels survive every edit."""

from __future__ import annotations

import sqlite3

from annotator.core.themes import Theme, ThemeError, validate_color, validate_key, validate_shortcut

_COLUMNS = "key, name_ar, name_en, color, shortcut, position, definition_ar, definition_en, retired"


def list_themes(conn: sqlite3.Connection, include_retired: bool = False) -> list[Theme]:
    where = "" if include_retired else "WHERE retired = 0"
    rows = conn.execute(f"SELECT {_COLUMNS} FROM themes {where} ORDER BY position, key")
    return [Theme(*r[:8], retired=bool(r[8])) for r in rows]


def get_theme(conn: sqlite3.Connection, key: str) -> Theme:
    row = conn.execute(f"SELECT {_COLUMNS} FROM themes WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise ThemeError(f"no theme with key {key!r}")
    return Theme(*row[:8], retired=bool(row[8]))


def _check_shortcut_free(conn, shortcut: int | None, key: str) -> None:
    if shortcut is None:
        return
    row = conn.execute(
        "SELECT key FROM themes WHERE shortcut = ? AND retired = 0 AND key != ?", (shortcut, key)
    ).fetchone()
    if row:
        raise ThemeError(f"shortcut {shortcut} is already used by theme {row[0]!r}")


def add_theme(conn, theme: Theme) -> Theme:
    validate_key(theme.key)
    if conn.execute("SELECT 1 FROM themes WHERE key = ?", (theme.key,)).fetchone():
        raise ThemeError(
            f"a theme with key {theme.key!r} already exists (retired themes keep their key)"
        )
    if not theme.name_ar.strip() or not theme.name_en.strip():
        raise ThemeError("a theme needs an Arabic and an English name")
    validate_shortcut(theme.shortcut)
    _check_shortcut_free(conn, theme.shortcut, theme.key)
    position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM themes").fetchone()[0]
    conn.execute(
        f"INSERT INTO themes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
        (
            theme.key,
            theme.name_ar.strip(),
            theme.name_en.strip(),
            validate_color(theme.color),
            theme.shortcut,
            position,
            theme.definition_ar,
            theme.definition_en,
        ),
    )
    return get_theme(conn, theme.key)


_EDITABLE = {"name_ar", "name_en", "color", "shortcut", "definition_ar", "definition_en"}


def update_theme(conn, key: str, **changes) -> Theme:
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise ThemeError(f"cannot change {', '.join(sorted(unknown))} of a theme")
    get_theme(conn, key)
    if "color" in changes:
        changes["color"] = validate_color(changes["color"])
    if "shortcut" in changes:
        validate_shortcut(changes["shortcut"])
        _check_shortcut_free(conn, changes["shortcut"], key)
    for name in ("name_ar", "name_en"):
        if name in changes and not str(changes[name]).strip():
            raise ThemeError("theme names cannot be empty")
    for column, value in changes.items():
        conn.execute(f"UPDATE themes SET {column} = ? WHERE key = ?", (value, key))
    return get_theme(conn, key)


def move_theme(conn, key: str, new_position: int) -> list[Theme]:
    """Place a theme at an index in the active order, shifting the others."""
    order = [t.key for t in list_themes(conn, include_retired=True)]
    if key not in order:
        raise ThemeError(f"no theme with key {key!r}")
    order.remove(key)
    order.insert(max(0, min(new_position, len(order))), key)
    conn.executemany(
        "UPDATE themes SET position = ? WHERE key = ?", [(i, k) for i, k in enumerate(order)]
    )
    return list_themes(conn)


def set_retired(conn, key: str, retired: bool) -> Theme:
    """Retire (hide from annotators) or restore a theme; its labels are kept either way."""
    theme = get_theme(conn, key)
    if not retired:
        _check_shortcut_free(conn, theme.shortcut, key)
    conn.execute("UPDATE themes SET retired = ? WHERE key = ?", (int(retired), key))
    return get_theme(conn, key)
