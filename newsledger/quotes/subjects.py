"""Speaker phrases the parse does not hand over as a subject, and quotes that name their own
speaker: an inverted name after the cue ("..., added KCNA"; "..., says Howard" at a line's
end), a name before a cue the tagger read as a noun ("The Department notes, '...'"), and
whether a quote names a person in the third person (then a pronoun speaker is not them)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsledger.actors.index import GENERIC
from newsledger.actors.tables import tables
from newsledger.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

INVERTED_DEPS = ("dobj", "npadvmod", "attr", "dep", "oprd")
ENTITY_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group",
               "FAC": "organization"}
ADDRESSEE_VERBS = {"tell", "ask", "assure", "reassure", "inform", "urge", "warn"}
"""Cues whose following name is the one spoken to, never the speaker."""
MAX_TITLE_TOKENS = 14
"""How long a title phrase before a name after an inverted cue may be."""
TITLE_LINKS = {"of", "and", "&", "for"}
"""Words a title phrase may hold besides names and nouns ("Secretary of State and ...")."""
INSTITUTION_ENTS = {"ORG", "GPE", "FAC"}
MIN_SURNAME_CHARS = 3
"""A surname shorter than this is not looked for inside a quote."""


def inverted_subject(cue: Token) -> Token | None:
    """The name right after a reporting verb parsed as its object ("..., added KCNA.")."""
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if nxt is None or cue.lemma_ in ADDRESSEE_VERBS:
        return None  # "... told Reuters": the name after "told" is who was told
    if not (nxt.head == cue and nxt.dep_ in INVERTED_DEPS) \
            and not (cue.head == nxt and cue.dep_ == "amod") \
            and line_end_name(nxt) is None:  # "added KCNA" read as a noun
        return None
    if not (nxt.pos_ == "PROPN" or nxt.ent_type_ in ENTITY_KIND):
        return None
    return titled_person(nxt) or line_end_name(nxt) or nxt


def titled_person(first: Token) -> Token | None:
    """The person a title phrase after an inverted cue ends in: "..., said White House Office
    of Science and Technology Policy Director Michael Kratsios." is Kratsios, not the office
    his title names. Only title words (names, nouns, "of", "and", "&") may come before him."""
    doc = first.doc
    for k in range(first.i, min(len(doc), first.i + MAX_TITLE_TOKENS)):
        tok = doc[k]
        if tok.ent_type_ == "PERSON":
            while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I" \
                    and doc[k + 1].ent_type_ == "PERSON":
                k += 1
            return doc[k] if k > first.i or tok.ent_iob_ == "B" else None
        if not (tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in TITLE_LINKS) \
                or "\n" in tok.whitespace_:
            return None
    return None


def line_end_name(first: Token) -> Token | None:
    """The last word of a name that closes its line after an inverted cue ("..., says
    Howard" in a headline the parser joined to the next paragraph), or None."""
    doc = first.doc
    k = first.i
    while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and "\n" not in doc[k].whitespace_ \
            and not doc[k + 1].is_space:
        k += 1
    if not (first.pos_ == "PROPN" or first.ent_type_ == "PERSON"):
        return None
    tail = doc[k + 1] if k + 1 < len(doc) else None
    if tail is None or tail.is_space or "\n" in doc[k].whitespace_ \
            or tail.is_punct and tail.text == "." and (k + 2 >= len(doc) or doc[k + 2].is_space):
        return doc[k]
    return None


def mistagged_subject(cue: Token) -> Token | None:
    """The name before a cue the tagger read as a noun ("The U.S. Department of Agriculture
    notes, '...'": "notes" a noun with the department as its modifier)."""
    if cue.pos_ != "NOUN":
        return None
    return next((c for c in cue.lefts if c.dep_ in ("nmod", "compound")
                 and c.ent_type_ in ENTITY_KIND), None)


def named_in(actor: Actor, quoted: str) -> bool:
    """Whether a quote names this person in the third person (by surname)."""
    if actor.kind != "person" or not quoted:
        return False
    last = actor.name.split()[-1] if actor.name.split() else ""
    if len(last) < MIN_SURNAME_CHARS or not last[:1].isupper():
        return False
    return re.search(rf"\b{re.escape(last)}\b", quoted) is not None


def institution_word(tok: Token, institutions: set[str]) -> bool:
    """Whether a noun phrase head can be what "it" speaks for: a name (an organization or a
    state) or an institution noun ("the ministry", "the company", an agent noun of the actor
    tables), never an abstract or event noun ("gun violence", "the attack")."""
    if tok.ent_type_:
        return tok.ent_type_ in INSTITUTION_ENTS
    if tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    if lemma in institutions or lemma in GENERIC:
        return True
    hit = tables().agent(lemma)
    return hit is not None and hit[0] not in ("", "-")
