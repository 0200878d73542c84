"""Who performs and who undergoes a clause, read off the dependency parse.

The performer of a clause is its subject or passive agent; a clause without one takes it
from what governs it: the noun a relative or participial clause modifies (or the name that
noun describes), the object of an object-control verb, the subject of a passive controller
or of a coordinated passive, the possessor of a noun with an infinitive, the holder of a
policy ("maintained a policy of turning away boats"), else the governing clause's performer.
A subjectless passive ("to avoid being sent away") has no performer: the governing clause's
performer is who undergoes it (``passive_patient``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.actors.syntax import passive_agent
from newsledger.data import word_class

if TYPE_CHECKING:
    from spacy.tokens import Token

ARGUMENT_WORDS = "event_arguments.json"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
MAX_CONTROL_DEPTH = 6  # governing clauses climbed to find who performs a clause
# verb forms a bare infinitive cannot be coordinated with: past, third person, participle
FINITE_NOT_BASE = ("VBD", "VBZ", "VBN")

def clause_performer(pron: Token) -> Token | None:
    """Who performs the nearest clause around a possessive pronoun without containing it
    ("Iran ... informing Washington that its attack had ended": not "attack", but Iran).
    Under "for" beside an object, the object ("thanked Norway for its support", "hold
    Russia accountable for its war")."""
    node = pron.head
    for _ in range(MAX_CONTROL_DEPTH):
        if node.dep_ == "prep" and node.lower_ == "for":
            obj = _cause_object(node.head)
            if obj is not None:
                return obj
        if node.pos_ in ("VERB", "AUX"):
            performer = controller(node)
            if performer is not None and performer.i != pron.i and \
                    pron not in list(performer.subtree):
                return performer
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _cause_object(gov: Token) -> Token | None:
    """Whom a verb acts on for a cause ("thanked Norway for ...", "condemned Iran for ..."),
    or the subject of a small clause ("hold Russia accountable for ...")."""
    if gov.pos_ == "VERB":
        return next((c for c in gov.children if c.dep_ == "dobj"), None)
    if gov.pos_ == "ADJ" and gov.dep_ in ("ccomp", "oprd", "xcomp"):
        return next((c for c in gov.children if c.dep_ == "nsubj"), None)
    return None


def left_subject(v: Token) -> Token | None:
    """A name right before a finite verb the parser left without subject ("In Honduras,
    Under Secretary Fernandez will meet ...": "Under" read as a preposition)."""
    if v.dep_ not in ("ROOT", "conj") or any(c.dep_ in SUBJECT_DEPS + ("csubj", "expl")
                                              for c in v.children):
        return None
    i = v.i - 1
    while i >= v.sent.start and v.doc[i].dep_ in ("aux", "neg", "advmod", "auxpass"):
        i -= 1
    if i < v.sent.start:
        return None
    tok = v.doc[i]
    return tok if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
        else None


def controller(v: Token, depth: int = 0) -> Token | None:
    """The token naming who performs the clause headed by ``v`` (None when the text does
    not say): the subject or passive agent, then, for a clause without one, the noun a
    relative or participial clause modifies, the object of an object-control verb ("urged
    Iran to stop"), the subject of a passive controller ("Iran was urged to stop") or of a
    coordinated passive ("X was defeated and resigned"), else the performer of the governing
    clause. An agentless passive has no performer: "X was arrested" names no arresting
    office, and guessing one costs more than leaving it empty."""
    if depth > MAX_CONTROL_DEPTH:
        return None
    # the subject nearest before the verb: a title line run into the first sentence gives
    # the parser two subjects ("Readout of ... Call  President Biden, Jr. spoke")
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    before = [c for c in subjects if c.i < v.i]
    subj = before[-1] if before else (subjects[0] if subjects else None)
    if subj is not None:
        if subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            return _described(v.head)
        return subj
    if _passive_subject(v) is not None:
        return passive_agent(v)
    agent = passive_agent(v)
    if agent is not None:
        return agent
    if any(c.dep_ == "auxpass" for c in v.children):
        return None  # "to avoid being sent away": who is sent does not send (see patient)
    if v.dep_ == "relcl" or v.dep_ == "acl" and v.tag_ == "VBG" and \
            v.head.pos_ in ("NOUN", "PROPN"):
        # "former members, who helped him"; "officials attending the talks"; the name a
        # description stands beside ("World Human Care, an organization that has provided")
        return _described(v.head)
    gov = v.head
    if v.dep_ == "acl" and gov.lemma_ == "order" and gov.head.lower_ == "in":
        return controller(gov.head.head, depth + 1)  # "requested donations in order to help"
    if v.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        # "their efforts to provide assistance", "Iran's decision to attack"
        return next((c for c in gov.children if c.dep_ == "poss"), None)
    if v.dep_ not in ("xcomp", "pcomp", "advcl", "conj", "ccomp", "acomp"):
        return None
    series = infinitive_series(v)
    if series is not None:
        return controller(series, depth + 1)
    if v.dep_ == "pcomp" and gov.dep_ == "prep":
        gov = gov.head
        if gov.pos_ in ("NOUN", "PROPN"):
            return _policy_holder(gov, depth)
    if v.dep_ in ("xcomp", "pcomp", "ccomp") and \
            gov.lemma_.lower() in word_class(ARGUMENT_WORDS, "object_control"):
        obj = next((c for c in gov.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return obj
    held = _passive_subject(gov)
    if held is not None and (v.dep_ == "xcomp" or v.dep_ == "conj" and not _passive_form(v)):
        return held  # "Iran was urged to stop"; "Wong was defeated and resigned"
    if gov.pos_ in ("VERB", "AUX", "ADJ"):
        return controller(gov, depth + 1) or left_subject(gov)
    if gov.dep_ == "pobj" and gov.head.dep_ == "prep":
        return controller(gov.head.head, depth + 1)
    return None


def infinitive_series(v: Token) -> Token | None:
    """The infinitive a bare verb continues when the parser hung it on the finite verb
    above ("encouraged Bangladesh to consider joining X, urge major emitters to do more,
    and continue ...": "urge" is conj of "encouraged"): a base form without subject or
    auxiliary cannot be coordinated with a past or third-person verb, so it is the next
    item of that verb's earlier to-infinitive, and has that infinitive's performer (the
    object of an object-control verb, not its subject). None for any other conjunct."""
    if v.dep_ != "conj" or v.tag_ != "VB" or \
            any(c.dep_ in SUBJECT_DEPS + ("aux", "auxpass") for c in v.children):
        return None
    gov = v.head
    if gov.tag_ not in FINITE_NOT_BASE:
        return None
    return next((x for x in reversed(list(gov.children)) if x.dep_ == "xcomp" and x.i < v.i
                 and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)), None)


def _policy_holder(noun: Token, depth: int) -> Token | None:
    """Who performs a gerund under "of" ("a policy of turning away boats"): the noun's
    possessor ("Iran's practice of seizing ships"), else, for a noun of policy or practice
    held by a verb ("have maintained a policy of", "pursued a strategy of"), that verb's
    performer. Any other noun ("criticised the policy of ...") says nothing of who acts."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.lemma_.lower() not in word_class(ARGUMENT_WORDS, "policy_nouns") or \
            noun.dep_ != "dobj" or noun.head.lemma_.lower() not in \
            word_class(ARGUMENT_WORDS, "hold_verbs"):
        return None
    return controller(noun.head, depth + 1)


def _described(noun: Token) -> Token:
    """The name a description stands beside ("World Human Care, an organization that
    ..."), else the noun itself."""
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun


def passive_patient(v: Token) -> Token | None:
    """Who undergoes a passive clause without a subject of its own: the performer of the
    clause that governs it ("the seekers left to avoid being sent away": the seekers are
    sent; "Iran wants to be included": Iran is included)."""
    if not any(c.dep_ == "auxpass" for c in v.children) or _passive_subject(v) is not None:
        return None
    if v.dep_ not in ("xcomp", "pcomp", "advcl"):
        return None  # "reports revealed that X was persuaded": the reports are no patient
    gov = v.head
    if v.dep_ == "pcomp" and gov.dep_ == "prep":
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if gov.lemma_.lower() in word_class(ARGUMENT_WORDS, "object_control"):
        obj = next((c for c in gov.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return obj  # "urged Iran to be transparent"
    return controller(gov) or left_subject(gov)


def _passive_subject(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ == "nsubjpass"), None)


def _passive_form(v: Token) -> bool:
    """A participle that shares a coordinated passive's auxiliary ("was arrested and
    charged") is passive too."""
    return is_passive(v) or v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children)


def is_passive(v: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``tok``, in order."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out
