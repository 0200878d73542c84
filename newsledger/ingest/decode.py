"""Bytes to text: refuse binary content, try UTF-8, then charset-normalizer's best guess."""

from __future__ import annotations

import re
import unicodedata

from newsledger.errors import ReadError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` is not text (NUL bytes, many control bytes), or None when it may be text."""
    head = data[:65536]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return None
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = len(_CONTROL.findall(head.decode("latin-1")))
    if head and controls / len(head) > 0.05:
        return f"binary file ({controls} control bytes in the first {len(head)})"
    return None


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decoded text and the encoding used; raises ``ReadError`` when nothing decodes it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ReadError(source, f"undecodable bytes (not UTF-8 at byte {first_bad}, "
                                "and no other encoding fits)")
    # On short texts several encodings fit equally well; among those nearly as clean as the
    # best, the one that reads most like a language wins, and on a tie Windows-1252, the
    # commonest legacy encoding of Western news ("déjà", not cp1257's "déją").
    least = min(m.chaos for m in matches)
    best = max((m for m in matches if m.chaos <= least + 0.1),
               key=lambda m: (round(m.coherence, 2), m.encoding == "cp1252"))
    text = str(best)
    if _mostly_unprintable(text):
        raise ReadError(source, f"undecodable bytes (not UTF-8 at byte {first_bad}; "
                                f"as {best.encoding} it is not text)")
    return text, best.encoding


def _mostly_unprintable(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    odd = sum(1 for ch in sample
              if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\t\n\r\f")
    return odd / len(sample) > 0.05
