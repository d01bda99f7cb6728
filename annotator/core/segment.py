"""Arabic sentence segmentation (placeholder interface; full implementation in progress)."""

from __future__ import annotations


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """Return (start, end) code-point spans of the sentences in one paragraph, trimmed."""
    raise NotImplementedError
