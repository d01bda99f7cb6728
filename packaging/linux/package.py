"""`make package`: clean build venv -> icons -> PyInstaller bundle -> .deb, each step timed.

  python3 packaging/linux/package.py        (PYTHON=python3.11, ANNOTATOR_PARQUET=0 are honoured)

The build venv (build/venv) holds only the app, its `export` extra and PyInstaller; it is made
again whenever pyproject.toml or packaging/requirements-build.txt is newer than it. The figures
(seconds per step, .deb size, installed size) go to build/package-figures.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / "build"
VENV = BUILD / "venv"
STAMP = VENV / ".annotator-build-stamp"
INPUTS = [REPO / "pyproject.toml", REPO / "packaging" / "requirements-build.txt"]


def step(title: str, command: list[str], timings: dict, key: str, **kwargs) -> None:
    print(f"--- {title}", flush=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO, **kwargs)
    timings[key] = round(time.perf_counter() - started, 1)


def venv_is_current() -> bool:
    return STAMP.exists() and all(p.stat().st_mtime <= STAMP.stat().st_mtime for p in INPUTS)


def main() -> int:
    python = os.environ.get("PYTHON", "python3")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": os.environ.get("LANG", "C.UTF-8")}
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if not venv_is_current():
        shutil.rmtree(VENV, ignore_errors=True)
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        step("clean build venv", [python, "-m", "venv", str(VENV)], timings, "venv_s")
        step("upgrade pip", [*pip, "--upgrade", "pip"], timings, "pip_s")
        step(
            "install the app and PyInstaller",
            [*pip, ".[export]", "-r", "packaging/requirements-build.txt"],
            timings,
            "install_s",
        )
        STAMP.touch()
    else:
        print(f"--- build venv {VENV} is current")
    step(
        "icons",
        [str(VENV / "bin" / "python"), "packaging/icons.py", "render", str(BUILD / "icons")],
        timings,
        "icons_s",
        env=env,
    )
    shutil.rmtree(REPO / "dist" / "annotator", ignore_errors=True)
    step(
        "PyInstaller bundle",
        [
            str(VENV / "bin" / "pyinstaller"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(REPO / "dist"),
            "--workpath",
            str(BUILD / "pyinstaller"),
            "packaging/annotator.spec",
        ],
        timings,
        "bundle_s",
        env={**env, "ANNOTATOR_ICONS": str(BUILD / "icons")},
    )
    figures = BUILD / "package-figures.json"
    figures.unlink(missing_ok=True)
    step(".deb", [sys.executable, "packaging/linux/build_deb.py"], timings, "deb_s")
    timings["total_s"] = round(time.perf_counter() - started, 1)
    data = json.loads(figures.read_text()) if figures.exists() else {}
    data.update(timings, parquet=os.environ.get("ANNOTATOR_PARQUET", "1") != "0")
    figures.write_text(json.dumps(data, indent=2) + "\n")
    print(f"--- done in {timings['total_s']:.0f} s: {data.get('deb')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
