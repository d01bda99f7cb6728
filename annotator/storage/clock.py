"""Timestamps written with every change: UTC, milliseconds, ISO 8601."""

from __future__ import annotations

import datetime as dt


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
