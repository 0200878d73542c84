"""Results remembered per ledger version: aggregates over a whole corpus are not free.

The version is the path, size and mtime of the database and its WAL, so it changes whenever
a writer commits and a cached answer is never served for a ledger that has moved on.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import inspect
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

MEMO_SIZE = 512
T = TypeVar("T")

_memo: OrderedDict[tuple, Any] = OrderedDict()
_memo_lock = threading.Lock()


def ledger_version(conn: sqlite3.Connection) -> tuple:
    """Path, size and mtime of the database and its WAL: changes whenever a writer commits."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    stamp = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            stamp.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append(None)
    return path, tuple(stamp)


def _key(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *dataclasses.astuple(value))
    return value


def _private(value: T) -> T:
    """A copy callers may change; tuples (of plain values) are shared as they are."""
    return value if isinstance(value, tuple) else copy.deepcopy(value)


def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """Remember ``fn(conn, ...)`` per ledger version and arguments (LRU of ``MEMO_SIZE``)."""

    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> T:
        bound = signature.bind(conn, *args, **kwargs)
        bound.apply_defaults()
        key = (fn.__name__, ledger_version(conn),
               tuple((k, _key(v)) for k, v in bound.arguments.items() if k != "conn"))
        with _memo_lock:
            if key in _memo:
                _memo.move_to_end(key)
                return _private(_memo[key])
        value = fn(conn, *args, **kwargs)
        with _memo_lock:
            _memo[key] = value
            while len(_memo) > MEMO_SIZE:
                _memo.popitem(last=False)
        return _private(value)

    return wrapper
