"""Suggestions in the window (pytest-qt, offscreen): outlined chips, the theme panel's confidence,
Enter to accept, View menu switches, shared articles, the uncertainty order, the real background
process started by the window, and Suggestion quality."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.gui import suggestion_controller
from annotator.gui.mark_object import LETTERS_PROPERTY, OBJECT_CHARACTER, SUGGESTED_PROPERTY
from annotator.storage.rows import UnitState
from tests.gui.gui_factories import ANNOTATOR

pytestmark = pytest.mark.gui


def chips_of(window, index: int) -> list[tuple[str, bool]]:
    """(letters, outlined) of the chips drawn after unit `index` in the reader."""
    span = window.reader.page.spans[index]
    document, found = window.reader.document(), []
    for position in range(span.end, span.marks_end):
        cursor = QTextCursor(document)
        cursor.setPosition(position + 1)
        if document.characterAt(position) == OBJECT_CHARACTER:
            char_format = cursor.charFormat()
            found.append(
                (
                    char_format.property(LETTERS_PROPERTY),
                    bool(char_format.property(SUGGESTED_PROPERTY)),
                )
            )
    return found


def suggest(window, rows) -> None:
    """Store suggestions for units of the open article, as the worker would, and tell the window."""
    units = window.session.units
    window.store.suggestions.write([(units[i].id, 1, themes, scores) for i, themes, scores in rows])
    window.session.suggestions.refresh()


@pytest.fixture
def window(store, make_window):
    made = make_window(store)
    suggest(made, [(2, ["economic"], {"military": 0.1, "economic": 0.83, "reconstruction": 0.2})])
    made.session.go_to_unit(2)
    return made


def test_suggested_themes_are_outlined_chips_and_the_panel_shows_confidence(window):
    assert chips_of(window, 2) == [("E", True)]
    button = window.theme_panel.findChild(type(window.theme_panel.buttons[0]), "theme_economic")
    assert button.text().endswith("83%") and button.property("suggested") is True
    military = window.theme_panel.buttons[0]
    assert military.text().endswith("10%") and not military.property("suggested")
    note = window.theme_panel.suggestion_label
    assert note.isVisibleTo(window) and note.text() == "Suggested: Economic (Enter accepts)"


def test_enter_accepts_the_suggestion_and_the_chip_becomes_a_label(qtbot, window, store):
    unit = window.session.current_unit
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    assert store.labels.state(unit.id, ANNOTATOR) == UnitState(("economic",), "done_with_themes")
    assert store.events.list(unit.id)[-1].action == "accept"
    assert chips_of(window, 2) == [("E", False)] and window.session.index == 3
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)  # unit 3 has none: next not done
    assert (
        window.session.index == 4
        and window.session.state_of(window.session.units[3]).status == "not_seen"
    )


def test_digits_still_set_themes_freely_and_a_suggestion_never_becomes_a_label_by_itself(
    qtbot, window, store
):
    unit = window.session.current_unit
    assert store.labels.state(unit.id, ANNOTATOR).status == "not_seen"  # shown, not labelled
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert store.labels.state(unit.id, ANNOTATOR).themes == ("military",)
    assert store.events.list(unit.id)[-1].action == "set"
    assert chips_of(window, 2) == [("M", False)]  # done: the suggestion is no longer drawn


def test_view_menu_hides_suggestions_and_enter_goes_back_to_its_old_meaning(qtbot, window, store):
    window.menu.actions["show_suggestions"].trigger()
    assert chips_of(window, 2) == [] and not window.theme_panel.suggestion_label.isVisibleTo(window)
    assert window.settings.flag("suggestions/shown", True) is False
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    assert store.labels.state(window.session.units[2].id, ANNOTATOR).status == "not_seen"
    assert window.session.index == 3
    window.menu.actions["show_suggestions"].trigger()
    assert chips_of(window, 2) == [("E", True)]


def test_hidden_by_default_on_an_article_assigned_to_two_annotators(window, store):
    for name in (ANNOTATOR, "omar"):
        store.conn.execute(
            "INSERT INTO assignments (article_id, annotator_id, assigned_at) VALUES (?, ?, 'x')",
            (window.session.article_id, store.annotators.ensure(name)),
        )
    window.session.open_article(window.session.article_id, 2)
    assert chips_of(window, 2) == []
    assert "assigned to several annotators" in window.theme_panel.suggestion_label.text()
    window.menu.actions["suggestions_on_shared"].trigger()
    assert chips_of(window, 2) == [("E", True)]


def test_the_article_list_can_be_ordered_most_uncertain_first(qtbot, store, make_window):
    window = make_window(store)
    last = store.articles.ids()[-1]
    window.session.suggestions.ranking = [last]
    panel = window.article_panel
    panel.order_box.setCurrentIndex(panel.order_box.findData("uncertainty"))
    model = window.article_model
    assert [model.summary(r).id for r in range(model.rowCount())] == [
        last,
        *store.articles.ids()[:-1],
    ]
    panel.order_box.setCurrentIndex(0)
    assert [model.summary(r).id for r in range(model.rowCount())] == store.articles.ids()


def test_the_window_runs_the_background_process_and_stops_it(
    qtbot, store, make_window, monkeypatch
):
    monkeypatch.setattr(suggestion_controller, "START_DELAY_MS", 0)
    window = make_window(store)
    qtbot.waitUntil(lambda: bool(window.session.suggestions.by_unit), timeout=60_000)
    assert len(window.session.suggestions.by_unit) == len(window.session.units)
    # the sample sentences hold military words: an outlined M after one of them
    assert any(("M", True) in chips_of(window, i) for i in range(len(window.session.units)))
    process = window.suggestions.service.process
    # the pass over the project ends, then the uncertainty order is read
    qtbot.waitUntil(lambda: window.session.suggestions.ranking is not None, timeout=60_000)
    assert set(window.session.suggestions.ranking) == set(store.articles.ids())
    window.close()
    assert not process.is_alive()


def test_suggestion_quality_shows_a_sentence_and_no_nan_when_nothing_is_labelled(qtbot, window):
    from annotator.gui.suggestion_quality import SuggestionQualityDialog

    dialog = SuggestionQualityDialog(window.database, window.session, "en", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.busy.isHidden(), timeout=60_000)
    assert "No sentence is labelled yet" in dialog.notes.text()
    assert "No model has been trained yet" in dialog.model_label.text()
    texts = [dialog.status_label.text(), dialog.summary.text(), dialog.notes.text()]
    assert not any("nan" in t.lower() for t in texts) and dialog.table.rowCount() == 0
    dialog.close()
    assert not dialog.job.process.is_alive()


def test_suggestion_quality_with_labels_fills_the_table_and_draws_the_curve(
    qtbot, tmp_path, make_window
):
    from annotator.gui.suggestion_quality import SuggestionQualityDialog
    from annotator.storage.store import Store
    from tests.app.suggest_data import add_labelled_articles

    with Store(tmp_path / "labelled.annotator") as store:
        add_labelled_articles(store, 16, sentences=5, annotator=ANNOTATOR)
        window = make_window(store)
        dialog = SuggestionQualityDialog(window.database, window.session, "en", window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.busy.isHidden(), timeout=90_000)
        assert dialog.table.rowCount() == 3
        assert [dialog.table.item(r, 0).text() for r in range(3)] == [
            "Military", "Economic", "Reconstruction"
        ]  # fmt: skip
        assert all(dialog.table.item(r, 3).text() != "—" for r in range(3))
        assert dialog.chart.isVisibleTo(dialog) and dialog.chart.points[0][0] == 50
        assert "96 labelled sentences in 16 articles, 5-fold" in dialog.status_label.text()
        image = dialog.chart.grab().toImage()
        assert image.width() > 100  # drawn without error
        dialog.close()


def test_the_window_never_imports_scikit_learn():
    """Training and scoring happen in the worker process; the window's own start stays light."""
    code = textwrap.dedent(
        """
        import sys, tempfile
        from pathlib import Path
        from PySide6.QtCore import QSettings
        from annotator.gui.app import create_application
        from annotator.gui.main_window import MainWindow
        from annotator.gui.settings import Settings
        from annotator.storage.store import Store
        app = create_application()
        folder = Path(tempfile.mkdtemp())
        settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Store(folder / "p.annotator"), folder / "p.annotator", "x", settings, "en")
        window.show(); app.processEvents()
        print(sorted(m for m in ("sklearn", "scipy") if m in sys.modules))
        window.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_theme_editor_edits_keywords_and_shows_a_bad_term(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.theme_editor import ThemeEditor

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    editor = ThemeEditor(store, "en")
    qtbot.addWidget(editor)
    editor.list.setCurrentRow(1)  # economic
    assert editor.form.keywords.toPlainText() == store.themes.get("economic").keywords
    editor.form.keywords.setPlainText("سوق، أسعار*\nبورصة")
    changed = []
    editor.themes_changed.connect(lambda: changed.append(1))
    editor._save()
    assert store.themes.get("economic").keywords == "سوق\nأسعار*\nبورصة\n" and changed
    editor.form.keywords.setPlainText("سوق\n*خطأ")
    editor._save()
    assert warnings == ["A keyword cannot be used: term '*خطأ': '*' may only end a term"]
    assert store.themes.get("economic").keywords == "سوق\nأسعار*\nبورصة\n"  # unchanged
    editor.form.keywords.setPlainText("سوق\nأسعار*\nبورصة")  # the same terms: nothing to save
    editor._save()
    assert len(changed) == 1
