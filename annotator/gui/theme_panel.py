"""The theme panel: one toggle per theme for the current unit, plus its note."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.app.session import AnnotationSession, Change, SessionEvent
from annotator.app.theme_marks import theme_abbreviations
from annotator.core.scheme import Theme
from annotator.gui.note_field import NoteField
from annotator.gui.theme_colors import legible_chip, readable_on, tint
from annotator.gui.unit_summary import describe_suggestion, describe_unit

SWATCH_SIZE = 22
HEADER_LINES = 2


def swatch_icon(color: str, letters: str, size: int = SWATCH_SIZE) -> QIcon:
    """A rounded square in the theme's colour carrying its letter(s): readable without colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(0, 0, size, size, 5, 5)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(size * (0.6 if len(letters) < 2 else 0.45)))
    painter.setFont(font)
    painter.setPen(readable_on(QColor(color)))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return QIcon(pixmap)


def checked_style(color: str, palette: QPalette, start: str = "left") -> str:
    """A checked theme button: tinted in its colour with a thick border (and bold text), its
    text at 4.5:1 on the tint and the border at 4.5:1 on the panel, light or dark; a suggested
    one not yet chosen: a dashed border in that legible colour. `start`: the side the swatch
    and the name begin on (style sheets do not mirror text-align for right to left)."""
    button = palette.color(QPalette.ColorRole.Button)
    ink = palette.color(QPalette.ColorRole.ButtonText)
    background = tint(color, button, ink).name()
    border = legible_chip(color, button.name())
    return (
        f"QPushButton {{ text-align: {start}; padding: 4px 8px; }}"
        f"QPushButton:checked {{ background: {background}; color: {ink.name()};"
        f" border: 2px solid {border}; border-radius: 4px; font-weight: bold; }}"
        f'QPushButton[suggested="true"]:!checked {{ border: 2px dashed {border};'
        f" border-radius: 4px; }}"
    )


class ThemeButton(QPushButton):
    """A theme toggle. Tab reaches it (Space toggles it there); a click leaves the focus
    where it was, so the keys keep going to the reader."""

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme = theme
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setIconSize(QSize(SWATCH_SIZE, SWATCH_SIZE))
        self.setMinimumHeight(SWATCH_SIZE + 14)
        self.setObjectName(f"theme_{theme.key}")
        self.label = theme.name_en
        self.confidence = ""  # the suggestion's probability for this theme, as shown

    def set_label_text(self) -> None:
        """A check mark as well as the tint: checked must be visible without colour."""
        text = f"✓ {self.label}" if self.isChecked() else f"    {self.label}"
        self.setText(f"{text}   {self.confidence}" if self.confidence else text)

    def set_suggested(self, suggested: bool, score: float | None) -> None:
        self.confidence = "" if score is None else f"{round(100 * score)}%"
        if bool(self.property("suggested")) != suggested:
            self.setProperty("suggested", suggested)
            self.style().unpolish(self)
            self.style().polish(self)


