"""serve: the ledger in a browser (JSON API and pages), on localhost by default."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Annotated

import typer

from newsledger.cli import app
from newsledger.cli.options import DEFAULT_DB_PATH
from newsledger.errors import NewsledgerError
from newsledger.web import create_app


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or a one-line error when the port is taken.

    Binding before anything is printed means a busy port never shows someone else's URL.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise NewsledgerError(f"--host {host!r}: cannot resolve it ({e.strerror})") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise NewsledgerError(f"cannot serve on {host}:{port}: {e.strerror or e}; is another "
                              "server using it? Choose another with --port") from None
    return sock


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="Ledger database (SQLite), opened read-only.")] = DEFAULT_DB_PATH,
    host: Annotated[str, typer.Option("--host", help="Interface to bind; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the ledger as a web application: overview, timeline, dyads, network, map, quotes,
    documents, actors, provenance, and the JSON API under /api.

    Example: newsledger serve --db ledger.db --port 8000
    """
    import uvicorn  # the server only when serving: other commands start faster

    application = create_app(db)
    sock = bind(host, port)
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"newsledger: serving {db} at http://{shown}:{port}/  (API endpoints listed at "
               "/api; Ctrl-C stops)")
    try:
        uvicorn.Server(uvicorn.Config(application, log_level="warning")).run(sockets=[sock])
    finally:
        sock.close()
