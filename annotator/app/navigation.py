"""Where a move goes: pure functions over unit statuses and article ids (no Qt here)."""

from __future__ import annotations

import bisect
import enum

from annotator.core.status import Status


class Move(enum.Enum):
    """What a move did."""

    MOVED = "moved"
    STAYED = "stayed"  # already at the first/last unit, or nothing to move to
    END_OFFERED = "end_offered"  # past the last unit: the next move opens the next article
    ARTICLE_OPENED = "article_opened"


def next_not_seen(statuses: list[str], start: int, step: int) -> int | None:
    """The nearest unit after `start` (step +1) or before it (step -1) that is neither done
    nor skipped, wrapping round the article; None if there is none."""
    count = len(statuses)
    for distance in range(1, count + 1):
        index = (start + step * distance) % count
        if statuses[index] == Status.NOT_SEEN:
            return index
    return None


def neighbour_article(ids: list[int], current: int | None, step: int) -> int | None:
    """The article `step` places from the current one in sorted `ids` (the first if none is
    open); an id no longer in the list counts from where it would be."""
    if not ids:
        return None
    if current is None:
        return ids[0]
    at = bisect.bisect_left(ids, current)
    target = at + step if at < len(ids) and ids[at] == current else at + min(step, 0)
    return ids[target] if 0 <= target < len(ids) else None
