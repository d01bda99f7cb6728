"""Merging returned packages (or another copy of the project) into a lead's project.

Each package is checked first and merged whole or not at all; what it brought is reported
per annotator. Refused, with nothing written: a package of another project, a damaged file,
one from a newer Annotator, themes the lead's project lacks, and one annotator name coming
from two computers.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from annotator.storage.database import copy_project
from annotator.storage.errors import StorageError
from annotator.storage.store import Store
from annotator.storage.transfer import TransferCounts


class MergeRefused(StorageError):
    """A package that cannot be merged, and why (nothing was written)."""


@dataclass
class MergeReport:
    source: Path
    annotator: str  # the package's annotator ('' for a whole project)
    counts: TransferCounts = field(default_factory=TransferCounts)

    def as_json(self) -> dict:
        c = self.counts
        return {
            "source": self.source.name,
            "annotator": self.annotator,
            "events": c.events,
            "articles": c.articles,
            "added": c.added,
            "updated": c.updated,
            "unchanged": c.unchanged,
            "conflicts": c.conflicts,
        }


def merge_project(lead: Store, source: Path) -> MergeReport:
    """Bring a package's (or a project copy's) work into `lead`, atomically."""
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as folder:
        copy = Path(folder) / "incoming.annotator"
        copy_project(Path(source), copy)  # migrated there, never in the package itself
        with Store(copy, device=lead.device) as other:
            annotator = _check(lead, other, Path(source))
        return _merge(lead, copy, Path(source), annotator)


def _check(lead: Store, other: Store, source: Path) -> str:
    if other.check_integrity():
        raise MergeRefused(f"{source.name} is damaged ({other.damage}); nothing was merged")
    mine, theirs = lead.project.info(), other.project.info()
    if mine.id != theirs.id:
        raise MergeRefused(
            f"{source.name} belongs to another project (id {theirs.id}, this project is"
            f" {mine.id}); nothing was merged"
        )
    _check_themes(lead, other, source)
    _check_devices(lead, other, source)
    return theirs.bound_annotator or ""


def _check_themes(lead: Store, other: Store, source: Path) -> None:
    known = {t.key for t in lead.themes.list(include_retired=True)}
    missing = sorted(other.events.themes_used() - known)
    if missing:
        raise MergeRefused(
            f"{source.name} uses themes this project does not have: {', '.join(missing)}."
            " Add them (annotator themes add) and merge again; nothing was merged"
        )


def _check_devices(lead: Store, other: Store, source: Path) -> None:
    here = lead.team.devices()
    for name, devices in other.team.devices().items():
        known = here.get(name, set())
        new = devices - known
        if new and len(known | devices) > 1:  # a name the project has from another computer
            other_device = sorted((known | devices) - {sorted(new)[0]})[0]
            raise MergeRefused(
                f"{source.name}: the annotator name {name!r} comes from two computers"
                f" (device {sorted(new)[0][:8]} in this package, {other_device[:8]} already"
                " known). If they are two people, rename one in the package:"
                f" annotator --db {source} annotators rename {name!r} NEW-NAME;"
                " nothing was merged"
            )


def _merge(lead: Store, copy: Path, source: Path, annotator: str) -> MergeReport:
    report = MergeReport(source, annotator)
    counts = report.counts
    with lead.transfer.attached(copy), lead.transaction():
        if not annotator:  # a whole project: articles this one lacks come too
            counts.articles = lead.transfer.copy_articles()
        counts.events, counts.conflicts = lead.transfer.copy_events()
        lead.transfer.recompute(counts)
        lead.team.record_merge(source.name, annotator, counts)
    return report
