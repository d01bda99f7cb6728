"""Translations: the app's own .qm files and Qt's, for the language the user chose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from annotator.core.resources import resource_path
from annotator.gui.settings import Settings

_installed: list[QTranslator] = []  # Qt does not own translators; keep them alive here


def chosen_language(settings: Settings | None = None) -> str:
    """The language saved in settings, else the system's (Arabic or English)."""
    return (settings or Settings()).language


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Load annotator_<lang>.qm and Qt's qtbase_<lang>.qm if present; returns what loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    candidates = [
        (f"annotator_{language}", str(resource_path("translations"))),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
        )
    return loaded
