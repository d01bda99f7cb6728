"""Team → Connect to team server…: address, login name and password, then connect in the
background (joining can take a few seconds) and open the project to work in."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressDialog,
    QVBoxLayout,
)

from annotator.app.hub.background import read_link
from annotator.app.paths import data_dir
from annotator.gui.errors import show_storage_error


class ConnectWorker(QObject):
    finished = Signal(object)  # Connected, or the exception

    def __init__(self, arguments: tuple):
        super().__init__()
        self.arguments = arguments

    @Slot()
    def run(self) -> None:
        from annotator.app.hub.connect import connect_to_server

        try:
            self.finished.emit(connect_to_server(*self.arguments))
        except Exception as error:  # shown to the user by the dialog
            self.finished.emit(error)


class ConnectDialog(QDialog):
    def __init__(self, window: QMainWindow, sync):
        super().__init__(window)
        self.window_, self.sync = window, sync
        self.setObjectName("connect_team_server")
        self.setWindowTitle(self.tr("Connect to team server"))
        link = read_link(window.database)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("postgresql://db.example.org/news_team?sslmode=verify-full")
        self.login = QLineEdit(link.login if link else "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.url, self.login, self.password):
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # Room for a whole address: the dialog was as narrow as its shortest field.
        self.url.setMinimumWidth(
            self.url.fontMetrics().horizontalAdvance(self.url.placeholderText()) + 24
        )
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("Your login name:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        note = QLabel(self.tr("The password is kept in your password file or the system"
                              " keyring, never in the project."), self)  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.thread_: QThread | None = None

    def start(self) -> None:
        if not self.url.text().strip():
            self.url.setFocus()
            return
        arguments = (self.window_.database, self.url.text().strip(), self.login.text(),
                     self.password.text(), data_dir())  # fmt: skip
        self.busy = QProgressDialog(self.tr("Connecting…"), "", 0, 0, self)
        self.busy.setCancelButton(None)
        self.busy.setMinimumDuration(0)
        self.thread_ = QThread(self)
        self.worker = ConnectWorker(arguments)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        self.worker.finished.connect(self.finish)
        self.thread_.start()

    def finish(self, result: object) -> None:
        self.thread_.quit()
        self.thread_.wait()
        self.busy.close()
        if isinstance(result, Exception):
            show_storage_error(self, result)
            return
        if result.project != self.window_.database:
            # An annotator's copy is bound to their login name: switch_store carries the
            # session's name over to the project it opens.
            self.window_.session.annotator = result.login
            self.window_.open_project_path(str(result.project))
        self.sync.sync_now()
        self.window_.status.show_message(self._done_text(result))
        self.accept()

    def _done_text(self, result) -> str:
        text = self.tr("Connected as {login}. Your work syncs every 30 seconds.").format(
            login=result.login
        )
        if result.password_kept_in:
            text += "\n" + self.tr("Password kept in {place}.").format(
                place=result.password_kept_in
            )
        return text
