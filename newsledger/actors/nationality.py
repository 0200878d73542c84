"""Country cues around a name that the name itself does not carry.

"Nepal" or "Bangladeshi" tagged PERSON by the small model, "Iran's Foreign Ministry",
"Japan's Crown Prince Naruhito", and "Ethiopian, Mozambican and South African troops" (three
countries: no single owner). Only what the text states: a possessor or modifier that is a
country name or demonym; capitals and places never make a person a national.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.actors.tables import Tables

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COUNTRY_LABELS = ("GPE", "NORP", "PERSON")  # the small model tags "Nepal" PERSON now and then


def country_word(tables: Tables, text: str) -> str | None:
    """ISO3 of a country name or demonym (never a capital), written as in the text."""
    text = text.replace("’", "'").removesuffix("'s").strip()
    hit = tables.country(text)
    return hit[0] if hit is not None and hit[1] != "capital" else None


def mistagged_country(tables: Tables, ent: Span, known_person: bool) -> bool:
    """A PERSON entity that is only a country name or demonym ("Sri Lanka", "Bangladeshi")
    and no person the tables or the document's other names know."""
    if ent.label_ != "PERSON" or known_person:
        return False
    return country_word(tables, ent.text) is not None


def possessor_country(tables: Tables, tokens: list[Token]) -> str | None:
    """Country of a possessor hanging on the name or its title: "Iran's Foreign Ministry",
    "Japan's Crown Prince Naruhito" -> IRN, JPN."""
    inside = {t.i for t in tokens}
    for token in tokens:
        for child in token.children:
            if child.dep_ == "poss" and child.i not in inside:
                sub = child.doc[child.left_edge.i:child.i + 1]
                iso3 = country_word(tables, sub.text)
                if iso3:
                    return iso3
    return None


def several_countries(tables: Tables, root: Token) -> bool:
    """Whether a head noun's modifiers name more than one country ("Ethiopian, Mozambican
    and South African troops"), so no single owner can be given."""
    found: set[str] = set()
    for child in root.children:
        if child.i >= root.i or child.dep_ not in ("amod", "compound", "nmod"):
            continue
        for mod in (child, *child.conjuncts):
            if mod.ent_type_ in COUNTRY_LABELS or mod.pos_ in ("PROPN", "ADJ"):
                text = mod.doc[mod.left_edge.i:mod.i + 1].text if mod.dep_ != "conj" \
                    else mod.text
                iso3 = country_word(tables, text) or country_word(tables, mod.text)
                if iso3:
                    found.add(iso3)
    return len(found) > 1
