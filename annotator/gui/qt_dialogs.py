"""Qt's own file dialog in the Arabic interface: paths left to right, every label in Arabic.

Qt's catalogue (qtbase_ar.qm) leaves a few of the file dialog's labels in English ("Look
in:", "Files of type:", the "Folder" type); they are translated in our catalogue under
Qt's own contexts, which Qt looks up like its own. A path or file name in a right-to-left
field was reordered ("/tmp/a/clone" as "tmp/a/clone/"): those fields read left to right.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

translate = QCoreApplication.translate
PATH_FIELDS = ("lookInCombo", "fileNameEdit")


def qt_strings_missing_from_qtbase_ar() -> list[str]:
    """Never needed at run time: lists the strings for pyside6-lupdate (and a test)."""
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive"),
    ]


def left_to_right_paths(dialog: QFileDialog) -> None:
    """Qt's own (non-native) file dialog: its path and file name fields read left to right."""
    for name in PATH_FIELDS:
        field = dialog.findChild(QWidget, name)
        if field is not None:
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
