"""Statement-acts that no event verb names: judgements, thanks, criticism and stated needs.

A judgement of something or someone ("called the sentence dangerous": ACCUSE; "described
the judgement as historic": SUPPORT), an adjective of thanks or criticism with the party
it is about ("grateful to Poland", "critical of China's record"), and a stated need for a
party to act ("underscored the need for Russia to withdraw": a REQUEST of Russia). Each
reads the parse and the named groups of ``data/event_triggers.json``; the trigger stage
(``events.triggers``) calls them. Also here: a condemning adjective on a party's act ("its
brutal actions") and pointing out a party's merit ("acknowledged Armenia's progress").
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsledger.data import load_json
from newsledger.events.candidate import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsledger.events.arguments import Arg, ArgResolver

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
    code and the words (adjective, preposition). The preposition must have an object, not a
    pronoun of a thing ("grateful for it"); who it names is left to the argument stage (no
    actor there, no record). Only as a
    predicate or a clause of its own: "a critical role", "grateful to join" are no stance."""
    table = _lexicon()["adjective_stances"]
    if adj.pos_ != "ADJ" or adj.dep_ not in ("acomp", "ROOT", "conj", "advcl", "ccomp"):
        return None
    preps = table.get(adj.lemma_.lower()) or table.get(adj.lower_)
    if not isinstance(preps, dict):
        return None
    things = table["things"]
    for p in adj.children:
        code = preps.get(p.lower_) if p.dep_ == "prep" else None
        if code and any(o.dep_ == "pobj" and o.lower_ not in things for o in p.children):
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
        if c.dep_ in INFINITIVE_DEPS and to_infinitive(c) and \
                any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
        if c.dep_ == "prep" and c.lower_ == "for":
            for x in c.children:
                if x.dep_ == "pobj" and any(
                        k.dep_ in INFINITIVE_DEPS and to_infinitive(k) for k in x.children):
                    return x
    return None


def to_infinitive(v: Token) -> bool:
    """``v`` is a verb with its "to" ("to pass", "to withdraw")."""
    return v.pos_ in ("VERB", "AUX") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in v.children)


def acknowledged_merit(v: Token) -> tuple[Token, Token] | None:
    """"acknowledged Armenia's progress", "highlighted Ghana's role as a security leader":
    a verb of pointing out (``acknowledged_merits`` verbs) whose object is a party's merit
    (its progress, leadership, contributions ...) praises that party (PLOVER SUPPORT).
    Returns (the merit, its possessor). Commitments and support are not merits: "underscored
    the United States' commitment" states the speaker's own stance, no praise of anyone."""
    table = _lexicon()["acknowledged_merits"]
    if v.pos_ != "VERB" or v.lemma_.lower() not in table["verbs"]:
        return None
    for obj in v.children:
        if obj.dep_ != "dobj":
            continue
        if not _merit(obj, table):
            inner = _owned_of(obj)
            if inner is not None and _merit(inner, table):
                return inner, obj  # "the Government of Bangladesh's progress"
            continue
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PROPN":
            return obj, owner
    return None


def _owned_of(name: Token) -> Token | None:
    """"the Government of Bangladesh's progress", parsed "Government of [Bangladesh's
    progress]": the possessed noun under a proper name's "of", whose owner is the whole
    name ("the Republic of Korea's leadership")."""
    if name.pos_ != "PROPN":
        return None
    for prep in name.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
                if pobj.dep_ == "pobj" and owner is not None and owner.pos_ == "PROPN" \
                        and owner.i == prep.i + 1:
                    return pobj
    return None


def _merit(obj: Token, table: dict) -> bool:
    """A merit noun; a role only as a merit ("its role as a leader", "its vital role"), not
    any part played ("Iran's role in the attacks")."""
    word = obj.lemma_.lower()
    if word in table["merits"]:
        return True
    # the parser hangs "as a leader" on the role or, as often, on the verb right after it
    after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
    as_verb = after is not None and after.lower_ == "as" and after.head.i == obj.head.i
    return word in table["roles"] and (as_verb or any(
        c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "amod" and
        c.lemma_.lower() in table["role_modifiers"] for c in obj.children))


def clause_subject(v: Token) -> Token | None:
    """The subject of ``v``, or of the verb it is conjoined to when it has none ("the
    findings are disturbing and underscore the need")."""
    node = v
    while node.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in node.children):
        node = node.head
    return next((c for c in node.children if c.dep_ == "nsubj"), None)


# candidates ---------------------------------------------------------------------------------

DEMANDED_ENTS = ("ORG", "GPE", "NORP", "PERSON")


