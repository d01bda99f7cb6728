"""Where an annotator stands with a unit: the one list of statuses (no Qt, no SQL)."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    """Stored, exported and compared as its plain string value."""

    NOT_SEEN = "not_seen"  # never labelled (nothing stored)
    DONE_NO_THEME = "done_no_theme"
    DONE_WITH_THEMES = "done_with_themes"
    SKIPPED = "skipped"  # left for later: not done, themes kept

    @property
    def is_done(self) -> bool:
        return self in DONE_STATUSES


DONE_STATUSES = frozenset({Status.DONE_NO_THEME, Status.DONE_WITH_THEMES})


def is_done(status: str) -> bool:
    return status in DONE_STATUSES
