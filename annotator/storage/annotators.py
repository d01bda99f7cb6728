"""The people who label, by name (names are checked in one place: core.names)."""

from __future__ import annotations

from annotator.core.names import checked_name
from annotator.storage.clock import utc_now
from annotator.storage.errors import StorageError, UnknownAnnotator
from annotator.storage.repository import Repository


class Annotators(Repository):
    def __init__(self, store):
        super().__init__(store)
        self._ids: dict[str, int] = {}

    def id_of(self, name: str) -> int | None:
        """The annotator's id, or None for a name the project has never seen (reads never
        add annotators)."""
        name = name.strip()
        if name not in self._ids:
            row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
            if row is None:
                return None
            self._ids[name] = row[0]
        return self._ids[name]

    def ensure(self, name: str) -> int:
        """The annotator's id, adding the name first if it is new (InvalidName if not sane)."""
        name = checked_name(name)
        known = self.id_of(name)
        if known is not None:
            return known
        with self.transaction():  # another window may be adding the same name at this moment
            self.conn.execute(
                "INSERT INTO annotators (name, created_at) VALUES (?, ?)"
                " ON CONFLICT (name) DO NOTHING",
                (name, utc_now()),
            )
        return self.id_of(name)

    def rename(self, old: str, new: str) -> None:
        """Give an annotator another name; their labels, notes and events follow (by id)."""
        new = checked_name(new)
        with self.transaction():
            if self.id_of(old) is None:
                raise UnknownAnnotator(f"no annotator named {old!r} in this project")
            if self.id_of(new) is not None:
                raise StorageError(f"there is already an annotator named {new!r}")
            self.conn.execute("UPDATE annotators SET name = ? WHERE name = ?", (new, old))
            self.conn.execute(
                "UPDATE project SET bound_annotator = ? WHERE bound_annotator = ?", (new, old)
            )
        self.forget()

    def forget(self) -> None:
        """Drop the remembered ids (a transaction that added names was rolled back)."""
        self._ids.clear()

    def names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM annotators ORDER BY id")]
