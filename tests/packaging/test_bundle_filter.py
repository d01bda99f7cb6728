"""What the installer leaves out (of scikit-learn, scipy, the standard library) is never loaded
by the app's suggestion paths. (It was: `unittest`, left out for years, is imported by scipy
through numpy.testing, and the packaged app's `annotator suggest` died on it.)

A child process in which every module packaging/bundle_filter.py excludes cannot be imported,
as in the bundle, runs every suggestion path the installed app has (training with threshold
tuning and the 80/20 holdout of big projects, scoring, saving and reading a model, the
cross-validation and learning curve of Suggestion quality, the engine the worker and the
command line drive); it must finish, and must have loaded what the engine needs.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys, tempfile

BLOCKED = json.loads(sys.argv[1])


class LeftOut:
    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED):
            raise ModuleNotFoundError(f"No module named {name!r} (not in the installer)")
        return None


sys.meta_path.insert(0, LeftOut())
from pathlib import Path
from annotator.app.suggestions.engine import SuggestionEngine
from annotator.app.suggestions.evaluation import evaluate_project
from annotator.app.suggestions.listing import suggestion_records
from annotator.core.suggest import default_lexicons, train, learning_curve
from annotator.core.suggest import tuning
from annotator.storage.store import Store
from tests.app.suggest_data import add_labelled_articles
from tests.perf.bench_suggest import KEYS, labelled

units = labelled(600, seed=1)
learning_curve(units, default_lexicons(), KEYS, sizes=(50, 100), folds=3)
tuning.HOLDOUT_ABOVE = 100  # the GroupShuffleSplit path of projects over 30,000 units
train(units, default_lexicons(), KEYS)
with Store(Path(tempfile.mkdtemp()) / "p.annotator") as store:
    add_labelled_articles(store, 12, sentences=5)
    engine = SuggestionEngine(store)
    engine.ensure_model()
    list(suggestion_records(engine))
    SuggestionEngine(store).ensure_model(force=True)  # reads the saved model back first
    evaluate_project(store, folds=3)
print(json.dumps(sorted(sys.modules)))
"""


def bundle_filter():
    spec = importlib.util.spec_from_file_location(
        "bundle_filter", REPO / "packaging" / "bundle_filter.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def excluded_modules() -> list[str]:
    filters = bundle_filter()
    return [
        *filters.STANDARD_EXCLUDED_MODULES,
        *filters.SKLEARN_EXCLUDED_MODULES,
        *filters.SCIPY_EXCLUDED_MODULES,
        *filters.test_packages("sklearn", "scipy"),
    ]


def run_without(excluded: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(excluded)],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip


def test_every_suggestion_path_runs_without_the_excluded_modules():
    excluded = excluded_modules()
    assert len(excluded) > 40
    done = run_without(excluded)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert {"sklearn.linear_model", "sklearn.model_selection", "scipy.sparse"} <= loaded


def test_the_check_fails_for_a_module_the_app_needs():
    done = run_without([*excluded_modules(), "unittest"])  # what the installer did before
    assert done.returncode != 0 and "No module named 'unittest'" in done.stderr


def test_the_data_filter_drops_tests_and_datasets_and_keeps_the_rest():
    filters = bundle_filter()
    assert not filters.keep_data("sklearn/datasets/data/iris.csv")
    assert not filters.keep_data("scipy/special/tests/data/boost.npz")
    assert not filters.keep_data("sklearn/utils/tests/test_x.py")
    assert filters.keep_data("sklearn/utils/_repr_html/estimator.css")
    assert filters.keep_data("scipy/stats/_sobol_direction_numbers.npz")


PARQUET_CHILD = """
import json, sys, tempfile

BLOCKED = json.loads(sys.argv[1])


class LeftOut:
    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED):
            raise ModuleNotFoundError(f"No module named {name!r} (not in the installer)")
        return None


sys.meta_path.insert(0, LeftOut())
from pathlib import Path
from annotator.core.readers import read_file
from tests.core.test_export_support import build_project

folder = Path(tempfile.mkdtemp())
project = build_project(folder / "p.annotator")
project.export(format="parquet", out=folder / "data.parquet")
drafts = read_file(folder / "data.parquet")
print(len(drafts), sum(len(d.preset_units) for d in drafts))
"""


def test_a_parquet_export_writes_and_imports_without_the_excluded_modules():
    filters = bundle_filter()
    excluded = [*filters.STANDARD_EXCLUDED_MODULES, *filters.PYARROW_EXCLUDED_MODULES]
    assert any(name.startswith("pyarrow.") for name in excluded)
    done = subprocess.run(
        [sys.executable, "-c", PARQUET_CHILD, json.dumps(excluded)],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["4", "14"]  # articles and units, as exported
