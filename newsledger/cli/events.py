"""`newsledger events` (list events from the ledger) and `newsledger evaluate events`."""

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
from newsledger.cli.output import json_text, safe
from newsledger.ledger import DEFAULT_DB, connect

out = Console()


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from e


@app.command("events")
def events(
    db: Annotated[Path, typer.Option("--db", help="Ledger database (SQLite).")] = Path(DEFAULT_DB),
    source: Annotated[str | None, typer.Option(help="Source name (part of it) or ISO3 country.")] = None,
    target: Annotated[str | None, typer.Option(help="Target name (part of it) or ISO3 country.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    modality: Annotated[str | None, typer.Option(
        help="asserted, negated, hypothetical, future or alleged.")] = None,
    since: Annotated[str | None, typer.Option(help="Event date on or after YYYY-MM-DD.",
                                              callback=_date)] = None,
    until: Annotated[str | None, typer.Option(help="Event date on or before YYYY-MM-DD.",
                                              callback=_date)] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List events from the ledger, each with the words that support it.

    Example: newsledger events --db ledger.db --source IRN --type ASSAULT --since 2024-04-01
    """
    from newsledger.ledger.event_query import EventFilter, query_events

    conn = connect(db, readonly=True)
    rows = query_events(conn, EventFilter(source=source, target=target, type=type,
                                          modality=modality, since=since, until=until,
                                          limit=limit))
    if as_json:
        for row in rows:
            sys.stdout.write(json_text(row) + "\n")
        return
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "type", "modality", "source", "target", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(Text(safe(cell, one_line=True)) for cell in (  # untrusted: no escapes, no markup
            r["date_value"] or "-", r["type"], r["modality"], r["source_name"] or "-",
            r["target_name"] or "-", (r["evidence"] or "")[:120])))
    out.print(table)


@evaluate_app.command("events")
def evaluate_events_command(
    gold: Annotated[Path, typer.Argument(help="Gold file in the seed's format (gold.json).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the event stage against a gold file: type, source, target, date, modality.

    Example: newsledger evaluate events ../shared/seed/gold.json
    """
    from newsledger.evaluate.events import evaluate_events

    scores = evaluate_events(gold)
    data = scores.to_dict()
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"events: {gold}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key in ("gold", "predicted", "matched", "full", "type_ok", "source_ok", "target_ok",
                "modality_ok", "dates_ok", "dates_given", "forbidden"):
        table.add_row(key, str(data[key]))
    out.print(table)
    for d in data["details"]:
        out.print(json.dumps(d, ensure_ascii=False), markup=False, highlight=False)
