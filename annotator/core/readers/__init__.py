"""Find source files and read each into article drafts, choosing the reader by file suffix.

Text files (.txt, .text, .md) that start with <DOC> are TREC-style news documents (trec.py),
as are .xml, .sgml and .trec files; other text files are plain text (plaintext.py).

Every failure is a ReadError naming the file, the line when there is one, and the reason.
A file is read whole before anything is returned, so a bad record fails the entire file
(the importer treats files atomically).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.boilerplate import Boilerplate, default_boilerplate
from annotator.core.encoding import decode_bytes
from annotator.core.model import ArticleDraft, ReadError
from annotator.core.readers.plaintext import plaintext_draft
from annotator.core.readers.tabular import field_names, read_records
from annotator.core.readers.trec import is_trec, read_trec, trec_drafts

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    field_map: dict[str, str] = field(default_factory=dict)  # our field -> the file's field
    boilerplate: Boilerplate | None = None  # None: the bundled resources/boilerplate.txt

    def __post_init__(self) -> None:
        field_names(self.field_map)  # reject unknown field names now, not file by file

    def boilerplate_list(self) -> Boilerplate:
        return self.boilerplate if self.boilerplate is not None else default_boilerplate()


Reader = Callable[[bytes, str, str, ReadOptions], list[ArticleDraft]]


def _text(data: bytes, path: str, suffix: str, options: ReadOptions) -> list[ArticleDraft]:
    decoded = decode_bytes(data, path=path)
    if is_trec(decoded.text):
        return trec_drafts(decoded, path, options.boilerplate_list())
    return [plaintext_draft(decoded, path, options.boilerplate_list())]


def _trec(data: bytes, path: str, suffix: str, options: ReadOptions) -> list[ArticleDraft]:
    return read_trec(data, path, options.boilerplate_list())


def _html(data: bytes, path: str, suffix: str, options: ReadOptions) -> list[ArticleDraft]:
    # Imported on first use: trafilatura costs ~180 ms to import, which app start-up need not pay.
    from annotator.core.readers.html import read_html

    return [read_html(data, path, options.boilerplate_list())]


def _records(data: bytes, path: str, suffix: str, options: ReadOptions) -> list[ArticleDraft]:
    return read_records(data, path, suffix, options.field_map, options.boilerplate_list())


def _parquet(data: bytes, path: str, suffix: str, options: ReadOptions) -> list[ArticleDraft]:
    # Imported on first use: pyarrow costs a noticeable start-up for everyone else.
    from annotator.core.readers.parquet import read_parquet

    return read_parquet(data, path, options.field_map, options.boilerplate_list())


READERS: dict[str, Reader] = {
    **dict.fromkeys((".txt", ".text", ".md"), _text),
    **dict.fromkeys((".html", ".htm", ".php", ".xhtml"), _html),
    **dict.fromkeys((".jsonl", ".ndjson", ".json", ".csv", ".tsv"), _records),
    **dict.fromkeys((".xml", ".sgml", ".trec"), _trec),
    ".parquet": _parquet,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)
_SUFFIX_ENDINGS = tuple(SUPPORTED_SUFFIXES)  # for str.endswith on a lower-cased name


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Skipped:
    """Something in a folder that was left out on purpose, and why."""

    path: Path
    reason: str


def iter_source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to import (see collect_source_files), without what was skipped."""
    yield from collect_source_files(paths)[0]


def collect_source_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files to import: named files as given, folders searched recursively; and what was
    left out of the folders that a person should hear about.

    Inside folders, hidden files and folders and unsupported suffixes are skipped and the
    files come sorted. Symbolic links never lead out of the folder: `ln -s /etc/passwd
    dir/passwd.txt` must not import /etc/passwd. A link to a file inside the folder is read
    (once, however many links lead to it); links to folders are not followed (what they
    point to inside the folder is searched anyway). Links that leave the folder and broken
    links are reported. A file named explicitly is taken even with an unsupported suffix (or
    when missing), so that read_file can tell the user why it was not imported.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for given in map(Path, paths):
        if given.is_dir():
            found = _files_in_folder(given, skipped)
        else:
            found = [(given, str(_real(given) or given.absolute()))]
        for path, key in found:
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, skipped


def _real(path: Path) -> Path | None:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, a broken link, or a loop of links
        return None


def _files_in_folder(folder: Path, skipped: list[Skipped]) -> list[tuple[Path, str]]:
    """(path, real path) of every file to import below `folder`, sorted by path.

    Only links cost a look at their target: no folder link is descended, so every other
    path's real path is the folder's own followed by the path below it (plain strings:
    a Path per file would cost more than the walk itself).
    """
    root, prefix = str(_real(folder) or folder.absolute()), len(str(folder))
    found: list[tuple[Path, str]] = []
    pending = [str(folder)]
    while pending:
        for entry in _entries(pending.pop(), skipped):
            if entry.is_symlink():
                target = _link_target(Path(entry.path), Path(root), skipped)
                if target is not None and target.is_file() and is_supported(Path(entry.path)):
                    found.append((Path(entry.path), str(target)))
            elif entry.is_dir():
                pending.append(entry.path)
            elif entry.is_file() and entry.name.lower().endswith(_SUFFIX_ENDINGS):
                found.append((Path(entry.path), root + entry.path[prefix:]))
    return sorted(found)


def _entries(folder: str, skipped: list[Skipped]) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return [e for e in entries if not e.name.startswith(".")]
    except OSError as error:
        reason = f"cannot read the folder: {error.strerror or error}"
        skipped.append(Skipped(Path(folder), reason))
        return []


def _link_target(path: Path, root: Path, skipped: list[Skipped]) -> Path | None:
    """Where a link inside the folder leads, if it stays inside; else None (reported when
    it would have mattered: a folder, or a file the readers know)."""
    target = _real(path)
    if target is None:
        if is_supported(path):
            skipped.append(Skipped(path, "a broken link (it leads nowhere)"))
        return None
    if target.is_relative_to(root):
        return target
    if target.is_dir() or is_supported(path):
        kind = "folder" if target.is_dir() else "file"
        skipped.append(Skipped(path, f"a link to a {kind} outside the folder ({target})"))
    return None


def read_file(path: str | Path, options: ReadOptions | None = None) -> list[ArticleDraft]:
    """Read one source file into drafts (one per article), or raise ReadError."""
    path, options = Path(path), options or ReadOptions()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = " ".join(sorted(SUPPORTED_SUFFIXES))
        raise ReadError(
            str(path), f"unsupported file type {path.suffix or '(none)'!r} (supported: {supported})"
        )
    return reader(_read_bytes(path, options.max_bytes), str(path), path.suffix.lower(), options)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would block or never end
            raise ReadError(str(path), "not a regular file")
        size = status.st_size
        if size > max_bytes:
            raise ReadError(
                str(path),
                f"file too large: {_megabytes(size)}, the limit is {_megabytes(max_bytes)}",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(str(path), f"cannot read the file: {error.strerror or error}") from None
    if not data.strip():
        raise ReadError(str(path), "empty file")
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
