"""Arabic on terminals: most cannot shape or reorder, so they get a visual line; pipes never do."""

from __future__ import annotations

import os
import sys
from typing import TextIO

import arabic_reshaper
from bidi import get_display

# Terminals known to run the bidi algorithm and shape Arabic themselves.
_SHAPING_TERMINALS = ("mlterm",)


def terminal_shapes_arabic(env: dict | None = None) -> bool:
    env = os.environ if env is None else env
    term = env.get("TERM", "") + " " + env.get("TERM_PROGRAM", "")
    return any(name in term for name in _SHAPING_TERMINALS)


def wants_visual(mode: str, stream: TextIO | None = None) -> bool:
    """Decide whether to convert to visual order: 'visual', 'logical' or 'auto'."""
    if mode == "visual":
        return True
    if mode == "logical":
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)()) and not terminal_shapes_arabic()


def visual_line(text: str) -> str:
    """Shape and reorder one line for a left-to-right terminal that cannot do it itself."""
    return get_display(arabic_reshaper.reshape(text))


def for_terminal(text: str, visual: bool) -> str:
    if not visual:
        return text
    return "\n".join(visual_line(line) for line in text.split("\n"))
