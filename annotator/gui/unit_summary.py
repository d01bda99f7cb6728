"""The current unit in words: shown above the theme panel and said to screen readers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.app.session import AnnotationSession
from annotator.gui.locale_format import number

# The theme panel's context: these words were first written (and translated) there.
translate = QCoreApplication.translate


def describe_unit(session: AnnotationSession) -> str:
    """'Sentence 3 of 12 — done' in the interface language."""
    unit = session.current_unit
    if unit is None:
        return translate("ThemePanel", "No article open")
    state = session.current_state()
    kinds = {
        "title": translate("ThemePanel", "Title"),
        "heading": translate("ThemePanel", "Heading"),
        "sentence": translate("ThemePanel", "Sentence"),
    }
    statuses = {
        "not_seen": translate("ThemePanel", "not done yet"),
        "done_no_theme": translate("ThemePanel", "done, no theme"),
        "done_with_themes": translate("ThemePanel", "done"),
        "skipped": translate("ThemePanel", "skipped, themes kept but not counted")
        if state.themes
        else translate("ThemePanel", "skipped"),
    }
    return translate("ThemePanel", "{kind} {number} of {total} — {status}").format(
        kind=kinds.get(unit.kind, unit.kind),
        number=number(session.index + 1),
        total=number(len(session.units)),
        status=statuses.get(state.status, state.status),
    )


def theme_names(session: AnnotationSession, language: str) -> list[str]:
    """The current unit's themes by name, in the scheme's order."""
    chosen = set(session.current_state().themes)
    return [t.name(language) for t in session.all_themes if t.key in chosen]


def describe_suggestion(session: AnnotationSession, unit, language: str) -> str:
    """What the panel says under the theme buttons about the unit's suggestion ("" for none)."""
    suggestions = session.suggestions
    if unit is not None and suggestions.hidden_as_shared():
        return translate(
            "ThemePanel",
            "Suggestions are hidden on this article: it is assigned to several annotators"
            " (View → Suggestions on shared articles)",
        )
    if unit is None or not (chips := suggestions.chips(unit)):
        return ""
    names = {t.key: t.name(language) for t in session.themes}
    comma = "، " if language == "ar" else ", "
    return translate("ThemePanel", "Suggested: {themes} (Enter accepts)").format(
        themes=comma.join(names.get(k, k) for k in chips)
    )
