"""Krippendorff's guide to reading alpha (Krippendorff, Content Analysis, 2nd ed., 2004).

Rely on themes with alpha >= 0.800; consider themes with 0.667 <= alpha < 0.800 only for
tentative conclusions; below 0.667 the theme's labels are not reliable enough to use. The
bands are data so that the window, the card and the command line say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reading(StrEnum):
    RELIABLE = "reliable"
    TENTATIVE = "tentative"
    UNRELIABLE = "unreliable"


@dataclass(frozen=True)
class ReadingBand:
    reading: Reading
    minimum: float | None  # inclusive; None: no lower bound
    below: float | None  # exclusive upper bound; None: no upper bound
    meaning: str  # English; the GUI translates by `reading`


READING_GUIDE: tuple[ReadingBand, ...] = (
    ReadingBand(Reading.RELIABLE, 0.8, None, "reliable: conclusions can be drawn"),
    ReadingBand(Reading.TENTATIVE, 0.667, 0.8, "tentative conclusions only"),
    ReadingBand(Reading.UNRELIABLE, None, 0.667, "not reliable"),
)


def read_alpha(value: float | None) -> Reading | None:
    """Which band of the guide a value falls in; None for an undefined value."""
    if value is None or value != value:  # NaN never gets a reading
        return None
    for band in READING_GUIDE:
        if (band.minimum is None or value >= band.minimum) and (
            band.below is None or value < band.below
        ):
            return band.reading
    raise AssertionError("the bands cover every number")  # pragma: no cover
