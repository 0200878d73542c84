"""Reaper: ends the processes a run started once the run is gone, even after a SIGKILL.

Ray's local cluster runs helper processes (agents of the raylet) that outlive a driver
killed with SIGKILL by minutes. The Ray engine starts this script as its own small process
(standard library only, not the package) and tells it, one ``PID STARTTIME`` line at a time,
which processes it started. When the driver's end of the pipe closes (normal end, crash or
SIGKILL alike), the reaper sends SIGTERM, then SIGKILL, to those still running: the start
time is checked, so a reused process id is never hit.
"""

from __future__ import annotations

import os
import signal
import sys
import time

GRACE_SECONDS = 2.0
"""Between SIGTERM and SIGKILL."""


def start_time(pid: int) -> str | None:
    """The process's start time (clock ticks since boot), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[19] if len(fields) > 19 and fields[0] != "Z" else None


def descendants(root: int) -> list[int]:
    """Every living descendant of ``root`` (from /proc; empty where there is no /proc)."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _signal_all(pids: dict[int, str], sig: int) -> int:
    alive = 0
    for pid, started in pids.items():
        if start_time(pid) == started:
            alive += 1
            try:
                os.kill(pid, sig)
            except OSError:
                pass
    return alive


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's; EOF is ours
    pids: dict[int, str] = {}
    for line in sys.stdin:
        pid, _, started = line.strip().partition(" ")
        if pid.isdigit() and started:
            pids[int(pid)] = started
    if _signal_all(pids, signal.SIGTERM):
        deadline = time.monotonic() + GRACE_SECONDS
        while time.monotonic() < deadline and any(start_time(p) == s for p, s in pids.items()):
            time.sleep(0.1)
        _signal_all(pids, signal.SIGKILL)


if __name__ == "__main__":
    main()
