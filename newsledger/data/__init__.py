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


class DataFileError(ValueError):
    """A packaged data file is malformed (a bug in the package, not in the user's input)."""


@cache
def word_classes(name: str) -> dict[str, frozenset[str]]:
    """The named word groups of ``newsledger/data/<name>``: every top-level key whose value is a
    list of strings, as a frozenset. An empty group is an error: a typo in a group name must
    not silently switch a rule off (trafilatura's ``xpaths.py`` keeps its selectors the same
    way: named, in one place, none empty)."""
    groups: dict[str, frozenset[str]] = {}
    for key, value in load_json(name).items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            if not value:
                raise DataFileError(f"{name}: word group {key!r} is empty")
            groups[key] = frozenset(value)
    return groups


def word_class(name: str, group: str) -> frozenset[str]:
    """One named word group of a data file (see ``word_classes``); loaded once per process."""
    groups = word_classes(name)
    if group not in groups:
        raise DataFileError(f"{name}: no word group {group!r} (has: {', '.join(sorted(groups))})")
    return groups[group]
