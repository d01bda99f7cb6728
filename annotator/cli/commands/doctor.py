"""`annotator doctor`: is this installation able to run? A readable report, exit 1 on a problem.

Qt is checked in a child process (annotator.gui.probe): the command line never imports Qt, and
a platform plugin that cannot load aborts the process that tries it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import annotator
from annotator import __version__
from annotator.app.paths import PROJECT_SUFFIX, data_dir, log_dir, resolve_database
from annotator.core.resources import resource_dir, seeds_dir
from annotator.core.scheme import load_default_scheme
from annotator.storage.errors import StorageError
from annotator.storage.filesystems import filesystem_of
from annotator.storage.store import Store

PROBE_TIMEOUT_S = 60
# The schema's triggers use UPSERT (3.24) and the search index FTS5; WAL keeps commits cheap.
MIN_SQLITE = (3, 24, 0)
INSTALL_HINT = (
    "On Debian/Ubuntu: apt-get install libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 "
    "libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xkb1; QT_DEBUG_PLUGINS=1 names the missing library."
)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    severity: str = "error"  # "warning": reported, but not a failure

    @property
    def label(self) -> str:
        if self.ok:
            return "ok"
        return "FAIL" if self.severity == "error" else "warn"


def register(commands) -> None:
    parser = commands.add_parser(
        "doctor",
        help="check that this installation works (Qt, fonts, translations, data folder, SQLite)",
        description="Check the Qt platform plugin, the bundled fonts and their Arabic coverage, "
        "the translations, the data folder and SQLite. Exit code 1 if anything failed.",
    )
    parser.add_argument(
        "--platform",
        metavar="NAME",
        help="Qt platform plugin to try (default: $QT_QPA_PLATFORM, else offscreen without a "
        "display, else Qt's own choice)",
    )
    parser.add_argument("--json", action="store_true", help="print the checks as JSON")
    parser.set_defaults(handler=run_doctor)


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def installation_check() -> Check:
    where = sys.executable if frozen() else str(Path(annotator.__file__).resolve().parent)
    kind = "packaged" if frozen() else "from source"
    python = ".".join(map(str, sys.version_info[:3]))
    return Check("version", True, f"annotator {__version__}, {kind} ({where}), Python {python}")


def resources_check() -> Check:
    folder = resource_dir()
    missing = [
        name
        for name in ("fonts/OFL.txt", "themes.json", "boilerplate.txt", "icons/annotator.svg")
        if not (folder / name).is_file()
    ]
    fonts = list((folder / "fonts").glob("*.[ot]tf")) if (folder / "fonts").is_dir() else []
    seeds = [p for p in seeds_dir().glob("*") if p.is_file()] if seeds_dir().is_dir() else []
    if not fonts:
        missing.append("fonts/*.ttf")
    if not seeds:
        missing.append(f"sample articles in {seeds_dir()}")
    try:
        themes = len(load_default_scheme())
    except (OSError, ValueError) as error:
        missing.append(f"a readable themes.json ({error})")
        themes = 0
    if missing:
        return Check("resources", False, f"missing in {folder}: {', '.join(missing)}")
    return Check(
        "resources",
        True,
        f"{len(fonts)} fonts with licence, {themes} default themes, boilerplate list, "
        f"{len(seeds)} sample article file(s) in {folder.parent}",
    )


def probe_platform(given: str | None) -> str | None:
    if given:
        return given
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"]
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return "offscreen" if sys.platform.startswith("linux") and no_display else None


def probe_command(platform: str | None) -> list[str]:
    """The Qt probe as a child: this executable with --qt-probe when frozen, else -m."""
    command = (
        [sys.executable, "--qt-probe"]
        if frozen()
        else [sys.executable, "-m", "annotator.gui.probe"]
    )
    return command + (["--platform", platform] if platform else [])


def qt_checks(platform: str | None) -> list[Check]:
    env = dict(os.environ)
    if not frozen():  # the child must import this same annotator package
        root = str(Path(annotator.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    wanted = platform or "Qt's default"
    try:
        result = subprocess.run(
            probe_command(platform),
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return [
            Check(
                "qt_platform",
                False,
                f"the Qt probe ({wanted}) did not finish in {PROBE_TIMEOUT_S} s",
            )
        ]
    except OSError as error:
        return [Check("qt_platform", False, f"cannot start the Qt probe: {error}")]
    try:
        report = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        tail = (
            " | ".join(result.stderr.strip().splitlines()[-4:]) or f"exit code {result.returncode}"
        )
        return [
            Check(
                "qt_platform",
                False,
                f"Qt platform plugin ({wanted}) failed to load: {tail}. {INSTALL_HINT}",
            )
        ]
    return [Check(**item) for item in report["checks"]]


def folder_check(name: str, folder: Path, what: str, severity: str = "error") -> Check:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as error:
        return Check(name, False, f"{what} {folder} is not writable: {error}", severity)
    return Check(name, True, f"{what} {folder} is writable")


def sqlite_check(folder: Path) -> Check:
    """A throwaway project in the data folder: migrations, FTS5 and WAL on that file system."""
    version = sqlite3.sqlite_version
    if tuple(int(n) for n in version.split(".")[:3]) < MIN_SQLITE:
        wanted = ".".join(map(str, MIN_SQLITE))
        return Check("sqlite", False, f"SQLite {version} is older than {wanted}")
    try:
        scratch = Path(tempfile.mkdtemp(dir=folder, prefix=".doctor-"))
    except OSError as error:
        return Check(
            "sqlite", False, f"SQLite {version}: cannot try a project in {folder}: {error}"
        )
    path = scratch / f"check{PROJECT_SUFFIX}"
    try:
        with Store(path) as store:  # refuses to open unless the journal mode could be set
            store.annotators.ensure("doctor")
            wanted = "wal" if store.filesystem.wal_safe else "delete"
            seen = path.with_name(path.name + "-wal").exists() == (wanted == "wal")
            mode = f"{store.journal} journal" + ("" if seen else " (but the files disagree)")
    except StorageError as error:
        return Check(
            "sqlite", False, f"SQLite {version}: a project cannot be used in {folder}: {error}"
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    ok = seen and store.journal == wanted
    return Check("sqlite", ok, f"SQLite {version}: a new project in {folder} works, {mode}")


def filesystem_check(name: str, path: Path, what: str) -> Check:
    """The file system under `path` and whether WAL (several windows at once) is safe there."""
    found = filesystem_of(path)
    if found.network:
        detail = (
            f"{what} {path} is on {found.describe()}: projects there are opened by one window"
            " or command at a time (rollback journal, exclusive lock)"
        )
        return Check(name, False, detail, "warning")
    return Check(name, True, f"{what} {path} is on {found.describe()}: WAL safe")


def project_check(path: Path) -> Check:
    """The chosen project: can it be opened, and in which journal mode."""
    if not path.exists():
        return Check("project", True, f"project {path} does not exist yet", "warning")
    try:
        with Store(path, allow_read_only=True) as store:
            access = "read only" if store.read_only else "read and write"
            detail = f"project {path}: {access}, {store.journal} journal"
    except StorageError as error:
        return Check("project", False, f"project {path}: {error}")
    return Check("project", True, detail)


def locale_check() -> Check:
    encoding = sys.getfilesystemencoding().lower().replace("-", "")
    lang = os.environ.get("LC_ALL") or os.environ.get("LANG") or "(unset)"
    ok = encoding == "utf8"
    return Check(
        "locale",
        ok,
        f"locale {lang}, file names in {sys.getfilesystemencoding()}"
        + ("" if ok else "; set LANG=C.UTF-8 or another UTF-8 locale"),
        "warning",
    )


def all_checks(platform: str | None, project: Path) -> list[Check]:
    return [
        installation_check(),
        resources_check(),
        *qt_checks(platform),
        folder_check("data_folder", data_dir(), "data folder"),
        filesystem_check("data_filesystem", data_dir(), "data folder"),
        sqlite_check(data_dir()),
        filesystem_check("project_filesystem", project, "project"),
        project_check(project),
        folder_check("log_folder", log_dir(), "log folder", severity="warning"),
        locale_check(),
    ]


def print_report(checks: list[Check], platform: str | None) -> None:
    print(f"Annotator {__version__} doctor (Qt checked with platform {platform or 'default'})")
    for item in checks:
        print(f"  {item.label:<5} {item.name:<18} {item.detail}")
    failures = [c for c in checks if c.label == "FAIL"]
    warnings = [c for c in checks if c.label == "warn"]
    if failures:
        print(f"{len(failures)} problem(s) found: {', '.join(c.name for c in failures)}")
    else:
        print(
            "Everything needed works" + (f" ({len(warnings)} warning(s))" if warnings else "") + "."
        )


def run_doctor(args: argparse.Namespace) -> int:
    platform = probe_platform(args.platform)
    project, _is_default = resolve_database(getattr(args, "db", None))
    checks = all_checks(platform, project)
    if args.json:
        json.dump([asdict(c) for c in checks], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_report(checks, platform)
    return 1 if any(c.label == "FAIL" for c in checks) else 0
