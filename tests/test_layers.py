"""The layer rule, checked three ways: import-linter's contracts hold, they fail on a
module that breaks them, and the Qt-free layers load without Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINTER = Path(sys.executable).with_name("lint-imports")


def lint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINTER)], cwd=folder, capture_output=True, text=True)


def test_import_linter_contracts_hold():
    result = lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout and "Layers: main -> gui | cli -> app" in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        ("core/text.py", "import annotator.app.session", "Layers"),
        ("storage/rows.py", "import annotator.cli.app", "Layers"),
        ("app/undo.py", "import annotator.gui.menus", "Layers"),
        ("cli/terminal.py", "import annotator.gui.reader", "Layers"),
        ("app/navigation.py", "import PySide6.QtCore", "Only the window imports Qt"),
        ("core/normalize.py", "import sqlite3", "Core knows no database"),
        ("core/names.py", "import psycopg", "Core knows no database"),
    ],
)
def test_each_contract_catches_an_import_that_breaks_it(tmp_path, module, bad_import, contract):
    shutil.copytree(REPO / "annotator", tmp_path / "annotator")
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    target = tmp_path / "annotator" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}\n", encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout


def test_qt_free_layers_load_without_qt():
    code = (
        "import sys, pkgutil, importlib, annotator.core, annotator.storage, annotator.app,"
        " annotator.cli\n"
        "for pkg in (annotator.core, annotator.storage, annotator.app, annotator.cli):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "annotator.cli.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
