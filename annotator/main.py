"""Entry point: the CLI for commands, the desktop app when no command is given."""

from __future__ import annotations

import sys

from annotator.cli import build_parser, run


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
    from annotator.gui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
