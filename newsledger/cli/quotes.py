"""`newsledger quotes` (list quotations from the ledger) and `newsledger evaluate quotes`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsledger.cli import app
from newsledger.cli.evaluate import evaluate_app
from newsledger.cli.options import (
    DEFAULT_DB_PATH,
    DEFAULT_LIMIT,
    DbOption,
    JsonOption,
    LimitOption,
    reading,
)
from newsledger.cli.output import json_text, safe
from newsledger.errors import NewsledgerError
from newsledger.evaluate.quotes import evaluate_quotes
from newsledger.ledger.query import QUOTE_TYPE_CHOICES, QuoteFilter, iter_quotes

out = Console()


def _speaker_label(row: dict) -> str:
    name = row["speaker_name"]
    if not name:
        return "(unattributed)"
    if row["speaker_kind"] == "anonymous":
        return f"{name} (anonymous)"
    return name


@app.command("quotes")
def quotes(
    db: DbOption = DEFAULT_DB_PATH,
    speaker: Annotated[str | None, typer.Option(
        help="Part of the speaker's name or of one of its aliases (any case).")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quote contains.")] = None,
    type: Annotated[str | None, typer.Option(
        "--type", help="direct, mixed, indirect or statement (statements are left out "
                       "unless asked for).")] = None,
    include_statements: Annotated[bool, typer.Option(
        "--include-statements", help="List issuers' own statements too.")] = False,
    limit: LimitOption = DEFAULT_LIMIT,
    as_json: JsonOption = False,
) -> None:
    """List quotations from the ledger with their speaker and document.

    Example: newsledger quotes --db ledger.db --speaker kirby --search ironclad
    """
    if type is not None and type not in QUOTE_TYPE_CHOICES:
        raise NewsledgerError(f"--type {type!r}: one of {', '.join(QUOTE_TYPE_CHOICES)}")
    flt = QuoteFilter(speaker=speaker, q=search, type=type,
                      include_statements=include_statements)
    with reading(db) as conn:
        rows = list(iter_quotes(conn, flt, limit=limit))
    if as_json:
        for row in rows:
            sys.stdout.write(json_text(row) + "\n")
        return
    if not rows:
        out.print("no quotes match", highlight=False)
        return
    table = Table(show_lines=False)
    for column in ("speaker", "type", "quote", "document", "date"):
        table.add_column(column, overflow="fold")
    for row in rows:
        text = " ".join(row["text"].split())
        table.add_row(*(Text(safe(cell, one_line=True)) for cell in (  # untrusted: no escapes, no markup
            _speaker_label(row), row["type"], text if len(text) <= 160 else text[:157] + "...",
            row["document_title"] or row["document_source"], row["published_date"] or "")))
    out.print(table, markup=False, highlight=False)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@evaluate_app.command("quotes")
def evaluate_quotes_command(
    gold: Annotated[Path, typer.Argument(help="A gold file in the seed's format, or a folder of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    stage_only: Annotated[bool, typer.Option(
        "--stage-only", help="Score the quotation stage alone (no transcript turns merged).")] = False,
    details: Annotated[bool, typer.Option(help="List misses, wrong speakers, extra quotes.")] = False,
) -> None:
    """Score quotations: precision, recall and speaker accuracy per type (direct, mixed, indirect).

    Example: newsledger evaluate quotes tests/gold/quotes --stage-only --details
    """
    scores = evaluate_quotes(gold, stage_only=stage_only)
    if as_json:
        sys.stdout.write(json.dumps(scores.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"quotes: {len(scores.files)} gold file(s)")
    for column in ("type", "gold", "found", "recall", "predicted", "precision", "speaker acc."):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*scores.by_type.items(), ("overall", scores.overall)]
    for name, s in rows:
        table.add_row(name, str(s.gold), str(s.found), _fmt(s.recall), str(s.predicted),
                      _fmt(s.precision), _fmt(s.attribution))
    out.print(table)
    if scores.not_quote_hits:
        out.print(f"not-quotes predicted as quotes: {scores.not_quote_hits}", markup=False,
                  highlight=False)
    if details:
        for d in scores.details:
            out.print(json.dumps(d, ensure_ascii=False), markup=False, highlight=False)
