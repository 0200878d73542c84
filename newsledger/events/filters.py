"""Which event candidates are political events at all.

A trigger word is not enough: "shares fell", "the storm hit the coast", "most of those
surveyed backed the minister", "the team hit back" use event words in senses that are not
acts of one political actor on another. The contexts that tell them apart are named groups
of lemmas in ``data/event_filters.json`` (markets, sports, polls, disasters, products,
idioms, habitual statements). Questions (a sentence ending in "?") state no event:
interview and rhetorical questions ask, they do not report.

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

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "pobj", "attr", "poss", "compound"}
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
# SUPPORT only by signing or ratifying an instrument ("proud to sign the PACT Act into law").
THING_TYPES = ("AID", "ASSAULT", "REQUEST", "SUPPORT")
# Meetings whose counterpart the text states even when it is no actor ("will meet with civil
# society groups", "we are in contact with all relevant parties"): checkable against the
# stated counterpart, as a target is.
COUNTERPART_TYPES = {"CONSULT", "REQUEST"}
ADDRESS_PREPS = ("on", "upon", "to")  # "calls on all parties to ...", "appealed to all sides to ..."
COUNTERPART_MODALITIES = {"asserted", "future"}  # "we can speak with partners" is generic
PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
MET_ENTS = {"PERSON", "GPE", "NORP"}  # entities one meets as the object of "meet"
# A body that meets as a body is a meeting of its members: "the Quad will meet regularly",
# "the Commission will hold a public meeting" (CONSULT with its source alone). Only bodies:
# "Biden will hold a meeting" or "Japan will meet" leave out whom they meet.
ASSEMBLY_KINDS = {"organization", "group"}
# "help us", "threaten us" need someone doing it: with no subject, or a thing pronoun as
# subject, the record names only the speaker's side.
SELF_OBJECT_TYPES = {"AID", "THREATEN", "SUPPORT", "ASSAULT", "COERCE"}
FIRST_PERSON = {"us", "me"}
THING_PRONOUNS = {"it", "this", "that", "which", "what"}
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
def _misread_words() -> dict[str, frozenset[str]]:
    return word_classes("event_filters.json")


@cache
def _gate_words() -> dict[str, frozenset[str]]:
    return word_classes("event_gate.json")


def thing_object(etype: str, head: Token, light: Token | None) -> bool:
    """The verb asserting an act of ``etype`` has the act's matter as its object ("provided
    doses", "fired one shell"), or the event noun under a light verb is the matter itself
    ("conducted attacks")."""
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
        return light.dep_ not in DESCRIBING_DEPS and _noun_in(head, things)
    if head.pos_ != "VERB" or head.dep_ in DESCRIBING_DEPS:
        return False
    objs = [c for c in head.children if c.dep_ == "dobj"]
    return any(_noun_in(o, things) for o in objs)


def _noun_in(tok: Token, words: frozenset[str]) -> bool:
    """The noun's lemma, or its plural form singular, is in ``words`` (the lemmatizer reads
    "doses" as "dos")."""
    low = tok.lower_
    return tok.lemma_.lower() in words or low in words or \
        low.endswith("s") and low[:-1] in words


def counterpart(head: Token, light: Token | None) -> Token | None:
    """The stated counterpart of a meeting, actor or not: the object of "with" on the event
    word or its light verb ("meet with civil society groups", "meetings with government"),
    or of a meeting verb that takes it as object ("will meet Doreen Bogdan-Martin"), when
    it names a party -- a name, a named entity or a party noun of
    ``data/event_gate.json`` ("with one voice", "with high standards", "with them" name
    no one)."""
    for word in (head, light):
        if word is None:
            continue
        for c in word.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None and _party(obj):
                    return obj
    if light is None and head.pos_ == "VERB" and \
            head.lemma_.lower() in _gate_words()["object_counterpart_verbs"]:
        return next((c for c in head.children if c.dep_ == "dobj" and _met_party(c)), None)
    return None


def addressee(head: Token) -> Token | None:
    """Whom a request asks to act, actor or not, when the text states it: the object of
    "urge", "encourage", "press" or of "call on", "appeal to" that an infinitive of the act
    follows ("calls on all parties to choose peace", "urged governments to act"), when it
    names a party (a name, a named entity or a party noun)."""
    if head.pos_ != "VERB" or not any(c.dep_ == "xcomp" and c.i > head.i
                                      for c in head.children):
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
            _misread_words()["internal_parties"]:
        return False
    return _party(tok) or tok.pos_ == "NOUN" and lemma in _gate_words()["addressed_parties"]


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


def _party(tok: Token) -> bool:
    if tok.pos_ == "PROPN" or tok.ent_type_ in PARTY_ENTS:
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _gate_words()["party_nouns"]


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


def misreading(head: Token, etype: str | None) -> str | None:
    """The name of the class of act-words that, in this shape, do not report an act of the
    type (word groups in ``data/event_filters.json``), or None: a question asked, a name
    given ("calling it inhumane"), an observance, an abstraction given, domestic help, a
    document released, a topic or audience spoken to, one's own staff met, a memory."""
    words = _misread_words()
    lemma = head.lemma_.lower()
    verb = head.pos_ in ("VERB", "AUX")
    if etype == "REQUEST" and verb and lemma == "ask" and not _asks_for_act(head, words):
        return "question"
    if etype == "REQUEST" and verb and lemma == "call" and _names_as(head):
        return "naming"
    if _observance(head, etype, words):
        return "observance"
    if etype in SELF_OBJECT_TYPES and verb and _unagented_us(head):
        return "unagented"
    if etype == "AID" and lemma in words["gift_verbs"]:
        if lemma == "equip" and _children(head, "auxpass") and not _children(head, "prep"):
            return "description"  # "Ajay is uniquely equipped": a quality, not a delivery
        return _gift_misread(head, words)
    if _month(head, words):
        return "month"
    if etype == "ACCUSE" and verb and lemma == "charge" and any(
            _noun_in(o, words["charged_payers"]) or o.ent_type_ == "MONEY"
            for o in _children(head, "dobj", "dative")):
        return "billing"  # "to charge consumers without authorization", "charges a fee"
    if etype == "THREATEN" and lemma == "warn" and _cautions(head, words):
        return "caution"
    if etype == "RETREAT" and not verb and lemma == "release" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in words["release_document_modifiers"]
            for c in head.children):
        return "document"  # "Joint Press Release on ...": a document, not a freeing
    if etype == "RETREAT" and verb and lemma in ("release", "return"):
        if any(c.dep_ == "dobj" and _noun_in(c, words["released_matter"]) for c in head.children):
            return "document"
        if lemma == "return" and not _children(head, "dobj", "nsubjpass", "auxpass") and \
                any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
            return "travel"
    if etype == "CONSULT" and verb and lemma in ("speak", "talk") and any(
            p.lower_ in words["address_objects"] or p.lemma_.lower() in words["address_objects"]
            for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children if p.dep_ == "pobj"):
        return "address"
    if etype == "CONSULT" and any(
            _noun_in(p, words["internal_parties"])
            for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
            for p in c.children if p.dep_ == "pobj"):
        return "internal"
    if etype == "SANCTION" and verb and lemma == "recall" and not any(
            _party(o) or o.lemma_.lower() in words["recalled_parties"]
            for o in _children(head, "dobj")):
        return "memory"  # "you may recall that", "he recalled U.S. assistance to ASEAN"
    if etype == "AGREE" and lemma == "commit" and _stance_or_crime(head, words):
        return "stance"
    if etype == "COOPERATE" and verb and lemma == "share" and (
            _children(head, "ccomp") or not _children(head, "dobj", "prep")):
        return "telling"
    if etype == "COOPERATE" and verb and lemma == "join" and _children(head, "auxpass"):
        return "company"
    if etype == "COOPERATE" and verb and lemma == "join" and any(
            p.lower_ == "in" and _children(p, "pcomp") for p in _children(head, "prep")):
        return "company"  # "I join the President in mourning", "join you in celebrating"
    if etype == "CONSULT" and verb and lemma == "contact" and head.tag_ == "VB" and \
            not _children(head, "nsubj") and any("@" in t.text for t in head.subtree):
        return "contact details"  # "please contact Vanessa Vidal at NEA-Press@state.gov"
    if etype == "SUPPORT" and verb and lemma == "welcome" and _hosts(head):
        return "hospitality"
    if etype == "SUPPORT" and verb and lemma in ("honor", "honour") and \
            _children(head, "auxpass") and not _children(head, "agent") and \
            any(c.pos_ == "PRON" for c in _children(head, "nsubjpass")):
        return "feeling"
    return None


