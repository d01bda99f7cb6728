"""The theme scheme. Keys never change, so labels survive every edit."""

from __future__ import annotations

import sqlite3

from annotator.core.scheme import Theme, ThemeError, validate_color, validate_key, validate_shortcut
from annotator.core.suggest.lexicon import LexiconError, format_terms, parse_terms
from annotator.storage.repository import Repository

_COLUMNS = (
    "key, name_ar, name_en, color, shortcut, position, definition_ar, definition_en, retired,"
    " keywords"
)
_EDITABLE = {
    "name_ar",
    "name_en",
    "color",
    "shortcut",
    "definition_ar",
    "definition_en",
    "keywords",
}


def _theme(row: tuple) -> Theme:
    return Theme(*row[:8], retired=bool(row[8]), keywords=row[9])


def checked_keywords(text: str) -> str:
    """A theme's keywords as stored: checked, one term a line (comments and repeats dropped)."""
    try:
        return format_terms(parse_terms(text))
    except LexiconError as error:
        raise ThemeError(f"keywords: {error}") from None


def read_themes(conn: sqlite3.Connection, include_retired: bool = False) -> list[Theme]:
    """The scheme in its order (also read by the export's own connection)."""
    where = "" if include_retired else "WHERE retired = 0"
    rows = conn.execute(f"SELECT {_COLUMNS} FROM themes {where} ORDER BY position, key")
    return [_theme(r) for r in rows]


class Themes(Repository):
    def list(self, include_retired: bool = False) -> list[Theme]:
        return read_themes(self.conn, include_retired)

    def get(self, key: str) -> Theme:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM themes WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise ThemeError(f"no theme with key {key!r}")
        return _theme(row)

    def add(self, theme: Theme) -> Theme:
        with self.transaction():
            self._check_unlocked()
            validate_key(theme.key)
            if self.conn.execute("SELECT 1 FROM themes WHERE key = ?", (theme.key,)).fetchone():
                raise ThemeError(
                    f"a theme with key {theme.key!r} already exists (retired themes keep their key)"
                )
            if not theme.name_ar.strip() or not theme.name_en.strip():
                raise ThemeError("a theme needs an Arabic and an English name")
            validate_shortcut(theme.shortcut)
            self._check_shortcut_free(theme.shortcut, theme.key)
            self._insert(theme)
            return self.get(theme.key)

    def _insert(self, theme: Theme) -> None:
        position = self.conn.execute(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM themes"
        ).fetchone()[0]
        self.conn.execute(
            f"INSERT INTO themes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (
                theme.key,
                theme.name_ar.strip(),
                theme.name_en.strip(),
                validate_color(theme.color),
                theme.shortcut,
                position,
                theme.definition_ar,
                theme.definition_en,
                checked_keywords(theme.keywords),
            ),
        )

    def update(self, key: str, **changes) -> Theme:
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ThemeError(f"cannot change {', '.join(sorted(unknown))} of a theme")
        with self.transaction():
            self._check_unlocked()
            self.get(key)
            if "color" in changes:
                changes["color"] = validate_color(changes["color"])
            if "shortcut" in changes:
                validate_shortcut(changes["shortcut"])
                self._check_shortcut_free(changes["shortcut"], key)
            for name in ("name_ar", "name_en"):
                if name in changes and not str(changes[name]).strip():
                    raise ThemeError("theme names cannot be empty")
            if "keywords" in changes:
                changes["keywords"] = checked_keywords(changes["keywords"])
            for column, value in changes.items():
                self.conn.execute(f"UPDATE themes SET {column} = ? WHERE key = ?", (value, key))
            return self.get(key)

    def move(self, key: str, position: int) -> list[Theme]:
        """Place a theme at an index in the active order, shifting the others."""
        with self.transaction():
            self._check_unlocked()
            order = [t.key for t in self.list(include_retired=True)]
            if key not in order:
                raise ThemeError(f"no theme with key {key!r}")
            order.remove(key)
            order.insert(max(0, min(position, len(order))), key)
            self.conn.executemany(
                "UPDATE themes SET position = ? WHERE key = ?",
                [(i, k) for i, k in enumerate(order)],
            )
            return self.list()

    def retire(self, key: str, retired: bool = True) -> Theme:
        """Retire (hide from annotators) or restore a theme; its labels are kept either way."""
        with self.transaction():
            self._check_unlocked()
            theme = self.get(key)
            if not retired:
                self._check_shortcut_free(theme.shortcut, key)
            self.conn.execute("UPDATE themes SET retired = ? WHERE key = ?", (int(retired), key))
            return self.get(key)

    def _check_unlocked(self) -> None:
        """A package's scheme is its lead's: changed only in the lead's project."""
        if self._store.project.info().scheme_locked:
            raise ThemeError(
                "this project is a package handed out by a project lead: its themes are the"
                " lead's and can be changed only in the lead's project"
            )

    def _check_shortcut_free(self, shortcut: int | None, key: str) -> None:
        if shortcut is None:
            return
        row = self.conn.execute(
            "SELECT key FROM themes WHERE shortcut = ? AND retired = 0 AND key != ?",
            (shortcut, key),
        ).fetchone()
        if row:
            raise ThemeError(f"shortcut {shortcut} is already used by theme {row[0]!r}")
