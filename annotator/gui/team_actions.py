"""The Team menu of the window (a MainWindow mixin): hand out work, merge what comes back,
follow progress and agreement, review disagreements. The work is app/team's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.app.paths import PROJECT_SUFFIX
from annotator.app.team.merge import merge_project
from annotator.app.team.review import ReviewSession
from annotator.gui.agreement_view import AgreementDialog
from annotator.gui.errors import widen
from annotator.gui.review_window import ReviewWindow
from annotator.gui.team_dialogs import HandOutDialog, ProgressDialog, ReviewChoiceDialog
from annotator.storage.errors import StorageError
from annotator.storage.store import Store


class _MergeSignals(QObject):
    done = Signal(object)  # [(package, report or error)]


class _MergeJob(QRunnable):
    """Merges on its own connection, off the window's thread; each package alone."""

    def __init__(self, database: Path, packages: list[Path], signals: _MergeSignals):
        super().__init__()
        self.database, self.packages, self.signals = database, packages, signals

    def run(self) -> None:
        results = []
        with Store(self.database) as store:
            for package in self.packages:
                try:
                    results.append((package, merge_project(store, package)))
                except StorageError as error:
                    results.append((package, error))
        self.signals.done.emit(results)


class TeamActions:
    """Mixed into MainWindow: needs its store, database path, language and session."""

    def on_hand_out_work(self) -> None:
        dialog = HandOutDialog(self.store, self)
        if dialog.exec() and dialog.written:
            folder = next(iter(dialog.written.values())).parent
            self.status.show_message(self.tr("{count} packages written to {folder}").format(
                count=len(dialog.written), folder=folder))  # fmt: skip

    def on_merge_work(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Merge returned work"),
            str(self.database.parent),
            self.tr("Annotator projects (*{suffix})").format(suffix=PROJECT_SUFFIX),
        )
        if paths:
            self.merge_packages([Path(p) for p in paths])

    def merge_packages(self, packages: list[Path]) -> None:
        """Files, or folders holding .annotator files (drag and drop comes here too)."""
        found = [p for path in packages for p in _package_files(path)]
        self._merge_signals = _MergeSignals(self)
        self._merge_signals.done.connect(self._merged)
        self.status.show_message(self.tr("Merging {count} package(s)…").format(count=len(found)))
        QThreadPool.globalInstance().start(_MergeJob(self.database, found, self._merge_signals))

    def _merged(self, results: list) -> None:
        self.session.articles_changed()
        self.article_model.reload()
        if self.session.article_id is not None:
            self.session.open_article(self.session.article_id, self.session.index)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Merge"), "", parent=self)
        box.setObjectName("merge_report")
        box.setText(self.tr("Merged {ok} of {total} package(s).").format(
            ok=sum(not isinstance(r, Exception) for _p, r in results), total=len(results)))  # fmt: skip
        box.setInformativeText("\n".join(self._merge_line(p, r) for p, r in results))
        widen(box).exec()

    def _merge_line(self, package: Path, result) -> str:
        if isinstance(result, Exception):
            return self.tr("{name}: not merged: {reason}").format(name=package.name, reason=result)
        counts = result.counts
        return self.tr("{name}: {added} added, {updated} updated, {unchanged} unchanged").format(
            name=package.name,
            added=sum(counts.added.values()),
            updated=sum(counts.updated.values()),
            unchanged=sum(counts.unchanged.values()),
        )

    def on_team_progress(self) -> None:
        ProgressDialog(self.store, self).exec()

    def on_team_agreement(self) -> None:
        names = {t.key: t.name(self.language) for t in self.store.themes.list(True)}
        AgreementDialog(self.database, self.language, names, self).exec()

    def on_review_disagreements(self) -> None:
        chooser = ReviewChoiceDialog(self.store, self.language, self)
        if not chooser.exec():
            return
        theme, pair = chooser.choice()
        review = ReviewSession(self.store, self.session.annotator, theme, pair)
        ReviewWindow(review, self.language, self).exec()
        self.focus_reader()


def _package_files(path: Path) -> list[Path]:
    return sorted(path.glob(f"*{PROJECT_SUFFIX}")) if path.is_dir() else [path]
