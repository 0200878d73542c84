"""Descriptions that point back at a named person ("the 45-year-old", "the premier"), and
the unnamed officials of a government's own transcripts.

A description speaks for a person the text has already named only when exactly one fits, so
an unsure match gives no speaker rather than a wrong one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsledger.actors.tables import tables

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsledger.actors.index import ActorIndex
    from newsledger.records import Actor

AGE_DESCRIPTION = re.compile(r"\b(\d{1,3})\s*-\s*year\s*-\s*old\b")
AGE_WINDOW_CHARS = 12  # how far after a name its age may stand ("Jane Doe, aged 45")


def aged_person(text: str, actors: ActorIndex, head: Token) -> Actor | None:
    """"the 45-year-old said" after "Jane Doe, 45, said": the one person given that age.

    ``text`` is the document's text (``Doc.text`` is rebuilt on every access)."""
    doc = head.doc
    age = AGE_DESCRIPTION.search(doc[head.left_edge.i:head.i + 1].text)
    if age is None:
        return None
    hits: list[Actor] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.end >= head.i:
            continue
        after = text[ent.end_char:ent.end_char + AGE_WINDOW_CHARS]
        if re.match(rf",\s*(?:aged\s+)?{age.group(1)}\b", after):
            actor = actors.actor_at(ent.start_char, ent.end_char)
            if actor is not None and actor not in hits:
                hits.append(actor)
    return hits[0] if len(hits) == 1 else None


# Words that make a title another, lower office: "Vice President", "Deputy Minister".
RANK_WORDS = {"vice", "deputy", "assistant", "under", "acting", "former", "ex", "lieutenant",
              "associate", "junior", "second"}


def _titles_name(tok: Token) -> bool:
    """A word of a title phrase before a name ("Vice President", "Foreign Minister"), not a
    conjunction, punctuation or verb that ends another phrase."""
    return tok.pos_ in ("PROPN", "NOUN", "ADJ") and not tok.is_punct


def titled_antecedent(actors: ActorIndex, head: Token, forward: bool = False) -> Actor | None:
    """"the premier" / "the spokesperson": the nearest earlier person with that title; in a
    headline ("..., health minister says"), the first person the article gives it."""
    doc = head.doc
    lemma = head.lemma_.lower()
    wanted = {t.lemma_.lower() for t in head.children if t.dep_ == "compound"} | {lemma}
    best = None
    for ent in doc.ents:
        if ent.start >= head.i and not forward:
            break
        if ent.label_ != "PERSON" or forward and ent.start <= head.i:
            continue
        if forward and best is not None:
            break
        # the title words right before the name ("Biden and Vice President Harris": Harris's
        # own title is "Vice President")
        titles = {t.lemma_.lower() for t in doc[ent.start:ent.end]}
        for t in reversed(doc[max(0, ent.start - 3):ent.start]):
            if not _titles_name(t):
                break
            titles.add(t.lemma_.lower())
        if (titles & RANK_WORDS) - wanted:
            continue  # "the President" is not "Vice President Harris" nor a deputy minister
        for appos in (c for c in ent.root.children if c.dep_ == "appos"):
            titles.update(t.lemma_.lower() for t in appos.subtree)
        if wanted <= titles:
            best = ent
    if best is None:
        return None
    return actors.actor_at(best.start_char, best.end_char)


def turn_official(actors: ActorIndex, name: str, kind: str) -> tuple[str | None, str | None]:
    """(country, sector) of an unnamed official holding turns in a government's own transcript
    ("SENIOR ADMINISTRATION OFFICIAL:" on a White House call serves the US government; the
    agent table gives the sector, "military official": MIL); (None, None) elsewhere."""
    home = actors.home_country
    if kind != "anonymous" or home is None:
        return None, None
    hit = tables().agent(name.lower())
    return home, (hit[0] if hit is not None and hit[0] not in ("", "-") else None)
