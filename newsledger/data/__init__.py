"""Lexicons and tables are data files here, loaded lazily by name."""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from typing import Any


def data_path(name: str) -> str:
    return str(resources.files(__name__).joinpath(name))


@cache
def load_json(name: str) -> Any:
    """Load ``newsledger/data/<name>`` (JSON), cached for the process."""
    with resources.files(__name__).joinpath(name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Load a tab-separated table with a header row as a tuple of dicts."""
    with resources.files(__name__).joinpath(name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))
