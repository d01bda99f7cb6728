"""Store methods for the theme scheme (keys never change, so labels survive edits)."""

from __future__ import annotations

from annotator.core.themes import Theme
from annotator.storage import themes as theme_sql
from annotator.storage.errors import translate_public_methods


@translate_public_methods
class ThemesMixin:
    """Part of Store (see store.py): needs self.conn and self.transaction."""

    def themes(self, include_retired: bool = False) -> list[Theme]:
        return theme_sql.list_themes(self.conn, include_retired)

    def theme(self, key: str) -> Theme:
        return theme_sql.get_theme(self.conn, key)

    def add_theme(self, theme: Theme) -> Theme:
        with self.transaction():
            return theme_sql.add_theme(self.conn, theme)

    def update_theme(self, key: str, **changes) -> Theme:
        with self.transaction():
            return theme_sql.update_theme(self.conn, key, **changes)

    def move_theme(self, key: str, position: int) -> list[Theme]:
        with self.transaction():
            return theme_sql.move_theme(self.conn, key, position)

    def retire_theme(self, key: str, retired: bool = True) -> Theme:
        with self.transaction():
            return theme_sql.set_retired(self.conn, key, retired)
