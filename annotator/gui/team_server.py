"""The window and its team server: a background sync and a line in the status bar.

One timer: every 2 seconds it looks at the sync process (started every 30 seconds, and once
more when the window closes) and redraws the status line from the link file the process
leaves and a capped count of the changes not yet sent. The sync is a separate process
(app/hub/background.py), so nothing about it can delay a key press.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from annotator.app.hub.background import (
    WAITING_SHOWN_UP_TO,
    SyncState,
    read_link,
    read_report,
    start_sync,
    sync_state,
)

TICK_MS = 2_000
SYNC_EVERY_TICKS = 15  # 30 s


class TeamServerSync(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.label = QLabel(window.statusBar())
        self.label.setObjectName("status_team_server")
        self.label.setContentsMargins(8, 0, 8, 0)
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.process: subprocess.Popen | None = None
        self.output: Path | None = None  # where the running sync writes its report
        self.ticks = SYNC_EVERY_TICKS - 1  # the first tick syncs
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        QTimer.singleShot(0, self.tick)

    @property
    def project(self) -> Path:
        return Path(self.window.database)

    def tick(self) -> None:
        self._collect()
        link = read_link(self.project)
        if link is None:
            self.label.hide()
            return
        self.ticks += 1
        if self.ticks >= SYNC_EVERY_TICKS:
            self.sync_now()
        self._show(sync_state(link, self.window.store))

    def sync_now(self) -> None:
        """Start a sync unless one is running (what it did shows at a later tick)."""
        if self.process is None and read_link(self.project) is not None:
            self.ticks = 0
            if self.output is None:
                self.output = Path(tempfile.mkdtemp(prefix="annotator-sync-")) / "report.json"
            self.process = start_sync(self.project, self.output)

    def _collect(self) -> None:
        if self.process is None or self.process.poll() is None:
            return
        self.process = None
        report = read_report(self.output)
        if report:
            self._take_in(report["received"])

    def _take_in(self, received: dict) -> None:
        """Show what came down: new articles in the list, a changed scheme on the panel."""
        window = self.window
        if received.get("themes"):
            window.session.reload_themes()
        if received.get("articles") or received.get("assignments"):
            window.session.articles_changed()
            window.article_model.reload()
            window.indexer.start(window.database)

    def _show(self, state: SyncState) -> None:
        waiting = f"{state.waiting:,}" + ("+" if state.waiting >= WAITING_SHOWN_UP_TO else "")
        if state.offline_since is not None:
            text = self.tr("Offline since {time}").format(time=f"{state.offline_since:%H:%M}")
            if state.waiting:
                text += " · " + self.tr("{count} changes waiting").format(count=waiting)
        elif state.waiting:
            text = self.tr("{count} changes waiting").format(count=waiting)
        elif state.last_sync is not None:
            text = self.tr("Synced {time}").format(time=f"{state.last_sync:%H:%M}")
        else:
            text = self.tr("Not synced yet")
        self.label.setText(text)
        tip = self.tr("Team server: {address}").format(address=state.server)
        self.label.setToolTip(tip + (f"\n{state.error}" if state.error else ""))
        self.label.show()

    def connect_dialog(self) -> None:
        from annotator.gui.team_server_dialog import ConnectDialog

        ConnectDialog(self.window, self).exec()

    def stop(self) -> None:
        """The window closes: one more sync, left to finish on its own."""
        self.timer.stop()
        if read_link(self.project) is not None:
            start_sync(self.project, None)
