"""Files written under temporary names and renamed at the end, so no dataset is ever half there.

Cancel, an error or a crashed process leaves at most hidden `.NAME.part-XXXX` files (removed
when the export stops normally); the final names appear only once every file is complete.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


class OutputFiles:
    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []  # (temporary, final)
        self._created: list[Path] = []  # folders made for this export, deepest last

    def reserve(self, final: Path) -> Path:
        """A temporary path in the final folder (same filesystem, so the rename is atomic)."""
        self._make_folder(final.parent)
        temporary = final.with_name(f".{final.name}.part-{secrets.token_hex(4)}")
        self._pending.append((temporary, final))
        return temporary

    def _make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self._created.append(path)

    def commit(self) -> list[Path]:
        """Move every file to its final name; returns the final paths."""
        for temporary, final in self._pending:
            os.replace(temporary, final)
        finals = [final for _, final in self._pending]
        self._pending, self._created = [], []
        return finals

    def discard(self) -> None:
        """Remove the temporary files and any folder this export created."""
        for temporary, _ in self._pending:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._pending, self._created = [], []
