"""The theme editor: add, rename, define, recolour, reorder, retire and restore themes.

Every edit is committed by the store when it is made; keys never change, so labels
already given keep their theme whatever is renamed or retired.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.scheme import Theme, ThemeError
from annotator.core.suggest.lexicon import LexiconError, format_terms, parse_terms
from annotator.gui.direction import direct_option
from annotator.gui.theme_panel import swatch_icon
from annotator.storage.store import Store

DEFAULT_NEW_COLOR = "#8e44ad"
LRI, PDI = "\u2066", "\u2069"


def key_from_name(name: str, taken: set[str]) -> str:
    """A stable key from an English name: lowercase ASCII, unique in the project."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "theme"
    base = base if base[0].isalpha() else f"t_{base}"
    key, n = base[:40], 2
    while key in taken:
        key, n = f"{base[:36]}_{n}", n + 1
    return key


class ThemeForm(QWidget):
    """The fields of one theme."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name_ar = QLineEdit(self)
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_en = QLineEdit(self)
        self.name_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.definition_ar = self._definition_box(Qt.LayoutDirection.RightToLeft)
        self.definition_en = self._definition_box(Qt.LayoutDirection.LeftToRight)
        self.keywords = self._keywords_box()
        self.shortcut = QSpinBox(self)
        self.shortcut.setRange(0, 9)
        self.shortcut.setSpecialValueText(self.tr("none"))
        self.color_button = QPushButton(self)
        self.color = DEFAULT_NEW_COLOR
        self.color_button.clicked.connect(self._choose_color)
        form = QFormLayout(self)
        form.addRow(self.tr("Arabic name"), self.name_ar)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Arabic definition"), self.definition_ar)
        form.addRow(self.tr("English definition"), self.definition_en)
        form.addRow(self.tr("Keywords for suggestions"), self.keywords)
        form.addRow(self.tr("Shortcut digit"), self.shortcut)
        form.addRow(self.tr("Colour"), self.color_button)

    def _definition_box(self, direction: Qt.LayoutDirection) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setLayoutDirection(direction)
        box.setFixedHeight(70)
        box.setTabChangesFocus(True)  # Tab moves on; a definition never holds a tab
        # Every paragraph in the box's language direction, also after typing or pasting
        # (new blocks otherwise took the direction of the widget's parent).
        option = box.document().defaultTextOption()
        direct_option(option, direction)
        box.document().setDefaultTextOption(option)
        return box

    def _keywords_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setObjectName("theme_keywords")
        box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        box.setFixedHeight(96)
        box.setTabChangesFocus(True)
        box.setToolTip(
            self.tr(
                "Words and phrases that suggest this theme, one a line or separated by commas."
                " Spelling variants and the prefixes و ف ب ل ك ال are matched; a term ending"
                " in * matches any ending."
            )
        )
        return box

    def show_theme(self, theme: Theme | None) -> None:
        theme = theme or Theme("", "", "", DEFAULT_NEW_COLOR, None)
        self.name_ar.setText(theme.name_ar)
        self.name_en.setText(theme.name_en)
        self.definition_ar.setPlainText(theme.definition_ar)
        self.definition_en.setPlainText(theme.definition_en)
        self.keywords.setPlainText(theme.keywords)
        self.shortcut.setValue(theme.shortcut or 0)
        self._set_color(theme.color)

    def values(self) -> dict:
        return {
            "name_ar": self.name_ar.text().strip(),
            "name_en": self.name_en.text().strip(),
            "definition_ar": self.definition_ar.toPlainText().strip(),
            "definition_en": self.definition_en.toPlainText().strip(),
            "keywords": self.keywords.toPlainText(),
            "shortcut": self.shortcut.value() or None,
            "color": self.color,
        }

    def _set_color(self, color: str) -> None:
        self.color = color
        self.color_button.setIcon(swatch_icon(color, ""))
        self.color_button.setText(f"{LRI}{color}{PDI}")  # "#c0392b", not "c0392b#", in Arabic

    def _choose_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, self.tr("Theme colour"))
        if chosen.isValid():
            self._set_color(chosen.name())


class ThemeEditor(QDialog):
    """Lists every theme (retired ones greyed) beside the form of the selected one."""

    themes_changed = Signal()

    def __init__(self, store: Store, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.language = store, language
        self.setWindowTitle(self.tr("Themes"))
        self.resize(760, 560)
        self.list = QListWidget(self)
        self.form = ThemeForm(self)
        self.buttons = {name: QPushButton(self) for name in ("new", "save", "up", "down", "retire")}
        self._lay_out()
        self.list.currentRowChanged.connect(self._show_selected)
        self.reload(select=0)

    def _lay_out(self) -> None:
        labels = {
            "new": self.tr("New theme"),
            "save": self.tr("Save changes"),
            "up": self.tr("Move up"),
            "down": self.tr("Move down"),
            "retire": self.tr("Retire"),
        }
        side = QVBoxLayout()
        side.addWidget(self.list)
        order = QHBoxLayout()
        for name in ("up", "down", "retire"):
            order.addWidget(self.buttons[name])
        side.addLayout(order)
        main = QVBoxLayout()
        main.addWidget(self.form)
        actions = QHBoxLayout()
        actions.addWidget(self.buttons["new"])
        actions.addStretch(1)
        actions.addWidget(self.buttons["save"])
        main.addLayout(actions)
        body = QHBoxLayout()
        body.addLayout(side, 2)
        body.addLayout(main, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(close)
        handlers = {
            "new": self._new,
            "save": self._save,
            "up": self._up,
            "down": self._down,
            "retire": self._retire,
        }
        for name, button in self.buttons.items():
            button.setText(labels[name])
            button.clicked.connect(handlers[name])

    def reload(self, select: int | None = None) -> None:
        self.themes = self.store.themes.list(include_retired=True)
        self.list.blockSignals(True)
        self.list.clear()
        for theme in self.themes:
            item = QListWidgetItem(swatch_icon(theme.color, ""), self._label(theme))
            if theme.retired:
                item.setForeground(QColor("#9ca3af"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(select if select is not None and select < len(self.themes) else -1)
        self._show_selected(self.list.currentRow())

    def _label(self, theme: Theme) -> str:
        shortcut = f"{theme.shortcut}  " if theme.shortcut else "    "
        retired = self.tr("(retired)") if theme.retired else ""
        return f"{shortcut}{theme.name(self.language)}  {retired}".rstrip()

    def selected(self) -> Theme | None:
        row = self.list.currentRow()
        return self.themes[row] if 0 <= row < len(self.themes) else None

    def _show_selected(self, _row: int) -> None:
        theme = self.selected()
        self.form.show_theme(theme)
        self.buttons["retire"].setText(
            self.tr("Restore") if theme and theme.retired else self.tr("Retire")
        )
        for name in ("up", "down", "retire"):
            self.buttons[name].setEnabled(theme is not None)

    def _attempt(self, change, select: int | None) -> None:
        try:
            change()
        except ThemeError as error:
            QMessageBox.warning(self, self.tr("Theme not changed"), str(error))
            return
        self.reload(select)
        self.themes_changed.emit()

    def _problem(self, values: dict, editing: Theme | None) -> str | None:
        """What is wrong with the form, in the interface language (the store checks again)."""
        if not values["name_ar"] or not values["name_en"]:
            return self.tr("A theme needs both an Arabic and an English name.")
        digit = values["shortcut"]
        owner = next(
            (t for t in self.themes if digit and t.shortcut == digit and t is not editing), None
        )
        if owner is not None:
            return self.tr("The shortcut {digit} is already used by “{name}”.").format(
                digit=digit, name=owner.name(self.language)
            )
        try:  # checked, and kept as the store keeps it: one term a line
            values["keywords"] = format_terms(parse_terms(values["keywords"]))
        except LexiconError as error:
            return self.tr("A keyword cannot be used: {reason}").format(reason=error)
        return None

    def _new(self) -> None:
        self.list.setCurrentRow(-1)
        self.form.show_theme(None)
        self.form.name_ar.setFocus()

    def _save(self) -> None:
        theme, values = self.selected(), self.form.values()
        problem = self._problem(values, theme)
        if problem:
            QMessageBox.warning(self, self.tr("Theme not changed"), problem)
            return
        if theme is None:
            key = key_from_name(values["name_en"], {t.key for t in self.themes})
            self._attempt(lambda: self.store.themes.add(Theme(key=key, **values)), len(self.themes))
            return
        changed = {k: v for k, v in values.items() if getattr(theme, k) != v}
        if changed:
            self._attempt(
                lambda: self.store.themes.update(theme.key, **changed), self.list.currentRow()
            )

    def _move(self, step: int) -> None:
        theme, row = self.selected(), self.list.currentRow()
        if theme is not None and 0 <= row + step < len(self.themes):
            self._attempt(lambda: self.store.themes.move(theme.key, row + step), row + step)

    def _up(self) -> None:
        self._move(-1)

    def _down(self) -> None:
        self._move(+1)

    def _retire(self) -> None:
        theme = self.selected()
        if theme is not None:
            self._attempt(
                lambda: self.store.themes.retire(theme.key, not theme.retired),
                self.list.currentRow(),
            )
