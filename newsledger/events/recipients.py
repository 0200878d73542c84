"""Recipients and targets the parse states away from the verb's own phrases: the party a
gift's purpose helps ("donated vaccines to support Bangladesh's response"), the recipient
on a noun of giving ("a pledge of humanitarian aid to Ukraine"), and the owner of a stance's
object named with "of" ("welcomed the decision of the Government of Kenya"). Used by
:mod:`newsledger.events.roles` when the object and prepositional phrases name no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.data import word_class
from newsledger.events.arguments import ARGUMENT_WORDS, Arg, ArgResolver, prep_objects
from newsledger.events.triggers import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Stances toward what someone did or said: the owner of the object is the target
# ("welcomed the decision of the Government of Kenya", "rejected the claims of Russia");
# not acts done to the object ("execute the sentence of the Supreme Court").
OWNER_TYPES = {"SUPPORT", "ACCUSE", "REJECT", "CONCEDE"}
OWNER_PREPS = {"of", "by"}  # "the decision of Kenya", "a proposal by France"
OWNER_MODIFIER_DEPS = ("compound", "amod", "nmod")
OWNER_MODIFIER_ENTS = ("GPE", "NORP", "ORG")  # a name, not a kind ("small businesses")


def beneficiary(v: Token, args: ArgResolver, own: set[str]) -> list[Arg]:
    """Whom a gift is for when no recipient phrase says it: the party its purpose clause
    helps ("donated vaccines to support Bangladesh's response", "provided $5 million to
    help Tonga"), or the one the gift itself helps ("the doses the United States donated
    ... are helping to support Bangladesh's response"). Only verbs of helping
    (``benefit_verbs``): "to strengthen democracy" or "to address the crisis" help no one
    named."""
    clauses = [ch for ch in v.children if ch.dep_ in ("advcl", "xcomp") and
               any(t.dep_ == "aux" and t.lower_ == "to" for t in ch.children)]
    if v.dep_ == "relcl" and v.head.dep_ == "nsubj" and v.head.head.pos_ == "VERB":
        clauses.append(v.head.head)  # the gift is the subject of the helping verb
    benefit = _words("benefit_verbs")
    for clause in clauses:
        while lemma_of(clause) in benefit and clause.dep_ != "dobj":
            # "are helping to support X", "help to bolster X": the last verb of helping
            nxt = next((t for t in clause.children if t.dep_ == "xcomp" and
                        lemma_of(t) in benefit), None)
            if nxt is None:
                break
            clause = nxt
        if lemma_of(clause) not in benefit:
            continue
        for obj in (t for t in clause.children if t.dep_ in ("dobj", "dative")):
            # a people or body of a country, not a kind of people ("to support small
            # businesses" names a program's public, no party)
            found = [a for a in args.resolve(obj) if a.actor.id not in own and
                     a.actor.kind != "other" and (a.actor.kind != "group" or a.actor.country)]
            if found:
                return found
    return []


def giving_phrases(n: Token, etype: str) -> list[Token]:
    """The recipient phrase of a noun of giving over an aid noun ("a pledge of humanitarian
    aid to Ukraine", "the delivery of assistance to Gaza": the parser hangs "to" on the
    pledge or delivery)."""
    if etype != "AID" or n.dep_ != "pobj" or n.head.lower_ != "of" or \
            n.head.head.lemma_.lower() not in _words("giving_nouns"):
        return []
    giving = n.head.head
    found = prep_objects(giving, {"to", "for"})
    if giving.dep_ == "dobj":  # "announced a pledge of aid to millions": on its verb
        found += [t for t in prep_objects(giving.head, {"to"}) if t.i > giving.i]
    return found


def of_owner(obj: Token, args: ArgResolver, own: set[str],
              own_countries: set[str | None]) -> list[Arg]:
    """The owner a common noun names with "of", as a possessor would ("welcomed the
    decision of the Government of Kenya" as "Kenya's decision", "rejected the claims of
    Russia"), when the noun has no possessor of its own."""
    if obj.pos_ != "NOUN" or any(ch.dep_ == "poss" for ch in obj.children):
        return []
    if obj.lemma_.lower() not in _words("owned_nouns"):
        # "the creation of the Initiative": what is made, not who makes it
        return _modifier_owner(obj, args, own, own_countries)
    home = args.actors.home_country
    for owner in prep_objects(obj, OWNER_PREPS):  # "a proposal by France" is France's too
        if owner.pos_ in ("PROPN", "NOUN") and owner.dep_ == "pobj":
            # a party: a state, a body, a person, a nation's people -- not a kind of
            # people ("the vital role of women", "the health of veterans"), a release's
            # own public, or the source's own ("defending the rights of American
            # investors", "we appreciate the hard work of the Justice Department")
            found = [a for a in args.resolve(owner) if a.actor.id not in own and
                     a.actor.kind != "other" and (a.actor.kind != "group" or (
                         a.actor.country and a.actor.country != home)) and
                     not (a.actor.country and a.actor.country in own_countries)]
            if found:
                return found
    return _modifier_owner(obj, args, own, own_countries)


def _modifier_owner(obj: Token, args: ArgResolver, own: set[str],
                    own_countries: set[str | None]) -> list[Arg]:
    """The state or body a name before the noun makes its owner ("welcomed a U.S.
    proposal", "condemned the Russian invasion", "rejected Chinese claims") or a "from"
    phrase names as its giver ("welcomed investment from U.S. firms"), never the
    source's own ("praised the American economy" is no act towards anyone): so only for a
    source whose country is known."""
    if not own_countries or None in own_countries:
        return []
    for giver in prep_objects(obj, {"from"}):
        # "welcomed investment from U.S. firms", "rejected demands from Moscow"
        found = [a for a in args.resolve(giver) if a.actor.id not in own and
                 a.actor.kind != "other" and
                 not (a.actor.country and a.actor.country in own_countries)]
        if found:
            return found
    for mod in obj.children:
        if mod.i > obj.i or mod.dep_ not in OWNER_MODIFIER_DEPS or \
                mod.ent_type_ not in OWNER_MODIFIER_ENTS:
            continue
        found = [a for a in args.resolve(mod, conjuncts=False) if a.actor.id not in own and
                 a.actor.kind in ("state", "organization") and
                 not (a.actor.country and a.actor.country in own_countries)]
        if found:
            return found
    return []


def _words(group: str) -> frozenset[str]:
    """A word group of ``data/event_arguments.json``."""
    return word_class(ARGUMENT_WORDS, group)
