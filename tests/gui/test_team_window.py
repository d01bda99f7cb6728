"""The Team menu in the window: packages open under their annotator's name, returned work
merges (also by drag and drop), and disagreements are settled from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QTableWidget

from annotator.app.session import AnnotationSession
from annotator.app.team.assign import plan_assignment, record_assignment, write_packages
from annotator.app.team.review import ReviewSession
from annotator.gui.review_window import ReviewWindow
from annotator.storage.store import Store
from tests.gui.gui_factories import numbered_articles, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def team(tmp_path):
    lead = tmp_path / "lead.annotator"
    with Store(lead, device="lead-pc") as store:
        store.articles.add(numbered_articles(3))
        record_assignment(store, plan_assignment(store, ["amal", "badr"], overlap=1, seed=1))
        packages = write_packages(store, ["amal", "badr"], tmp_path / "out")
    for person, digit in (("amal", 1), ("badr", 2)):
        with Store(packages[person], device=f"{person}-pc") as store:
            session = AnnotationSession(store, person)
            for article_id in store.articles.ids():
                session.open_article(article_id)
                for index in (1, 2):
                    session.go_to_unit(index)
                    session.toggle_theme(digit if index == 1 else 1)
    return lead, packages


@pytest.fixture
def shown(monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    return boxes


def test_a_package_opens_under_its_annotator(qtbot, team, make_window):
    _lead, packages = team
    window = make_window(Store(packages["badr"]))
    assert window.open_project_path(str(packages["amal"]))
    assert window.session.annotator == "amal"
    unit = window.session.current_unit
    before = window.store.labels.state(unit.id, "amal").themes
    qtbot.keyClick(window.reader, Qt.Key.Key_3)
    assert window.store.labels.state(unit.id, "amal").themes == (*before, "reconstruction")


def test_dropped_packages_merge_and_progress_shows_them(qtbot, team, make_window, shown):
    lead, packages = team
    window = make_window(Store(lead, device="lead-pc"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in packages.values()])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "Merged 2 of 2" in shown[0].text()
    assert "6 added" in shown[0].informativeText()
    from annotator.gui.team_dialogs import ProgressDialog

    dialog = ProgressDialog(window.store, window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "progress_table")
    rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows["amal"].startswith("6 /") and rows["badr"].startswith("6 /")


def test_review_by_keyboard(qtbot, team):
    lead, packages = team
    from annotator.app.team.merge import merge_project

    with Store(lead, device="lead-pc") as store:
        for package in packages.values():
            merge_project(store, package)
        review = ReviewSession(store, "lead")
        window = ReviewWindow(review, "en")
        qtbot.addWidget(window)
        window.show()
        window.setFocus()
        assert len(review.units) == 3  # unit 1 of each article: military against economic
        text = window.findChild(QLabel, "review_judgements").text()
        assert "amal" in text and "Military" in text and "Economic" in text
        first = review.current().unit.id
        qtbot.keyClick(window, Qt.Key.Key_Return)  # the majority (none: a tie) and next
        assert store.adjudications.get(first) == () and review.index == 1
        second = review.current().unit.id
        type_text(window, "٢")  # an Arabic-Indic digit toggles economic into the decision
        assert store.adjudications.get(second) == ("economic",)
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert store.adjudications.get(second) is None
        qtbot.keyClick(window, Qt.Key.Key_Down)
        assert review.index == 2
        position = window.findChild(QLabel, "review_position").text()
        assert "3 of 3" in position and "decided: 1" in position
        assert store.labels.state(first, "amal").themes == ("military",)  # labels untouched
        window.close()


def test_review_of_one_theme_or_one_pair(qtbot, team, make_window, monkeypatch):
    lead, packages = team
    from annotator.app.team.merge import merge_project
    from annotator.gui import team_actions
    from annotator.gui.team_dialogs import ReviewChoiceDialog

    with Store(lead, device="lead-pc") as store:
        for package in packages.values():
            merge_project(store, package)
    window = make_window(Store(lead, device="lead-pc"))
    dialog = ReviewChoiceDialog(window.store, "en", window)
    qtbot.addWidget(dialog)
    themes = [dialog.theme.itemText(i) for i in range(dialog.theme.count())]
    pairs = [dialog.pair.itemData(i) for i in range(dialog.pair.count())]
    assert themes == ["Every theme", "Military", "Economic", "Reconstruction"]
    assert ("amal", "badr") in pairs
    opened = []
    monkeypatch.setattr(ReviewChoiceDialog, "exec", lambda self: 1)
    monkeypatch.setattr(ReviewChoiceDialog, "choice", lambda self: ("reconstruction", None))
    monkeypatch.setattr(team_actions.ReviewWindow, "exec", lambda self: opened.append(self))
    window.on_review_disagreements()
    assert opened and opened[0].review.units == []  # nobody disagrees about reconstruction
    monkeypatch.setattr(ReviewChoiceDialog, "choice", lambda self: ("military", ("amal", "badr")))
    window.on_review_disagreements()
    assert len(opened[1].review.units) == 3
