"""`newsledger evaluate ...`: score the pipeline against gold files in the seed's format."""

from __future__ import annotations

import typer

from newsledger.cli import app

evaluate_app = typer.Typer(help="Score the pipeline against gold annotation files.\n\nExample: newsledger evaluate quotes tests/gold/quotes/seed.json",
                           no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
