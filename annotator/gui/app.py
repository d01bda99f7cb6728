"""Start the desktop app: Qt application, fonts, language, project, annotator, window."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from annotator import APP_NAME, __version__
from annotator.app.paths import PROJECT_SUFFIX
from annotator.app.project import OpenedProject, choose_path, open_project
from annotator.core.names import MAX_NAME_CHARS, NameProblem, name_problem
from annotator.core.resources import resource_path
from annotator.gui.errors import CrashReporter, configure_logging, show_storage_error
from annotator.gui.fonts import load_bundled_fonts
from annotator.gui.i18n import install_translators
from annotator.gui.settings import Settings
from annotator.gui.style import AppStyle
from annotator.storage.errors import StorageError

ORGANIZATION = "Annotator"


translate = QCoreApplication.translate


def upgraded_message(opened: OpenedProject) -> str | None:
    """What to tell the user once when their project file was upgraded (None: it was not)."""
    if opened.backup is None:
        return None
    return translate(
        "app",
        "This project was upgraded to the format of this version of Annotator."
        " A copy of the file as it was before is kept at {path}.",
    ).format(path=opened.backup)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("annotator")
    if not isinstance(app.style(), AppStyle):
        app.setStyle(AppStyle())
    load_bundled_fonts()
    # Without a window icon X11 window lists show a blank; the .desktop icon covers menus only.
    app.setWindowIcon(QIcon(str(resource_path("icons", "annotator.svg"))))
    return app


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): let the user type one
        return ""


def ask_annotator(settings: Settings, given: str | None, bound: str | None = None) -> str | None:
    """A package's own annotator; else --annotator, else the remembered name, else ask once
    (prefilled with the login name).

    The name is checked as the store checks it (core.names); a name that cannot be used is
    explained and asked for again.
    """
    if bound:
        return bound  # a package is one person's work: no question to ask
    name = (given or settings.annotator).strip()
    problem = name_problem(name) if name else None  # nothing remembered yet: just ask
    suggestion = default_user()
    while not name or problem is not None:
        if problem is not None:  # a name an older version kept, or one just typed
            QMessageBox.warning(None, translate("app", "Who is annotating?"), name_advice(problem))
            suggestion = name[:MAX_NAME_CHARS] if name else suggestion
        text, ok = QInputDialog.getText(
            None,
            translate("app", "Who is annotating?"),
            translate(
                "app",
                "Your name is saved with every label you make (File → Switch annotator…"
                " changes it later). Cancel quits Annotator; a name cannot be empty.",
            ),
            QLineEdit.EchoMode.Normal,
            suggestion,
        )
        if not ok:
            return None
        name, problem = text.strip(), name_problem(text)
    settings.annotator = name
    return name


def annotator_for(opened: OpenedProject, settings: Settings, given: str | None) -> str | None:
    """A team copy (a joined project, a package) says whose labels it holds: no question.
    Otherwise --annotator, the remembered name, or the question."""
    return ask_annotator(settings, given, opened.store.project.info().bound_annotator)


def name_advice(problem: NameProblem) -> str:
    """Why a name cannot be used, in the interface language."""
    if problem is NameProblem.TOO_LONG:
        return translate("app", "A name can have at most {count} characters.").format(
            count=MAX_NAME_CHARS
        )
    if problem is NameProblem.CONTROL:
        return translate(
            "app", "A name cannot hold line breaks, tabs, control characters or direction marks."
        )
    return translate("app", "Please type your name.")


def open_first_project(args: argparse.Namespace, settings: Settings) -> OpenedProject | None:
    """Open the project to start with; on a storage error, explain and offer another file."""
    path, is_default = choose_path(getattr(args, "db", None), settings.last_project)
    while True:
        try:
            return open_project(path, is_default)
        except StorageError as error:
            show_storage_error(None, error)
        chosen, _ = QFileDialog.getOpenFileName(
            None,
            translate("app", "Open another project"),
            str(path.parent),
            translate("app", "Annotator projects (*{suffix});;All files (*)").format(
                suffix=PROJECT_SUFFIX
            ),
        )
        if not chosen:
            return None
        path, is_default = Path(chosen), False


def run_app(args: argparse.Namespace) -> int:
    """The `annotator` desktop app; returns the process exit code."""
    app = create_application()
    settings = Settings()
    language = settings.language
    install_translators(app, language)
    configure_logging()
    reporter = CrashReporter(lambda: app.activeWindow())
    reporter.install()
    opened = open_first_project(args, settings)
    if opened is None:
        return 2
    annotator = annotator_for(opened, settings, getattr(args, "annotator", None))
    if annotator is None:
        opened.store.close()
        return 0
    from annotator.gui.main_window import MainWindow  # after the dialogs: starts faster

    settings.add_recent_project(opened.path)
    try:
        window = MainWindow(opened.store, opened.path, annotator, settings, language)
    except StorageError as error:  # damage met while reading what the window shows first
        opened.store.close()
        show_storage_error(None, error)
        return 2
    window.show()
    message = upgraded_message(opened)
    if message:
        QMessageBox.information(window, APP_NAME, message)
    code = app.exec()
    window.session.store.close()
    return code
