"""Faults a user can meet: a locked, read-only, damaged or newer project, and bugs.

Each ends in a plain message (asserted on its text), never a traceback, and the window
keeps working. Read-only folders are real (a read-only bind mount as root, where chmod does
not stop writes); where a condition is simulated, the test name says so.
"""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from annotator.gui import errors as errors_module
from annotator.storage import database
from annotator.storage.rows import UnitState
from annotator.storage.schema import SCHEMA_VERSION
from annotator.storage.store import Store
from tests.environment import read_only_folder, small_disk
from tests.gui.gui_factories import ANNOTATOR, numbered_articles

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(monkeypatch):
    """Message boxes shown, as (title, text, advice, details); none is left open."""
    boxes = []

    def record(box):
        boxes.append((box.windowTitle(), box.text(), box.informativeText(), box.detailedText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    return boxes


@pytest.fixture
def crash_reporter(monkeypatch, qapp):
    """The app's sys.excepthook, as run_app installs it (pytest-qt's own is switched off)."""
    errors_module.configure_logging()
    reporter = errors_module.CrashReporter(lambda: qapp.activeWindow())
    monkeypatch.setattr(sys, "excepthook", reporter)
    return reporter


def project(path):
    with Store(path) as store:
        store.articles.add(numbered_articles(2))
    return path


def assert_plain(message, title: str, advice_word: str) -> None:
    _title, text, advice, _details = message
    assert text == title
    assert advice_word in advice
    assert "Traceback" not in text + advice


def test_project_locked_by_another_program_at_open(
    tmp_path, store, make_window, shown, monkeypatch
):
    """Simulated: a 0.2 s busy timeout instead of 10 s, against an exclusive lock."""
    other = project(tmp_path / "other.annotator")
    holder = sqlite3.connect(other, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO annotators (name, created_at) VALUES ('x', 'now')")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    window = make_window(store)
    try:
        assert not window.open_project_path(str(other))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_plain(shown[0], "The project is in use", "try again")
    assert window.database == store.path  # still on the project it had


@pytest.mark.qt_no_exception_capture
def test_write_lock_held_past_the_busy_timeout_while_labelling(
    qtbot, store, make_window, shown, crash_reporter
):
    """Simulated: the window's busy timeout is cut to 50 ms; another connection writes."""
    window = make_window(store)
    unit = window.session.current_unit
    store.conn.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClick(window.reader, Qt.Key.Key_1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_plain(shown[0], "The project is in use", "Nothing you labelled before was lost")
    assert store.labels.state(unit.id, ANNOTATOR) == UnitState()
    assert not window.theme_panel.buttons[0].isChecked()
    qtbot.keyClick(window.reader, Qt.Key.Key_1)  # the lock is gone: labelling works again
    assert store.labels.state(unit.id, ANNOTATOR).themes == ("military",)


def test_project_in_a_read_only_folder(tmp_path, store, make_window, shown):
    """A real read-only folder (a read-only bind mount as root, chmod otherwise)."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    other = project(folder / "other.annotator")
    window = make_window(store)
    with read_only_folder(folder):
        assert not window.open_project_path(str(other))
    assert_plain(shown[0], "The project cannot be saved", "permissions")


@pytest.mark.qt_no_exception_capture
def test_label_refused_by_a_query_only_connection(qtbot, store, make_window, shown, crash_reporter):
    """Simulated: PRAGMA query_only makes SQLite refuse writes as it would on a read-only file."""
    window = make_window(store)
    store.conn.execute("PRAGMA query_only = ON")
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert_plain(shown[0], "The project cannot be saved", "copy the project")
    assert window.session.current_state() == UnitState()


def test_damaged_project(tmp_path, store, make_window, shown):
    other = project(tmp_path / "other.annotator")
    data = bytearray(other.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page
    other.write_bytes(bytes(data))
    window = make_window(store)
    assert not window.open_project_path(str(other))
    assert_plain(shown[0], "The project file is damaged", ".bak")


def test_file_that_is_not_a_database(tmp_path, store, make_window, shown):
    other = tmp_path / "notes.annotator"
    other.write_text("شكرا, this is a text file", encoding="utf-8")
    window = make_window(store)
    assert not window.open_project_path(str(other))
    assert_plain(shown[0], "The project file is damaged", "backup")


def test_project_from_a_newer_version_is_refused_untouched(tmp_path, store, make_window, shown):
    other = project(tmp_path / "newer.annotator")
    conn = sqlite3.connect(other)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = other.read_bytes()
    window = make_window(store)
    assert not window.open_project_path(str(other))
    assert_plain(shown[0], "The project needs a newer Annotator", "newer version")
    assert other.read_bytes() == before


def test_other_sqlite_database(tmp_path, store, make_window, shown):
    other = tmp_path / "shop.annotator"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.close()
    window = make_window(store)
    assert not window.open_project_path(str(other))
    assert_plain(shown[0], "This is not an Annotator project", ".annotator")


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_in_a_slot_is_logged_and_explained(
    qtbot, store, make_window, shown, crash_reporter, monkeypatch
):
    window = make_window(store)

    def broken(digit):
        raise RuntimeError("boom in a slot")

    monkeypatch.setattr(window.session, "toggle_theme", broken)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    title, text, advice, details = shown[0]
    assert text == "Something went wrong"
    assert "nothing was lost" in advice and str(errors_module.log_file()) in advice
    assert "boom in a slot" in details
    for handler in errors_module.logging.getLogger("annotator").handlers:
        handler.flush()
    log = errors_module.log_file().read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in log and "Traceback" in log
    assert errors_module.log_file().parent == errors_module.log_dir()
    monkeypatch.undo()  # the window goes on working
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    assert window.session.index == 1


def fill_up(filler) -> None:
    """Write zeros until the file system refuses another byte."""
    import os

    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            try:
                os.write(descriptor, b"\0" * 4096)
            except OSError:
                break
    finally:
        os.close(descriptor)


def test_folder_given_as_a_project(tmp_path, store, make_window, shown):
    window = make_window(store)
    assert not window.open_project_path(str(tmp_path))
    assert_plain(shown[0], "This is not an Annotator project", ".annotator")
    assert "is a folder" in shown[0][3]


def test_damaged_project_is_refused_at_opening_and_the_backup_named(
    tmp_path, store, make_window, shown
):
    from annotator.storage.database import backup_file
    from tests.storage.test_faults_storage import damage_middle_pages

    path = tmp_path / "damaged.annotator"
    with Store(path) as other:
        other.articles.add(numbered_articles(400, sentences=12))
        other.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = backup_file(path, "before-test")
    damage_middle_pages(path)
    window = make_window(store)
    assert not window.open_project_path(str(path))
    assert_plain(shown[0], "The project file is damaged", "newest")
    assert str(backup) in shown[0][2]
    assert window.database == store.path


def damage_event_pages(path) -> None:
    """Random bytes over a page of the event log, which opening the window never reads."""
    import random

    with Store(path) as store:
        pages = [
            r[0]
            for r in store.conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf'"
            )
        ]
    page = pages[len(pages) // 2]
    with path.open("r+b") as handle:  # no connection is open: no SQLite lock to disturb
        handle.seek((page - 1) * 4096)
        handle.write(random.Random(3).randbytes(4096))


@pytest.mark.qt_no_exception_capture
def test_damage_found_in_the_background_stops_writes(
    qtbot, tmp_path, make_window, shown, crash_reporter, monkeypatch
):
    from annotator.app import project as project_module

    monkeypatch.setattr(project_module, "CHECK_BEFORE_OPENING_BYTES", 0)  # "a large project"
    path = project(tmp_path / "large.annotator")
    with Store(path) as store:
        units = [u.id for a in store.articles.ids() for u in store.articles.units(a)]
        for _ in range(30):  # an event log of many pages
            for unit in units:
                store.labels.toggle_theme(unit, "someone", "economic")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage_event_pages(path)
    window = make_window(Store(path))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert_plain(shown[0], "The project file is damaged", "No backup")
    status = window.statusBar().findChild(QLabel, "status_damage")
    assert status.isVisible() and "Damaged" in status.text()
    unit = window.session.current_unit
    before = window.store.labels.state(unit.id, ANNOTATOR)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert window.session.state_of(unit) == before  # refused, and shown as not saved
    assert len(shown) == 1  # the same problem again goes to the status bar, not a dialog
    assert window.store.labels.state(unit.id, ANNOTATOR) == before


@pytest.mark.qt_no_exception_capture
def test_disk_full_while_labelling_keeps_what_was_saved(
    qtbot, tmp_path, make_window, shown, crash_reporter
):
    with small_disk(tmp_path / "disk", "2M") as disk:
        path = project(disk / "p.annotator")
        window = make_window(Store(path))
        first = window.session.current_unit
        qtbot.keyClick(window.reader, Qt.Key.Key_1)  # saved while there is room
        filler = disk / "filler"
        fill_up(filler)
        window.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        qtbot.keyClick(window.reader, Qt.Key.Key_Down)
        second = window.session.current_unit
        for _ in range(40):  # WAL frames may fit in the log's spare room for a while
            qtbot.keyClick(window.reader, Qt.Key.Key_2)
            if shown:
                break
        assert_plain(shown[0], "The disk is full", "Free some space")
        assert window.session.state_of(first).themes == ("military",)
        filler.unlink()
        qtbot.keyClick(window.reader, Qt.Key.Key_3)  # the window goes on once there is room
        assert "reconstruction" in window.store.labels.state(second.id, ANNOTATOR).themes
        assert window.store.labels.state(first.id, ANNOTATOR).themes == ("military",)
        window.close()
        window.store.close()
