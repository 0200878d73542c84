"""serve: the ledger in a browser (JSON API and pages), on localhost by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsledger.cli import app
from newsledger.ledger import DEFAULT_DB


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="Ledger database (SQLite), opened read-only.")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Interface to bind; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the ledger as a web application: overview, timeline, dyads, network, quotes, documents.

    Example: newsledger serve --db ledger.db --port 8000
    """
    import uvicorn

    from newsledger.web import create_app

    application = create_app(db)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"newsledger: serving {db} at http://{shown}:{port}/  (API docs at /api/docs; Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")
