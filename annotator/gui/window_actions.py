"""The window's menu actions: the mixins that hold them, and each action's handler by name."""

from __future__ import annotations

from collections.abc import Callable

from annotator.gui.annotator_actions import AnnotatorActions
from annotator.gui.appearance_actions import AppearanceActions
from annotator.gui.article_removal import RemovalActions
from annotator.gui.project_actions import ProjectActions
from annotator.gui.search_hits import SearchHitActions
from annotator.gui.settings import DEFAULT_FONT_SIZE
from annotator.gui.suggestion_actions import SuggestionActions
from annotator.gui.team_actions import TeamActions
from annotator.gui.view_actions import ViewActions
from annotator.gui.window_panes import PaneActions


class WindowActions(
    ProjectActions,
    RemovalActions,
    ViewActions,
    AnnotatorActions,
    TeamActions,
    PaneActions,
    AppearanceActions,
    SearchHitActions,
    SuggestionActions,
):
    """Everything the menus reach, mixed into MainWindow."""


def window_handlers(window) -> dict[str, Callable[[], None]]:
    """Each menu action's handler, by the action's name in gui/menus.py."""
    return {
        "open_project": window.on_open_project,
        "switch_annotator": window.on_switch_annotator,
        "new_project": window.on_new_project,
        "import_files": window.on_import_files,
        "import_folder": window.on_import_folder,
        "export_dataset": window.on_export_dataset,
        "quit": window.close,
        "undo": window.on_undo,
        "redo": window.on_redo,
        "find": window.article_panel.focus_search,
        "remove_article": window.on_remove_article,
        "edit_note": window.theme_panel.focus_note,
        "notes_list": window.on_notes_list,
        "edit_themes": window.on_edit_themes,
        "connect_team_server": lambda: window.team_server.connect_dialog(),
        "font_bigger": lambda: window.set_font_size(window.settings.font_size + 1),
        "font_smaller": lambda: window.set_font_size(window.settings.font_size - 1),
        "font_reset": lambda: window.set_font_size(DEFAULT_FONT_SIZE),
        "back_to_text": window.focus_reader,
        **window.suggestion_handlers(),
        "arabic_digits": window.on_arabic_digits,
        "language_ar": lambda: window.set_language("ar"),
        "language_en": lambda: window.set_language("en"),
        "hand_out_work": window.on_hand_out_work,
        "merge_work": window.on_merge_work,
        "team_progress": window.on_team_progress,
        "team_agreement": window.on_team_agreement,
        "review_disagreements": window.on_review_disagreements,
        "shortcuts": window.on_shortcuts,
        "about": window.on_about,
        **window.pane_handlers(),
        **window.appearance_handlers(),
        **window.hit_handlers(),
    }
