"""The window's menus and actions, declared once with their shortcuts and translatable text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt
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
            ActionSpec("switch_annotator", lambda: translate("menus", "S&witch annotator…")),
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
            ActionSpec("next_hit", lambda: translate("menus", "Ne&xt match in the text")),
            ActionSpec("previous_hit", lambda: translate("menus", "Pre&vious match in the text")),
            ActionSpec("remove_article", lambda: translate("menus", "Re&move article…")),
            ActionSpec("edit_note", lambda: translate("menus", "&Note on this sentence")),
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
            ActionSpec("next_pane", lambda: translate("menus", "Ne&xt pane")),
            ActionSpec("previous_pane", lambda: translate("menus", "&Previous pane")),
            ActionSpec("notes_list", lambda: translate("menus", "N&otes…")),
            ActionSpec(
                "toggle_guidelines", lambda: translate("menus", "&Guidelines"), checkable=True
            ),
            None,
            ActionSpec(
                "show_suggestions", lambda: translate("menus", "Show su&ggestions"), checkable=True
            ),
            ActionSpec(
                "suggestions_on_shared",
                lambda: translate("menus", "Suggestions on s&hared articles"),
                checkable=True,
            ),
            None,
            ActionSpec("language", lambda: translate("menus", "&Language"), submenu=True),
            ActionSpec("appearance", lambda: translate("menus", "&Colour theme"), submenu=True),
            ActionSpec(
                "arabic_digits",
                lambda: translate("menus", "&Arabic-Indic digits (٠١٢) in the Arabic interface"),
                checkable=True,
            ),
        ],
    ),
    (
        "team",
        lambda: translate("menus", "&Team"),
        [
            ActionSpec("hand_out_work", lambda: translate("menus", "&Hand out work…")),
            ActionSpec("merge_work", lambda: translate("menus", "&Merge returned work…")),
            None,
            ActionSpec("team_progress", lambda: translate("menus", "&Progress")),
            ActionSpec("team_agreement", lambda: translate("menus", "&Agreement")),
            ActionSpec("review_disagreements", lambda: translate("menus", "&Review disagreements")),
        ],
    ),
    (
        "tools",
        lambda: translate("menus", "&Tools"),
        [
            ActionSpec("suggestion_quality", lambda: translate("menus", "Suggestion &quality…")),
            ActionSpec(
                "retrain_suggestions", lambda: translate("menus", "&Retrain suggestions now")
            ),
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


# Submenus of exclusive choices: (the submenu's action, its choices).
CHOICE_MENUS: dict[str, list[ActionSpec]] = {
    "appearance": [
        ActionSpec("appearance_system", lambda: translate("menus", "As the &system"), True),
        ActionSpec("appearance_light", lambda: translate("menus", "&Light"), True),
        ActionSpec("appearance_dark", lambda: translate("menus", "&Dark"), True),
        ActionSpec("appearance_high_contrast", lambda: translate("menus", "&High contrast"), True),
    ],
}


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
        wanted |= {spec.name for specs in CHOICE_MENUS.values() for spec in specs}
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
        self._add_choice_menus()
        self.actions["recent_projects"].setMenu(self.recent_menu)
        self.actions["language"].setMenu(self.language_menu)
        for code, language_name in LANGUAGE_NAMES.items():
            spec = ActionSpec(f"language_{code}", lambda n=language_name: n, checkable=True)
            action = self._action(spec)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
        self.retranslate()

    def _add_choice_menus(self) -> None:
        for name, specs in CHOICE_MENUS.items():
            menu, group = QMenu(self.window), QActionGroup(self.window)
            menu.setObjectName(f"{name}_menu")
            for spec in specs:
                group.addAction(self._action(spec))
                menu.addAction(self.actions[spec.name])
            self.actions[name].setMenu(menu)

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
        for specs in CHOICE_MENUS.values():
            for spec in specs:
                self.actions[spec.name].setText(spec.text())
        for code, language_name in LANGUAGE_NAMES.items():
            self.actions[f"language_{code}"].setText(language_name)

    def open_by_mnemonic(self, letter: str) -> bool:
        """Open the menu whose title is underlined at this letter (Alt+letter)."""
        wanted = QKeySequence(QKeyCombination(Qt.KeyboardModifier.AltModifier, Qt.Key(ord(letter))))
        for menu in self.menus.values():
            if len(letter) == 1 and QKeySequence.mnemonic(menu.title()) == wanted:
                self.window.menuBar().setActiveAction(menu.menuAction())
                return True
        return False

    def set_recent(self, paths: list[str], open_path: Callable[[str], None]) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(recent_label(number, path))
            action.setData(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: open_path(p))
        self.actions["recent_projects"].setEnabled(bool(paths))
