"""Bytes to text: refuse binary content, try UTF-8, then charset-normalizer's best guess.

Three kinds of text that look broken are read rather than refused or garbled: UTF-16 without
a byte-order mark (recognised by its zero bytes in every other position), text that mixes
UTF-8 with Windows-1252 (each invalid byte read as Windows-1252, the valid UTF-8 kept), and a
NUL byte anywhere in the file is a reason to refuse it (not only in the first 64 KB), so a
stray NUL is never stored silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from newsledger.errors import ReadError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

HEAD_BYTES = 65536
"""Bytes sampled for the control-byte ratio and for UTF-16 detection."""
MAX_CONTROL_RATIO = 0.05
"""More control bytes than this share of the sample and a file is binary."""
UTF16_ZERO_SHARE = 0.4
"""UTF-16 without BOM: at least this share of the code units has a zero high byte on one side..."""
UTF16_OTHER_SIDE = 0.02
"""...and at most this share of zero bytes on the other side."""
MIN_MIXED_UTF8 = 2
"""Valid non-ASCII UTF-8 characters needed before invalid bytes are read as Windows-1252."""
MIN_MIXED_ASCII_SHARE = 0.7
"""...and the share of ASCII bytes (prose in a Latin script is mostly ASCII; noise is not)."""
_ASCII = bytes(range(128))


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` looks like BOM-less UTF-16, else None."""
    head = data[:HEAD_BYTES]
    if len(head) < 4:
        return None
    head = head[: len(head) - len(head) % 2]
    units = len(head) // 2
    even = head[0::2].count(0) / units
    odd = head[1::2].count(0) / units
    if odd >= UTF16_ZERO_SHARE and even <= UTF16_OTHER_SIDE:
        return "utf-16-le"
    if even >= UTF16_ZERO_SHARE and odd <= UTF16_OTHER_SIDE:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` is not text (NUL bytes, many control bytes), or None when it may be text."""
    head = data[:HEAD_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]) or utf16_without_bom(data):
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"binary file (contains NUL bytes, the first at byte {nul:,})"
    controls = len(_CONTROL.findall(head.decode("latin-1")))
    if head and controls / len(head) > MAX_CONTROL_RATIO:
        return f"binary file ({controls} control bytes in the first {len(head)})"
    return None


def _cp1252_byte(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: the offending bytes read as Windows-1252 (Latin-1 where
    Windows-1252 leaves a byte undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("newsledger-cp1252", _cp1252_byte)


def _mixed(data: bytes) -> str | None:
    """``data`` as UTF-8 with stray Windows-1252 bytes, when it holds real UTF-8 too."""
    ascii_bytes = len(data) - len(data.translate(None, _ASCII))
    if not data or ascii_bytes / len(data) < MIN_MIXED_ASCII_SHARE:
        return None
    # characters from valid multi-byte sequences: what strict-but-skipping UTF-8 keeps, less ASCII
    valid_non_ascii = len(data.decode("utf-8", errors="ignore")) - ascii_bytes
    if valid_non_ascii < MIN_MIXED_UTF8:
        return None
    return data.decode("utf-8", errors="newsledger-cp1252")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decoded text and the encoding used; raises ``ReadError`` when nothing decodes it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    bomless = utf16_without_bom(data)
    if bomless:
        try:
            return data.decode(bomless), bomless
        except UnicodeDecodeError as e:
            raise ReadError(source, f"undecodable bytes (looks like {bomless} without a"
                                    f" byte-order mark, but byte {e.start} is not)") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    mixed = _mixed(data)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
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
