"""`newsledger incidents`: list incidents (one real event, every report of it), show one with
its reports side by side, or link the events no incident holds yet."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsledger.cli import app
from newsledger.cli.evaluate import evaluate_app
from newsledger.cli.options import check_date
from newsledger.cli.output import safe
from newsledger.errors import NewsledgerError
from newsledger.incidents import link_new
from newsledger.incidents.evaluate import score_records
from newsledger.ledger import DEFAULT_DB, connect, load_analysis
from newsledger.ledger.incident_query import IncidentFilter, get_incident, list_incidents
from newsledger.ledger.store import iter_document_ids

out = Console()



def _print(text: object, **kwargs: object) -> None:
    out.print(safe(text), markup=False, highlight=False, **kwargs)


@app.command("incidents")
def incidents(
    incident: Annotated[str | None, typer.Argument(
        help="Show this incident (e.g. i42) with every report of it.")] = None,
    db: Annotated[Path, typer.Option("--db", help="Ledger database (SQLite).")] = Path(DEFAULT_DB),
    link: Annotated[bool, typer.Option(
        "--link", help="First link every event no incident holds yet (ingest does this).")] = False,
    source: Annotated[str | None, typer.Option(help="Source name (part of it) or ISO3.")] = None,
    target: Annotated[str | None, typer.Option(help="Target name (part of it) or ISO3.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    since: Annotated[str | None, typer.Option(help="Dated on or after YYYY-MM-DD.",
                                              callback=check_date)] = None,
    until: Annotated[str | None, typer.Option(help="Dated on or before YYYY-MM-DD.",
                                              callback=check_date)] = None,
    disputed: Annotated[bool, typer.Option(
        "--disputed", help="Only incidents whose reports disagree.")] = False,
    min_documents: Annotated[int, typer.Option(
        "--min-documents", min=1, help="Reported by at least this many documents.")] = 1,
    limit: Annotated[int, typer.Option(min=0, help="At most this many rows.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List incidents: each real event once, with how many documents report it and where
    the reports disagree.

    Example: newsledger incidents --db ledger.db --source IRN --type ASSAULT --min-documents 2
    """
    if link:
        conn = connect(db)
        try:
            result = link_new(conn)
        finally:
            conn.close()
        print(f"linked {result.linked} events: {result.attached} joined incidents,"
              f" {result.created} new incidents", file=sys.stderr)
    conn = connect(db, readonly=True)
    try:
        if incident is not None:
            _show(conn, incident, as_json)
            return
        rows = list_incidents(conn, IncidentFilter(
            source=source, target=target, type=type, since=since, until=until,
            disputed=True if disputed else None, min_documents=min_documents, limit=limit))
    finally:
        conn.close()
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} incidents")
    for col in ("id", "date", "type", "modality", "source", "target", "docs", "reports",
                "disputed", "what"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["incident"], safe(r["date_value"] or "-"), r["type"], r["modality"],
                      safe(r["source_name"] or "-"), safe(r["target_name"] or "-"),
                      str(r["documents"]), str(r["mentions"]),
                      ", ".join(d["kind"] for d in r["disputes"]) or "-", safe(r["label"] or ""))
    out.print(table)


def _show(conn, ref: str, as_json: bool) -> None:
    record = get_incident(conn, ref)
    if record is None:
        raise NewsledgerError(f"no incident {ref} in this ledger")
    if as_json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    _print(f"{record['incident']}  {record['type']} ({record['modality']})"
           f"  {record['source_name'] or '?'} -> {record['target_name'] or '?'}")
    _print(f"date: {record['date_value'] or 'unknown'} ({record['date_precision'] or '-'},"
           f" from {record['date_basis'] or '-'})  place: {record['location_name'] or '-'}")
    _print(f"reported {record['first_report'] or '?'} .. {record['last_report'] or '?'} by"
           f" {record['documents']} documents, {record['mentions']} mentions")
    for q in record["quantities"]:
        span = f"{q['min']:g}" if q["min"] == q["max"] else f"{q['min']:g}-{q['max']:g}"
        _print(f"  {q['role']}: {span if q['min'] is not None else '?'} {q['unit'] or ''}"
               f"{' (approx.)' if q['approximate'] else ''}")
    for d in record["disputes"]:
        _print(f"  DISPUTED {d['kind']}: {d['detail']} (event rows {d['events']})")
    for r in record["reports"]:
        _print(f"- {r['published_date'] or '?'} {r['document_title'] or r['document_source']}"
               f" [{r['local_id']}, {r['modality']}, {r['date_value'] or '-'}]")
        _print(f"    {' '.join((r['evidence'] or '').split())[:300]}")


@evaluate_app.command("incidents")
def evaluate_incidents_command(
    gold: Annotated[Path, typer.Argument(
        help="gold.json of an event-coreference set (texts/ beside it).")],
    db: Annotated[Path, typer.Option("--db", help="Ledger holding those texts.")] = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the ledger's incidents against event-coreference gold: B-cubed and pairwise
    P/R/F1 over the gold mentions the pipeline found.

    Example: newsledger ingest ../shared/gold/event-coref-dev/texts --db ecb.db &&
    newsledger evaluate incidents ../shared/gold/event-coref-dev/gold.json --db ecb.db
    """
    conn = connect(db, readonly=True)
    try:
        records = [load_analysis(conn, doc_id).to_dict() for doc_id in iter_document_ids(conn)]
    finally:
        conn.close()
    scores = score_records(records, gold)
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
        return
    table = Table(title=f"incidents: {safe(gold)}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in scores.items():
        table.add_row(key, " / ".join(map(str, value)) if isinstance(value, list) else str(value))
    out.print(table)
