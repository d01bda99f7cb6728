"""Qt checks for `annotator doctor`, run in a child process; prints one JSON object.

The command line may not import Qt (the layer rule), and a Qt platform plugin that fails to
load aborts the whole process, so doctor runs this module as a child:
`python -m annotator.gui.probe` from source, `annotator --qt-probe` in the packaged app.

  checks (default)      platform plugin, bundled fonts and their Arabic coverage and shaping,
                        translations, and (Linux, no display) the libraries of the X11 plugin
  --startup DB          open the main window on DB, print "painted <rows> <seconds>" once it
                        is painted, and quit: the start-up figure of packaging/measure.py
  --suggestions         with --startup: then wait for the window's background process to
                        store the open article's suggestions, print "suggested <units>", quit
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()

# Base letters, hamza forms, ta marbuta, alif maqsura, tatweel, harakat, Arabic-Indic digits and
# punctuation: what Arabic news text uses. Presentation forms are left out on purpose (the
# shaper makes joined forms from the font's own tables).
ARABIC_SAMPLE = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "ءآأؤإئةىـ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
    "٠١٢٣٤٥٦٧٨٩"
    "،؛؟٪"
)
SHAPING_SAMPLE = "العربية"


def check(name: str, ok: bool, detail: str, severity: str = "error") -> dict:
    return {"name": name, "ok": ok, "detail": detail, "severity": severity}


def platform_check(app) -> dict:
    from PySide6.QtCore import qVersion

    screen = app.primaryScreen()
    size = screen.size() if screen is not None else None
    where = f", screen {size.width()}x{size.height()}" if size is not None else ", no screen"
    return check(
        "qt_platform",
        screen is not None,
        f"platform plugin '{app.platformName()}' loaded (Qt {qVersion()}{where})",
    )


def font_checks() -> list[dict]:
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    from annotator.core.resources import resource_path
    from annotator.gui.fonts import READER_FAMILY, load_bundled_fonts

    folder = resource_path("fonts")
    files = sorted(p.name for p in folder.glob("*.[ot]tf")) if folder.is_dir() else []
    families = load_bundled_fonts()
    loaded = READER_FAMILY in families
    styles = QFontDatabase.styles(READER_FAMILY) if loaded else []
    licence = (folder / "OFL.txt").is_file()
    results = [
        check(
            "fonts",
            loaded and licence,
            f"{READER_FAMILY} ({', '.join(styles)}) from {len(files)} files in {folder}"
            + ("" if licence else "; the licence OFL.txt is missing")
            if loaded
            else f"{READER_FAMILY} did not load from {folder} (files: {files or 'none'})",
        )
    ]
    if not loaded:
        return results
    writing = QFontDatabase.WritingSystem.Arabic in QFontDatabase.writingSystems(READER_FAMILY)
    raw = QRawFont.fromFont(QFont(READER_FAMILY))
    same = raw.familyName() == READER_FAMILY
    missing = [c for c in ARABIC_SAMPLE if not raw.supportsCharacter(ord(c))] if same else []
    results.append(
        check(
            "arabic_coverage",
            writing and same and not missing,
            f"{len(ARABIC_SAMPLE) - len(missing)}/{len(ARABIC_SAMPLE)} sample characters"
            + (f"; missing {' '.join(f'U+{ord(c):04X}' for c in missing)}" if missing else "")
            + ("" if writing else "; the font does not declare the Arabic writing system")
            + ("" if same else f"; Qt chose {raw.familyName()!r} instead"),
        )
    )
    results.append(shaping_check(READER_FAMILY))
    return results


def shaping_check(family: str) -> dict:
    """Lay out an Arabic word: glyphs from the bundled font, none missing, letters joined."""
    from PySide6.QtGui import QFont, QRawFont, QTextLayout

    font = QFont(family, 20)
    layout = QTextLayout(SHAPING_SAMPLE, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    glyphs = [g for run in runs for g in run.glyphIndexes()]
    fonts = sorted({run.rawFont().familyName() for run in runs})
    # Unjoined, each letter would keep its isolated glyph (the font's character map).
    isolated = QRawFont.fromFont(font).glyphIndexesForString(SHAPING_SAMPLE)
    joined = sorted(glyphs) != sorted(isolated)
    ok = bool(glyphs) and 0 not in glyphs and fonts == [family] and joined
    problems = [
        text
        for bad, text in (
            (0 in glyphs, "some glyphs missing"),
            (not joined, "letters not joined"),
            (fonts != [family], "another font used"),
        )
        if bad
    ]
    return check(
        "arabic_shaping",
        ok,
        f"{SHAPING_SAMPLE} shaped into {len(glyphs)} joined glyphs from {', '.join(fonts) or 'no font'}"
        if ok
        else f"{SHAPING_SAMPLE}: {'; '.join(problems) or 'no glyphs'} ({', '.join(fonts)})",
    )


def translation_checks(app) -> list[dict]:
    from PySide6.QtCore import QTranslator

    from annotator.core.resources import resource_path
    from annotator.gui.i18n import install_translators

    folder = resource_path("translations")
    files = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    if not files:
        return [check("translations", False, f"no translation files (.qm) in {folder}")]
    broken, empty = [], []
    for path in files:
        translator = QTranslator()
        if not translator.load(str(path)):
            broken.append(path.name)
        elif translator.isEmpty() and not path.stem.endswith("_en"):  # English is the source
            empty.append(path.name)
    loaded = install_translators(app, "ar")
    install_translators(app, "en")
    listed = f"{', '.join(p.name for p in files)} in {folder}"
    results = [
        check(
            "translations",
            not broken,
            listed + (f"; cannot be read: {', '.join(broken)}" if broken else ""),
        )
    ]
    if empty:
        detail = f"no translated text yet in {', '.join(empty)}"
        results.append(check("translations_empty", False, detail, severity="warning"))
    return results + _missing_translations(loaded)


def _missing_translations(loaded) -> list[dict]:
    return [
        check(f"translation_{name}", False, f"{name}.qm not found", severity="warning")
        for name in ("annotator_ar", "qtbase_ar")
        if name not in loaded
    ]


def xcb_library_check() -> dict | None:
    """Without a display the X11 plugin is not started; still, can its libraries be loaded?"""
    from PySide6.QtCore import QLibrary, QLibraryInfo

    if not sys.platform.startswith("linux"):
        return None
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = plugins / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return check("x11_libraries", False, f"{plugin} is missing", severity="warning")
    library = QLibrary(str(plugin))
    if library.load():
        library.unload()
        return check("x11_libraries", True, "the X11 (xcb) plugin's libraries all load")
    return check(
        "x11_libraries",
        False,
        f"a desktop window could not open here: {library.errorString()}",
        severity="warning",
    )


def run_checks(platform: str | None) -> dict:
    if platform:
        os.environ["QT_QPA_PLATFORM"] = platform
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # aborts here if the platform plugin cannot load
    checks = [platform_check(app), *font_checks(), *translation_checks(app)]
    if app.platformName() not in ("xcb", "wayland"):
        extra = xcb_library_check()
        if extra is not None:
            checks.append(extra)
    return {"probe": 1, "platform": app.platformName(), "checks": checks}


SUGGESTIONS_WAIT_SECONDS = 180


def wait_for_suggestions(app, window) -> None:
    """Quit once the open article has suggestions (or after the wait): proves, in a package,
    that the spawned worker starts, imports scikit-learn and writes to the project."""
    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + SUGGESTIONS_WAIT_SECONDS
    timer = QTimer(window, interval=100)

    def look() -> None:
        found = len(window.session.suggestions.by_unit)
        service = window.suggestions.service
        ended = service is not None and not service.is_running()
        if found or ended or time.monotonic() > deadline:
            timer.stop()
            print(f"suggested {found}", flush=True)
            window.close()
            app.quit()

    timer.timeout.connect(look)
    timer.start()


def startup(database: Path, settings_file: Path, annotator: str, suggestions: bool = False) -> int:
    """The app's start-up path (as tests/perf/bench_gui.py measures it), quitting when painted."""
    from PySide6.QtCore import QSettings, QTimer

    from annotator.app.project import open_project
    from annotator.gui.app import create_application
    from annotator.gui.i18n import install_translators
    from annotator.gui.settings import Settings

    app = create_application()
    install_translators(app, "en")
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    opened = open_project(database, False)
    from annotator.gui.main_window import MainWindow

    window = MainWindow(opened.store, opened.path, annotator, settings, "en")
    window.show()

    def painted() -> None:
        window.repaint()
        rows = window.article_model.rowCount()
        print(f"painted {rows} {time.perf_counter() - _STARTED:.3f}", flush=True)
        if suggestions:
            wait_for_suggestions(app, window)
        else:
            app.quit()

    QTimer.singleShot(0, painted)
    app.exec()
    opened.store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="annotator --qt-probe", description=__doc__)
    parser.add_argument("--platform", help="Qt platform plugin to try (default: Qt's choice)")
    parser.add_argument("--startup", type=Path, metavar="DB", help="time the main window on DB")
    parser.add_argument("--settings", type=Path, metavar="INI", help="settings file (--startup)")
    parser.add_argument("--annotator", default="probe", help="annotator name (--startup)")
    parser.add_argument("--suggestions", action="store_true", help="(--startup) wait for them")
    args = parser.parse_args(argv)
    if args.startup is not None:
        if args.platform:
            os.environ["QT_QPA_PLATFORM"] = args.platform
        settings = args.settings or args.startup.with_suffix(".probe.ini")
        return startup(args.startup, settings, args.annotator, args.suggestions)
    json.dump(run_checks(args.platform), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
