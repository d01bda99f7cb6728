"""A real annotation window in its own process, driven line by line from its standard input.

Torture tests start it, send key names, and kill it with SIGKILL. It answers on standard
output, flushed at once, so the parent knows exactly what the window had shown as saved
before it died:

    keys 1 Down 2 3 Down     press these keys on the reader (Qt key names or one character)
    wait_index               wait until the window's background search indexer has finished
    reload                   reopen the current article (the window reads the project again)
    states                   print every unit's state as this window reads it now

Replies: `ready <article_id>` at start, then one `saved <unit_id> <status> <themes>` line for
each change the window committed and `ok <article_id> <unit index>` after each command.
"""

from __future__ import annotations

import json
import sys
import threading

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtTest import QTest

from annotator.app.session import Change
from annotator.gui.app import create_application
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.storage.store import Store


def reply(*parts) -> None:
    print(*parts, flush=True)


def key_of(name: str) -> Qt.Key:
    return Qt.Key(ord(name)) if len(name) == 1 else getattr(Qt.Key, f"Key_{name}")


class StdinReader(QObject):
    line = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for raw in sys.stdin:
            self.line.emit(raw.strip())  # queued into the GUI thread


class Driver:
    def __init__(self, window: MainWindow):
        self.window = window
        window.session.subscribe(self._on_change)

    def _on_change(self, event) -> None:
        if event.change is Change.UNIT_STATE and event.unit_index is not None:
            unit = self.window.session.units[event.unit_index]
            state = self.window.session.state_of(unit)
            reply("saved", unit.id, state.status, ",".join(state.themes) or "-")

    def run(self, line: str) -> None:
        command, *args = line.split()
        if command == "keys":
            for name in args:
                QTest.keyClick(self.window.reader, key_of(name))
        elif command == "wait_index":
            while self.window.indexer.is_running():
                QTest.qWait(20)
        elif command == "reload":
            session = self.window.session
            session.open_article(session.article_id, session.index)
        elif command == "states":
            session = self.window.session
            states = {u.id: list(session.state_of(u).themes) for u in session.units}
            reply("states", json.dumps(states))
        session = self.window.session
        reply("ok", session.article_id, session.index)


def main() -> None:
    database, settings_file, annotator = sys.argv[1:4]
    app = create_application()
    settings = Settings(QSettings(settings_file, QSettings.Format.IniFormat))
    window = MainWindow(Store(database), database, annotator, settings, "en")
    window.show()
    driver = Driver(window)
    reader = StdinReader()
    reader.line.connect(driver.run, Qt.ConnectionType.QueuedConnection)
    reader.start()
    QTimer.singleShot(0, lambda: reply("ready", window.session.article_id))
    app.exec()


if __name__ == "__main__":
    main()
