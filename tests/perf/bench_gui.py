"""Speed of the annotation window on a big project (a script that prints figures, not a test).

Usage: python tests/perf/bench_gui.py [--quick] [--strict] [--keep-going]
  default: 1,000,000 sentences (~30,000 articles of ~33 units); --quick: 100,000.
The project is built once with Store.add_articles and cached in $TMPDIR/annotator-bench/.
Measures: process start -> main window painted with the article list (in a subprocess),
opening an article of 200 sentences, key press -> committed label (>= 1,000 presses through
QTest.keyClick on the reader), resident memory (VmRSS from /proc/self/status).
Exit code is non-zero on a FAIL only with --strict.
"""

from __future__ import annotations

import argparse
import os
import random
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

from annotator.core.document import PARAGRAPH_BREAK, content_hash  # noqa: E402
from annotator.core.model import Article, ArticleDraft, Unit  # noqa: E402
from annotator.storage.store import Store  # noqa: E402

BUILD_VERSION = 1  # bump when the generated project changes shape
UNITS_PER_ARTICLE = 33  # a title and 32 sentences
BIG_ARTICLE_SENTENCES = 200
BATCH = 2000
ANNOTATOR = "bench"
TARGETS = {
    "startup_s": 1.5,
    "open_ms": 50.0,
    "key_median_ms": 5.0,
    "key_p99_ms": 16.0,
    "rss_mb": 300.0,
}

PLACES = ["دمشق", "حلب", "حمص", "اللاذقية", "طرطوس", "درعا", "دير الزور", "الرقة", "إدلب", "حماة"]
ACTORS = [
    "وزير الدفاع",
    "وزير الاقتصاد",
    "رئيس الحكومة",
    "محافظ البنك المركزي",
    "وفد روسي",
    "بعثة الأمم المتحدة",
    "غرفة التجارة",
    "وزارة الإسكان",
    "المجلس المحلي",
    "الهلال الأحمر",
]
TEMPLATES = [
    "أعلن {actor} في {place}، يوم {day} {month} 2025، عن خطة جديدة لتعزيز التعاون الثنائي.",
    "وذكرت وكالة الأنباء السورية (سانا) أن {actor} بحث مع نظيره سبل دعم الاستقرار في {place}.",
    "وتشمل المرحلة الأولى إعادة تأهيل {n} مدرسة و{m} مركزاً صحياً في ريف {place}.",
    "وقال {actor} إن حجم التبادل التجاري ارتفع بنسبة {n}.{m}% خلال العام الماضي.",
    "هل تكفي هذه الاستثمارات لإعادة إعمار ما دمرته الحرب في {place}؟",
    "وأكد {actor} أن القوات المسلحة ستواصل عملياتها لتأمين الطرق الدولية قرب {place}.",
    "وتبلغ كلفة المشروع نحو {n} مليون دولار، وفق تقديرات {actor}.",
    "وأشار التقرير إلى أن أسعار المواد الغذائية في {place} ارتفعت بشكل ملحوظ!",
    "«نحن أمام فرصة حقيقية»، قال {actor} خلال مؤتمر صحفي في {place}.",
    "وتأتي هذه الخطوة بعد أشهر من المفاوضات بين الجانبين حول ملف الطاقة والكهرباء.",
    "كما ناقش الاجتماع آليات تمويل مشاريع البنية التحتية والمساكن المتضررة في {place}.",
    "ولفت {actor} إلى أن عودة اللاجئين مرتبطة بتحسن الخدمات الأساسية؛ المياه والكهرباء والتعليم.",
]
MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        actor=rng.choice(ACTORS),
        place=rng.choice(PLACES),
        day=rng.randint(1, 28),
        month=rng.choice(MONTHS),
        n=rng.randint(2, 900),
        m=rng.randint(1, 99),
    )


def make_article(number: int, sentences: int, rng: random.Random) -> Article:
    """A title and paragraphs of four sentences, offsets computed as the segmenter would."""
    title = f"تقرير رقم {number}: {rng.choice(ACTORS)} في {rng.choice(PLACES)}"
    units, pieces, offset = [Unit("title", title, 0, len(title))], [title], len(title)
    body = [sentence(rng) for _ in range(sentences)]
    for start in range(0, sentences, 4):
        offset += len(PARAGRAPH_BREAK)
        paragraph = body[start : start + 4]
        for text in paragraph:
            units.append(Unit("sentence", text, offset, offset + len(text)))
            offset += len(text) + 1
        offset -= 1
        pieces.append(" ".join(paragraph))
    full = PARAGRAPH_BREAK.join(pieces)
    draft = ArticleDraft(
        title=title, blocks=[], source=f"bench/{number:06d}.txt", date="2025-12-24"
    )
    return Article(draft, full, units, content_hash(title, full))


def build_project(path: Path, total_sentences: int) -> float:
    """Write the project in batches of BATCH articles; two articles have 200 sentences."""
    start, rng = time.perf_counter(), random.Random(42)
    articles = total_sentences // UNITS_PER_ARTICLE
    with Store(path) as store:
        store.articles.add([make_article(n, BIG_ARTICLE_SENTENCES, rng) for n in (1, 2)])
        for first in range(3, articles + 1, BATCH):
            last = min(first + BATCH, articles + 1)
            store.articles.add(
                make_article(n, UNITS_PER_ARTICLE - 1, rng) for n in range(first, last)
            )
            print(f"  built {last - 1:,}/{articles:,} articles", end="\r", flush=True)
        store.annotators.ensure(ANNOTATOR)
    print()
    return time.perf_counter() - start


