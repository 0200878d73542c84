"""`newsledger events` (list events from the ledger) and `newsledger evaluate events`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from itertools import islice
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
    check_date,
    reading,
)
from newsledger.cli.output import json_text, safe
from newsledger.errors import NewsledgerError
from newsledger.evaluate.events import evaluate_events
from newsledger.ledger.query import COUNTS, DEFAULT_COUNT, EventFilter, counting, iter_events
from newsledger.records import MODALITIES, PLOVER_TYPES

out = Console()


def _check_count(value: str) -> str:
    """``--count``: incidents or reports, else a one-line usage error."""
    if value not in COUNTS:
        raise typer.BadParameter(f"{value!r}: choose incidents or reports")
    return value


@app.command("events")
def events(
    db: DbOption = DEFAULT_DB_PATH,
    source: Annotated[str | None, typer.Option(
        help="Part of the source's name or alias, an ISO3 country or an actor key.")] = None,
    target: Annotated[str | None, typer.Option(
        help="Part of the target's name or alias, an ISO3 country or an actor key.")] = None,
    actor: Annotated[str | None, typer.Option(help="Either side, matched like --source.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    modality: Annotated[str | None, typer.Option(
        help="asserted, negated, hypothetical, future or alleged.")] = None,
    since: Annotated[str | None, typer.Option(help="Event date on or after YYYY-MM-DD.",
                                              callback=check_date)] = None,
    until: Annotated[str | None, typer.Option(help="Event date on or before YYYY-MM-DD.",
                                              callback=check_date)] = None,
    limit: LimitOption = DEFAULT_LIMIT,
    count: Annotated[str, typer.Option(
        "--count", help="incidents: one row per real-world event (its earliest matching "
                        "report, with how many reports it has); reports: every event record.",
        callback=_check_count)] = DEFAULT_COUNT,
    as_json: JsonOption = False,
) -> None:
    """List events from the ledger, each with the words that support it.

    Same matching as the web filters: --source IRN gives the rows of /api/events?source=IRN.
    By default one row per incident (an incident matches when one of its reports does);
    --count reports lists every event record.

    Example: newsledger events --db ledger.db --source IRN --type ASSAULT --since 2024-04-01
    """
    etype = type.upper() if type else None
    if etype and etype not in PLOVER_TYPES:
        raise NewsledgerError(f"unknown event type {type!r}; one of " + ", ".join(PLOVER_TYPES))
    if modality and modality not in MODALITIES:
        raise NewsledgerError(f"unknown modality {modality!r}; one of " + ", ".join(MODALITIES))
    flt = EventFilter(source=source, target=target, actor=actor, type=etype, modality=modality,
                      date_from=since, date_to=until, count=count)
    with reading(db) as conn:
        counted = counting(conn, count).count
        found = iter_events(conn, flt)
        rows = (per_incident(found, limit) if counted == "incidents"
                else list(islice(found, limit)))
    if as_json:
        for row in rows:
            row.pop("evidence_parts", None)
            sys.stdout.write(json_text(row) + "\n")
        return
    table = Table(title=f"{len(rows)} {counted}")
    columns = ("incident", "reports") if counted == "incidents" else ()
    for col in (*columns, "date", "type", "modality", "source", "target", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        first = (r["incident"] or "-", str(r["reports"])) if counted == "incidents" else ()
        table.add_row(*(Text(safe(cell, one_line=True)) for cell in (  # untrusted: no escapes, no markup
            *first, r["date"] or "-", r["type"], r["modality"], r["source_name"] or "-",
            r["target_name"] or "-", (r["evidence"] or "")[:120])))
    out.print(table, markup=False, highlight=False)


def per_incident(found: Iterable[dict], limit: int | None) -> list[dict]:
    """One row per incident, in list order: its first matching report, with ``reports`` the
    number of its reports that match and ``date`` the incident's day (unlinked records are
    incidents of their own)."""
    out: dict[str, dict] = {}
    for n, row in enumerate(found):
        key = row.get("incident") or f"record {n}"
        if key in out:
            out[key]["reports"] += 1
        elif limit is None or len(out) < limit:
            out[key] = {**row, "reports": 1, "date": row["counted_day"]}
    return list(out.values())


@evaluate_app.command("events")
def evaluate_events_command(
    gold: Annotated[Path, typer.Argument(help="Gold file in the seed's format (gold.json).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the event stage against a gold file: type, source, target, date, modality.

    Example: newsledger evaluate events ../shared/seed/gold.json
    """
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
