"""Whose voice a government release's own "we" is: the issuing government alone, or a group
it speaks with or for ("Together, we ...", "As partners, we ...", "we Americans").

Read by the event stage (``events/arguments.py``) before it makes a release's "we" its
government: a shared "we" names no single party.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.data import word_class

if TYPE_CHECKING:
    from spacy.tokens import Token

ARGUMENT_WORDS = "event_arguments.json"


def shared_we(tok: Token) -> bool:
    """A release's "we" that is not its government alone: the issuer with partners
    ("Together, we will ...", "we both", "As partners, we will deepen our collaboration", "we
    and our allies") or a people ("we Americans", "As a nation, we must ..."): no single
    party acts. Read on the clause "we" belongs to (for "our collaboration", the verb above)."""
    words = word_class(ARGUMENT_WORDS, "shared_we_words")
    nations = word_class(ARGUMENT_WORDS, "nation_nouns")
    if any(c.lower_ in words or c.dep_ in ("conj", "appos") for c in tok.children):
        return True  # "we both", "we and our allies", "we Americans"
    clause = tok.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    for c in [*clause.children, *tok.children]:  # "As a nation, we" / "we as a nation"
        if c.dep_ == "advmod" and c.lower_ in words:
            return True
        if c.dep_ == "prep" and c.lower_ == "as" and any(
                o.dep_ == "pobj" and (o.tag_ in ("NNS", "NNPS") or o.lemma_.lower() in nations)
                for o in c.children):
            return True
    return False

