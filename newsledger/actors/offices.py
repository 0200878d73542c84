"""Holders of US executive offices by date (``data/us_executive.json``).

A bare "Biden" in a 2024 White House document, "THE PRESIDENT:" in a transcript and a
"Statement from the President" all name whoever held the office on the document's date.
"""

from __future__ import annotations

from newsledger.data import load_json


def office_holder(office: str, date: str | None) -> dict | None:
    """The holder of a US executive office ("president", "vice president", "first lady") on
    ``date`` (ISO), or None when the date is unknown or outside the table."""
    holders = load_json("us_executive.json").get(office, [])
    if date:
        for holder in holders:
            if holder["start"] <= date[:10] < holder["end"]:
                return holder
    return None
