"""What is never an actor: transcript markers, web furniture, photo credits, amounts, phrases,
programs and laws ("Medicare", "the American Rescue Plan"), regions ("Indo-Pacific") and
document formulas ("the Independence of the United States of America" of a proclamation).

A wrong actor costs more than a missing one: "Laughter" as a person or "Evan Vucci/AP" as a
speaker poisons every listing it reaches. Candidate names are checked here before they are
registered; the word lists are data (``data/actors/not_actors.json``).
"""

from __future__ import annotations

import re
from functools import cache

from newsledger.data import load_json

MAX_NAME_WORDS = 8
"""Longer "names" are phrases the tagger ran on ("extraordinary people who have ...")."""
NAMED_KINDS = ("person", "organization", "state")
_AMOUNT = re.compile(r"^(?:[$€£¥]|[\W\d]+(?:\s*(?:million|billion|trillion|thousand|hundred|"
                     r"percent|per cent|%))?$)")
_CREDIT = re.compile(r"/\s*(?:[A-Z][\w.&' -]*)$|\b(?:photo|credit|image)s?\b", re.I)
_CONNECTIVES = {"of", "the", "and", "for", "de", "al", "el", "la", "van", "von", "der", "du",
                "bin", "ibn", "on", "in", "to", "&", "da", "di", "del", "le"}


NEVER_GROUPS = ("transcript_markers", "web_furniture", "formulas", "programs", "regions",
                "topics")
"""Groups of ``not_actors.json`` whose entries are never an actor's whole name."""
UNNAMED_KINDS = ("organization", "group", "state", "other")
"""Kinds whose names ending in a program word ("... Act", "... Plan") are no actors."""


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("actors/not_actors.json")
    never = frozenset(w.lower() for key in NEVER_GROUPS for w in data[key])
    agencies = frozenset(w.lower() for w in data["credit_agencies"])
    return never, agencies


@cache
def _words(group: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("actors/not_actors.json")[group])


def headline_verb(word: str) -> bool:
    """Whether a capitalised word is a verb headlines glue to a name ("Biden Marks ...",
    "Biden-Harris Administration Announces ...")."""
    return word[:1].isupper() and word.lower() in _words("headline_verbs")


def program_name(name: str) -> bool:
    """A law, plan, program or occasion named like an organization: "Bipartisan Safer
    Communities Act", "Investing in America Agenda", "Second Chance Month"; never a name
    with an institution word in it ("Center for International Environmental Law")."""
    words = _norm(name).split()
    return len(words) >= 2 and words[-1] in _words("program_suffixes") \
        and not _words("institution_words") & set(words)  # "Office of Management and Budget"


def _norm(text: str) -> str:
    text = " ".join(text.replace("’", "'").split()).strip(" .,:;\"'()[]\\*#")
    return text.lower()


def not_an_actor(name: str, kind: str) -> bool:
    """Whether a candidate name of the given kind is certainly not an actor."""
    never, agencies = _lists()
    low = _norm(name)
    if not low or not any(c.isalpha() for c in low) or low in never \
            or low.removeprefix("the ") in never:
        return True
    if _AMOUNT.match(low):
        return True
    if "/" in name and any(part.strip().lower() in agencies or _CREDIT.search(name)
                           for part in name.split("/")[1:]):
        return True  # "Evan Vucci/AP", "Jack Guez/AFP"
    if "\n" in name.strip():
        return True
    words = low.split()
    if len(words) > MAX_NAME_WORDS:
        return True
    if kind in UNNAMED_KINDS and program_name(name):
        return True
    if kind in NAMED_KINDS:
        raw = name.replace("’", "'").split()
        lowers = [w for w in raw if w.islower() and w not in _CONNECTIVES]
        if kind == "person" and (lowers or raw[0][:1].islower() and raw[0] not in _CONNECTIVES):
            return True  # names are capitalised: "most diverse administration" is a phrase
        if len(raw) > 1 and len(lowers) * 2 > len(raw):
            return True
    return False
