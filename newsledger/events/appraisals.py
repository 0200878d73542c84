"""Statement-acts that no event verb names: judgements, thanks, criticism and stated needs.

A judgement of something or someone ("called the sentence dangerous": ACCUSE; "described
the judgement as historic": SUPPORT), an adjective of thanks or criticism with the party
it is about ("grateful to Poland", "critical of China's record"), and a stated need for a
party to act ("underscored the need for Russia to withdraw": a REQUEST of Russia). Each
reads the parse and the named groups of ``data/event_triggers.json``; the trigger stage
(``events.triggers``) turns what these find into candidates.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsledger.data import load_json

if TYPE_CHECKING:
    from spacy.tokens import Token

PREDICATE_DEPS = ("oprd", "ccomp", "xcomp", "acomp", "dep")  # "called it dangerous"
# Children that carry the adjective a verb predicates of its object: the parser reads "hold
# Russia accountable" as a clause ("Russia accountable") and "be held accountable" as acomp.
COMPLEMENT_DEPS = ("ccomp", "acomp", "oprd", "xcomp", "advmod", "dep", "amod")
HELD_ENTS = ("GPE", "ORG", "PERSON", "NORP")  # who can be held to account by name
INFINITIVE_DEPS = ("advcl", "acl", "relcl", "xcomp", "ccomp")


@cache
def _lexicon() -> dict:
    return load_json("event_triggers.json")


def predicates(v: Token, obj: Token) -> list[Token]:
    """What a verb predicates of its object: "called the sentence dangerous", "branded the
    activists terrorists", "described the judgement as historic", with their conjuncts."""
    out = [c for c in v.children if c.dep_ in PREDICATE_DEPS or c.dep_ == "dobj" and
           c.i > obj.i]
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ == "as":
            out += [c for c in p.children if c.dep_ in ("pobj", "amod", "acomp")]
    out += [c for w in out for c in w.conjuncts]
    return [w for w in out if w.pos_ in ("ADJ", "NOUN", "PROPN")]  # not "called X to discuss"


def evaluation(v: Token, lemma: str, obj: Token | None) -> tuple[str, list[Token]] | None:
    """A judgement of something or someone: condemnation (ACCUSE) or praise (SUPPORT)."""
    ev = _lexicon()["evaluations"]
    if obj is None or lemma not in ev["verbs"]:
        return None
    for w in predicates(v, obj):
        word = w.lemma_.lower()
        if word in ev["negative"]:
            return "ACCUSE:disapprove", [v, w]
        if word in ev["positive"]:
            return "SUPPORT", [v, w]
    return None


def complement(v: Token, lemma: str) -> tuple[str, list[Token]] | None:
    """Verb + the adjective it predicates of a named actor: "hold Russia accountable",
    "Iran will be held responsible". With a common noun the phrase is a slogan or a right
    ("hold bad actors accountable", "a right to hold their government accountable")."""
    table = _lexicon()["verb_complements"]
    for c in v.children:
        if c.dep_ in COMPLEMENT_DEPS and c.pos_ == "ADJ":
            code = table.get(f"{lemma} {c.lemma_.lower()}")
            held = [t for t in c.children if t.dep_ == "nsubj"] + \
                [t for t in v.children if t.dep_ in ("dobj", "nsubjpass")]
            if code and any(t.ent_type_ in HELD_ENTS for t in held):
                return code, [v, c]
    return None


def verbal_attack(v: Token, obj: Token | None) -> bool:
    """"attacked" in words: by a publication or statement, or against a claim or policy."""
    words = _lexicon()["verbal_attack"]
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
        subj = v.head  # "Freedom Magazine, which attacked ..."
    if subj is not None and subj.lemma_.lower() in words["sources"]:
        return True
    return obj is not None and obj.lemma_.lower() in words["objects"]


def adjective_stance(adj: Token) -> tuple[str, list[Token]] | None:
    """An adjective of thanks or criticism with the preposition that names whom it is about
    ("the United States is grateful to Poland", "she was critical of China's record"): the
    code and the words (adjective, preposition). The preposition must have an object; who
    it names is left to the argument stage (no actor there, no record). Only as a
    predicate or a clause of its own: "a critical role", "grateful to join" are no stance."""
    table = _lexicon()["adjective_stances"]
    if adj.pos_ != "ADJ" or adj.dep_ not in ("acomp", "ROOT", "conj", "advcl", "ccomp"):
        return None
    preps = table.get(adj.lemma_.lower()) or table.get(adj.lower_)
    if not isinstance(preps, dict):
        return None
    for p in adj.children:
        code = preps.get(p.lower_) if p.dep_ == "prep" else None
        if code and any(o.dep_ == "pobj" for o in p.children):
            return code, [adj, p]
    return None


def need_request(v: Token) -> tuple[Token, Token] | None:
    """"underscored the need for Russia to withdraw its forces": stressing that a party
    needs to act asks it to (PLOVER REQUEST). The noun of need (an object of one of the
    ``stated_needs`` verbs) with "for <party> to <verb>"; returns (the noun, the party).
    A need with no party ("stressed the need to de-escalate") asks nobody in particular."""
    table = _lexicon()["stated_needs"]
    if v.pos_ != "VERB" or v.lemma_.lower() not in table["verbs"]:
        return None
    for need in v.children:
        if need.dep_ != "dobj" or need.lemma_.lower() not in table["nouns"]:
            continue
        party = _needing_party(need)
        if party is not None:
            return need, party
    return None


def _needing_party(need: Token) -> Token | None:
    """X of "the need for X to <verb>", however the parser hangs it: "for" as the mark of
    an infinitive clause whose subject is X, or as a preposition whose object X carries the
    infinitive."""
    for c in need.children:
        if c.dep_ in INFINITIVE_DEPS and _to_infinitive(c) and \
                any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        if c.dep_ == "prep" and c.lower_ == "for":
            for x in c.children:
                if x.dep_ == "pobj" and any(
                        k.dep_ in INFINITIVE_DEPS and _to_infinitive(k) for k in x.children):
                    return x
    return None


def _to_infinitive(v: Token) -> bool:
    return v.pos_ in ("VERB", "AUX") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in v.children)
