"""What the CLI prints: text from documents and file names is untrusted.

Every string that came from a document, a file name or the ledger goes through ``safe``
before it reaches a terminal, so an escape sequence cannot clear the screen or forge output,
and a newline in a file name cannot split a one-line error in two.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = re.compile(r"[\n\r]")


def safe(text: object, *, one_line: bool = False) -> str:
    """``text`` with control characters shown as ``\\xNN`` escapes (newlines kept unless
    ``one_line``)."""
    s = str(text)
    if one_line:
        s = _LINE_BREAKS.sub(lambda m: repr(m.group())[1:-1], s)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def json_text(value: object, **kwargs: object) -> str:
    """``json.dumps`` whose output is safe on a terminal: JSON already escapes C0 controls; the
    DEL and C1 controls (``\\x9b`` starts an escape sequence too) and line separators are
    escaped as ``\\uXXXX`` as well, which any JSON reader turns back into the same string."""
    import json

    kwargs.setdefault("ensure_ascii", False)
    text = json.dumps(value, **kwargs)  # type: ignore[arg-type]
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
