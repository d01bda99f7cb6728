"""The Export dialog: the options of `annotator export`, run on a worker thread with progress."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.app.paths import data_dir
from annotator.core.export import (
    DEFAULT_SPLIT,
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
    parse_splits,
    worst_deviation,
)
from annotator.core.export.options import EXTENSION, command_line
from annotator.gui.export_worker import ExportWorker


def default_export_folder(project: Path) -> Path:
    """The project's folder, unless it is the app's hidden data folder (the default project):
    then the user's Documents, where a lead looks for a dataset."""
    data = data_dir().resolve()
    if project.resolve().parent == data or data in project.resolve().parents:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()
    return project.parent


class ExportDialog(QDialog):
    """Format, labels, only-done, split and seed, output; Export runs, Cancel stops it."""

    export_finished = Signal(object)  # the ExportResult, or the error / cancellation

    def __init__(self, store_path: Path, annotators: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export dataset"))
        self.setMinimumWidth(560)
        self.store_path, self.annotators = Path(store_path), list(annotators)
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self._build()
        self._update_split_fields()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        self.format_box = QComboBox(objectName="export_format")
        for text, value in (
            (self.tr("JSON Lines (.jsonl)"), "jsonl"),
            (self.tr("CSV for spreadsheets (.csv)"), "csv"),
            (self.tr("Parquet (.parquet)"), "parquet"),
        ):
            self.format_box.addItem(text, value)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Labels:"), self._labels_box())
        self.only_done = QCheckBox(
            self.tr("Only sentences marked done"), objectName="export_only_done"
        )
        form.addRow("", self.only_done)
        self.with_suggestions = QCheckBox(
            self.tr("With the suggested themes and their scores"), objectName="export_suggestions"
        )
        form.addRow("", self.with_suggestions)
        form.addRow(self.tr("Split:"), self._split_row())
        form.addRow(self.tr("Save to:"), self._output_row())
        self.progress_bar = QProgressBar(objectName="export_progress")
        self.status = QLabel(objectName="export_status", wordWrap=True)
        # Room for a summary of four lines, so the dialog does not jump (or clip) when it comes.
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 4 + 4)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for item in (form, self.progress_bar, self.status, self.buttons):
            layout.addLayout(item) if isinstance(item, QFormLayout) else layout.addWidget(item)

    def _labels_box(self) -> QComboBox:
        self.labels_box = QComboBox(objectName="export_labels")
        for text, value in (
            (
                self.tr("Majority of annotators (a tie leaves the theme out)"),
                ("resolve", "majority"),
            ),
            (self.tr("Every annotator agrees"), ("resolve", "unanimous")),
            (self.tr("Any annotator"), ("resolve", "any")),
            (self.tr("A lead's decision where reviewed, else the majority"),
             ("resolve", "adjudicated")),
        ):  # fmt: skip
            self.labels_box.addItem(text, value)
        for name in self.annotators:
            self.labels_box.addItem(self.tr("Only {name}").format(name=name), ("annotator", name))
        return self.labels_box

    def _split_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.split_check = QCheckBox(self.tr("Whole articles into"), objectName="export_split")
        self.split_edit = QLineEdit(DEFAULT_SPLIT, objectName="export_split_fractions")
        self.seed_box = QSpinBox(objectName="export_seed", maximum=2**31 - 1)
        self.seed_box.setPrefix(self.tr("seed "))
        self.split_check.toggled.connect(self._update_split_fields)
        for widget in (self.split_check, self.split_edit, self.seed_box):
            layout.addWidget(widget)
        return row

    def _output_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.out_edit = QLineEdit(objectName="export_out")
        folder = default_export_folder(self.store_path)
        self.out_edit.setText(str(folder / f"{self.store_path.stem}-dataset.jsonl"))
        browse = QPushButton(self.tr("Choose…"), objectName="export_browse")
        browse.clicked.connect(self._choose_output)
        layout.addWidget(self.out_edit)
        layout.addWidget(browse)
        return row

    # -- options ----------------------------------------------------------------------------

    def _format_changed(self) -> None:
        """Keep the output name's extension in step with the format (files only)."""
        out = Path(self.out_edit.text().strip())
        if not self.split_check.isChecked() and out.suffix.lower() in (
            ".jsonl",
            ".csv",
            ".parquet",
        ):
            self.out_edit.setText(str(out.with_suffix(EXTENSION[self.format_box.currentData()])))

    def _update_split_fields(self) -> None:
        splitting = self.split_check.isChecked()
        self.split_edit.setEnabled(splitting)
        self.seed_box.setEnabled(splitting)
        out = Path(self.out_edit.text().strip())
        if splitting and out.suffix:
            self.out_edit.setText(str(out.with_suffix("")))
        elif not splitting and not out.suffix and out.name:
            self.out_edit.setText(str(out) + EXTENSION[self.format_box.currentData()])

    def _choose_output(self) -> None:
        start = self.out_edit.text() or str(self.store_path.parent)
        if self.split_check.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the splits"), start)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the dataset as"), start)
        if chosen:
            self.out_edit.setText(chosen)

    def options(self) -> ExportOptions:
        """The options as chosen; raises ExportError for any that cannot work."""
        out_text = self.out_edit.text().strip()
        if not out_text:
            raise ExportError(self.tr("Choose where to save the dataset."))
        kind, value = self.labels_box.currentData()
        splits = parse_splits(self.split_edit.text()) if self.split_check.isChecked() else ()
        options = ExportOptions(
            format=self.format_box.currentData(),
            out=Path(out_text).expanduser(),
            annotator=value if kind == "annotator" else None,
            resolve=value if kind == "resolve" else "majority",
            only_done=self.only_done.isChecked(),
            with_suggestions=self.with_suggestions.isChecked(),
            splits=splits,
            seed=self.seed_box.value(),
        )
        options.validate(self.annotators)
        return dataclasses.replace(options, command=command_line(options, self.store_path))

    # -- running ----------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._thread is not None

    def start_export(self) -> bool:
        """Check the options and start the worker; False (with the reason shown) if they fail."""
        if self.is_running():
            return False
        try:
            options = self.options()
        except ExportError as error:
            self._show_status(str(error), error=True)
            return False
        self._thread, self._worker = QThread(self), ExportWorker(self.store_path, options)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._progress)
        self._worker.finished.connect(self._finished)
        self._set_running(True)
        self._show_status(self.tr("Exporting…"))
        self._thread.start()
        return True

    def cancel_export(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._show_status(self.tr("Stopping; no file will be left behind…"))

    # Declared slots of this (GUI-thread) object: the worker's signals arrive queued, so these
    # run on the GUI thread, never on the worker's.
    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)

    @Slot(object)
    def _finished(self, result: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self._thread, self._worker = None, None
        self._set_running(False)
        if isinstance(result, ExportResult):
            self.progress_bar.setValue(self.progress_bar.maximum())
            self._show_status(self._summary(result))
        elif isinstance(result, ExportCancelled):
            self.progress_bar.setValue(0)
            self._show_status(self.tr("Export cancelled. Nothing was written."))
        else:
            self._show_status(
                self.tr("The export failed; nothing was written.\n{error}").format(error=result),
                error=True,
            )
        self.export_finished.emit(result)

    def _summary(self, result: ExportResult) -> str:
        text = self.tr("Exported {records} records in {seconds:.1f} s to {place}.").format(
            records=f"{result.records:,}", seconds=result.seconds, place=result.files[0].parent
        )
        if len(result.figures) > 1:
            splits = ", ".join(f"{f.name}: {f.units:,}" for f in result.figures)
            gap = worst_deviation(result.figures)
            text += "\n" + self.tr("Splits: {splits}; worst theme balance gap {gap:.1%}.").format(
                splits=splits, gap=gap
            )
        text += "\n" + self.tr("Dataset card: {card}").format(card=result.card.name)
        return "\n".join([text, *result.warnings])

    def _set_running(self, running: bool) -> None:
        for widget in (self.format_box, self.labels_box, self.only_done, self.with_suggestions,
                       self.split_check, self.out_edit, self.export_button):  # fmt: skip
            widget.setEnabled(not running)
        self.split_edit.setEnabled(not running and self.split_check.isChecked())
        self.seed_box.setEnabled(not running and self.split_check.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            self.tr("Cancel") if running else self.tr("Close")
        )

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def reject(self) -> None:
        """Close while idle; while exporting, the button cancels (temporary files are removed)."""
        if self.is_running():
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.is_running():  # the window's close button: stop, then close once it has
            self.cancel_export()
            self.export_finished.connect(lambda _: self.close())
            event.ignore()
            return
        super().closeEvent(event)
