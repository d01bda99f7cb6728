"""The window's behaviour lives in mixins; a mixin method that QMainWindow also has must be
the one the window runs (drag and drop once was hidden by Qt's own, silently)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from annotator.gui.main_window import MainWindow
from annotator.gui.window_actions import WindowActions

pytestmark = pytest.mark.gui


def mixin_methods_qt_also_has() -> list[tuple[type, str]]:
    return [
        (cls, name)
        for cls in WindowActions.__mro__
        for name in vars(cls)
        if not name.startswith("__") and hasattr(QMainWindow, name)
    ]


def test_every_mixin_method_qt_also_has_is_the_mixins_in_the_window():
    shadowed = mixin_methods_qt_also_has()
    assert shadowed, "the drag and drop handlers are such methods: the check must see them"
    for cls, name in shadowed:
        assert getattr(MainWindow, name) is vars(cls)[name], f"{cls.__name__}.{name} is hidden"