def _hosts(head: Token) -> bool:
    """"We welcome you to Estonia", "welcoming Secretary Blinken to Tallinn": a guest
    welcomed to a place is hospitality, not support ("welcomed Finland to NATO" is, and so
    may be "welcoming the visit of the ISRO Chairman to the United States")."""
    return any(o.pos_ == "PRON" or o.ent_type_ in ("PERSON", "NORP")
               for o in _children(head, "dobj")) and any(
        p.ent_type_ in ("GPE", "LOC", "FAC")
        for c in _children(head, "prep") if c.lower_ == "to"
        for p in c.children if p.dep_ == "pobj")


def _cautions(head: Token, words: dict[str, frozenset[str]]) -> bool:
    """"Warned of the consequences", "warning businesses of the deteriorating climate": a
    warning of a danger is no threat by the speaker, unless the text makes it conditional
    on the target's act ("warned of massive consequences if Russia invaded") or what it
    warns of is the speaker's own act ("warned of a decisive and firm response")."""
    dangers = [p for c in head.children if c.dep_ == "prep" and c.lower_ in words["warning_preps"]
               for p in c.children if p.dep_ == "pobj"]
    if not dangers or any(p.lemma_.lower() in words["retaliation_nouns"] for p in dangers):
        return False  # "warned of a decisive and firm response": the speaker's own act
    return not any(t.dep_ == "mark" and t.lower_ in words["condition_marks"]
                   for t in head.subtree)


