"""File → Switch annotator…: label as someone else (a known name, or a new one)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from annotator.core.names import MAX_NAME_CHARS, NameProblem, name_problem


class SwitchAnnotatorDialog(QDialog):
    """An editable list of the project's annotators; OK only for a name that can be used."""

    def __init__(self, names: list[str], current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("switch_annotator")
        self.setWindowTitle(self.tr("Switch annotator"))
        intro = QLabel(
            self.tr(
                "Labels are saved under the name chosen here, from now on and at the next"
                " start. Choose a name from the list or type a new one."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.names = QComboBox(self, objectName="annotator_names")
        self.names.setEditable(True)
        self.names.addItems(names)
        self.names.setCurrentText(current)
        self.names.lineEdit().setMaxLength(MAX_NAME_CHARS + 1)  # one more: the limit is said
        self.problem = QLabel(self, objectName="annotator_problem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.names, self.problem, self.buttons):
            layout.addWidget(widget)
        self.names.currentTextChanged.connect(self._check)
        self._check(current)
        self.setAccessibleName(self.windowTitle())

    def chosen(self) -> str:
        return self.names.currentText().strip()

    def _check(self, text: str) -> None:
        problem = name_problem(text)
        advice = {
            NameProblem.EMPTY: self.tr("Type a name: an empty name cannot be used."),
            NameProblem.TOO_LONG: self.tr("A name can have at most {count} characters.").format(
                count=MAX_NAME_CHARS
            ),
            NameProblem.CONTROL: self.tr(
                "A name cannot hold line breaks, tabs, control characters or direction marks."
            ),
        }
        self.problem.setText(advice.get(problem, ""))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
