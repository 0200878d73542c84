"""The command line: each command parses its options and calls one library function.

``main`` is the one place errors leave the program: every failure becomes one line on
stderr (``newsledger: <what>: <problem>``), never a traceback. Exit statuses:

- 0: done; every input was read (``ingest``: stored or already there);
- 1: an error stopped the command (missing or unreadable ledger, bad option value, nothing
  could be read);
- 2: wrong usage (unknown option, missing argument);
- 3: ``ingest`` stored what it could, but some inputs were refused (each named on stderr);
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

import sqlite3
import sys

import typer

from newsledger.cli.output import safe
from newsledger.errors import NewsledgerError

EXIT_ERROR = 1
EXIT_SOME_REFUSED = 3
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="newsledger",
    help="Turn news and official statements into a verifiable ledger of events and quotations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register themselves on ``app`` when imported.
from newsledger.cli import core, evaluate, events, export, incidents, provenance, quotes, serve  # noqa: E402,F401


def _fail(message: str, status: int = EXIT_ERROR) -> None:
    print(f"newsledger: {safe(message, one_line=True)}", file=sys.stderr)
    sys.exit(status)


def main() -> None:
    """Run the CLI; any error becomes one line on stderr and a non-zero exit status."""
    try:
        app()
    except NewsledgerError as e:
        _fail(str(e))
    except KeyboardInterrupt:
        _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:  # `newsledger export | head`: the reader left, nothing to say
        sys.stderr.close()
        sys.exit(EXIT_ERROR)
    except sqlite3.Error as e:
        _fail(f"ledger error ({type(e).__name__}: {e})")
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        _fail(f"{where}{e.strerror or e}")
    except MemoryError:
        _fail("out of memory")
    except Exception as e:  # a bug: still one line, with what to report
        _fail(f"internal error ({type(e).__name__}: {e}); please report it")
