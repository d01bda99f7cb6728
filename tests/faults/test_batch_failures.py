"""One bad file fails alone, with its reason; the rest of the batch is imported and reported.

Real files, real projects, and (for the worker pool) real worker processes: the pool runs in a
child Python process started for the test, with readers that fail the way buggy readers do.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.storage.store import Store
from tests.cli_runner import run_cli

GOOD = "خبر عن الاقتصاد\n\nارتفعت أسعار الوقود في الأسواق اليوم.\n"


def deep_json(levels: int) -> str:
    return '{"text": "نص عربي قصير.", "m": ' + "[" * levels + "]" * levels + "}"


def test_deep_json_fails_alone_and_the_rest_of_the_batch_is_imported(tmp_path, capsys):
    (tmp_path / "deep.json").write_text(deep_json(1000), encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(
        capsys, "--db", str(db), "import", str(tmp_path / "deep.json"), str(tmp_path / "good.txt")
    )
    assert code == 1
    assert "Imported 1 articles" in out
    assert "deep.json: nested too deeply to read" in err
    assert "Traceback" not in err
    with Store(db) as store:
        assert [a.title for a in store.articles.list()] == ["خبر عن الاقتصاد"]


def test_metadata_nested_past_the_limit_is_refused_before_it_can_break_storage(tmp_path, capsys):
    # 900 levels parse, but storing them as JSON (or sending them between processes) would
    # recurse past Python's limit far from the cause.
    (tmp_path / "deep.jsonl").write_text(
        json.dumps({"text": "نص."}) + "\n" + deep_json(900) + "\n", encoding="utf-8"
    )
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "p.annotator"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(tmp_path))
    assert code == 1 and "Imported 1 articles" in out
    assert "deep.jsonl:2: metadata nested more than 100 levels deep" in err


# Readers that fail as a buggy reader would: an exception nobody anticipated, a memory
# error, a result that cannot be sent back from a worker, a worker that dies outright.
CHILD = textwrap.dedent(
    """
    import json, os, signal, sys
    from pathlib import Path
    from annotator.core import readers
    from annotator.core.model import ArticleDraft, Block
    from annotator.app.importer import import_paths
    from annotator.storage.store import Store

    def raises(kind):
        def reader(data, path, suffix, options):
            raise kind("reader bug")
        return reader

    def unpicklable(data, path, suffix, options):
        draft = ArticleDraft("عنوان", [Block("paragraph", "نص عربي.")], source=path)
        draft.extra = {"handle": lambda: None}
        return [draft]

    def dies(data, path, suffix, options):
        os.kill(os.getpid(), signal.SIGKILL)

    readers.READERS.update({".keyerror": raises(KeyError), ".memory": raises(MemoryError),
                            ".unpicklable": unpicklable, ".dies": dies})
    folder = Path(sys.argv[1])
    with Store(folder.parent / "p.annotator") as store:
        report = import_paths(store, sorted(folder.iterdir()))
        titles = [a.title for a in store.articles.list()]
    print(json.dumps({"failures": [str(f) for f in report.failures], "articles": report.articles,
                      "files": report.files, "titles": titles}, ensure_ascii=False))
    """
)


def run_child(folder: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def bad_files(folder: Path, with_dying_worker: bool) -> list[str]:
    names = ["a.keyerror", "b.memory", "c.json"]
    (folder / "a.keyerror").write_text("x", encoding="utf-8")
    (folder / "b.memory").write_text("x", encoding="utf-8")
    (folder / "c.json").write_text(deep_json(1000), encoding="utf-8")
    if with_dying_worker:
        names += ["d.unpicklable", "e.dies"]
        (folder / "d.unpicklable").write_text("x", encoding="utf-8")
        (folder / "e.dies").write_text("x", encoding="utf-8")
    return names


def good_files(folder: Path, count: int) -> None:
    for number in range(count):
        (folder / f"good{number:03}.txt").write_text(
            f"خبر رقم {number}\n\nارتفعت أسعار الوقود {number} مرة في الأسواق.\n", "utf-8"
        )


def test_any_reader_error_fails_only_its_file_in_process(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    names = bad_files(folder, with_dying_worker=False)
    good_files(folder, 5)  # under the pool threshold: read in the importing process
    result = run_child(folder)
    assert result["files"] == 8 and result["articles"] == 5
    failures = "\n".join(result["failures"])
    assert len(result["failures"]) == len(names)
    assert "a.keyerror: cannot read the file (KeyError: 'reader bug')" in failures
    assert "b.memory: too large to read: not enough memory" in failures
    assert "c.json: nested too deeply to read" in failures


def test_any_reader_error_or_dead_worker_fails_only_its_file_in_the_worker_pool(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    names = bad_files(folder, with_dying_worker=True)
    good_files(folder, 240)  # 245 files: read by worker processes
    result = run_child(folder)
    assert result["files"] == 245
    assert result["articles"] == 240, result["failures"]
    assert len(result["titles"]) == 240
    failures = "\n".join(result["failures"])
    assert len(result["failures"]) == len(names), failures
    assert "a.keyerror: cannot read the file (KeyError: 'reader bug')" in failures
    assert "b.memory: too large to read: not enough memory" in failures
    assert "c.json: nested too deeply to read" in failures
    assert "d.unpicklable: cannot read the file (" in failures
    assert "e.dies: the process reading it stopped unexpectedly" in failures
