"""One settings table: name, default, help; overridden by environment and CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from newsledger.errors import NewsledgerError


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 20 * 1024 * 1024
    """Files larger than this are refused (bytes)."""
    batch_size: int = 64
    """Documents per nlp.pipe batch and per ledger transaction."""
    max_chars: int = 100_000
    """Documents longer than this are parsed in paragraph chunks (bounds parser memory)."""
    max_seconds: int = 120
    """Analysis time budget per document (seconds): a stage that would start after it is
    skipped, and the document is stored with ``meta.analysis_skipped`` naming the stages."""
    max_analysis_chars: int = 2_000_000
    """Documents longer than this are stored without analysis (``meta.analysis_skipped``)."""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then NEWSLEDGER_<NAME> environment variables, then explicit overrides."""
        values: dict[str, object] = {}
        for f in fields(cls):
            env = os.environ.get(f"NEWSLEDGER_{f.name.upper()}")
            if env is not None:
                try:
                    values[f.name] = int(env)
                except ValueError as e:
                    raise NewsledgerError(
                        f"NEWSLEDGER_{f.name.upper()}={env!r}: expected an integer"
                    ) from e
        known = {f.name for f in fields(cls)}
        for key, value in overrides.items():
            if key not in known:
                raise NewsledgerError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
            if value is not None:
                values[key] = value
        return cls(**values)  # type: ignore[arg-type]