def build_in_child(path: Path, total_sentences: int) -> float:
    """Build in another process, so that this one's memory is the window's alone."""
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]);"
        " from tests.perf.bench_gui import build_project;"
        " print(build_project(Path(sys.argv[1]), int(sys.argv[2])))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(total_sentences), str(REPO)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


def cached_project(total_sentences: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "annotator-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"gui-{total_sentences}-v{BUILD_VERSION}.annotator"
    if not path.exists():
        print(f"building {path} ({total_sentences:,} sentences)…")
        partial = path.with_suffix(".partial")
        for leftover in folder.glob(partial.name + "*"):
            leftover.unlink()
        seconds = build_in_child(partial, total_sentences)
        partial.rename(path)
        print(f"built in {seconds:.1f} s")
    return path


def measure_startup(path: Path, runs: int = 3) -> float:
    """Process start to main window painted, median of a few runs (the file is in page cache).

    The child is the app's own start-up path as `annotator --qt-probe --startup` runs it.
    """
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            start = time.perf_counter()
            child = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "annotator.gui.probe",
                    "--startup",
                    str(path),
                    "--settings",
                    f"{folder}/s.ini",
                    "--annotator",
                    ANNOTATOR,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            )
            line = child.stdout.readline()  # printed once the window is painted
            painted_at = time.perf_counter()
            out, err = child.communicate(timeout=60)
            if not line.startswith("painted") or int(line.split()[1]) == 0:
                sys.exit(f"start-up child failed:\n{line}{out}\n{err}")
            times.append(painted_at - start)
    return statistics.median(times)


def open_window(path: Path):
    from PySide6.QtCore import QSettings

    from annotator.gui.app import create_application
    from annotator.gui.main_window import MainWindow
    from annotator.gui.settings import Settings

    app = create_application()
    folder = tempfile.mkdtemp()
    settings = Settings(QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
    window = MainWindow(Store(path), path, ANNOTATOR, settings, "en")
    if hasattr(window, "suggestions"):  # the window alone, as on main; with its background
        window.suggestions.stop()  # suggestion process: tests/perf/bench_gui_suggestions.py
    window.show()
    app.processEvents()
    return app, window


def measure_open(app, window, runs: int = 20) -> float:
    """Open one of the two 200-sentence articles and paint it; median milliseconds."""
    big = window.store.articles.ids()[:2]
    times = []
    for n in range(runs):
        start = time.perf_counter()
        window.session.open_article(big[n % 2])
        window.reader.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    assert len(window.session.units) == BIG_ARTICLE_SENTENCES + 1
    return statistics.median(times)


def measure_keys(app, window, presses: int) -> tuple[float, float]:
    """QTest.keyClick of a digit on the reader until its label row is committed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_0]
    session, store, times = window.session, window.store, []
    session.open_article(store.articles.ids()[0])
    for n in range(presses):
        if n and n % 4 == 0:
            QTest.keyClick(window.reader, Qt.Key.Key_Down)  # next unit (not timed)
        unit = session.current_unit
        start = time.perf_counter()
        QTest.keyClick(window.reader, digits[n % 4])
        times.append((time.perf_counter() - start) * 1000)
        if n % 4 == 0:  # proves it reached the database (checked outside the timing)
            assert store.labels.state(unit.id, ANNOTATOR).status != "not_seen"
        if n % 50 == 0:
            app.processEvents()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def resident_mb() -> tuple[float, float]:
    fields = dict(
        line.split(":", 1)
        for line in Path("/proc/self/status").read_text().splitlines()
        if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def report(rows: list[tuple[str, float, float, str]]) -> bool:
    print(f"\n{'measure':<40}{'value':>12}{'target':>12}  result")
    ok = True
    for name, value, target, unit in rows:
        passed = value <= target
        ok &= passed
        print(
            f"{name:<40}{value:>10.2f} {unit:<2}{'≤ ' + format(target, 'g'):>10}  {'PASS' if passed else 'FAIL'}"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="100,000 sentences instead of 1,000,000"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 if any figure misses its target"
    )
    parser.add_argument("--presses", type=int, default=1200)
    args = parser.parse_args()
    path = cached_project(100_000 if args.quick else 1_000_000)
    startup = measure_startup(path)
    app, window = open_window(path)
    opening = measure_open(app, window)
    median, p99 = measure_keys(app, window, args.presses)
    progress_start = time.perf_counter()
    window.session.overall_progress()  # what the status bar reads when an article opens
    progress_ms = (time.perf_counter() - progress_start) * 1000
    rss, peak = resident_mb()
    ok = report(
        [
            ("start to painted window (s)", startup, TARGETS["startup_s"], "s"),
            ("open a 200-sentence article (ms)", opening, TARGETS["open_ms"], "ms"),
            (
                f"key -> committed label, median of {args.presses}",
                median,
                TARGETS["key_median_ms"],
                "ms",
            ),
            (f"key -> committed label, p99 of {args.presses}", p99, TARGETS["key_p99_ms"], "ms"),
            ("resident memory now (VmRSS)", rss, TARGETS["rss_mb"], "MB"),
        ]
    )
    print(
        f"\n(info) peak resident memory VmHWM {peak:.0f} MB; overall progress for the status bar {progress_ms:.1f} ms"
    )
    print(f"(info) project {path} with {len(window.store.articles.ids()):,} articles")
    window.close()
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
