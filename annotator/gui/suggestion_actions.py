"""Window actions about theme suggestions (a MainWindow mixin): show or hide them, retrain,
Suggestion quality, the article list's uncertainty order, and their messages."""

from __future__ import annotations

from annotator.app.suggestions.ranking import display_order
from annotator.gui.suggestion_controller import SuggestionController

SHOWN_KEY, SHARED_KEY = "suggestions/shown", "suggestions/on_shared"
UNCERTAINTY = "uncertainty"


class SuggestionActions:
    """Needs the window's session, settings, menu, status line and article list."""

    def start_suggestions(self) -> None:
        """Once, when the window is built: the controller and its signals."""
        self.suggestions = SuggestionController(self)
        self.suggestions.status.connect(self.status.show_message)
        self.suggestions.ranking_ready.connect(self._ranking_ready)
        self.article_panel.order_requested.connect(self.set_article_order)

    def follow_suggestions(self) -> None:
        """For the session just made (start-up, another project): preferences, then the
        background process for its project."""
        shown = self.settings.flag(SHOWN_KEY, True)
        on_shared = self.settings.flag(SHARED_KEY, False)
        self.session.suggestions.enabled, self.session.suggestions.on_shared = shown, on_shared
        self.menu.actions["show_suggestions"].setChecked(shown)
        self.menu.actions["suggestions_on_shared"].setChecked(on_shared)
        self.menu.actions["suggestions_on_shared"].setEnabled(shown)
        self.suggestions.open(self.session, self.store.path)

    def suggestion_handlers(self) -> dict:
        """The menu actions' handlers, by the actions' names in gui/menus.py."""
        return {
            "show_suggestions": self.on_show_suggestions,
            "suggestions_on_shared": self.on_suggestions_on_shared,
            "suggestion_quality": self.on_suggestion_quality,
            "retrain_suggestions": self.on_retrain_suggestions,
        }

    def on_show_suggestions(self) -> None:
        shown = self.menu.actions["show_suggestions"].isChecked()
        self.settings.set_flag(SHOWN_KEY, shown)
        self.menu.actions["suggestions_on_shared"].setEnabled(shown)
        self.session.suggestions.set_shown(enabled=shown)
        self.status.show_message(
            self.tr("Suggestions shown") if shown else self.tr("Suggestions hidden")
        )

    def on_suggestions_on_shared(self) -> None:
        on_shared = self.menu.actions["suggestions_on_shared"].isChecked()
        self.settings.set_flag(SHARED_KEY, on_shared)
        self.session.suggestions.set_shown(on_shared=on_shared)

    def on_retrain_suggestions(self) -> None:
        self.suggestions.retrain()

    def on_suggestion_quality(self) -> None:
        from annotator.gui.suggestion_quality import SuggestionQualityDialog

        SuggestionQualityDialog(self.database, self.session, self.language, self).exec()
        self.focus_reader()

    def nothing_uncertain(self) -> None:
        if self.session.suggestions.ranking is None:
            self.suggestions.compute_ranking()
            text = self.tr("No sentence left here; the other articles are being ordered, try again")
        else:
            text = self.tr("No sentence with a suggestion is left to do")
        self.status.show_message(text)

    # -- the article list's order -------------------------------------------------------------

    def set_article_order(self, order: str | None) -> None:
        if order != UNCERTAINTY:
            self.article_model.set_order(None)
        else:
            self._apply_ranking()
            self.suggestions.compute_ranking()  # and again when the newest order is known
        self.article_panel.show_article(self.session.article_id)

    def _ranking_ready(self, _ranked: list) -> None:
        if self.article_panel.order() == UNCERTAINTY:
            self._apply_ranking()

    def _apply_ranking(self) -> None:
        ranked = self.session.suggestions.ranking or []
        self.article_model.set_order(display_order(ranked, self.store.articles.ids()))
