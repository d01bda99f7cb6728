"""The application style: Qt's own, with right-to-left fixes it lacks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionMenuItem, QWidget

LRI, PDI = "\u2066", "\u2069"


class AppStyle(QProxyStyle):
    """Draws menu shortcuts left to right in right-to-left menus.

    Qt lays a shortcut out in the menu's direction, so in Arabic "Ctrl+=" is drawn as
    "=+Ctrl" (the bidi algorithm sends the trailing punctuation to the far side). Isolating
    the shortcut text as left-to-right keeps it as printed on the keys.
    """

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            element == QStyle.ControlElement.CE_MenuItem
            and isinstance(option, QStyleOptionMenuItem)
            and option.direction == Qt.LayoutDirection.RightToLeft
            and "\t" in option.text
        ):
            option = QStyleOptionMenuItem(option)
            label, keys = option.text.split("\t", 1)
            option.text = f"{label}\t{LRI}{keys}{PDI}"
        super().drawControl(element, option, painter, widget)
