"""View → Colour theme: the window follows the system or the chosen colours (a MainWindow mixin)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.gui.appearance import Appearance, Mode


class AppearanceActions:
    """Mixed into MainWindow: needs its settings, menu and the views that draw colours."""

    def add_appearance(self) -> None:
        self.appearance = Appearance(Mode(self.settings.appearance), self)
        self.appearance.changed.connect(self.on_colors_changed)

    def appearance_handlers(self) -> dict[str, Callable[[], None]]:
        return {f"appearance_{mode.value}": lambda m=mode: self.set_appearance(m) for mode in Mode}

    def show_appearance_choice(self) -> None:
        self.menu.actions[f"appearance_{self.appearance.mode.value}"].setChecked(True)

    def set_appearance(self, mode: Mode) -> None:
        self.settings.appearance = mode.value
        self.appearance.set_mode(mode)
        self.show_appearance_choice()

    def on_colors_changed(self) -> None:
        """Light, dark or high contrast: every view that draws its own colours draws again."""
        self.reader.set_colors(self.appearance.reader_colors())
        self.theme_panel.rebuild()
        self.guidelines.refresh()
        self.status.set_dark(self.appearance.kind() is not Mode.LIGHT)
        self.article_panel.table.viewport().update()
