"""Translations: the app's own .qm files and Qt's, for the language the user chose.

English is the source language: interface text is written in English inside tr() (or
QCoreApplication.translate with a context). resources/translations/ holds:

- annotator_ar.ts / .qm: every string in Arabic;
- annotator_en.ts / .qm: only the plural forms ("%n article(s)" -> "1 article", "2 articles").

After adding or changing interface text, regenerate both catalogues (new strings arrive
marked unfinished), translate them in Qt Linguist (`.venv/bin/pyside6-linguist`) or in the
.ts file, then compile; commit the .ts and the .qm files:

    .venv/bin/pyside6-lupdate annotator/gui/*.py -no-obsolete -locations none \\
        -source-language en -target-language ar -ts resources/translations/annotator_ar.ts
    .venv/bin/pyside6-lupdate annotator/gui/*.py -no-obsolete -locations none -pluralonly \\
        -source-language en -target-language en -ts resources/translations/annotator_en.ts
    .venv/bin/pyside6-lrelease resources/translations/annotator_ar.ts resources/translations/annotator_en.ts

`python -m annotator.gui.i18n` runs these three commands (and `--release` only the last).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from annotator.core.resources import resource_path

_installed: list[QTranslator] = []  # Qt does not own translators; keep them alive here


def translations_dir() -> Path:
    return resource_path("translations")


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Load annotator_<lang>.qm and Qt's qtbase_<lang>.qm; returns the names that loaded.

    Qt's own catalogue translates the buttons of message boxes and the file and colour
    dialogs. It is looked for where Qt keeps it, then beside ours (for bundles that copy it).
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [
        (f"annotator_{language}", [str(translations_dir())]),
        (f"qtbase_{language}", [qt_folder, str(translations_dir())]),
    ]
    for name, folders in candidates:
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
        )
    return loaded


CATALOGUES = {"ar": [], "en": ["-pluralonly"]}  # language -> extra pyside6-lupdate options


def regenerate(release_only: bool = False) -> int:
    """Update the .ts catalogues from the source and compile them (see the module docstring)."""
    tools = Path(sys.executable).parent
    sources = sorted(str(p) for p in Path(__file__).parent.glob("*.py"))
    catalogue = {code: str(translations_dir() / f"annotator_{code}.ts") for code in CATALOGUES}
    commands = [
        [str(tools / "pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", *extra,
         "-source-language", "en", "-target-language", code, "-ts", catalogue[code]]
        for code, extra in CATALOGUES.items()
        if not release_only
    ]  # fmt: skip
    commands.append([str(tools / "pyside6-lrelease"), *catalogue.values()])
    for command in commands:
        result = subprocess.run(command, check=False)
        if result.returncode:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(regenerate(release_only="--release" in sys.argv[1:]))
