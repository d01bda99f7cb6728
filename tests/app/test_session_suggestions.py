"""What the annotation session shows and accepts of the suggestions (no Qt, real SQLite)."""

from __future__ import annotations

import pytest

from annotator.app.commands import Command, perform
from annotator.app.navigation import Move
from annotator.app.session import AnnotationSession
from annotator.app.session_events import Change
from annotator.storage.store import Store
from tests.factories import make_article

SENTENCES = ["سقطت قذائف على الحي.", "ارتفعت الأسعار.", "هطلت أمطار.", "بدأ الترميم."]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.annotator") as opened:
        opened.articles.add(
            [make_article("الأول", SENTENCES), make_article("الثاني", SENTENCES[::-1])]
        )
        yield opened


def units(store, article=0):
    return store.articles.units(store.articles.ids()[article])


def suggest(store, unit_id, themes, scores, model=1):
    store.suggestions.write([(unit_id, model, themes, scores)])


@pytest.fixture
def session(store):
    first = units(store)
    suggest(store, first[1].id, ["military"], {"military": 0.9, "economic": 0.1})
    suggest(
        store, first[2].id, ["economic", "reconstruction"], {"economic": 0.7, "reconstruction": 0.6}
    )
    suggest(store, first[3].id, [], {"military": 0.2, "economic": 0.3})
    store.suggestions.save_model(1, 0, 0, {"thresholds": {"military": 0.5}}, b"-", "now")
    session = AnnotationSession(store, "amina")
    session.open_article(store.articles.ids()[0])
    return session


def test_chips_only_on_units_not_done_and_only_themes_in_use(session, store):
    first = units(store)
    assert session.suggestions.chips_by_unit() == {
        first[1].id: ("military",),
        first[2].id: ("economic", "reconstruction"),
    }
    session.go_to_unit(1)
    session.toggle_theme(2)  # done by hand: its suggestion is no longer drawn
    assert first[1].id not in session.suggestions.chips_by_unit()
    assert session.suggestions.for_unit(first[1]).scores["military"] == 0.9  # the panel's figure
    store.themes.retire("reconstruction")
    session.reload_themes()
    assert session.suggestions.chips(first[2]) == ("economic",)


def test_enter_accepts_the_suggestion_logged_as_accept_then_next_not_done(session, store):
    session.go_to_unit(2)
    unit = session.current_unit
    perform(session, Command.ACCEPT_OR_NEXT_UNFINISHED)
    assert store.labels.state(unit.id, "amina").themes == ("economic", "reconstruction")
    assert store.labels.state(unit.id, "amina").status == "done_with_themes"
    event = store.events.list(unit.id)[-1]
    assert event.action == "accept" and event.after["themes"] == ["economic", "reconstruction"]
    assert session.index == 3  # the next sentence not done
    session.undo()
    assert store.labels.state(unit.id, "amina").status == "not_seen"


def test_enter_without_a_shown_suggestion_keeps_its_old_meaning(session, store):
    session.go_to_unit(3)  # scored, but nothing suggested
    perform(session, Command.ACCEPT_OR_NEXT_UNFINISHED)
    assert (
        session.index == 4 and store.labels.state(units(store)[3].id, "amina").status == "not_seen"
    )
    session.suggestions.set_shown(enabled=False)
    session.go_to_unit(1)
    perform(session, Command.ACCEPT_OR_NEXT_UNFINISHED)  # hidden: nothing is accepted
    assert store.labels.state(units(store)[1].id, "amina").status == "not_seen"
    assert session.index == 2


def test_hidden_by_default_on_articles_assigned_to_two_annotators(session, store):
    for name in ("amina", "omar"):
        store.conn.execute(
            "INSERT INTO assignments (article_id, annotator_id, assigned_at) VALUES (?, ?, 'x')",
            (session.article_id, store.annotators.ensure(name)),
        )
    events = []
    session.subscribe(events.append)
    session.open_article(session.article_id)
    assert session.suggestions.hidden_as_shared() and session.suggestions.chips_by_unit() == {}
    session.go_to_unit(1)
    assert session.accept_suggestion() is None
    session.suggestions.set_shown(on_shared=True)
    assert events[-1].change is Change.SUGGESTIONS
    assert session.suggestions.chips(session.current_unit) == ("military",)


def test_most_uncertain_next_in_the_article_then_in_the_ranked_article(session, store):
    # uncertainty: unit 1 0.2, unit 2 0.8 (reconstruction 0.6), unit 3 0.6 (economic 0.3)
    assert perform(session, Command.MOST_UNCERTAIN) is Move.MOVED and session.index == 2
    assert perform(session, Command.MOST_UNCERTAIN) is Move.MOVED and session.index == 3
    for index in (1, 2, 3):
        session.go_to_unit(index)
        session.mark_done_no_theme()
    session.go_to_unit(0)
    assert perform(session, Command.MOST_UNCERTAIN) is Move.STAYED  # no ranking yet
    second = units(store, 1)
    suggest(store, second[2].id, [], {"military": 0.45})
    session.suggestions.ranking = [store.articles.ids()[0], store.articles.ids()[1]]
    assert perform(session, Command.MOST_UNCERTAIN) is Move.ARTICLE_OPENED
    assert session.article_id == store.articles.ids()[1] and session.index == 2
