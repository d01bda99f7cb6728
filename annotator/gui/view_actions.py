"""Window actions of the Edit and View menus: undo, redo, text size, digits (a MainWindow mixin)."""

from __future__ import annotations

from annotator.gui.locale_format import ARABIC_INDIC, WESTERN
from annotator.gui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE


class ViewActions:
    """Mixed into MainWindow: needs its session, settings, menu, reader and status line."""

    def on_undo(self) -> None:
        if self.session.undo() is None:
            self.status.show_message(self.tr("Nothing to undo"))

    def on_redo(self) -> None:
        if self.session.redo() is None:
            self.status.show_message(self.tr("Nothing to redo"))

    def on_arabic_digits(self) -> None:
        """View → Arabic-Indic digits: every figure of the Arabic interface, at once."""
        checked = self.menu.actions["arabic_digits"].isChecked()
        self.settings.digits = ARABIC_INDIC if checked else WESTERN
        self.set_language(self.language)

    def set_font_size(self, points: int) -> None:
        points = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, points))
        self.settings.font_size = points
        self.reader.set_font_size(points)
        self.status.show_message(self.tr("Text size {points} pt").format(points=points))
