"""Which event candidates are political events at all.

A trigger word is not enough: "shares fell", "the storm hit the coast", "most of those
surveyed backed the minister", "the team hit back" use event words in senses that are not
acts of one political actor on another. The contexts that tell them apart are named groups
of lemmas in ``data/event_filters.json`` (markets, sports, polls, disasters, products,
idioms, habitual statements), and the shapes in which an act word reports no act of its
type are in :mod:`newsledger.events.misreadings`. Questions (a sentence ending in "?")
state no event: interview and rhetorical questions ask, they do not report.

The type constraints of an event record live here too: an event needs an actor; ASSAULT
needs a target and an agent or an attack noun; AID a recipient; CONSULT two parties; every
type but joint action, mobilisation and protest needs its target -- except one-sided shapes
that can still be checked (asserted speech acts and agentive acts, an act whose verb names
its matter, a meeting with a stated counterpart, a body meeting as a body; word groups in
``data/event_gate.json``).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsledger.data import load_json, word_classes
from newsledger.events.appraisals import need_request
from newsledger.events.misreadings import (
    misread_words,
    misreading,
    noun_in,
    party,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "pobj", "attr", "poss", "compound"}
SPORTS_REPORT_WORDS = 6  # distinct sports words that make a document a match report
SENSE_GROUPS = ("markets", "sports", "polls", "disasters", "products", "press")
CONTEXT_WINDOW = 12  # tokens either side of the trigger searched for context words
QUESTION_MARKS = {"?"}
# Types whose record may stand without a target: joint action ("the two navies
# cooperated"), mobilisation and protest are often reported without one. Every other PLOVER
# type is an act on someone; without the target the record cannot be checked, and on
# news-dev none of the one-sided records of those types was right.
MONADIC = {"COOPERATE", "MOBILIZE", "PROTEST"}
# Speech acts that are complete with their speaker alone: "critics charge", "Moscow denied
# the report", "X threatened retaliation" -- checkable against the named speaker even when
# the addressee is no actor. Only asserted verbs: a one-sided act that was not done ("Iran
# does not threaten") or a one-sided noun ("claims") states nothing checkable. REQUEST,
# SUPPORT and AGREE are not here: one-sided, their words are mostly questions and pursuits
# ("asked whether", "is seeking"), commitment or funding ("is committed to"), and on
# news-dev and the seed those records were mostly not those events.
SPOKEN = {"ACCUSE", "REJECT", "THREATEN"}
# Acts done to someone the report need not name, complete with their agent when a verb
# asserts them: "Thailand cracked down on trafficking", "the minister resigned", "the
# rebels withdrew". Asserted verbs only, as for ``SPOKEN``; AID
# stays out (the issue: AID needs its recipient), ASSAULT needs its target.
AGENTIVE = {"COERCE", "RETREAT:resign", "RETREAT:withdraw"}
# ... except restrictions: "we blocked", "the ministry banned" without what was blocked or
# banned are not checkable (and "block" is as often interception as coercion); and arrests:
# "police arrested a man" without who it was cannot be told from another arrest, and such
# records merged two different arrests on the ECB+ arrests topic. RETREAT only resigns and
# withdraws: "released" alone is as often a report as a prisoner.
NOT_AGENTIVE_MODES = {"restrict", "arrest"}
# Acts complete with their named agent and their matter, when a verb asserts or announces
# the agent does them: "the Quad Vaccine Partnership provided 484 million doses", "MMI has
# conducted attacks", "Rathbun requested donations", "the United States will provide $85
# million in assistance" (future aid is an event: the news-dev convention). The matter is a noun of the type's group in
# ``data/event_gate.json`` (the verb's object, or the event noun under a light verb). Bare
# "provided support", "called for action" stay out: their object names no matter of the act.
# SUPPORT only by signing or ratifying an instrument ("proud to sign the PACT Act into law"),
# or by declaring a stance for a stated cause (``declared_stance``).
THING_TYPES = ("AID", "ASSAULT", "REQUEST", "SUPPORT")
# The matter of a request is also its "for" phrase: "called for an investigation", "asked
# for assistance", "appealed for a ceasefire".
MATTER_PREPS = {"REQUEST": ("for",)}
# Meetings whose counterpart the text states even when it is no actor ("will meet with civil
# society groups", "we are in contact with all relevant parties"): checkable against the
# stated counterpart, as a target is.
COUNTERPART_TYPES = {"CONSULT", "REQUEST"}
ADDRESS_PREPS = ("on", "upon", "to")  # "calls on all parties to ...", "appealed to all sides to ..."
COUNTERPART_MODALITIES = {"asserted", "future"}  # "we can speak with partners" is generic
MET_ENTS = {"PERSON", "GPE", "NORP"}  # entities one meets as the object of "meet"
# A body that meets as a body is a meeting of its members: "the Quad will meet regularly",
# "the Commission will hold a public meeting" (CONSULT with its source alone). Only bodies:
# "Biden will hold a meeting" or "Japan will meet" leave out whom they meet.
ASSEMBLY_KINDS = {"organization", "group"}
# A verb that only describes ("people seeking asylum", "under the pretense of providing
# aid") asserts nothing of its agent: the ``thing`` shape needs a clause of its own.
DESCRIBING_DEPS = {"acl", "pcomp", "amod"}


@cache
def _groups() -> dict:
    return load_json("event_filters.json")


@cache
def _argument_words() -> dict[str, frozenset[str]]:
    return {g: frozenset(_groups()[g]["arguments"]) for g in SENSE_GROUPS}


@cache
def _roles() -> dict[str, frozenset[str] | None]:
    """The argument roles in which a group's words show the sense (None: any role)."""
    return {g: frozenset(_groups()[g]["roles"]) if "roles" in _groups()[g] else None
            for g in SENSE_GROUPS}