def demanded(tok: Token, args: ArgResolver) -> Candidate | None:
    """"Russia must withdraw its forces", "Congress must make background checks universal":
    a speaker saying that a party must act demands it (PLOVER REQUEST, CAMEO 10), from the
    speaker to that party. Only inside something said (a quotation, a reported clause, an
    issuer's statement), whose speaker is known; not a speaker's own side ("we must",
    "the United States must lead" said by its President), nor a passive ("must be held
    accountable": who should hold them is not said), nor a question or condition. The
    trigger is the modal with its verb; the verb keeps its own reading ("withdraw", as a
    hypothetical RETREAT)."""
    if tok.lower_ not in _lexicon()["demand_modals"] or tok.dep_ != "aux" or \
            tok.head.pos_ != "VERB":
        return None
    v = tok.head
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or \
            any(c.dep_ == "mark" and c.lower_ != "that" for c in v.children):
        return None  # a passive, or "if X must ...", "because X must ..."
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or not (
            subj.pos_ == "PROPN" or subj.ent_type_ in DEMANDED_ENTS):
        return None  # a named party: not "they", "governments", "every little girl"
    speaker = args.speaker_at(tok.idx)
    if speaker is None:
        return None
    own = args.own_side([speaker])
    home = speaker.actor.country or args.actors.home_country
    named = args.resolve(subj)
    targets = [a for a in named if a.actor.id not in own and
               not (a.actor.kind == "state" and a.actor.country == home)]
    if not targets or len(targets) != len(named):
        return None
    return Candidate(tok, [tok, v], "REQUEST", None, sources=[speaker], targets=targets)


def needed(v: Token, args: ArgResolver) -> Candidate | None:
    """"underscored the need for Russia to withdraw": a request of the party named (see
    ``need_request``); none when the party is neither an actor nor a common noun (whom
    the gate reads as a stated addressee: "the need for all countries to condemn ..."),
    nor when the subject is a thing, not a speaker ("this underscores the need for
    Congress to act")."""
    found = need_request(v)
    if found is None:
        return None
    targets = args.resolve(found[1])
    if not targets and found[1].pos_ != "NOUN":
        return None  # a common noun ("all countries") may still be a stated addressee
        # that the event gate accepts (filters.addressee)
    if _thing_said(v, args):
        return None  # "this underscores the need for Congress to act": nobody asks
    return Candidate(v, [v, found[0]], "REQUEST", None, targets=targets)


def _thing_said(v: Token, args: ArgResolver) -> bool:
    """The subject of ``v`` is a thing, not a speaker: "this underscores the need", "the
    visit will highlight Kenya's role" (a pronoun other than the ``speakers`` of
    ``stated_needs``, or a common noun that names no actor)."""
    subj = clause_subject(v)
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ not in _lexicon()["stated_needs"]["speakers"]
    return subj.pos_ == "NOUN" and not args.resolve(subj)


def praised(v: Token, args: ArgResolver) -> Candidate | None:
    """"acknowledged Armenia's progress": praise of the party whose merit it is (see
    ``acknowledged_merit``), only when the subject and the praised name actors
    of two known countries (one's own side's merit is no praise of another: "the President
    will highlight the Administration's progress")."""
    found = acknowledged_merit(v)
    targets = args.resolve(found[1]) if found is not None else []
    if not targets or _thing_said(v, args):
        return None  # "the visit will highlight Kenya's role": nobody praises
    subj = clause_subject(v)
    own = args.resolve(subj) if subj is not None else []
    sides = {a.actor.country for a in own}
    if not own or None in sides or any(a.actor.country in sides | {None} for a in targets):
        return None  # "the President emphasized America's leadership": its own side
    return Candidate(v, [v, found[0]], "SUPPORT", None, targets=targets)


def condemnation(adj: Token, args: ArgResolver) -> Candidate | None:
    """"its brutal actions", "Russia's unprovoked war": a condemning adjective on an act
    whose possessor is the accused (the target)."""
    words = _lexicon()["condemnations"]
    if adj.pos_ != "ADJ" or adj.lemma_.lower() not in words["adjectives"]:
        return None
    # only as a modifier: predicated ("X's actions are deplorable"), the clause's subject is
    # the act, and its owner would be read as the one who condemns
    act = adj.head
    if adj.dep_ != "amod" or act.lemma_.lower() not in words["acts"]:
        return None
    owner = next((c for c in act.children if c.dep_ == "poss"), None)
    targets = args.resolve(owner) if owner is not None else []
    if not targets:
        return None
    return Candidate(adj, [adj], "ACCUSE", "disapprove", sources=_condemner(act, targets, args),
                     targets=targets)


def _condemner(act: Token, accused: list[Arg], args: ArgResolver) -> list[Arg]:
    """Who condemns: the subject of the nearest verb above the act that names an actor
    other than the accused ("The leaders underscored ... its brutal actions")."""
    seen = {a.actor.id for a in accused}
    node = act
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue  # "hold Russia accountable for its war": Russia is held, not condemning
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        found = args.resolve(subj) if subj is not None else []
        if found:
            return [] if any(a.actor.id in seen for a in found) else found
    return []
