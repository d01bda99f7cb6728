"""Names shown to people: annotator names checked in one place, file names made safe to print.

Annotator names are saved with every label, printed in reports and exported as field names,
so one place decides what a name may be, for the store, the command line, the window's name
dialog and imported datasets alike. File names come from the disk and may hold anything,
even a line break: printed raw, `evil\\n  good.txt: imported` would fake a line of a report.
"""

from __future__ import annotations

import enum
import re

from annotator.core.sanitize import UNWANTED

MAX_NAME_CHARS = 64
# Besides what never belongs in text: tabs, line breaks and separators, and the bidi
# embedding, override and isolate controls, which could make a name read as another.
_NOT_IN_NAMES = re.compile(f"{UNWANTED.pattern}|[\t\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class NameProblem(enum.Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL = "control"


class InvalidName(ValueError):
    """An annotator name that cannot be used, with the reason."""

    def __init__(self, problem: NameProblem, name: str):
        self.problem = problem
        super().__init__(describe(problem, name))


def name_problem(name: str) -> NameProblem | None:
    """Why `name` (spaces around it aside) cannot be an annotator's name; None if it can."""
    name = name.strip()
    if not name:
        return NameProblem.EMPTY
    if len(name) > MAX_NAME_CHARS:
        return NameProblem.TOO_LONG
    if _NOT_IN_NAMES.search(name):
        return NameProblem.CONTROL
    return None


def describe(problem: NameProblem, name: str) -> str:
    if problem is NameProblem.EMPTY:
        return "an annotator needs a name"
    if problem is NameProblem.TOO_LONG:
        return (
            f"an annotator name has at most {MAX_NAME_CHARS} characters "
            f"(this one has {len(name.strip()):,})"
        )
    return "an annotator name cannot hold control characters, line breaks or direction marks"


def checked_name(name: str) -> str:
    """The name without the spaces around it; InvalidName if it cannot be used."""
    problem = name_problem(name)
    if problem is not None:
        raise InvalidName(problem, name)
    return name.strip()


def printable_path(path: object) -> str:
    """A file name or path as it can be printed on one line of a report: as it is when it
    holds only printable characters, else quoted with its line breaks, controls and
    direction marks escaped (Python's repr does exactly that)."""
    text = str(path)
    return text if text.isprintable() else repr(text)
