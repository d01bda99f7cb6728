"""Entry point: the CLI for commands, the desktop app when no command is given."""

from __future__ import annotations

import contextlib
import os
import sys


def _no_display() -> bool:
    """Qt aborts without a display on Linux; say so plainly instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def interrupted() -> None:
    """Ctrl-C: one line, exit code 130, and nothing else runs.

    The command's own clean-up has run by now (transactions rolled back, import workers
    stopped). Leaving with os._exit skips the interpreter's shutdown, where a second
    KeyboardInterrupt or a pool thread could still turn one line into a traceback or a hang.
    """
    print("annotator: interrupted", file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(130)


def main(argv: list[str] | None = None) -> int:
    try:
        from annotator.cli import build_parser, run

        args = build_parser().parse_args(argv)
        if args.command is not None:
            return run(args)
    except KeyboardInterrupt:  # while the modules load, or during a command
        interrupted()
    if _no_display():
        print(
            "annotator: no display found. Run it in a desktop session, under `xvfb-run -a`, "
            "or use a command (see `annotator --help`).",
            file=sys.stderr,
        )
        return 2
    from annotator.gui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