class ThemePanel(QWidget):
    """Shows and changes the current unit's themes through the session."""

    leave_requested = Signal()
    rebuilt = Signal()  # new theme buttons: the window links them into the Tab order

    def __init__(self, session: AnnotationSession, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.language = session, language
        self.buttons: list[ThemeButton] = []
        self._note_unit_id: int | None = None
        self.group = QGroupBox(self)
        self.group_layout = QVBoxLayout(self.group)
        self.unit_label = QLabel(self)
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("suggestion_note")
        self.suggestion_label.setWordWrap(True)
        self.none_button = self._action_button(
            "done_no_theme", lambda: self.session.mark_done_no_theme()
        )
        self.skip_button = self._action_button("skip", lambda: self.session.skip())
        self.note_label = QLabel(self)
        self.note = NoteField(self)
        self.note.setObjectName("note")
        self._lay_out()
        self.note.finished.connect(self._save_note)
        self.note.leave_requested.connect(self.leave_requested.emit)
        self.set_session(session)

    def _action_button(self, name: str, slot) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.unit_label.setWordWrap(True)
        bold = QFont(self.unit_label.font())
        bold.setBold(True)
        self.unit_label.setFont(bold)
        # Two lines, always: a longer status never pushes the theme buttons down.
        lines = QFontMetrics(bold).lineSpacing() * HEADER_LINES
        self.unit_label.setFixedHeight(lines + 2)
        self.unit_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.unit_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.unit_label)
        layout.addWidget(self.group)
        layout.addWidget(self.suggestion_label)
        layout.addWidget(self.none_button)
        layout.addWidget(self.skip_button)
        layout.addSpacing(8)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addStretch(1)

    # -- building -------------------------------------------------------------------------

    def set_session(self, session: AnnotationSession) -> None:
        self.session = session
        session.subscribe(self._on_session_event)
        self.rebuild()

    def set_language(self, language: str) -> None:
        self.language = language
        self.rebuild()

    def rebuild(self) -> None:
        for button in self.buttons:
            self.group_layout.removeWidget(button)
            button.hide()  # at once: deleteLater waits for the event loop
            button.deleteLater()
        letters = theme_abbreviations(self.session.themes, self.language)
        self.buttons = [self._theme_button(t, letters[t.key]) for t in self.session.themes]
        for button in self.buttons:
            self.group_layout.addWidget(button)
        self.retranslate()
        self.refresh()
        self.rebuilt.emit()

    def _theme_button(self, theme: Theme, letters: str) -> ThemeButton:
        button = ThemeButton(theme, self.group)
        button.label = f"{theme.shortcut}  " if theme.shortcut else ""
        button.label += theme.name(self.language)
        # The application's palette: a widget's own follows a change only a moment later.
        palette = QGuiApplication.palette()
        page = palette.color(QPalette.ColorRole.Button).name()
        button.setIcon(swatch_icon(legible_chip(theme.color, page), letters))
        right_to_left = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        button.setStyleSheet(
            checked_style(theme.color, palette, "right" if right_to_left else "left")
        )
        definition = theme.definition_ar if self.language == "ar" else theme.definition_en
        button.setToolTip(definition or theme.definition_en or theme.definition_ar)
        button.setAccessibleName(theme.name(self.language))  # the state says checked or not
        key = self.tr("Key {digit}.").format(digit=theme.shortcut) if theme.shortcut else ""
        button.setAccessibleDescription(f"{key} {button.toolTip()}".strip())
        button.clicked.connect(lambda _checked, key=theme.key: self._toggle(key))
        # Room for the check mark and a suggestion's confidence, so neither is ever cut off.
        widest = button.fontMetrics().horizontalAdvance(f"✓ {button.label}   100%")
        button.setMinimumWidth(widest + SWATCH_SIZE + 36)
        return button

    def retranslate(self) -> None:
        self.group.setTitle(self.tr("Themes of this sentence"))
        self.setAccessibleName(self.tr("Theme panel"))
        self.setAccessibleDescription(
            self.tr(
                "The current sentence's themes: Tab moves between them, Space toggles one,"
                " Esc returns to the text"
            )
        )
        self.group.setAccessibleDescription(self.tr("One button per theme, checked when given"))
        self.unit_label.setAccessibleDescription(self.tr("The current sentence and its status"))
        self.none_button.setAccessibleName(self.tr("No theme (done)"))
        self.skip_button.setAccessibleName(self.tr("Skip for now"))
        self.note.setAccessibleName(self.tr("Note on this sentence"))
        self.note_label.setAccessibleDescription(self.tr("The note field follows"))
        self.none_button.setText(self.tr("0  No theme (done)"))
        self.none_button.setToolTip(
            self.tr("Mark the sentence done with no theme, clearing its themes")
        )
        self.skip_button.setText(self.tr("S  Skip for now"))
        self.skip_button.setToolTip(
            self.tr("Leave this sentence for later; it does not count as done")
        )
        self.note_label.setText(self.tr("Note on this sentence"))
        self.note.setPlaceholderText(self.tr("Optional note"))
        self.note.setToolTip(
            self.tr(
                "N writes a note. Saved when you press Enter or Esc, or leave the field;"
                " Shift+Enter starts a new line"
            )
        )

    # -- following the session ------------------------------------------------------------

    def _on_session_event(self, event: SessionEvent) -> None:
        if event.change is Change.THEMES:
            self.rebuild()
        elif event.change is not Change.END_OF_ARTICLE:
            self.refresh()

    def refresh(self) -> None:
        """Checked buttons = the current unit's themes; the note follows the current unit."""
        state = self.session.current_state()
        unit = self.session.current_unit
        suggestion = self.session.suggestions.for_unit(unit)
        for button in self.buttons:
            key = button.theme.key
            button.setChecked(key in state.themes)
            button.setEnabled(unit is not None)
            button.set_suggested(
                suggestion is not None and key in suggestion.themes,
                suggestion.scores.get(key) if suggestion else None,
            )
            button.set_label_text()
        self._describe_suggestion(unit)
        self.none_button.setEnabled(unit is not None)
        self.skip_button.setEnabled(unit is not None)
        self.unit_label.setText(describe_unit(self.session))
        self.unit_label.setToolTip(self.unit_label.text())
        if unit is None or unit.id != self._note_unit_id:
            self._note_unit_id = unit.id if unit else None
            self.note.setText(self.session.note() if unit else "")
            self.note.setEnabled(unit is not None)

    def _describe_suggestion(self, unit) -> None:
        text = describe_suggestion(self.session, unit, self.language)
        self.suggestion_label.setText(text)
        self.suggestion_label.setVisible(bool(text))

    def _toggle(self, key: str) -> None:
        try:
            self.session.toggle_theme_key(key)
        finally:
            self.refresh()  # Qt already flipped the button; show what the store holds

    def focus_note(self) -> None:
        """N: write in the current sentence's note (the cursor at its end)."""
        if self.note.isEnabled():
            self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.note.moveCursor(QTextCursor.MoveOperation.End)

    def _save_note(self) -> None:
        if self._note_unit_id is not None:
            self.session.set_note(self.note.text(), unit_id=self._note_unit_id)
