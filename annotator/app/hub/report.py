"""What a sync moved, for the command line (text or JSON) and the window's status bar."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.storage.transfer import TransferCounts


@dataclass
class Moved:
    themes: int = 0
    articles: int = 0
    assignments: int = 0
    events: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.themes or self.articles or self.assignments or self.events)


@dataclass
class SyncReport:
    login: str = ""
    role: str = ""
    sent: Moved = field(default_factory=Moved)
    received: Moved = field(default_factory=Moved)
    counts: TransferCounts = field(default_factory=TransferCounts)  # what received events did
    kept_local: int = 0  # events under another name than this copy's (a member's copy)
    refused: list[str] = field(default_factory=list)  # events whose unit differs on one side
    started_again: str = ""  # why the cursors were reset, if they were
    seconds: float = 0.0

    def as_json(self) -> dict:
        c = self.counts
        return {
            "login": self.login,
            "role": self.role,
            "sent": vars(self.sent),
            "received": vars(self.received),
            "labels": {"added": c.added, "updated": c.updated, "unchanged": c.unchanged},
            "kept_local": self.kept_local,
            "refused": self.refused,
            "started_again": self.started_again,
            "seconds": round(self.seconds, 3),
        }

    def lines(self) -> list[str]:
        """The report as a person reads it."""
        out = [f"Synced as {self.login} ({self.role}) in {self.seconds:.2f} s."]
        if self.started_again:
            out.append(f"Checked everything again: {self.started_again}.")
        out.append(_moved("Sent", self.sent))
        out.append(_moved("Received", self.received))
        for name in sorted(set(self.counts.added) | set(self.counts.updated)):
            added, updated = self.counts.added.get(name, 0), self.counts.updated.get(name, 0)
            out.append(f"  {name}: {added} sentences labelled, {updated} changed")
        if self.kept_local:
            out.append(
                f"{self.kept_local} changes under another name than this copy's stay in this"
                " project only (the server takes only your own)."
            )
        for problem in self.refused[:10]:
            out.append(f"Not synced: {problem}")
        return out


def _moved(verb: str, moved: Moved) -> str:
    if not moved.anything:
        return f"{verb}: nothing new."
    parts = [
        f"{moved.events:,} changes" if moved.events else "",
        f"{moved.articles:,} articles" if moved.articles else "",
        f"{moved.assignments:,} assignments" if moved.assignments else "",
        f"{moved.themes:,} themes" if moved.themes else "",
    ]
    return f"{verb}: {', '.join(p for p in parts if p)}."


def add_counts(total: TransferCounts, part: TransferCounts) -> None:
    total.events += part.events
    for mine, theirs in ((total.added, part.added), (total.updated, part.updated),
                         (total.unchanged, part.unchanged)):  # fmt: skip
        for name, n in theirs.items():
            mine[name] = mine.get(name, 0) + n
    total.conflicts += part.conflicts