@cache
def _types() -> dict[str, frozenset[str] | None]:
    """The event types a group applies to (None: every type)."""
    return {g: frozenset(_groups()[g]["types"]) if "types" in _groups()[g] else None
            for g in SENSE_GROUPS}


@cache
def _context_words() -> frozenset[str]:
    return frozenset(w for g in SENSE_GROUPS for w in _groups()[g].get("context", ()))


@cache
def _idioms() -> frozenset[str]:
    return frozenset(_groups()["idioms"]["phrases"])


@cache
def _habitual() -> tuple[frozenset[str], frozenset[str]]:
    h = _groups()["habitual"]
    return frozenset(h["adverbs"]), frozenset(h["governors"])


@cache
def _schedule_adverbs() -> frozenset[str]:
    return frozenset(_groups()["habitual"]["schedule_adverbs"])


@cache
def _gate_words() -> dict[str, frozenset[str]]:
    return word_classes("event_gate.json")


def thing_object(etype: str, head: Token, light: Token | None) -> bool:
    """The verb asserting an act of ``etype`` has the act's matter as its object ("provided
    doses", "fired one shell"), or the event noun under a light verb is the matter itself
    ("conducted attacks")."""
    if etype == "SUPPORT" and declared_stance(head, light):
        return True
    things = _gate_words().get(f"{etype}_things")
    if things is None:
        return False
    verb = light if light is not None else head
    if verb.lemma_.lower() in _gate_words()["recipient_verbs"]:
        return False
    verbs = _gate_words().get(f"{etype}_verbs")
    if verbs is not None and verb.lemma_.lower() not in verbs:
        return False
    if light is not None:
        return light.dep_ not in DESCRIBING_DEPS and noun_in(head, things)
    if head.pos_ != "VERB" or head.dep_ in DESCRIBING_DEPS:
        return False
    objs = [c for c in head.children if c.dep_ == "dobj"]
    objs += [o for p in head.children if p.dep_ == "prep" and
             p.lower_ in MATTER_PREPS.get(etype, ()) for o in p.children if o.dep_ == "pobj"]
    return any(noun_in(o, things) for o in objs)


def declared_stance(head: Token, light: Token | None) -> bool:
    """Support declared for a stated cause: a stance noun ("support", "commitment", not
    "condolences" or "the need") under a verb that declares it
    ("reaffirmed their commitment *to* the framework of responsible state behavior",
    "expressed support *for* Ukraine's sovereignty"). The declaring verb makes it an act
    of its speaker, and the cause makes it checkable without a target actor; a bare "is
    committed to" or "provided support" declares nothing."""
    verb = light if light is not None else head
    if verb.dep_ in DESCRIBING_DEPS or verb.lemma_.lower() not in _gate_words()["declaring_verbs"]:
        return False
    nouns = [head] if light is not None else [c for c in head.children if c.dep_ == "dobj"]
    nouns = [n for n in nouns if n.lemma_.lower() in _gate_words()["stance_nouns"]]
    return any(p.dep_ == "prep" and p.lower_ in ("to", "for") and
               any(o.dep_ == "pobj" for o in p.children)
               for n in nouns for p in n.children)


def counterpart(head: Token, light: Token | None) -> Token | None:
    """The stated counterpart of a meeting, actor or not: the object of "with" on the event
    word or its light verb ("meet with civil society groups", "meetings with government"),
    or of a meeting verb that takes it as object ("will meet Doreen Bogdan-Martin") or, in
    the passive, as agent ("was briefed by his national security team"), when
    it names a party -- a name, a named entity or a party noun of
    ``data/event_gate.json`` ("with one voice", "with high standards", "with them" name
    no one)."""
    for word in (head, light):
        if word is None:
            continue
        for c in word.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None and party(obj):
                    return obj
    if light is None and head.pos_ == "VERB" and \
            head.lemma_.lower() in _gate_words()["object_counterpart_verbs"]:
        found = next((c for c in head.children if c.dep_ == "dobj" and _met_party(c)), None)
        # the passive's agent: "he had just been briefed by his national security team"
        return found or next((p for a in head.children if a.dep_ == "agent"
                              for p in a.children if p.dep_ == "pobj" and _met_party(p)), None)
    return None


