"""One base exception; every message names the file and says what to do."""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""


class ModelNotFound(NewsledgerError):
    pass


class ReadError(NewsledgerError):
    """A document (or one line/item of a container) could not be read."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class LedgerError(NewsledgerError):
    pass


class GoldFormatError(NewsledgerError):
    pass
