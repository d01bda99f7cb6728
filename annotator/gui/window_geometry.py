"""The window's size and pane widths: fitted to the screen at first, then remembered per screen.

A fixed first size (1400×860) cut the theme panel and the status bar off a 1366×768 laptop,
and at 1.5× scaling the right edge, where Arabic lines begin, was off-screen. The first
window now fills most of the available area (what the task bar and panels leave), and what
the user makes of it is kept for that screen: a laptop and its docking monitor each keep
their own size and splitter positions.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QSplitter

from annotator.gui.settings import Settings

PREFERRED = (1400, 860)  # on screens large enough
SHARE = 0.94  # of the available area, on smaller ones
PANES = (0.33, 0.47, 0.20)  # article list, reader, theme panel


def screen_key(screen: QScreen) -> str:
    """The screen's name and available size: "eDP-1_1366x738"."""
    area = screen.availableGeometry()
    return re.sub(r"[^\w.-]+", "_", f"{screen.name()}_{area.width()}x{area.height()}")


def _screen(window: QMainWindow) -> QScreen:
    return window.screen() or QGuiApplication.primaryScreen()


def fit_to_screen(window: QMainWindow, splitter: QSplitter) -> None:
    """The first size: preferred where it fits, else most of the available area, centred."""
    area = _screen(window).availableGeometry()
    margins = window.frameGeometry().size() - window.geometry().size()
    width = min(PREFERRED[0], int(area.width() * SHARE)) - margins.width()
    height = min(PREFERRED[1], int(area.height() * SHARE)) - margins.height()
    window.resize(width, height)
    frame = QRect(0, 0, width + margins.width(), height + margins.height())
    frame.moveCenter(area.center())
    window.move(frame.topLeft())
    panel = splitter.widget(2).minimumSizeHint().width()
    sizes = [int(width * share) for share in PANES]
    sizes[2] = max(sizes[2], panel)
    sizes[1] = width - sizes[0] - sizes[2]
    splitter.setSizes(sizes)


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """This screen's remembered size and panes, else fitted to it."""
    key = screen_key(_screen(window))
    geometry = settings.window_state(f"geometry_{key}")
    if geometry is None or not window.restoreGeometry(geometry):
        fit_to_screen(window, splitter)
        return
    panes = settings.window_state(f"splitter_{key}")
    if panes is not None:
        splitter.restoreState(panes)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    key = screen_key(_screen(window))
    settings.set_window_state(f"geometry_{key}", window.saveGeometry())
    settings.set_window_state(f"splitter_{key}", splitter.saveState())