def addressee(head: Token) -> Token | None:
    """Whom a request asks to act, actor or not, when the text states it: the object of
    "urge", "encourage", "press" or of "call on", "appeal to" that an infinitive of the act
    follows ("calls on all parties to choose peace", "urged governments to act"), or the
    party of a stated need ("underscored the need for all countries to condemn ..."), when
    it names a party (a name, a named entity or a party noun)."""
    if head.pos_ != "VERB":
        return None
    need = need_request(head)  # "underscored the need for all countries to condemn"
    if need is not None and _addressed_party(need[1]):
        return need[1]
    if not any(c.dep_ == "xcomp" and c.i > head.i for c in head.children):
        return None
    for c in head.children:
        if c.dep_ == "dobj" and _addressed_party(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ADDRESS_PREPS:
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None and _addressed_party(obj):
                return obj
    return None


def _addressed_party(tok: Token) -> bool:
    """A party asked to act -- not one's own offices ("the President urged agencies to
    ...", "asked his staff to ...": an order at work, no request between actors)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in _gate_words()["internal_addressees"] | \
            misread_words()["internal_parties"]:
        return False
    return party(tok) or tok.pos_ == "NOUN" and lemma in _gate_words()["addressed_parties"]


def _met_party(tok: Token) -> bool:
    """The object of "meet" is a party only when a person, people, a country or a party
    noun: "meet the PFAS Challenges", "meeting the President's Justice40 Initiative" (a
    name, someone's programme, even when the tagger calls it a person) are goals met."""
    if tok.ent_type_ in MET_ENTS and not any(c.dep_ == "poss" for c in tok.children):
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _gate_words()["party_nouns"]


def assembly(head: Token, light: Token | None, kind: str | None) -> bool:
    """A body of ``kind`` meets as a body: a meeting verb with no object ("the Quad will
    meet"), or a meeting noun under "hold"/"convene" ("will hold a public meeting")."""
    if kind not in ASSEMBLY_KINDS:
        return False
    words = _gate_words()
    if light is not None:
        return light.lemma_.lower() in words["assembly_light_verbs"]
    return head.pos_ == "VERB" and head.lemma_.lower() in words["assembly_verbs"] and \
        not any(c.dep_ in ("dobj", "prep") and (c.dep_ == "dobj" or c.lower_ == "with")
                for c in head.children)


def _argument_heads(clause: Token) -> list[tuple[Token, str]]:
    """Subject, object and prepositional-object heads of a clause (one level down), each
    with its role: the dependency label, "agent" for a passive's "by" object, "pobj" for
    the object of any other preposition."""
    out = []
    for c in clause.children:
        if c.dep_ in ARG_DEPS:
            out.append((c, c.dep_))
        elif c.dep_ in ("prep", "agent"):
            role = "agent" if c.dep_ == "agent" else "pobj"
            out.extend((p, role) for p in c.children if p.dep_ == "pobj")
    return out


def sense_filter(head: Token, clause: Token, sent: Span, etype: str | None = None) -> str | None:
    """The name of the group that shows ``head`` is not a political event, or None. A group
    that lists ``types`` applies to those event types only ("briefed reporters" is no
    CONSULT, "attacked reporters" is an ASSAULT)."""
    misread = misreading(head, etype)
    if misread is not None:
        return misread
    if head.lemma_.lower() in _groups()["sports"]["plays"] and sports_report(head.doc):
        return "sports"  # "started the game with attacking style", "was saved by Courtois"
    groups, roles, types = _argument_words(), _roles(), _types()
    heads = _argument_heads(clause)
    if clause.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or head.pos_ in ("NOUN", "PROPN"):
        heads += _argument_heads(head)
    if head.pos_ in ("NOUN", "PROPN"):
        heads += [(c, c.dep_) for c in head.children if c.dep_ in ("compound", "amod")]
    for name in SENSE_GROUPS:
        allowed = roles[name]
        if types[name] is not None and etype not in types[name]:
            continue
        if any(t.lemma_.lower() in groups[name] and (allowed is None or role in allowed)
               for t, role in heads):
            return name
    lo = max(sent.start, head.i - CONTEXT_WINDOW)
    hi = min(sent.end, head.i + CONTEXT_WINDOW + 1)
    context = _context_words()
    matter = {t.i for t, role in heads if role == "dobj"}  # "boycotting the poll"
    if any((t.lower_ in context or t.lemma_.lower() in context) and t.i not in matter
           for t in head.doc[lo:hi]):
        return "context"
    return None


def sports_report(doc: Doc) -> bool:
    """A match report: the document uses ``SPORTS_REPORT_WORDS`` distinct words of the
    sports group (a story that mentions a medal or a coach once is not one). Computed once
    per parsed document."""
    key = "newsledger_sports_report"
    if key not in doc.user_data:
        words = _sports_words()
        found = {t.lemma_.lower() for t in doc if t.lemma_.lower() in words or t.lower_ in words}
        doc.user_data[key] = len(found) >= SPORTS_REPORT_WORDS
    return bool(doc.user_data[key])


@cache
def _sports_words() -> frozenset[str]:
    return _argument_words()["sports"] | frozenset(_groups()["sports"]["context"])


def idiom(verb: Token) -> bool:
    """Verb + particle/object idioms that are no act ("hit back", "take a toll")."""
    lemma = verb.lemma_.lower()
    phrases = _idioms()
    for c in verb.children:
        if c.dep_ in ("prt", "dobj", "advmod") and f"{lemma} {c.lemma_.lower()}" in phrases:
            return True
    return False


def habitual(clause: Token, future: bool = False) -> bool:
    """Generic or habitual statements: "we always defend", "a history of working together".
    A ``future`` clause with a schedule adverb is a schedule announced, not a habit: "the
    Quad will meet regularly" is future meetings (the news-dev convention: CONSULT future);
    any other habitual adverb keeps it generic ("the President will always defend American
    interests")."""
    adverbs, governors = _habitual()
    schedule = _schedule_adverbs() if future else frozenset()
    if any(c.dep_ == "advmod" and c.lower_ in adverbs and c.lower_ not in schedule
           for c in clause.children):
        return True
    node = clause
    for _ in range(3):
        if node.dep_ not in ("pcomp", "pobj", "prep", "acl"):
            return False
        node = node.head
        if node.lemma_.lower() in governors and node.pos_ == "NOUN":
            return True
    return False


def question(sent: Span, head: Token | None = None) -> bool:
    """A sentence that asks: its last non-space token is a question mark (a quote's
    closing mark after it is allowed). With ``head``, a question quoted after the event's
    word, that another verb introduces in a past-tense report, is not the event's: 'were
    critical of the attacks, with one poster writing "How can people look at both
    sides?"' reports criticism and asks nothing, while 'asked him, "Am I going to die?"'
    asks."""
    closing = False
    for t in reversed(sent):
        if t.is_space:
            continue
        if t.is_quote:
            closing = True
            continue
        if t.text not in QUESTION_MARKS:
            return False
        if closing and head is not None:
            opening = next((q for q in reversed(sent[:t.i - sent.start]) if q.is_quote), None)
            if opening is not None and opening.i > head.i and sent.root.tag_ == "VBD" and \
                    any(w.pos_ == "VERB" for w in head.doc[head.i + 1:opening.i]):
                return False  # a report that another verb's quotation ends ("with one
                # poster writing"); not a speaker's own "you promise me you will not say?"
        return True
    return False


def meets_constraints(etype: str, has_source: bool, has_target: bool, nominal: bool,
                      asserted: bool = False, mode: str | None = None, *,
                      thing: bool = False, stated_counterpart: bool = False,
                      modality: str | None = None, body: bool = False) -> bool:
    """An event names an actor; ASSAULT needs a target and an agent or an attack noun, AID
    a recipient, CONSULT a counterpart, and all but ``MONADIC`` types a target.

    One-sided records stand when they can still be checked: ``SPOKEN`` and ``AGENTIVE``
    acts whose agent a verb asserts; ``THING_TYPES`` whose asserted or future verb names
    the act's matter (``thing``, see ``thing_object``); a meeting (``modality`` asserted or
    future) whose counterpart is stated, actor or not (``stated_counterpart``), or a body
    meeting as a body (``body``, see ``assembly``)."""
    if not (has_source or has_target):
        return False
    agentive = (etype in AGENTIVE or f"{etype}:{mode}" in AGENTIVE) and \
        mode not in NOT_AGENTIVE_MODES
    one_sided = (etype in SPOKEN or agentive) and has_source and asserted and not nominal
    one_sided = one_sided or etype in THING_TYPES and thing and has_source and \
        (asserted or modality == "future")
    one_sided = one_sided or etype in COUNTERPART_TYPES and (stated_counterpart or body) \
        and has_source and modality in COUNTERPART_MODALITIES
    if etype not in MONADIC and not has_target and not one_sided:
        return False
    if etype == "ASSAULT" and not (has_source or nominal):
        return False
    return True
