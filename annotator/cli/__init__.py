"""The `annotator` command line (no Qt): a thin layer of commands over the application layer."""

from annotator.cli.app import build_parser, run

__all__ = ["build_parser", "run"]
