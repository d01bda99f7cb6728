"""The window's menus and actions, declared once with their shortcuts and translatable text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.gui.shortcuts import keys_of

LRI, PDI = "\u2066", "\u2069"
# Each language's name in itself, so anyone can find their own in the menu.
LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}
translate = QCoreApplication.translate


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the window's handler for it has the same name (see MainWindow.handlers)
    text: Callable[[], str]  # called again when the language changes
    checkable: bool = False
    submenu: bool = False  # opens a submenu: no handler of its own


MENUS: list[tuple[str, Callable[[], str], list[ActionSpec | None]]] = [
    (
        "file",
        lambda: translate("menus", "&File"),
        [
            ActionSpec("open_project", lambda: translate("menus", "&Open project…")),
            ActionSpec("new_project", lambda: translate("menus", "&New project…")),
            ActionSpec(
                "recent_projects", lambda: translate("menus", "&Recent projects"), submenu=True
            ),
            None,
            ActionSpec("import_files", lambda: translate("menus", "&Import files…")),
            ActionSpec("import_folder", lambda: translate("menus", "Import &folder…")),
            ActionSpec("export_dataset", lambda: translate("menus", "&Export dataset…")),
            None,
            ActionSpec("quit", lambda: translate("menus", "&Quit")),
        ],
    ),
    (
        "edit",
        lambda: translate("menus", "&Edit"),
        [
            ActionSpec("undo", lambda: translate("menus", "&Undo")),
            ActionSpec("redo", lambda: translate("menus", "&Redo")),
            None,
            ActionSpec("find", lambda: translate("menus", "&Find articles")),
            ActionSpec("remove_article", lambda: translate("menus", "Re&move article…")),
            None,
            ActionSpec("edit_themes", lambda: translate("menus", "&Themes…")),
        ],
    ),
    (
        "view",
        lambda: translate("menus", "&View"),
        [
            ActionSpec("font_bigger", lambda: translate("menus", "&Bigger text")),
            ActionSpec("font_smaller", lambda: translate("menus", "&Smaller text")),
            ActionSpec("font_reset", lambda: translate("menus", "&Normal text size")),
            ActionSpec("back_to_text", lambda: translate("menus", "Back to the &text")),
            None,
            ActionSpec("language", lambda: translate("menus", "&Language"), submenu=True),
        ],
    ),
    (
        "team",
        lambda: translate("menus", "&Team"),
        [
            ActionSpec(
                "connect_team_server", lambda: translate("menus", "&Connect to team server…")
            ),
        ],
    ),
    (
        "help",
        lambda: translate("menus", "&Help"),
        [
            ActionSpec("shortcuts", lambda: translate("menus", "&Keyboard shortcuts")),
            ActionSpec("about", lambda: translate("menus", "&About Annotator")),
        ],
    ),
]


def recent_label(number: int, path: str) -> str:
    """'&1 name.annotator (folder)', isolated left to right so a path reads the same in an
    Arabic menu; '&' in a path is doubled so that it is not taken for an accelerator."""
    file = Path(path)
    text = f"{file.name}   ({file.parent})".replace("&", "&&")
    return f"&{number}  {LRI}{text}{PDI}"


class MenuBar:
    """Creates the menus on a window, each action connected to its handler and given its
    keys from the shortcut table. A spec without a handler, or a handler without a spec,
    stops the window at start-up: no menu item can be silently dead."""

    def __init__(self, window: QMainWindow, handlers: dict[str, Callable[[], None]]):
        self.window = window
        wanted = {s.name for _n, _t, specs in MENUS for s in specs if s and not s.submenu}
        wanted |= {f"language_{code}" for code in LANGUAGE_NAMES}
        if wanted != set(handlers):
            raise KeyError(f"menu actions and handlers differ: {sorted(wanted ^ set(handlers))}")
        self.handlers = handlers
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recent_projects_menu")
        self.language_menu = QMenu(window)
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
        self.actions["language"].setMenu(self.language_menu)
        for code, language_name in LANGUAGE_NAMES.items():
            spec = ActionSpec(f"language_{code}", lambda n=language_name: n, checkable=True)
            action = self._action(spec)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
        self.retranslate()

    def _action(self, spec: ActionSpec) -> QAction:
        action = QAction(self.window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(keys) for keys in keys_of(spec.name)])
        action.setCheckable(spec.checkable)
        if not spec.submenu:
            handler = self.handlers[spec.name]
            action.triggered.connect(lambda _checked=False, h=handler: h())
        self.actions[spec.name] = action
        return action

    def retranslate(self) -> None:
        for name, title, specs in MENUS:
            self.menus[name].setTitle(title())
            for spec in filter(None, specs):
                self.actions[spec.name].setText(spec.text())
        for code, language_name in LANGUAGE_NAMES.items():
            self.actions[f"language_{code}"].setText(language_name)

    def set_recent(self, paths: list[str], open_path: Callable[[str], None]) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(recent_label(number, path))
            action.setData(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: open_path(p))
        self.actions["recent_projects"].setEnabled(bool(paths))
