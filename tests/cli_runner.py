"""The command line run in-process, as the tests drive it."""

from __future__ import annotations

from annotator.main import main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """`annotator ARGS...`: the exit code and what it printed (stdout, stderr)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
