"""Identifiers that survive copying a project between computers (no Qt, no SQL).

Events get UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness, so sorting
the text of two ids sorts them by the moment they were made, and ids made on different
computers never collide. Python gains uuid.uuid7 only in 3.14; this is the RFC's layout,
with the counter method of its section 6.2 so that ids made within one millisecond by this
process still sort in the order they were made.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last = [0, 0]  # the last millisecond used and the 12-bit counter within it


def uuid7(now_ms: int | None = None) -> str:
    """A new UUIDv7 as 36-character text (lower case, sortable by creation time)."""
    with _lock:
        millis = int(time.time() * 1000) if now_ms is None else now_ms
        if millis <= _last[0]:  # same millisecond (or the clock stepped back): count on
            millis, counter = _last[0], _last[1] + 1
            if counter > 0xFFF:
                millis, counter = millis + 1, 0
        else:
            counter = int.from_bytes(os.urandom(2), "big") & 0x7FF  # room to count upwards
        _last[0], _last[1] = millis, counter
    return _compose(millis, counter)


def _compose(millis: int, counter: int) -> str:
    random_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (millis << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | random_b
    return str(uuid.UUID(int=value))


def uuid7_millis(text: str) -> int:
    """The Unix time in milliseconds at which a UUIDv7 was made."""
    return uuid.UUID(text).int >> 80


def new_project_id() -> str:
    return str(uuid.uuid4())


def uuid7_at(iso_time: str, sequence: int) -> str:
    """A UUIDv7 for an event recorded at `iso_time` (ISO 8601, UTC) before events had ids.

    Its clock is the event's own time and `sequence` (its place in the log) orders events of
    one millisecond, so old events keep their order; this process's clock is not touched."""
    import datetime as dt

    moment = dt.datetime.fromisoformat(iso_time.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return _compose(int(moment.timestamp() * 1000), sequence & 0xFFF)
