"""What the project says about itself: its stable id, a package's bound annotator and locked
theme scheme, and the lead's guidelines."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.repository import Repository


@dataclass(frozen=True)
class ProjectInfo:
    id: str  # the same in a lead's project and in every package made from it
    created_at: str
    bound_annotator: str | None  # a package: whose labels these are (no question asked)
    scheme_locked: bool  # a package: the theme scheme is the lead's, read-only here
    guidelines: str  # Markdown, written by the lead

    @property
    def is_package(self) -> bool:
        return self.bound_annotator is not None


class Project(Repository):
    def info(self) -> ProjectInfo:
        row = self.conn.execute(
            "SELECT id, created_at, bound_annotator, scheme_locked, guidelines FROM project"
        ).fetchone()
        return ProjectInfo(row[0], row[1], row[2], bool(row[3]), row[4])

    def set_guidelines(self, text: str) -> None:
        with self.transaction():
            self.conn.execute("UPDATE project SET guidelines = ?", (text,))

    def make_package(self, project_id: str, annotator: str) -> None:
        """Turn this (new) project into a package of `project_id` bound to `annotator`."""
        with self.transaction():
            self.conn.execute(
                "UPDATE project SET id = ?, bound_annotator = ?, scheme_locked = 1",
                (project_id, annotator),
            )