def _stance_or_crime(head: Token, words: dict[str, frozenset[str]]) -> bool:
    """"commit" that pledges nothing: a state ("the President is committed to", "leaders
    committed to democracy" as a modifier) or a crime committed ("commit war crimes",
    "crimes committed by the Russians")."""
    if _children(head, "auxpass") or head.dep_ in ("amod", "acl", "acomp"):
        return True
    crimes = words["crime_nouns"]
    if any(_noun_in(c, crimes) for c in _children(head, "dobj", "nsubjpass")):
        return True
    if head.dep_ in ("relcl", "acl") and _noun_in(head.head, crimes):
        return True
    return not _children(head, "dobj", "prep", "xcomp")


def _unagented_us(head: Token) -> bool:
    """"help us", "threaten us" with no actor doing it: the speaker's side as the object of a
    verb whose subject is missing or a thing ("it will help us", "that threatens us") -- the
    record would name only the speaker and no one acting on it."""
    if not any(c.dep_ in ("dobj", "dative") and c.lower_ in FIRST_PERSON for c in head.children):
        return False
    subjects = _children(head, "nsubj")
    if head.dep_ == "relcl" and subjects:  # "Russia, which threatens us": its antecedent acts
        ante = head.head
        return not (ante.pos_ == "PROPN" or ante.ent_type_ in PARTY_ENTS or _party(ante))
    return not subjects or all(s.lower_ in THING_PRONOUNS for s in subjects)


def _month(head: Token, words: dict[str, frozenset[str]]) -> bool:
    """"in March of 2020", "on March 3", "last March": a month, not a march. "the March on
    Washington" (a determiner) and a lower-case "march" stay marches."""
    if head.lower_ not in words["month_words"] or not head.text[:1].isupper():
        return False
    if any(c.like_num or c.dep_ == "nummod" for c in head.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and
           any(p.like_num for p in c.children) for c in head.children):
        return True
    return head.dep_ in ("pobj", "npadvmod") and not _children(head, "det", "poss")


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _asks_for_act(head: Token, words: dict[str, frozenset[str]]) -> bool:
    """"ask" names the act asked for -- "asked Congress to act", "asking for help", "ask taxes
    from schools", "asked that the court ..." -- and is not a question ("was asking me the
    question", "asked if we", "can I ask Remi")."""
    # the act may hang lower in a broken parse: "asking the House, you know, Republicans to
    # put forth their budget"
    if any(t.dep_ in ("xcomp", "advcl", "conj", "ccomp", "dep") and t.i > head.i and
           any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
           for t in head.subtree):
        return True
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "from"):
            return True
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and not _noun_in(c, words["question_nouns"]):
            return True
    return False


