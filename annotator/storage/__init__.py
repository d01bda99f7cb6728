"""The storage layer: every SQL statement and migration lives here (no Qt)."""

from __future__ import annotations

import sys


def _import_sqlite_utils_lean() -> None:
    """Import sqlite-utils without pandas and numpy.

    sqlite-utils imports both whenever they are installed (0.35 s, a quarter of the app's
    start-up budget) only to map their value types, which Annotator never inserts. They stay
    importable afterwards for whoever needs them (tests load exports with pandas).
    """
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes `import name` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


_import_sqlite_utils_lean()
