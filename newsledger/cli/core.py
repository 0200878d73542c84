"""analyze, ingest, stats, export: documents in, ledger out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsledger.cli import EXIT_SOME_REFUSED, app
from newsledger.cli.options import check_date
from newsledger.cli.output import json_text, safe
from newsledger.engines.local import count_inputs, default_workers
from newsledger.engines.local import ingest as run_ingest
from newsledger.errors import ReadError
from newsledger.ingest import read_path, read_paths
from newsledger.ledger import DEFAULT_DB, connect
from newsledger.ledger.store import stats as ledger_stats
from newsledger.pipeline import analyze_document
from newsledger.settings import Settings

err = Console(stderr=True, soft_wrap=True)
out = Console()

DbOption = Annotated[Path, typer.Option("--db", help="Ledger database (SQLite).")]



@app.command()
def analyze(
    file: Annotated[str, typer.Argument(help="A document (any supported type) or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the analysis record as JSON.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD (overrides what is found).",
        callback=check_date)] = None,
) -> None:
    """Analyze one document and print its analysis record.

    Example: newsledger analyze examples/iran-attack-toi.txt --json
    """
    items = list(read_path(file))
    errors = [i for i in items if isinstance(i, ReadError)]
    documents = [i for i in items if not isinstance(i, ReadError)]
    for e in errors:
        err.print(f"newsledger: {safe(e, one_line=True)}", markup=False, highlight=False)
    if not documents:
        raise typer.Exit(1)
    for document in documents:
        analysis = analyze_document(document, published=published)
        if as_json:
            sys.stdout.write(json_text(analysis.to_dict(), indent=2) + "\n")
        else:
            _print_summary(analysis)


def _print_summary(analysis) -> None:
    doc = analysis.document
    pub = doc.published
    out.print(safe(doc.title or "(untitled)", one_line=True), style="bold", markup=False,
              highlight=False)
    out.print(f"source: {safe(doc.source, one_line=True)}", markup=False, highlight=False)
    out.print(f"published: {pub.date if pub and pub.date else 'unknown'}"
              f" ({pub.method if pub else '-'})", markup=False, highlight=False)
    kinds: dict[str, int] = {}
    for r in doc.regions:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    out.print("regions: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())), highlight=False)
    out.print(f"actors: {len(analysis.actors)}  quotes: {len(analysis.quotes)}"
              f"  events: {len(analysis.events)}", highlight=False)
    for q in analysis.quotes:
        who = q.speaker.name if q.speaker else "?"
        out.print(safe(f"  [{q.type}] {who}: {q.text[:90]}", one_line=True), markup=False,
                  highlight=False)
    for e in analysis.events:
        src = e.source.name if e.source else "?"
        tgt = e.target.name if e.target else "?"
        when = e.date.value if e.date and e.date.value else "-"
        out.print(safe(f"  {e.type} ({e.modality}) {src} -> {tgt} on {when}: {e.trigger.text}",
                       one_line=True), markup=False, highlight=False)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    max_bytes: Annotated[int | None, typer.Option(help="Refuse files larger than this (bytes).")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Worker processes (default: the machine's cores).")] = None,
    engine: Annotated[str, typer.Option(
        "--engine", help="local (process pool) or ray (Ray actor pool).")] = "local",
    address: Annotated[str | None, typer.Option(
        "--address", help="Ray cluster to join, e.g. ray://head:10001 (default: start one).")] = None,
) -> None:
    """Read documents, analyze them, and store them in the ledger (skipping stored ones).

    Safe to interrupt: run the same command again and it continues where it stopped.

    Example: newsledger ingest ../shared/corpora/whitehouse --db ledger.db --workers 2
    """
    from rich.progress import TimeRemainingColumn

    settings = Settings.from_env(max_bytes=max_bytes)

    def on_error(message: str) -> None:
        err.print(f"newsledger: {safe(message, one_line=True)}", markup=False, highlight=False)

    connect(db).close()  # create (or check) the ledger before reading anything
    total = count_inputs(paths)
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("eta"), TimeRemainingColumn(), console=err,
                  transient=True) as progress:
        task = progress.add_task("ingest", total=total)
        report = run_ingest(read_paths(paths, settings), db, settings=settings, on_error=on_error,
                            on_progress=lambda n: progress.advance(task, n),
                            workers=workers or default_workers(), engine=engine,
                            address=address)
    table = Table(title=safe(f"ingest into {db}", one_line=True))
    for column in ("read", "stored", "duplicates", "failed"):
        table.add_column(column, justify="right")
    table.add_row(str(report.read), str(report.stored), str(report.duplicates), str(report.failed))
    out.print(table)
    if report.stored == 0 and report.read == 0:
        raise typer.Exit(1)
    if report.failed:  # the rest is stored; the refused inputs were named on stderr
        raise typer.Exit(EXIT_SOME_REFUSED)


@app.command()
def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Count what the ledger holds.

    Example: newsledger stats --db ledger.db
    """
    conn = connect(db, readonly=True)
    table = Table(title=safe(db, one_line=True))
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in ledger_stats(conn).items():
        table.add_row(name, str(count))
    out.print(table)
