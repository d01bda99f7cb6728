"""Keep a small project database of each released schema, for the upgrade tests.

  python packaging/make_schema_fixture.py            # tests/fixtures/schemas/schema-<N>.annotator

Run it once per release whose schema changed (N is PRAGMA user_version, the number of
migrations applied) and commit the file; never regenerate an old one. The project holds two
articles, two annotators, labels, a skipped unit, a note, a saved position and a custom theme,
so tests/packaging/test_schema_fixtures.py can check they all survive every later migration.

`partial_schema()` makes a database that stops before a given migration: what an older release
wrote, for testing the backup-then-migrate path before a second released schema exists.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import sqlite_utils  # noqa: E402

from annotator.app.importer import import_paths  # noqa: E402
from annotator.core.scheme import Theme  # noqa: E402
from annotator.storage.schema import (  # noqa: E402
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    known_migration_names,
)
from annotator.storage.store import Store  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "schemas"
ARTICLES = {
    "a.txt": "مؤتمر المانحين في بروكسل\n\nتعهد المانحون بتقديم 3.5 مليار دولار لإعادة الإعمار. "
    "وقال الوزير إن الأولوية للمدارس والمستشفيات. وتبدأ الأعمال في الربيع.\n",
    "b.txt": "اشتباكات على الحدود الشمالية\n\nتبادل الجيشان القصف المدفعي فجر اليوم. "
    "وارتفعت أسعار الوقود في الأسواق المجاورة. ولم ترد أنباء عن إصابات.\n",
}
# What the fixture must still show after any migration (checked by the tests).
EXPECTED = {
    "annotators": ["amina", "omar"],
    "labels": {  # (article index, unit index, annotator) -> theme keys
        (0, 1, "amina"): ["economic", "reconstruction"],
        (0, 2, "amina"): ["reconstruction"],
        (1, 1, "amina"): ["military"],
        (1, 2, "omar"): ["economic", "humanitarian"],
    },
    "skipped": (1, 3, "omar"),
    "note": (0, 1, "amina", "رقم المبلغ من بيان رسمي"),
    "custom_theme": "humanitarian",
}


def fill(store: Store, folder: Path) -> None:
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = import_paths(store, sorted(folder.glob("*.txt")))
    assert report.articles == len(ARTICLES), report.failures
    store.themes.add(
        Theme(
            key="humanitarian",
            name_ar="إنساني",
            name_en="Humanitarian",
            color="#8e44ad",
            shortcut=4,
            position=4,
        )
    )
    ids = store.articles.ids()
    for name in EXPECTED["annotators"]:
        store.annotators.ensure(name)
    for (article, index, annotator), themes in EXPECTED["labels"].items():
        unit = store.articles.units(ids[article])[index]
        store.labels.set_themes(unit.id, annotator, themes)
    article, index, annotator = EXPECTED["skipped"]
    store.labels.set_status(store.articles.units(ids[article])[index].id, annotator, "skipped")
    article, index, annotator, text = EXPECTED["note"]
    store.labels.set_note(store.articles.units(ids[article])[index].id, annotator, text)
    store.positions.save("amina", ids[1], 2)


def make_fixture(target: Path) -> Path:
    if target.exists():
        raise SystemExit(f"{target} exists: fixtures of released schemas are never rewritten")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, Store(target) as store:
        fill(store, Path(folder))
    return target


def partial_schema(target: Path, stop_before: str) -> Path:
    """A project as an older release left it: migrations applied up to `stop_before`.

    Mirrors annotator.storage.database._migrate for the migrations it applies.
    """
    names = known_migration_names()
    applied = names[: names.index(stop_before)]
    db = sqlite_utils.Database(target)
    MIGRATIONS.apply(db, stop_before=stop_before)
    db.execute(f"PRAGMA user_version = {len(applied)}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help=f"default: {FIXTURES}/schema-<N>.annotator")
    parser.add_argument(
        "--stop-before", metavar="MIGRATION", help="an older schema (for tests), e.g. the last one"
    )
    args = parser.parse_args(argv)
    if args.stop_before:
        if args.out is None:
            parser.error("--stop-before needs --out")
        print(f"wrote {partial_schema(args.out, args.stop_before)}")
        return 0
    target = args.out or FIXTURES / f"schema-{SCHEMA_VERSION}.annotator"
    print(f"wrote {make_fixture(target)} (schema {SCHEMA_VERSION})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
