"""The ``Doc._`` attributes newsledger's components read and write.

A component reads its inputs from these (the document being analysed, the earlier stages'
results) and writes its own result to one of them, so every stage's output is on the
``Doc`` and a stage that fails leaves the others' results in place.
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS: dict[str, str] = {
    "document": "the newsledger Document being analysed (set by the driver)",
    "budget": "seconds the newsledger stages may take on this document (set by the driver)",
    "deadline": "time.monotonic() after which no further stage starts (set by the first stage)",
    "actors": "ActorIndex of the document (newsledger_actors)",
    "quotes": "list of Quote (newsledger_quotes)",
    "events": "list of Event (newsledger_events)",
    "stage_errors": "{stage name: 'ErrorType: message'} for stages that failed",
    "skipped": "stage names skipped because the analysis budget ran out",
}


def register_extensions() -> None:
    """Register every attribute once per process (safe to call again)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
