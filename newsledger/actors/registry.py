"""Ledger-wide actor keys: the same real actor gets one key in every document.

Keys name what identifies an actor, not how one document wrote it: a state by ISO code
(``state:IRN``), a sector of a state (``state:USA/GOV``), a catalogued organization by its
table name (``igo:group of seven``), a person by the full name the tables or the text give
(``person:joe biden``; "Kirby" joins "John Kirby" inside the document first). An actor the
text does not identify — a bare surname nobody in the document completes, an anonymous
source, a generic group ("protesters") — keeps a key local to its document
(``local:<document id>:...``) so it is never merged with a namesake elsewhere.
"""

from __future__ import annotations

from newsledger.actors.names import name_words

LOCAL_PREFIX = "local:"
DOC_ID_CHARS = 16
"""Characters of the document id kept in a local key (enough to be unique in a ledger)."""
GLOBAL_PREFIXES = ("state:", "igo:", "org:", "person:", "group:", "place:", "other:")


def is_local(key: str | None) -> bool:
    return bool(key) and key.startswith(LOCAL_PREFIX)  # type: ignore[union-attr]


def local_key(document_id: str, key: str) -> str:
    return f"{LOCAL_PREFIX}{document_id[:DOC_ID_CHARS]}:{key}"


def ledger_key(key: str, kind: str, name: str, document_id: str) -> str:
    """The ledger-wide key for an actor the document registered under ``key``: global when
    the key names an identifiable actor, else local to ``document_id``."""
    if is_local(key):
        return key
    body = " ".join(key.split())
    if kind == "anonymous" or body.startswith("anonymous:"):
        return local_key(document_id, body)
    if kind == "person" or body.startswith("person:"):
        words = name_words(body.split(":", 1)[-1])
        return body if len(words) >= 2 else local_key(document_id, body)
    if body.startswith("group:") and not name[:1].isupper():
        return local_key(document_id, body)  # "protesters", "the leaders": not one group
    if body.startswith("other:"):
        return local_key(document_id, body)
    return body
