"""What an annotation session tells its views (no Qt here)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass


class Change(enum.Enum):
    ARTICLE = "article"  # another article was opened (or the current one reloaded)
    CURRENT_UNIT = "current_unit"  # the current unit moved inside the article
    UNIT_STATE = "unit_state"  # a unit's themes or status changed (already committed)
    NOTE = "note"  # a unit's note changed (already committed)
    END_OF_ARTICLE = "end_of_article"  # past the last unit: the next move opens the next article
    THEMES = "themes"  # the theme scheme was edited
    ARTICLES = "articles"  # an article was removed or put back: the list must be read again
    SUGGESTIONS = "suggestions"  # suggestions were computed, shown or hidden: redraw them
    NOTHING_UNCERTAIN = "nothing_uncertain"  # U found no sentence left to go to


@dataclass(frozen=True)
class SessionEvent:
    change: Change
    unit_index: int | None = None


Listener = Callable[[SessionEvent], None]
