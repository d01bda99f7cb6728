"""The annotation session without any window: labelling, moving, undo, resume."""

from __future__ import annotations

from annotator.app.session import AnnotationSession, Change, Move
from annotator.storage.rows import UnitState
from tests.gui.gui_factories import ANNOTATOR


def open_session(store) -> AnnotationSession:
    session = AnnotationSession(store, ANNOTATOR)
    assert session.resume()
    return session


def test_resume_opens_first_article_at_first_unit(store):
    session = open_session(store)
    assert session.article_id == store.articles.ids()[0]
    assert session.index == 0
    assert session.current_unit.kind == "title"


def test_toggle_commits_before_the_event_is_seen(store):
    session = open_session(store)
    seen = []
    session.subscribe(
        lambda e: seen.append((e.change, store.labels.state(session.current_unit.id, ANNOTATOR)))
    )
    session.toggle_theme(1)
    assert seen == [(Change.UNIT_STATE, UnitState(("military",), "done_with_themes"))]


def test_toggle_twice_removes_theme_but_unit_stays_done(store):
    session = open_session(store)
    session.toggle_theme(2)
    session.toggle_theme(1)
    assert session.current_state().themes == ("military", "economic")
    session.toggle_theme(1)
    session.toggle_theme(2)
    assert session.current_state() == UnitState((), "done_no_theme")


def test_unknown_shortcut_does_nothing(store):
    session = open_session(store)
    assert session.toggle_theme(9) is None
    assert store.events.list() == []


def test_zero_clears_themes(store):
    session = open_session(store)
    session.toggle_theme(1)
    session.mark_done_no_theme()
    assert store.labels.state(session.current_unit.id, ANNOTATOR) == UnitState((), "done_no_theme")


def test_moving_saves_position(store):
    session = open_session(store)
    session.next_unit()
    session.next_unit()
    assert store.positions.get(ANNOTATOR) == (session.article_id, 2)
    assert session.previous_unit() == Move.MOVED
    assert store.positions.get(ANNOTATOR) == (session.article_id, 1)


def test_past_last_unit_offers_then_opens_next_article(store):
    session = open_session(store)
    first = session.article_id
    session.last_unit()
    assert session.next_unit() == Move.END_OFFERED
    assert session.article_id == first
    assert session.next_unit() == Move.ARTICLE_OPENED
    assert session.article_id == store.articles.ids()[1] and session.index == 0


def test_offer_is_withdrawn_by_labelling(store):
    session = open_session(store)
    session.last_unit()
    session.next_unit()
    session.toggle_theme(1)
    assert session.next_unit() == Move.END_OFFERED


def test_last_article_has_nothing_to_offer(store):
    session = open_session(store)
    session.open_article(store.articles.ids()[-1])
    session.last_unit()
    assert session.next_unit() == Move.STAYED


def test_next_and_previous_article(store):
    session = open_session(store)
    ids = store.articles.ids()
    assert session.next_article() and session.article_id == ids[1]
    assert session.previous_article() and session.article_id == ids[0]
    assert not session.previous_article()


def test_next_undone_skips_done_units_and_wraps(store):
    session = open_session(store)
    session.go_to_unit(1)
    session.mark_done_no_theme()
    session.go_to_unit(0)
    session.mark_done_no_theme()
    assert session.next_unfinished_unit() == Move.MOVED
    assert session.index == 2
    session.last_unit()
    assert session.next_unfinished_unit() == Move.MOVED
    assert session.index == 2


def test_undo_redo_write_events(store):
    session = open_session(store)
    unit = session.current_unit
    session.toggle_theme(1)
    session.undo()
    assert store.labels.state(unit.id, ANNOTATOR) == UnitState()
    session.redo()
    assert store.labels.state(unit.id, ANNOTATOR).themes == ("military",)
    assert [e.action for e in store.events.list(unit.id)] == ["set", "undo", "redo"]


def test_undo_goes_back_to_the_other_article(store):
    session = open_session(store)
    first, labelled = session.article_id, session.units[2]
    session.go_to_unit(2)
    session.toggle_theme(3)
    session.next_article()
    session.undo()
    assert session.article_id == first and session.index == 2
    assert store.labels.state(labelled.id, ANNOTATOR) == UnitState()
    session.next_article()
    session.redo()
    assert session.article_id == first
    assert store.labels.state(labelled.id, ANNOTATOR).themes == ("reconstruction",)


def test_new_change_clears_redo(store):
    session = open_session(store)
    session.toggle_theme(1)
    session.undo()
    session.toggle_theme(2)
    assert not session.can_redo()
    assert session.redo() is None


def test_skip_and_confirm(store):
    session = open_session(store)
    session.skip()
    assert session.current_state().status == "skipped"
    session.confirm()
    assert session.current_state() == UnitState((), "done_no_theme")
    assert session.confirm() is None


def test_progress_counts(store):
    session = open_session(store)
    done_before, total = session.overall_progress()
    session.toggle_theme(1)
    session.next_unit()
    session.skip()
    assert session.progress() == (1, len(session.units))
    assert session.overall_progress() == (done_before + 1, total)
    assert session.themes_used() == ("military",)


def test_note_round_trip(store):
    session = open_session(store)
    session.set_note("  جملة غامضة ")
    session.next_unit()
    session.previous_unit()
    assert session.note() == "جملة غامضة"


def test_resume_after_reopen(tmp_path, store):
    session = open_session(store)
    session.next_article()
    session.go_to_unit(3)
    again = AnnotationSession(store, ANNOTATOR)
    again.resume()
    assert (again.article_id, again.index) == (store.articles.ids()[1], 3)


def test_session_imports_no_qt():
    import subprocess
    import sys

    code = "import sys, annotator.app.session; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
