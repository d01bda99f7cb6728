"""The window with suggestions on a big project: opening an article, and key latency while a
model trains and while the window's background process scores the project.

Usage: python tests/perf/bench_gui_suggestions.py [--quick] [--presses N] [--strict]
  default: a private copy (SQLite backup API) of bench_gui's 1,000,000-sentence project;
  --quick: of its 100,000-sentence project.

Measured in one run, each against the targets of bench_gui:
- open a 200-sentence article whose suggestions are stored (outlined chips drawn): <= 50 ms;
- key -> committed label, p99 <= 16 ms, three times: nothing in the background (the baseline),
  while a separate process trains models on 100,000 labelled sentences without pause (the
  window's worker training), and while the window's own background process trains and scores
  the whole project, writing its batches into the same file.
The suggestions of the two big articles are computed first by `annotator suggest --article`
in a child process, so that this process (the window) never imports scikit-learn.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.perf.bench_gui import (  # noqa: E402
    ANNOTATOR,
    BIG_ARTICLE_SENTENCES,
    TARGETS,
    cached_project,
    measure_keys,
    report,
)
from tests.perf.bench_suggest_background import copy_project  # noqa: E402

TRAINING_LABELS = 100_000


def train_forever(stop, trained, count: int) -> None:
    """A child process: train on `count` labelled sentences again and again until `stop`, as
    the window's worker does (its priority and one thread for numpy)."""
    from annotator.app.suggestions.service import background_process

    background_process()
    from annotator.core.suggest import default_lexicons, train
    from tests.perf.bench_suggest import KEYS, labelled

    units, lexicons = labelled(count, seed=1), default_lexicons()
    while not stop.is_set():
        train(units, lexicons, KEYS)
        with trained.get_lock():
            trained.value += 1


def suggest_big_articles(path: Path) -> None:
    for article in (1, 2):
        subprocess.run(
            [sys.executable, "-m", "annotator", "--db", str(path), "suggest", "--article",
             str(article), "--quiet"],
            check=True, stdout=subprocess.DEVNULL, cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )  # fmt: skip


def open_window(path: Path):
    from PySide6.QtCore import QSettings

    from annotator.gui.app import create_application
    from annotator.gui.main_window import MainWindow
    from annotator.gui.settings import Settings
    from annotator.storage.store import Store

    app = create_application()
    settings = Settings(QSettings(f"{tempfile.mkdtemp()}/s.ini", QSettings.Format.IniFormat))
    window = MainWindow(Store(path), path, ANNOTATOR, settings, "en")
    window.suggestions.stop()  # started below, for the third measurement only
    window.show()
    app.processEvents()
    return app, window


def measure_open(app, window, runs: int = 20) -> float:
    """Open one of the two 200-sentence articles (suggestions read and drawn) and paint it."""
    times = []
    for n in range(runs):
        start = time.perf_counter()
        window.session.open_article(1 + n % 2)
        window.reader.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    session = window.session
    assert len(session.units) == BIG_ARTICLE_SENTENCES + 1
    assert len(session.suggestions.by_unit) == len(session.units), "suggestions not stored"
    return statistics.median(times)


def keys_while_training(app, window, presses: int) -> tuple[float, float, int]:
    context = multiprocessing.get_context("spawn")
    stop, trained = context.Event(), context.Value("i", 0)
    trainer = context.Process(target=train_forever, args=(stop, trained, TRAINING_LABELS))
    trainer.start()
    time.sleep(8)  # imports done, the first training under way
    median, p99 = measure_keys(app, window, presses)
    stop.set()
    trainer.join(120)
    return median, p99, trained.value


def keys_while_the_window_scores(app, window, presses: int) -> tuple[float, float, list]:
    controller = window.suggestions
    controller._start()
    started = time.monotonic()
    while time.monotonic() - started < 60:  # until its first batch is written
        app.processEvents()
        controller.poll()
        if controller.service and not controller.service.is_running():
            break
        time.sleep(0.05)
        if window.session.suggestions.by_unit and time.monotonic() - started > 8:
            break
    median, p99 = measure_keys(app, window, presses)
    alive = controller.service is not None and controller.service.is_running()
    return median, p99, [alive]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--presses", type=int, default=1200)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    source = cached_project(100_000 if args.quick else 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        path = copy_project(source, Path(folder))
        suggest_big_articles(path)
        app, window = open_window(path)
        opening = measure_open(app, window)
        rows = [
            ("open a 200-sentence article with suggestions (ms)", opening, TARGETS["open_ms"], "ms")
        ]
        median, p99 = measure_keys(app, window, args.presses)
        print(f"(info) baseline, nothing in the background: key median {median:.2f} ms")
        rows.append(
            ("key -> label p99, nothing in the background", p99, TARGETS["key_p99_ms"], "ms")
        )
        median, p99, trainings = keys_while_training(app, window, args.presses)
        print(f"(info) while training: key median {median:.2f} ms; {trainings} trainings on "
              f"{TRAINING_LABELS:,} labels ran meanwhile")  # fmt: skip
        rows.append(("key -> label p99, while a model trains", p99, TARGETS["key_p99_ms"], "ms"))
        median, p99, alive = keys_while_the_window_scores(app, window, args.presses)
        print(f"(info) while the window's process scores the project: key median {median:.2f} ms"
              f" (still working at the end: {alive[0]})")  # fmt: skip
        rows.append(
            ("key -> label p99, while the project is scored", p99, TARGETS["key_p99_ms"], "ms")
        )
        ok = report(rows)
        window.close()
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
