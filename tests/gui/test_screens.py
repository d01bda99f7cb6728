"""Small screens: the first window fits the available area (1366×768, 1280×720, 1.5× scaling),
the reader and the theme panel stay usable there, and size and panes are kept per screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.storage.store import Store
from tests.gui.gui_factories import numbered_articles

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]


def screen_config(tmp_path: Path, name: str, width: int, height: int, dpr: float) -> str:
    path = tmp_path / f"{name}.json"
    screen = {"name": name, "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr}  # fmt: skip
    path.write_text(json.dumps({"windowFrameMargins": True, "screens": [screen]}))
    return f"offscreen:configfile={path}"


def open_window(tmp_path, screen: str, language: str = "en", resize: str = "") -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": screen, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "tests.gui.screen_probe", str(tmp_path / "p.annotator"),
               str(tmp_path / "settings.ini"), language, *([resize] if resize else [])]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def project(tmp_path):
    with Store(tmp_path / "p.annotator") as store:
        store.articles.add(numbered_articles(2))
    return tmp_path


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    ("name", "width", "height", "dpr"),
    [("laptop", 1366, 768, 1.0), ("small", 1280, 720, 1.0), ("scaled", 1280, 720, 1.5)],
)
def test_the_first_window_fits_the_screen(project, language, name, width, height, dpr):
    report = open_window(project, screen_config(project, name, width, height, dpr), language)
    x, y, w, h = report["frame"]
    ax, ay, aw, ah = report["area"]
    assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, report
    assert all(report["inside"].values()), report["inside"]
    widths = report["widths"]
    assert widths["reader"] >= 480 and widths["theme_panel"] >= 200, widths
    assert widths["note"] >= 190, widths


def test_size_and_panes_are_kept_per_screen(project):
    laptop = screen_config(project, "laptop", 1366, 768, 1.0)
    monitor = screen_config(project, "monitor", 2560, 1440, 1.0)
    first = open_window(project, laptop, resize="1100x650")
    again = open_window(project, laptop)
    assert again["frame"][2:] != first["frame"][2:]  # the size the user left it at
    assert abs(again["frame"][2] - 1100) < 40 and abs(again["frame"][3] - 650) < 60, again
    other = open_window(project, monitor)  # not the laptop's size on the big screen
    assert other["frame"][2] >= 1400 - 40, other
