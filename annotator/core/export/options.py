"""Export options and their checks: every mistake is reported before anything is written."""

from __future__ import annotations

import math
import re
import shlex
import tempfile
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("jsonl", "csv", "parquet")
RESOLVE_RULES = ("majority", "unanimous", "any", "adjudicated")
SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}
EXTENSION = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet"}
DEFAULT_SPLIT = "train=0.8,dev=0.1,test=0.1"
_SPLIT_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")


class ExportError(Exception):
    """An export that cannot run as asked; the message says what to change."""


class ExportCancelled(ExportError):
    """The user cancelled; temporary files were removed and nothing else was written."""


@dataclass(frozen=True)
class Split:
    name: str
    fraction: float


def parse_splits(text: str) -> tuple[Split, ...]:
    """'train=0.8,dev=0.1,test=0.1' -> splits; names unique, fractions positive, summing to 1."""
    splits = tuple(_parse_split(part.strip()) for part in text.split(",") if part.strip())
    if not splits:
        raise ExportError("--split needs NAME=FRACTION pairs, e.g. " + DEFAULT_SPLIT)
    names = [s.name for s in splits]
    if len(set(names)) != len(names):
        raise ExportError(f"split names must differ: {', '.join(names)}")
    total = sum(s.fraction for s in splits)
    if not math.isclose(total, 1.0, abs_tol=1e-6):
        raise ExportError(f"split fractions must add up to 1, these add up to {total:g}")
    return splits


def _parse_split(part: str) -> Split:
    name, sep, value = part.partition("=")
    name = name.strip()
    if not sep or not _SPLIT_NAME.match(name):
        raise ExportError(
            f"bad split {part!r}: use NAME=FRACTION with a name of ASCII letters, digits or _"
        )
    try:
        fraction = float(value)
    except ValueError:
        raise ExportError(f"bad split {part!r}: {value.strip()!r} is not a number") from None
    if not 0 < fraction <= 1 or not math.isfinite(fraction):
        raise ExportError(f"bad split {part!r}: the fraction must be above 0 and at most 1")
    return Split(name, fraction)


def format_for(path: Path) -> str | None:
    """The format a file name asks for (data.parquet -> parquet), if any."""
    return SUFFIXES.get(path.suffix.lower())


@dataclass(frozen=True)
class ExportOptions:
    format: str
    out: Path
    annotator: str | None = None  # one annotator's labels; None: resolve across annotators
    resolve: str = "majority"
    only_done: bool = False
    splits: tuple[Split, ...] = ()
    seed: int = 0
    command: str = ""  # how the export was asked for, quoted in the dataset card
    with_suggestions: bool = False  # add `suggested` and `scores` (core.export.suggested)

    def validate(self, annotators: list[str]) -> None:
        """Raise ExportError for anything that would make the export fail or surprise."""
        if self.format not in FORMATS:
            raise ExportError(f"unknown format {self.format!r}; use one of {', '.join(FORMATS)}")
        if self.resolve not in RESOLVE_RULES:
            raise ExportError(
                f"unknown rule {self.resolve!r}; use one of {', '.join(RESOLVE_RULES)}"
            )
        if self.annotator is not None and self.annotator not in annotators:
            known = ", ".join(annotators) or "none yet"
            raise ExportError(f"no annotator named {self.annotator!r} (annotators: {known})")
        _check_destination(self)

    def split_names(self) -> list[str | None]:
        return [s.name for s in self.splits] if self.splits else [None]

    def data_path(self, split: str | None) -> Path:
        """Where one split's records go (the --out file itself when there are no splits)."""
        return self.out / f"{split}{EXTENSION[self.format]}" if split else self.out

    def folder(self) -> Path:
        return self.out if self.splits else self.out.parent


def _check_destination(options: ExportOptions) -> None:
    out = options.out
    if options.splits:
        if out.exists() and not out.is_dir():
            raise ExportError(f"--out {out} is a file; with --split it must be a folder")
    else:
        if out.is_dir():
            raise ExportError(f"--out {out} is a folder; give a file name such as data.jsonl")
        wanted = format_for(out)
        if wanted and wanted != options.format:
            raise ExportError(
                f"--out {out.name} looks like {wanted}, but the format is {options.format}"
            )
    _check_writable(options.folder())


def _check_writable(folder: Path) -> None:
    """The folder, or the nearest one above it that exists, must accept new files."""
    existing = folder
    while not existing.exists():
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        raise ExportError(f"cannot write into {folder}: {existing} is not a folder")
    try:  # a real try (then gone at once): permissions, read-only disks, even for root
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write into {folder}: {reason.lower()}") from None


def command_line(options: ExportOptions, db: Path) -> str:
    """The `annotator export` command that repeats this export, for the dataset card.

    Names only, run from the folder that holds the export: a card travels with its dataset,
    and must not carry the folders of the lead's computer.
    """
    args = ["annotator", "export", "--db", db.name, "--format", options.format]
    args += ["--out", options.out.name]
    if options.annotator is not None:
        args += ["--annotator", options.annotator]
    else:
        args += ["--resolve", options.resolve]
    if options.only_done:
        args.append("--only-done")
    if options.with_suggestions:
        args.append("--with-suggestions")
    if options.splits:
        args += ["--split", ",".join(f"{s.name}={s.fraction:g}" for s in options.splits)]
        args += ["--seed", str(options.seed)]
    return shlex.join(args)
