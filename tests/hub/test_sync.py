"""Syncing real projects through a real server: what each person gets, and the event clock."""

from __future__ import annotations

import json

import pytest

from annotator.app.hub.setup import join_hub
from annotator.app.hub.sync import sync
from annotator.storage.hub.errors import HubMismatch
from annotator.storage.store import Store
from tests.hub.checks import assert_in_step, local_events, server_events
from tests.hub.server import assign, build_team


@pytest.fixture
def team(team_server, tmp_path):
    return build_team(team_server, tmp_path)


def label(path, annotator, units, theme="military", device=None):
    with Store(path, device=device) as store:
        for unit_id in units:
            store.labels.toggle_theme(unit_id, annotator, theme)


def test_joined_copy_is_bound_holds_only_its_articles_and_the_whole_scheme(team):
    amira = team.server.login("amira")
    with Store(team.lead) as lead, Store(team.copies[amira]) as mine:
        info = mine.project.info()
        assert info.id == lead.project.info().id
        assert info.bound_annotator == amira and info.scheme_locked
        assert mine.outgoing.themes() == lead.outgoing.themes()  # keywords included
        held = {r[0] for r in mine.conn.execute("SELECT content_hash FROM articles")}
        assert held == set(team.hashes[amira])
        assert mine.team.assigned(amira) == mine.articles.ids()


def test_round_trip_labels_go_up_and_the_lead_gets_everyones(team):
    amira, badr = team.server.login("amira"), team.server.login("badr")
    label(team.copies[amira], amira, [2, 3, 4])
    label(team.copies[badr], badr, [2, 5], theme="economic")
    first = team.sync(amira)
    assert first.sent.events == 3 and first.received.events == 0
    team.sync(badr)
    report = team.sync()
    assert report.received.events == 5
    assert report.counts.added == {amira: 3, badr: 2}
    assert_in_step(team.server, team.lead)
    for login in (amira, badr):
        assert_in_step(team.server, team.copies[login], login)
    with Store(team.lead) as store:
        progress = {p.annotator: p.done for p in store.team.progress()}
    assert progress == {amira: 3, badr: 2}
    again = [team.sync(who) for who in (amira, badr, None)]
    assert not any(r.sent.anything or r.received.anything for r in again)  # idempotent


def test_a_member_gets_new_assignments_and_theme_changes_at_the_next_sync(team):
    amira = team.server.login("amira")
    assign(team.lead, {amira: [5]})
    with Store(team.lead) as store:
        store.themes.update("economic", name_en="Economy", definition_en="Money matters")
    team.sync()
    report = team.sync(amira)
    assert report.received.assignments == 1 and report.received.articles == 1
    assert report.received.themes == 1
    with Store(team.copies[amira]) as store:
        assert store.themes.get("economic").name_en == "Economy"
        assert len(store.articles.ids()) == 3


def test_adjudications_reach_the_server_but_not_the_annotators(team):
    amira = team.server.login("amira")
    label(team.copies[amira], amira, [2])
    team.sync(amira)
    team.sync()
    with Store(team.lead) as store:
        unit = store.conn.execute(
            "SELECT u.id FROM units u JOIN articles r ON r.id = u.article_id"
            " WHERE r.content_hash = ? AND u.idx = 1", (team.hashes[amira][0],)
        ).fetchone()[0]  # fmt: skip
        store.adjudications.decide(unit, ["economic"], by=team.server.lead)
    team.sync()
    with team.server.connect() as conn:
        themes = conn.execute("SELECT themes FROM annotator.adjudications").fetchall()
    assert themes == [(["economic"],)]
    team.sync(amira)
    with Store(team.copies[amira]) as store:
        assert store.adjudications.all() == {}
        assert {e.action for e in store.events.list()} == {"set"}


def test_same_person_on_two_computers_the_later_change_wins_by_the_event_clock(team, tmp_path):
    amira = team.server.login("amira")
    laptop = tmp_path / "laptop.annotator"
    join_hub(laptop, team.server.url(amira, team.passwords[amira]))
    desktop = team.copies[amira]
    label(laptop, amira, [2], theme="military", device="laptop")  # earlier
    label(desktop, amira, [2], theme="economic", device="desktop")  # later
    sync(desktop, team.passwords[amira])  # the later change reaches the server first
    sync(laptop, team.passwords[amira])
    sync(desktop, team.passwords[amira])
    team.sync()
    for path in (laptop, desktop, team.lead):
        with Store(path) as store:
            assert store.labels.state(2 if path != team.lead else _lead_unit(team, amira),
                                      amira).themes == ("economic",)  # fmt: skip
    assert_in_step(team.server, laptop, amira)
    assert_in_step(team.server, desktop, amira)


def _lead_unit(team, login):
    with Store(team.lead) as store:
        return store.conn.execute(
            "SELECT u.id FROM units u JOIN articles r ON r.id = u.article_id"
            " WHERE r.content_hash = ? AND u.idx = 1", (team.hashes[login][0],)
        ).fetchone()[0]  # fmt: skip


def test_an_annotator_offline_for_days_syncs_everything(team):
    amira = team.server.login("amira")
    with Store(team.copies[amira]) as store:
        units = [r[0] for r in store.conn.execute("SELECT id FROM units")]
        for round_ in range(1_200):  # 12,000 changes: more than two chunks of 5,000
            unit = units[round_ % len(units)]
            for theme in ("military", "economic", "reconstruction", "military", "economic"):
                store.labels.toggle_theme(unit, amira, theme)
            store.labels.set_status(unit, amira, "skipped")
            store.labels.mark_done(unit, amira)
            store.notes.set(unit, amira, f"يوم {round_}")
            store.labels.set_themes(unit, amira, [])
            store.labels.set_themes(unit, amira, ["reconstruction"] if round_ % 2 else [])
    report = team.sync(amira)
    assert report.sent.events == 12_000
    assert len(server_events(team.server, amira)) == 12_000
    team.sync()
    assert_in_step(team.server, team.copies[amira], amira)
    assert_in_step(team.server, team.lead)


def test_a_copy_restored_from_an_older_file_is_checked_again_and_loses_nothing(team):
    amira = team.server.login("amira")
    path = team.copies[amira]
    label(path, amira, [2])
    team.sync(amira)
    older = path.with_name("older.annotator")
    with Store(path) as store:
        store.conn.execute(f"VACUUM INTO '{older}'")
    label(path, amira, [3, 4])
    team.sync(amira)
    older.replace(path)  # the project goes back to before the last sync
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    label(path, amira, [5])
    report = team.sync(amira)
    assert report.started_again
    assert_in_step(team.server, path, amira)
    assert len(local_events(path, amira)) == 4


def test_a_project_never_syncs_with_another_projects_server(team, tmp_path):
    amira = team.server.login("amira")
    link = team.copies[amira].with_name(team.copies[amira].name + ".hub.json")
    data = json.loads(link.read_text())
    data["project_id"] = "someone-else"
    link.write_text(json.dumps(data))
    with pytest.raises(HubMismatch, match="not the same project"):
        team.sync(amira)
