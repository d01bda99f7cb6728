"""Tools → Suggestion quality: how well the suggestions match the project's own labels.

The figures are measured in a separate process (app/suggestions/service.BackgroundEvaluation:
cross-validation by article trains the model several times); the dialog shows the saved
model's facts at once and the figures when they come. Nothing here is ever NaN: a figure
that cannot be measured is a dash, and the reason is written below the table.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.app.session import AnnotationSession
from annotator.app.suggestions.service import BackgroundEvaluation
from annotator.gui.learning_curve import LearningCurveChart
from annotator.gui.locale_format import long_date, number

POLL_MS = 200
COLUMNS = ("theme", "precision", "recall", "f1", "keywords_f1", "support")


def figure(value: float | None) -> str:
    """0.84 (or ٠٫٨٤), or a dash for what cannot be measured."""
    return "—" if value is None else QLocale().toString(float(value), "f", 2)


class SuggestionQualityDialog(QDialog):
    def __init__(
        self,
        database: Path,
        session: AnnotationSession,
        language: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session, self.language = session, language
        self.setObjectName("suggestion_quality")
        self.setWindowTitle(self.tr("Suggestion quality"))
        self.resize(720, 640)
        self.model_label = QLabel(self, objectName="quality_model", wordWrap=True)
        self.status_label = QLabel(self, objectName="quality_status", wordWrap=True)
        self.busy = QProgressBar(self, objectName="quality_busy")
        self.busy.setRange(0, 0)
        self.table = QTableWidget(0, len(COLUMNS), self, objectName="quality_table")
        self.summary = QLabel(self, objectName="quality_summary", wordWrap=True)
        self.chart = LearningCurveChart(self)
        self.notes = QLabel(self, objectName="quality_notes", wordWrap=True)
        self._lay_out()
        self.show_model()
        self.job = BackgroundEvaluation(database)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _lay_out(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Theme"), self.tr("Precision"), self.tr("Recall"), self.tr("F1 score"),
             self.tr("Keywords alone (F1)"), self.tr("Labelled with it")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status_label.setText(
            self.tr(
                "Measuring the suggestions on the project's labels (cross-validation by article)…"
            )
        )
        self.chart.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.model_label, self.status_label, self.busy, self.table, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.chart, 4)  # the room left goes to the learning curve, if drawn
        layout.addWidget(self.notes)
        layout.addStretch(1)  # ...else below the text, which stays together at the top
        layout.addWidget(buttons)

    # -- the saved model, at once --------------------------------------------------------------

    def show_model(self) -> None:
        saved = self.session.store.suggestions.latest_model(with_data=False)
        if saved is None:
            self.model_label.setText(
                self.tr(
                    "No model has been trained yet: suggestions come from the themes' keywords."
                )
            )
            return
        info = saved.info
        text = self.tr(
            "The model learned from {count} labelled sentences of {articles} articles ({date})."
        ).format(
            count=number(saved.labels),
            articles=number(info.get("articles", 0)),
            date=long_date(saved.created_at),
        )
        trained = set(info.get("theme_keys", []))
        added = [self._name(t.key) for t in self.session.themes if trained and t.key not in trained]
        if added:
            text += " " + self.tr(
                "Themes added since: {themes} (suggested from their keywords until it is trained again)."
            ).format(themes=", ".join(added))
        self.model_label.setText(text)

    def _name(self, key: str) -> str:
        return next((t.name(self.language) for t in self.session.all_themes if t.key == key), key)

    # -- the measured figures ----------------------------------------------------------------

    def poll(self) -> None:
        outcome = self.job.poll()
        if outcome is None:
            return
        self.timer.stop()
        self.busy.hide()
        if "error" in outcome:
            self.status_label.setText(
                self.tr("The suggestions could not be measured: {error}").format(
                    error=outcome["error"]
                )
            )
            return
        self.show_result(outcome["result"])

    def show_result(self, result: dict) -> None:
        folds = result["folds"]
        self.status_label.setText(
            self.tr("{count} labelled sentences in {articles} articles, {folds}-fold cross-validation by article.").format(
                count=number(result["labelled"]), articles=number(result["articles"]),
                folds=number(folds),
            ) if folds else self.tr("{count} labelled sentences in {articles} articles.").format(
                count=number(result["labelled"]), articles=number(result["articles"])
            )
        )  # fmt: skip
        self._fill_table(result["themes"])
        self.summary.setText(
            self.tr("Macro-F1 {model} (keywords alone {keywords})").format(
                model=figure(result["macro_f1"]), keywords=figure(result["keywords_macro_f1"])
            )
        )
        if result["curve"]:
            self.chart.set_curve([tuple(p) for p in result["curve"]], result["keywords_macro_f1"])
            self.chart.show()
        self.notes.setText("\n\n".join(self._note(n) for n in result["notes"]))

    def _fill_table(self, themes: list[dict]) -> None:
        self.table.setRowCount(len(themes))
        for row, theme in enumerate(themes):
            cells = [self._name(theme["key"])]
            cells += [figure(theme[k]) for k in ("precision", "recall", "f1", "keywords_f1")]
            cells.append(number(theme["support"]))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(len(themes)))
        self.table.setFixedHeight(rows + self.table.horizontalHeader().height() + 4)

    def _note(self, note: dict) -> str:
        themes = ", ".join(self._name(k) for k in note.get("themes", []))
        count = number(note.get("count", 0))
        texts = {
            "no_labels": self.tr("No sentence is labelled yet: suggestions come from the themes' keywords alone. Label sentences (or accept suggestions) and their quality can be measured."),
            "one_article": self.tr("Only one article is labelled: at least two are needed, since the sentences of one article are never used both to train and to test."),
            "unused_themes": self.tr("Not measured, no labelled sentence has them yet: {themes}. Until labels show what they mean they are suggested from their keywords alone.").format(themes=themes),
            "contradictions": self.tr("{count} sentences carry contradicting labels (annotators disagree, or the same text was labelled differently). All are learned from: the model scores such sentences in between, and its figures count them as errors either way.").format(count=count),
        }  # fmt: skip
        return texts.get(note["code"], note["code"])

    def done(self, result: int) -> None:
        self.timer.stop()
        self.job.cancel()
        super().done(result)
