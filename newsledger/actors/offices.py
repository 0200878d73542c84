"""Holders of US executive offices by date (``data/us_executive.json``), and the domestic
offices a government source names without a country (``data/actors/domestic_titles.json``).

A bare "Biden" in a 2024 White House document, "THE PRESIDENT:" in a transcript and a
"Statement from the President" all name whoever held the office on the document's date.
"""

from __future__ import annotations

import re

from newsledger.data import load_json, word_class
from newsledger.quotes.sources import profile_for
from newsledger.records import Document


def office_holder(office: str, date: str | None) -> dict | None:
    """The holder of a US executive office ("president", "vice president", "first lady") on
    ``date`` (ISO), or None when the date is unknown or outside the table."""
    holders = load_json("us_executive.json").get(office, [])
    if date:
        for holder in holders:
            if holder["start"] <= date[:10] < holder["end"]:
                return holder
    return None

HOME_PREFIXES = ("the", "white", "house", "u.s.", "us", "acting", "former")
"""Words before a domestic title that keep it domestic ("White House Press Secretary")."""


def home_country(document: Document) -> str | None:
    """ISO3 of the government whose site issued the document (its site profile), if any."""
    profile = profile_for(document)
    country = profile.issuer.get("country") if profile is not None else None
    return country or None


def domestic_office(country: str | None, title: str | None) -> str | None:
    """Sector of a title that, bare, names an office of ``country`` ("Press Secretary",
    "Senate Majority Leader" in a White House document), else None."""
    if not country or not title:
        return None
    offices = load_json("actors/domestic_titles.json").get(country, {})
    words = re.sub(r"[,:;()]", " ", title.replace("’", "'")).lower().split()
    while words and words[0] in HOME_PREFIXES:
        words = words[1:]
    return offices.get(" ".join(words))


def _title_words(title: str) -> str:
    return " ".join(re.sub(r"[,:;()]", " ", title.replace("’", "'")).lower().split())


def signer_country(role: str | None, home: str | None) -> str | None:
    """ISO3 of the government a release's byline signer speaks for, read off the title
    ("Ned Price, Department Spokesperson"): for an executive title (``signer_titles``), the
    issuing site's country, else the one country whose bare domestic titles hold it (a
    plain text has no site). None for any other title: a senator's "we" is no government."""
    if not role:
        return None
    title = _title_words(role)
    if title not in word_class("actors/signers.json", "signer_titles"):
        return None
    if home:
        return home
    countries = [c for c, offices in load_json("actors/domestic_titles.json").items()
                 if isinstance(offices, dict) and title in offices]
    return countries[0] if len(countries) == 1 else None


def office_byline(document: Document) -> bool:
    """The release is signed by an office of its government ("Office of the Spokesperson"),
    not a person, whatever its title calls it: it speaks for the government of its site."""
    offices = word_class("actors/signers.json", "issuer_offices")
    return any(r.kind == "byline" and _title_words(document.text[r.start:r.end]) in offices
               for r in document.regions)


TURN_LABEL = re.compile(r"^(?:[A-Z][A-Z.'’ -]{0,40}[A-Z.]):[ \t]", re.M)
"""A printed speaker label opening a line ("QUESTION: ", "SECRETARY BLINKEN: ", "MR PRICE: ")."""


def has_turns(text: str) -> bool:
    """The text prints speaker turns (remarks with questions, a joint press availability):
    its unquoted words are several people's, and a signer's byline does not make them one
    government's voice."""
    return TURN_LABEL.search(text) is not None
