"""Run in a child process on a made-up offscreen screen: open the window, report where its
parts are (JSON), close it (which saves its layout). Used by test_screens.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication


def inside(outer, widget) -> bool:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    bottom_right = widget.mapToGlobal(QPoint(widget.width() - 1, widget.height() - 1))
    return outer.contains(top_left) and outer.contains(bottom_right)


def main() -> None:
    project, settings_file, language = sys.argv[1:4]
    app = QApplication([])
    from annotator.gui.i18n import install_translators
    from annotator.gui.main_window import MainWindow
    from annotator.gui.settings import Settings
    from annotator.storage.store import Store

    install_translators(app, language)
    settings = Settings(QSettings(settings_file, QSettings.Format.IniFormat))
    store = Store(Path(project))
    window = MainWindow(store, store.path, "salma", settings, language)
    window.show()
    for _ in range(5):
        app.processEvents()
    area = window.screen().availableGeometry()
    panel = window.theme_panel
    parts = {
        "theme_panel": panel,
        "note": panel.note,
        "skip": panel.skip_button,
        "status_bar": window.statusBar(),
        "reader": window.reader,
        "article_list": window.article_panel,
        **{b.objectName(): b for b in panel.buttons},
    }
    report = {
        "frame": window.frameGeometry().getRect(),
        "area": area.getRect(),
        "inside": {name: inside(area, w) and w.isVisible() for name, w in parts.items()},
        "widths": {name: w.width() for name, w in parts.items()},
        "sizes": window.splitter.sizes(),
    }
    if len(sys.argv) > 4:  # the user resizes the window, then it closes and saves
        width, height = (int(v) for v in sys.argv[4].split("x"))
        window.resize(width, height)
        app.processEvents()
    window.close()
    store.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
