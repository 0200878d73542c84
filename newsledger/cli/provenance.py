"""provenance: link the ledger's news quotes to primary sources and list the links."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsledger.cli import app
from newsledger.cli.output import json_text, safe
from newsledger.errors import NewsledgerError
from newsledger.ledger import DEFAULT_DB, connect
from newsledger.provenance import link_ledger, list_links

err = Console(stderr=True)
out = Console(soft_wrap=True)


def _short(text: str, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(change: dict) -> str:
    op, quote, source = change.get("op"), change.get("quote"), change.get("source")
    if op == "dropped":
        return f"dropped '{source}'"
    if op == "added":
        return f"added '{quote}'" + (f" ({change['note']})" if change.get("note") else "")
    if op == "changed":
        return f"'{source}' -> '{quote}'"
    if op == "inserted":
        return f"editorial {quote}"
    if op == "spliced":
        return f"spliced: '{_short(quote, 50)}' comes from elsewhere in the source"
    return f"{op} {quote or ''} {source or ''}".strip()


@app.command(epilog="Example: newsledger provenance --db ledger.db --altered")
def provenance(
    db: Annotated[Path, typer.Option("--db", help="Ledger database (SQLite).")] = Path(DEFAULT_DB),
    altered: Annotated[bool, typer.Option(
        "--altered", help="Only quotes printed differently from their source.")] = False,
    verdict: Annotated[list[str] | None, typer.Option(
        "--verdict", help="Only these verdicts (verbatim, altered, paraphrase, none).")] = None,
    link: Annotated[bool, typer.Option(
        "--link/--no-link", help="First link the quotes that have no decision yet.")] = True,
    relink: Annotated[bool, typer.Option(
        "--relink", help="Take every decision again (after new sources were ingested).")] = False,
    window: Annotated[int, typer.Option(
        "--window", min=0, help="Days before publication a source may date from.")] = 14,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker name contains.")] = None,
    document: Annotated[str | None, typer.Option(
        "--document", help="News document id (or its first characters).")] = None,
    show_none: Annotated[bool, typer.Option(
        "--all", help="Also list quotes with no source found.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most links to list.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per link.")] = False,
) -> None:
    """Trace news quotes to what officials actually said: verbatim, altered, paraphrase.

    Example: newsledger provenance --db ledger.db --altered
    """
    # linking writes to the ledger, but only to one that exists: a typo never makes a new one
    conn = connect(db, create=False) if link or relink else connect(db, readonly=True)
    if link or relink:
        report = link_ledger(conn, window_days=window, relink=relink)
        err.print(report.summary(), markup=False, highlight=False)
    verdicts = list(verdict or [])
    if altered:
        verdicts.append("altered")
    try:
        links = list_links(conn, verdicts=verdicts or None, speaker=speaker,
                           document=document, include_none=show_none, limit=limit)
    except sqlite3.OperationalError as e:
        raise NewsledgerError(f"{db}: no provenance links yet ({e}); run"
                              " `newsledger provenance` without --no-link first") from None
    for item in links:
        if as_json:
            sys.stdout.write(json_text({k: v for k, v in item.items() if k != "alignment"})
                             + "\n")
            continue
        out.print(safe(f"#{item['id']} {item['verdict'].upper()} ({item['score']:.2f})"
                       f"  {item['speaker_name'] or '?'} ({item['quote_type']} quote)",
                       one_line=True), markup=False, highlight=False)
        out.print(safe(f"  “{_short(item['quote_text'])}”", one_line=True), markup=False,
                  highlight=False)
        if item["source_document_id"]:
            via = f", relayed by {item['relayed_by']}" if item["relayed_by"] else ""
            out.print(safe(f"  source: {item['source_title'] or item['source_path']}"
                           f" ({item['source_date']}; {item['source_speaker']}{via})",
                           one_line=True), markup=False, highlight=False)
        for change in item["changes"]:
            out.print(safe(f"    - {_describe(change)}", one_line=True), markup=False,
                      highlight=False)
    if not links and not as_json:
        err.print("no links to show", highlight=False)