def _names_as(head: Token) -> bool:
    """"call" with an object and its predicate names, it does not call for anything:
    "advocates are calling it inhumane"."""
    return bool(_children(head, "dobj")) and bool(_children(head, "oprd", "acomp"))


def _observance(head: Token, etype: str | None, words: dict[str, frozenset[str]]) -> bool:
    """A proclamation's observance: the call on citizens to observe, honor or join ("I call
    upon all Americans to observe this month"), what they are called to do ("... to honor
    advocates and to recognize the women"), and a present-tense honoring ("today we honor
    educators"). A past honoring of someone is an act ("FIRST Global honored the team")."""
    ceremonial = words["ceremonial_verbs"]
    lemma = head.lemma_.lower()
    if etype == "REQUEST" and lemma == "call":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in ceremonial for c in head.children)
    if etype not in ("SUPPORT", "COOPERATE", "AGREE"):
        return False
    if lemma in ceremonial and head.tag_ in ("VBP", "VBZ") and \
            not _children(head, "aux", "auxpass"):
        return True
    node = head
    for _ in range(4):
        if node.dep_ not in ("xcomp", "conj", "pcomp", "prep") or node.head is node:
            return False
        node = node.head
        if node.lemma_.lower() == "call" and node.pos_ == "VERB":
            return any(c.dep_ == "xcomp" and c.lemma_.lower() in ceremonial
                       for c in node.children)
    return False


def _gift_misread(head: Token, words: dict[str, frozenset[str]]) -> str | None:
    """What is given is an abstraction ("gave Mohamed the option", "provide citizens with
    information", "protect a woman's right"), or the recipient is the government's own
    residents ("help the residents of D.C.", "funding for families"): no PLOVER aid."""
    things, objects = [], []
    for c in head.children:
        if c.dep_ == "dobj":
            things.append(_of_head(c, words))
            objects.append(c)
        elif c.dep_ == "dative":
            objects.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("with", "to", "for"):
            for p in c.children:
                if p.dep_ == "pobj":
                    (things if c.lower_ == "with" else objects).append(p)
    abstract = words["abstract_gifts"]
    if any(all(_noun_in(m, abstract) for m in _members(t)) for t in things):
        return "abstraction"
    if any(o.pos_ != "PRON" and all(_noun_in(m, abstract) for m in _members(o))
           for o in objects):
        return "abstraction"
    if any(o.pos_ in ("NOUN", "PROPN") and all(_own(m, words) for m in _members(o))
           for o in objects):
        return "domestic"
    return None


def _members(tok: Token) -> list[Token]:
    """A noun and its conjuncts: "the security, economic and humanitarian assistance",
    "Americans, foreigners and Afghan allies" -- the class holds only if it holds for all."""
    out, todo = [], [tok]
    while todo and len(out) < 12:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    return out


def _own(tok: Token, words: dict[str, frozenset[str]]) -> bool:
    """The recipient is the government's own residents: "depositors", "small businesses",
    or people marked as its own ("American families", "our children")."""
    beneficiary = _noun_in(tok, words["domestic_beneficiaries"])
    marked_only = _noun_in(tok, words["marked_people"])
    if not beneficiary and not marked_only and not _noun_in(tok, words["own_people"]):
        return False
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    if tok.lower_ in words["own_markers"] or any(c.lower_ in words["own_markers"] for c in mods):
        return True
    if marked_only:
        return False
    # "businesses in ASEAN member countries", "young people in El Salvador", "Afghan women":
    # placed abroad by a named modifier or an "in/of" place
    places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
              for p in c.children if p.dep_ == "pobj"]
    if any(c.pos_ == "PROPN" or c.ent_type_ in PARTY_ENTS for c in mods) or any(
            p.pos_ == "PROPN" or any(m.pos_ == "PROPN" for m in p.children) for p in places):
        return False
    if beneficiary:
        return True
    # "to help women with young children", "help pregnant workers": a programme's aim for
    # people it does not place abroad (no subject)
    head = tok.head if tok.dep_ != "pobj" else tok.head.head
    return not _children(head, "nsubj", "nsubjpass")


def _of_head(tok: Token, words: dict[str, frozenset[str]]) -> Token:
    """The noun a quantity stands for: "a bit of breathing room" -> "room"."""
    if tok.lemma_.lower() in words["quantity_nouns"]:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return tok
