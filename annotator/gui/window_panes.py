"""The panes around the reader: the guidelines (F2) come and go, F6 / Shift+F6 move the
keyboard from pane to pane, and Tab walks the controls outside the reader (the reader keeps
Tab for "next sentence not done"). A MainWindow mixin."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from annotator.gui.accessibility import Announcer
from annotator.gui.guidelines_pane import GuidelinesPane

GUIDELINES_SHARE = 0.24  # of the window's width, when first shown


class PaneActions:
    """Mixed into MainWindow: needs its session, settings, menu and reader."""

    def add_panes(self) -> None:
        self.guidelines = GuidelinesPane(self.session, self.language, self)
        self.guidelines.edit_requested.connect(self.on_edit_guidelines)
        dock = self.guidelines_dock = QDockWidget(self)
        dock.setObjectName("guidelines_dock")
        dock.setWidget(self.guidelines)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.announcer = Announcer(self.session, self.reader, self.language)
        self.theme_panel.rebuilt.connect(self.link_focus_chain)
        self.retranslate_panes()
        dock.setVisible(self.settings.guidelines_shown)
        dock.visibilityChanged.connect(self._guidelines_visibility)

    def pane_handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "toggle_guidelines": self.toggle_guidelines,
            "next_pane": lambda: self.move_to_pane(+1),
            "previous_pane": lambda: self.move_to_pane(-1),
        }

    # -- moving the keyboard between panes ------------------------------------------------

    def panes(self) -> list[tuple[QWidget, QWidget]]:
        """(pane, the control that takes the keyboard in it), in reading order."""
        panel = self.theme_panel
        first = next((b for b in panel.buttons if b.isEnabled()), panel.none_button)
        found = [(self.article_panel, self.article_panel.table), (self.reader, self.reader)]
        found.append((panel, first))
        if self.guidelines_dock.isVisible():
            found.append((self.guidelines_dock, self.guidelines.browser))
        return found

    def move_to_pane(self, step: int) -> None:
        """F6 / Shift+F6: the next or previous pane (from outside them all: the reader)."""
        panes = self.panes()
        focus = QApplication.focusWidget()
        here = next((n for n, (p, _c) in enumerate(panes) if p.isAncestorOf(focus)), None)
        if focus is self.reader:
            here = 1
        target = panes[(here + step) % len(panes)][1] if here is not None else self.reader
        target.setFocus(
            Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
        )

    def link_focus_chain(self) -> None:
        """Tab from the search box: filter, order, list, theme buttons, no theme, skip, note,
        guidelines, then the reader, which keeps Tab for itself."""
        panel, listing = self.theme_panel, self.article_panel
        chain = [listing.search_box, listing.status_filter, listing.order_box, listing.table]
        chain += panel.buttons
        chain += [panel.none_button, panel.skip_button, panel.note]
        chain += [self.guidelines.edit_button, self.guidelines.browser, self.reader]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def retranslate_panes(self) -> None:
        # After the theme panel in reading order: on the right in English, the left in Arabic
        # (Qt does not mirror dock areas).
        side = (
            Qt.DockWidgetArea.LeftDockWidgetArea
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.DockWidgetArea.RightDockWidgetArea
        )
        if self.dockWidgetArea(self.guidelines_dock) != side:
            self.addDockWidget(side, self.guidelines_dock)
        self.guidelines_dock.setWindowTitle(self.tr("Guidelines (F2)"))
        self.guidelines.set_language(self.language)
        self.announcer.set_language(self.language)

    def set_pane_session(self) -> None:
        self.guidelines.set_session(self.session)
        self.announcer.set_session(self.session)

    # -- the guidelines -------------------------------------------------------------------

    def toggle_guidelines(self) -> None:
        """F2: show or hide the guidelines; the keyboard stays where it was."""
        self.show_guidelines(not self.guidelines_dock.isVisible())

    def show_guidelines(self, shown: bool) -> None:
        first_time = shown and not self.guidelines_dock.isVisible()
        self.guidelines_dock.setVisible(shown)
        if first_time:
            width = int(self.width() * GUIDELINES_SHARE)
            self.resizeDocks([self.guidelines_dock], [width], Qt.Orientation.Horizontal)

    def _guidelines_visibility(self, _visible: bool) -> None:
        # The dock's own close button hides it too: the menu and the setting follow.
        shown = not self.guidelines_dock.isHidden()
        self.menu.actions["toggle_guidelines"].setChecked(shown)
        self.settings.guidelines_shown = shown

    def on_edit_guidelines(self) -> None:
        from annotator.gui.guidelines_editor import GuidelinesEditor

        if self.store.project.info().scheme_locked:
            return  # a package: the lead's text (the button is disabled; this is a guard)
        if GuidelinesEditor(self.store, self).exec():
            self.guidelines.refresh()
        self.focus_reader()
