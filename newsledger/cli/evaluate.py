"""`newsledger evaluate ...`: score the pipeline against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsledger.cli import app
from newsledger.cli.output import safe
from newsledger.evaluate.news import evaluate_news

evaluate_app = typer.Typer(help="Score the pipeline against gold annotation files.\n\nExample: newsledger evaluate quotes tests/gold/quotes/seed.json",
                           no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("news")
def evaluate_news_command(
    gold: Annotated[Path, typer.Argument(help="A gold.json in news-dev's format (texts beside it).")],
    details: Annotated[bool, typer.Option(
        help="Also list every wrong record and every missed gold event.")] = False,
) -> None:
    """Score events and quotes of the whole pipeline on an exhaustive news gold set.

    Prints JSON: event precision (real, typed, full), recall of typed events, records per
    found event, and quote precision, recall and speaker accuracy.

    Example: newsledger evaluate news ../shared/gold/news-dev/gold.json
    """
    scores = evaluate_news(gold)
    result = scores.to_dict(details=details)
    if details:
        for row in result.pop("details"):
            sys.stdout.write(safe(json.dumps(row, ensure_ascii=False), one_line=True) + "\n")
    sys.stdout.write(json.dumps(result, indent=1) + "\n")
