"""Arabic on terminals: visual lines for terminals that cannot shape, logical order elsewhere."""

from __future__ import annotations

import io

from annotator.cli.terminal import for_terminal, terminal_shapes_arabic, wants_visual
from annotator.core.text import has_presentation_forms


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_mode_reshapes_for_a_terminal_but_not_for_a_pipe(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_visual("auto", FakeTerminal()) is True
    assert wants_visual("auto", io.StringIO()) is False


def test_terminals_that_shape_arabic_get_logical_order(monkeypatch):
    monkeypatch.setenv("TERM", "mlterm")
    assert terminal_shapes_arabic()
    assert wants_visual("auto", FakeTerminal()) is False


def test_flags_force_either_way():
    assert wants_visual("visual", io.StringIO()) is True
    assert wants_visual("logical", FakeTerminal()) is False


def test_visual_line_is_shaped_and_reversed_for_left_to_right_terminals():
    line = "وكالة الأنباء (سانا)"
    visual = for_terminal(line, visual=True)
    assert has_presentation_forms(visual) and visual != line
    # The first word a reader sees (on the right) is at the end of the visual string.
    assert visual.rstrip().endswith(for_terminal("وكالة", visual=True))
    assert for_terminal(line, visual=False) == line
