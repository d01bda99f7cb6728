"""Entry point: the CLI for commands, the desktop app when no command is given."""

from __future__ import annotations

import os
import sys


def _no_display() -> bool:
    """Qt aborts without a display on Linux; say so plainly instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    try:  # Ctrl-C while the modules load gets the same one line as Ctrl-C later
        from annotator.cli import build_parser, run
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
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
