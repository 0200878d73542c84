"""The command line: each command parses its options and calls one library function."""

from __future__ import annotations

import sys

import typer

from newsledger.errors import NewsledgerError

app = typer.Typer(
    name="newsledger",
    help="Turn news and official statements into a verifiable ledger of events and quotations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register themselves on ``app`` when imported.
from newsledger.cli import core, evaluate, events, incidents, provenance, quotes, serve  # noqa: E402,F401


def main() -> None:
    try:
        app()
    except NewsledgerError as e:
        print(f"newsledger: {e}", file=sys.stderr)
        sys.exit(1)
