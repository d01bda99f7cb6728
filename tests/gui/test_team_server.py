"""The window and a real team server: connecting from the Team menu, the background sync
(a real process), and the status line: changes waiting, synced, offline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.app.hub.credentials import save_password
from annotator.app.hub.link import load_link, save_link
from annotator.storage.hub.connection import parse_url
from annotator.storage.store import Store
from tests.hub.checks import server_events
from tests.hub.server import TeamServer, admin_url, build_team


@pytest.fixture(autouse=True)
def private_password_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


@pytest.fixture
def team(tmp_path):
    server = TeamServer(admin_url()).create()
    try:
        team = build_team(server, tmp_path)
        for login, password in team.passwords.items():
            save_password(parse_url(server.url(login, password)), password)
        yield team
    finally:
        server.drop()


def wait_for_sync(qtbot, window) -> None:
    sync = window.team_server
    qtbot.waitUntil(lambda: sync.process is None or sync.process.poll() is not None, timeout=60_000)
    sync.tick()


def test_labels_wait_then_sync_in_the_background(qtbot, make_window, team):
    amira = team.server.login("amira")
    store = Store(team.copies[amira])
    window = make_window(store)
    window.session.annotator = amira  # the copy's bound name (as Connect sets it)
    window.session.resume()
    wait_for_sync(qtbot, window)  # the first tick syncs at once
    label = window.team_server.label
    assert label.isVisible() and label.text().startswith("Synced ")
    for key in (Qt.Key.Key_1, Qt.Key.Key_Down, Qt.Key.Key_2):
        qtbot.keyClick(window.reader, key)
    window.team_server.ticks = 0
    window.team_server.tick()
    assert label.text() == "2 changes waiting"
    window.team_server.sync_now()
    wait_for_sync(qtbot, window)
    assert label.text().startswith("Synced ")
    assert len(server_events(team.server, amira)) == 2


def test_an_unreachable_server_shows_offline_since(qtbot, make_window, team):
    amira = team.server.login("amira")
    link = load_link(team.copies[amira])
    link.server["port"] = "1"
    save_link(team.copies[amira], link)
    window = make_window(Store(team.copies[amira]))
    wait_for_sync(qtbot, window)
    assert window.team_server.label.text().startswith("Offline since ")
    assert "cannot reach" in window.team_server.label.toolTip()


def test_connect_from_the_team_menu_opens_the_annotators_own_copy(
    qtbot, make_window, store, team, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from annotator.gui.team_server_dialog import ConnectDialog

    window = make_window(store)
    badr = team.server.login("badr")
    dialog = ConnectDialog(window, window.team_server)
    dialog.url.setText(team.server.url())
    dialog.login.setText(badr)
    dialog.password.setText(team.passwords[badr])
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=60_000)
    assert window.session.annotator == badr
    with Store(window.database) as opened:
        assert opened.project.info().bound_annotator == badr
        assert len(opened.articles.ids()) == 2
    assert window.database.parent == tmp_path / "data" / "annotator"
    assert "Connected as" in window.statusBar().currentMessage()


def test_a_joined_copy_opens_under_its_login_without_asking(settings, tmp_path):
    from annotator.app.project import open_project
    from annotator.gui.app import annotator_for

    path = tmp_path / "mine.annotator"
    with Store(path) as store:
        store.project.make_package("project-id", "amira_login")
    opened = open_project(path, is_default=False)
    try:
        settings.annotator = "someone else"
        assert annotator_for(opened, settings, "also not me") == "amira_login"
    finally:
        opened.store.close()
