"""Text that can be stored: lone surrogates replaced, one character for one.

A JSON ``"\\ud800"`` or an undecodable file name (Python's surrogate escapes) gives a string
that cannot be encoded as UTF-8, so SQLite and JSON output would refuse it and roll back a
whole batch. U+FFFD takes the place of each, so offsets into the text do not move.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def sanitize(value: Any) -> Any:
    """``value`` with lone surrogates replaced by U+FFFD in every string (in nested lists and
    dicts too)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, list | tuple):
        return [sanitize(v) for v in value]
    if isinstance(value, dict):
        return {sanitize(k): sanitize(v) for k, v in value.items()}
    return value
