"""Guidelines while labelling (issue 13, item 8): F2 shows each theme's definition and the
project's guidelines beside the text, marks the current sentence's themes, and lets a lead
(not an annotator with a package) edit the guidelines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor, QTextFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTextEdit

from annotator.gui.guidelines_document import CHOSEN
from annotator.gui.i18n import install_translators

pytestmark = pytest.mark.gui

GUIDELINES = """# قواعد الوسم

اقرأ الجملة كاملة قبل الوسم، ولا تضع موضوعاً لمجرد **كلمة** واحدة.

## For everyone

Label what the sentence is *about*, not the words it uses.
"""


def blocks(pane) -> list:
    found, block = [], pane.browser.document().begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def block_with(pane, text: str):
    return next(b for b in blocks(pane) if text in b.text())


def page_text(pane) -> str:
    return pane.browser.toPlainText()


@pytest.fixture
def arabic(qapp):
    install_translators(qapp, "ar")
    yield
    install_translators(qapp, "en")


def test_f2_shows_and_hides_the_guidelines_and_the_keys_stay_with_the_text(
    qtbot, store, make_window
):
    window = make_window(store)
    dock = window.guidelines_dock
    assert not dock.isVisible()  # hidden until asked for
    QTest.keyClick(window.reader, Qt.Key.Key_F2)
    assert dock.isVisible()
    assert QApplication.focusWidget() is window.reader
    assert window.settings.guidelines_shown
    assert window.menu.actions["toggle_guidelines"].isChecked()
    assert "armed forces" in page_text(window.guidelines)
    QTest.keyClick(window.reader, Qt.Key.Key_F2)
    assert not dock.isVisible()
    assert not window.settings.guidelines_shown


def test_the_pane_is_remembered_at_the_next_start(qtbot, store, make_window):
    window = make_window(store)
    window.show_guidelines(True)
    window.close()
    again = make_window(store)
    assert again.guidelines_dock.isVisible()


def test_definitions_in_the_interface_language_with_their_examples(
    qtbot, store, make_window, arabic
):
    store.themes.update(
        "economic", definition_ar="الجملة تتناول الاقتصاد.\nمثال: ارتفعت أسعار القمح."
    )
    window = make_window(store, "ar")
    window.show_guidelines(True)
    pane = window.guidelines
    text = page_text(pane)
    assert "تتناول القوات المسلحة" in text and "armed forces" not in text
    example = block_with(pane, "مثال: ارتفعت أسعار القمح.")  # each line its own paragraph
    assert example.text() == "مثال: ارتفعت أسعار القمح."
    assert example.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_project_guidelines_are_rendered_and_each_paragraph_takes_its_direction(
    qtbot, store, make_window
):
    store.project.set_guidelines(GUIDELINES)
    window = make_window(store)
    window.show_guidelines(True)
    pane = window.guidelines
    assert "# " not in page_text(pane) and "**" not in page_text(pane)  # rendered, not source
    heading = block_with(pane, "قواعد الوسم")
    assert heading.blockFormat().headingLevel() == 1
    assert heading.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert heading.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    english = block_with(pane, "Label what the sentence")
    assert english.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english.blockFormat().alignment() & Qt.AlignmentFlag.AlignLeft
    arabic_line = block_with(pane, "اقرأ الجملة")
    cursor = QTextCursor(arabic_line)
    cursor.setPosition(arabic_line.position() + arabic_line.text().index("كلمة") + 1)
    assert cursor.charFormat().fontWeight() > 500  # **كلمة** is bold


def entry_header(pane, key: str):
    entry = pane.page.entries[key]
    return pane.browser.document().findBlockByNumber(entry.blocks.start)


def test_the_current_sentences_themes_are_marked_as_they_change(qtbot, store, make_window):
    window = make_window(store)
    window.show_guidelines(True)
    pane = window.guidelines
    window.session.go_to_unit(2)
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, window.reader, Qt.Key.Key_3, "3", Qt.KeyboardModifier.NoModifier
    )
    assert pane.chosen_themes() == ["reconstruction"]
    header = entry_header(pane, "reconstruction")
    assert header.text().startswith(CHOSEN)
    assert header.blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush)
    assert not entry_header(pane, "military").text().startswith(CHOSEN)
    QTest.keyClick(window.reader, Qt.Key.Key_Down)  # a sentence with no themes
    assert pane.chosen_themes() == []
    assert not entry_header(pane, "reconstruction").text().startswith(CHOSEN)
    header = entry_header(pane, "reconstruction")
    assert not header.blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush)


def save_in_editor(text: str) -> None:
    """Type into the guidelines editor once it is open, then press Save."""

    def fill() -> None:
        editor = QApplication.activeModalWidget()
        editor.findChild(QTextEdit, "guidelines_source").setPlainText(text)
        buttons = editor.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, fill)


def test_a_lead_edits_the_guidelines_and_they_are_saved_in_the_project(qtbot, store, make_window):
    window = make_window(store)
    window.show_guidelines(True)
    pane = window.guidelines
    assert "No guidelines have been written" in page_text(pane)
    save_in_editor("# Rules\n\nOne theme per **idea**.")
    pane.edit_button.click()
    assert store.project.info().guidelines == "# Rules\n\nOne theme per **idea**."
    assert "One theme per idea." in page_text(pane)
    assert block_with(pane, "Rules").blockFormat().headingLevel() == 1
    assert window.focusWidget() is window.reader  # the keys go back to the text


def test_in_a_package_the_leads_guidelines_are_read_only(qtbot, store, make_window):
    store.project.set_guidelines("The lead's rules.")
    store.project.make_package(store.project.info().id, "huda")
    window = make_window(store)
    window.show_guidelines(True)
    pane = window.guidelines
    assert "The lead's rules." in page_text(pane)
    assert not pane.edit_button.isEnabled()
    assert pane.locked_note.isVisible()
    window.on_edit_guidelines()  # even if reached some other way, nothing opens or changes
    assert store.project.info().guidelines == "The lead's rules."


def test_the_pane_sits_after_the_theme_panel_in_either_language(qtbot, store, make_window, arabic):
    window = make_window(store, "ar")
    assert window.dockWidgetArea(window.guidelines_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    install_translators(QApplication.instance(), "en")
    window.set_language("en")
    assert window.dockWidgetArea(window.guidelines_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_the_editor_gives_each_paragraph_its_own_direction(qtbot, store):
    from annotator.gui.guidelines_editor import GuidelinesEditor

    store.project.set_guidelines("# قواعد الوسم\n\nLabel what the sentence is about.")
    editor = GuidelinesEditor(store)
    qtbot.addWidget(editor)
    editor.show()
    document = editor.text.document()
    arabic_line, _blank, english = (document.findBlockByNumber(n) for n in range(3))
    assert arabic_line.textDirection() == Qt.LayoutDirection.RightToLeft
    assert english.textDirection() == Qt.LayoutDirection.LeftToRight
    first, last = arabic_line.layout().lineAt(0), english.layout().lineAt(0)
    width = document.textWidth()
    assert first.cursorToX(0)[0] > width - 20  # the Arabic line starts at the right edge
    assert last.cursorToX(0)[0] < 20  # the English one at the left edge
