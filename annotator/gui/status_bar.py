"""The status bar: who is annotating, progress in the article and overall, which file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.app.session import AnnotationSession
from annotator.gui.locale_format import number, percent

MESSAGE_MS = 8000


class StatusLine(QObject):
    """Permanent labels on the status bar, updated from the session."""

    def __init__(self, bar: QStatusBar):
        super().__init__(bar)
        self.bar = bar
        self.labels = {
            name: QLabel(bar) for name in ("damage", "annotator", "article", "overall", "database")
        }
        self.labels["damage"].setStyleSheet("color: #b00020; font-weight: bold;")
        self.labels["damage"].hide()
        # Who is labelling, where the eye finds it: bold, on a tinted chip.
        self.labels["annotator"].setStyleSheet(
            "font-weight: bold; border-radius: 4px; padding: 1px 6px;"
            " background: palette(highlight); color: palette(highlighted-text);"
        )
        for name, label in self.labels.items():
            label.setObjectName(f"status_{name}")
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def update(self, session: AnnotationSession, database: Path) -> None:
        labels = self.labels
        labels["annotator"].setText(self.tr("Annotator: {name}").format(name=session.annotator))
        labels["annotator"].setToolTip(
            self.tr("Your labels are saved under this name (File → Switch annotator… changes it)")
        )
        done, total = session.progress()
        labels["article"].setText(
            self.tr("This article: {done} of {total}").format(
                done=number(done), total=number(total)
            )
        )
        labels["article"].setToolTip(self.tr("Sentences you have finished in this article"))
        labels["database"].setText(database.name)
        labels["database"].setToolTip(self.tr("Project file: {path}").format(path=database))
        self._show_overall(*session.overall_progress())

    def _show_overall(self, done: int, total: int) -> None:
        share = 100 * done / total if total else 0
        self.labels["overall"].setText(
            self.tr("All articles: {done} of {total} ({share})").format(
                done=number(done), total=number(total), share=percent(share)
            )
        )
        self.labels["overall"].setToolTip(
            self.tr("Sentences you have finished in the whole project")
        )

    def show_damage(self, text: str) -> None:
        """A lasting warning (empty: none) that the project is damaged and read only."""
        self.labels["damage"].setText(text)
        self.labels["damage"].setVisible(bool(text))

    def show_message(self, text: str) -> None:
        self.bar.showMessage(text, MESSAGE_MS)
