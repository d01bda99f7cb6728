"""The window's menus and actions, declared once with their shortcuts and translatable text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


def tr(text: str) -> str:
    return QCoreApplication.translate("menus", text)


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: Callable[[], str]  # called again when the language changes
    shortcuts: tuple[str, ...] = ()
    checkable: bool = False


MENUS: list[tuple[str, Callable[[], str], list[ActionSpec | None]]] = [
    (
        "file",
        lambda: tr("&File"),
        [
            ActionSpec("open_project", lambda: tr("&Open project…"), ("Ctrl+O",)),
            ActionSpec("new_project", lambda: tr("&New project…"), ("Ctrl+N",)),
            ActionSpec("recent_projects", lambda: tr("&Recent projects")),
            None,
            ActionSpec("import_files", lambda: tr("&Import files…"), ("Ctrl+I",)),
            ActionSpec("import_folder", lambda: tr("Import &folder…")),
            None,
            ActionSpec("quit", lambda: tr("&Quit"), ("Ctrl+Q",)),
        ],
    ),
    (
        "edit",
        lambda: tr("&Edit"),
        [
            ActionSpec("undo", lambda: tr("&Undo"), ("Ctrl+Z",)),
            ActionSpec("redo", lambda: tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
            None,
            ActionSpec("find", lambda: tr("&Find articles"), ("Ctrl+F",)),
            None,
            ActionSpec("edit_themes", lambda: tr("&Themes…")),
        ],
    ),
    (
        "view",
        lambda: tr("&View"),
        [
            ActionSpec("font_bigger", lambda: tr("&Bigger text"), ("Ctrl+=", "Ctrl++")),
            ActionSpec("font_smaller", lambda: tr("&Smaller text"), ("Ctrl+-",)),
            ActionSpec("font_reset", lambda: tr("&Normal text size"), ("Ctrl+0",)),
            None,
            ActionSpec("language_ar", lambda: "العربية", checkable=True),
            ActionSpec("language_en", lambda: "English", checkable=True),
        ],
    ),
    (
        "help",
        lambda: tr("&Help"),
        [
            ActionSpec("shortcuts", lambda: tr("&Keyboard shortcuts"), ("F1",)),
            ActionSpec("about", lambda: tr("&About Annotator")),
        ],
    ),
]


class MenuBar:
    """Creates the menus on a window and connects each action to `window.on_<name>`."""

    def __init__(self, window: QMainWindow):
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.recent_menu = QMenu(window)
        self.language_group = QActionGroup(window)
        for name, _title, specs in MENUS:
            menu = window.menuBar().addMenu("")
            self.menus[name] = menu
            for spec in specs:
                if spec is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self._action(spec))
        self.actions["recent_projects"].setMenu(self.recent_menu)
        for name in ("language_ar", "language_en"):
            self.language_group.addAction(self.actions[name])
        self.retranslate()

    def _action(self, spec: ActionSpec) -> QAction:
        action = QAction(self.window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setCheckable(spec.checkable)
        handler = getattr(self.window, f"on_{spec.name}", None)
        if handler is not None:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        self.actions[spec.name] = action
        return action

    def retranslate(self) -> None:
        for name, title, specs in MENUS:
            self.menus[name].setTitle(title())
            for spec in filter(None, specs):
                self.actions[spec.name].setText(spec.text())

    def set_recent(self, paths: list[str], open_path: Callable[[str], None]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: open_path(p))
        self.actions["recent_projects"].setEnabled(bool(paths))
