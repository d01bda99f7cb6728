"""Subcommands of the `annotator` CLI; each module has register(subparsers)."""
