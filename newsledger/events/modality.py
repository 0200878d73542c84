"""Modality: does the text assert that the event happened?

Rules are stated over syntax and small closed word classes, never over particular events:
- ``negated``: a negation dependent of the trigger ("did not", "never", "won't"), the
  determiner "no" on an event noun ("no decisions"), or a governing verb of denial or
  refusal (deny, refuse, decline, fail) whose complement holds the event;
- ``hypothetical``: a conditional clause (mark "if"/"unless"/"whether") on the way up; a
  modal auxiliary (could, might, would, may, should, must) on the trigger's own clause; a
  governing verb or noun of prevention or cancellation (dissuade, prevent, avoid, call
  off, oppose, halt, ...) or of deliberation and wish (consider, discuss, reflect on, want,
  seek, plan, urge, demand, ...) or readiness ("ready to", "prepared to"); an event noun
  modified by possible / potential / any / further; the complement of a negated verb
  ("would not participate in any counteroffensive" leaves the counteroffensive unasserted);
- ``alleged``: "suspected", "alleged", "reported" on the event noun, or "reportedly" /
  "allegedly" on the clause;
- ``future``: "will"/"shall" or "going to" on the clause, or on a governing verb reached
  through an open complement ("will continue to help"); a governing word of planning or
  promise ("plans to", "is due to", "is set to", "pledged to"); "no plans to" is negated;
  an asserted event dated after its document is future (``events.extract``);
- otherwise ``asserted``. Negation of the trigger itself wins; then hypothetical, alleged,
  future. Subjects do not inherit their verb's modality ("this attack could have caused ..."
  leaves the attack asserted): only complement links carry it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no", "nt", "neither", "nor"}
DENY = {"deny", "refuse", "decline", "fail", "reject", "rule"}
BLOCK = {"dissuade", "prevent", "avoid", "deter", "stop", "halt", "oppose", "cancel", "forgo",
         "abandon", "postpone", "delay", "scrap", "abort", "shelve", "resist", "discourage",
         "preclude", "forbid", "prohibit", "restrain", "refrain", "veto", "block", "warn"}
IRREALIS = {"consider", "discuss", "weigh", "debate", "reflect", "propose", "want",
            "seek", "hope", "prepare", "aim", "mull", "contemplate", "urge", "demand",
            "ask", "request", "threaten", "risk", "wish",
            "call", "push", "press", "encourage", "advocate", "favor", "favour", "decide",
            "explore", "study", "review", "examine", "envisage", "suggest", "recommend",
            "ready", "prepared", "willing", "poised", "likely", "able", "unable", "designate",
            "possibility", "option", "proposal", "prospect", "threat", "goal", "bid", "talk", "discussion", "consideration", "idea",
            "prevention", "fear", "warning", "readiness", "need", "necessity", "ensure"}
# Governors that announce an event as planned or promised: "plans to", "is due to", "is set
# to take place", "pledged to", "intention to"; "no plans to" negates it.
PLANNED = {"plan", "intend", "intention", "promise", "pledge", "vow", "schedule", "due", "set",
           "expect", "scheduled", "upcoming"}
HYPO_MODS = {"possible", "potential", "any", "further", "future", "eventual", "prospective",
             "proposed", "planned", "likely", "imminent", "hypothetical", "new", "additional",
             "such", "retaliatory"}
ALLEGED_MODS = {"suspected", "alleged", "reported", "apparent", "purported", "presumed",
                "claimed", "supposed", "unconfirmed"}
ALLEGED_ADVS = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly",
                "seemingly"}
MODALS_HYPO = {"could", "might", "would", "may", "should", "must", "ca", "can", "'d"}
MODALS_FUTURE = {"will", "shall", "'ll", "wo"}
CONDITIONAL = {"if", "unless", "whether", "lest"}
FUTURE_MODS = {"upcoming", "planned", "scheduled", "forthcoming"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
DEFINITE = {"the", "this", "that", "these", "those"}
CARRY = {"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acomp", "attr", "oprd",
         "nsubjpass", "conj", "advcl", "dative", "compound", "amod", "acl"}
# Modifiers that make a noun hypothetical only under a governor ("additional sanctions" can
# be imposed): on their own they leave the event's modality to the clause.
WEAK_MODS = {"new", "additional", "further", "such", "retaliatory", "imminent", "future"}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
               for c in tok.children)


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _going_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
        tok.dep_ == "xcomp" and tok.head.lower_ == "going"


def modality(trigger: Token, verb: Token | None = None) -> str:
    """The modality of the event triggered at ``trigger``.

    ``verb`` is the light verb carrying an event noun ("launched an attack"), if any: its
    clause is the event's clause.
    """
    flags: set[str] = set()
    clause = verb if verb is not None else trigger
    if _negated(clause) or (verb is not None and _negated(trigger)):
        return "negated"
    mods = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "det", "compound")}
    if trigger.pos_ == "NOUN" and mods & (HYPO_MODS - WEAK_MODS):
        flags.add("hypothetical")
    if mods & ALLEGED_MODS:
        flags.add("alleged")
    if any(c.dep_ == "advmod" and c.lower_ in ALLEGED_ADVS for c in clause.children):
        flags.add("alleged")
    aux = _aux(clause)
    if aux & MODALS_FUTURE or _going_to(clause) or _scheduled(clause):
        flags.add("future")
    if aux & MODALS_HYPO:
        flags.add("hypothetical")
    if trigger.pos_ == "NOUN" and mods & FUTURE_MODS:
        flags.add("future")  # "the upcoming meeting"
    if not _refers_back(trigger, verb, mods):
        flags |= _governors(clause)
    if "negated" in flags:
        return "negated"
    for name in ("hypothetical", "alleged", "future"):
        if name in flags:
            return name
    return "asserted"


def _topic(child: Token, head: Token) -> bool:
    """An indefinite event noun that is the topic of another noun ("his stance on an Israeli
    response", "talks about a ceasefire") is talked about, not reported as happening."""
    if child.dep_ != "pobj" or head.lower_ not in TOPIC_PREPS or head.head.pos_ != "NOUN":
        return False
    return not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE
                   for c in child.children)


def _refers_back(trigger: Token, verb: Token | None, mods: set[str]) -> bool:
    """A definite or possessed event noun ("the Iranian attack", "Iran's strike") names an
    event the text takes as given: the words governing it ("were not informed of the timing
    of the attack", "careful not to say ... the attack") do not make it unasserted."""
    if trigger.pos_ != "NOUN" or verb is not None or mods & (HYPO_MODS | FUTURE_MODS):
        return False
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE
               for c in trigger.children)


def _scheduled(verb: Token) -> bool:
    """A present-tense verb with a date of its own reports a schedule: "the creditors' club
    meets on 3 March" (past events take the past tense)."""
    if verb.tag_ not in ("VBZ", "VBP") or _aux(verb):
        return False
    for c in verb.children:
        dated = [c] if c.dep_ == "npadvmod" else \
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "on" \
            else []
        if any(d.ent_type_ == "DATE" and not d.lower_.startswith("to") for d in dated):
            return True
    return False


def _governors(tok: Token) -> set[str]:
    """Modality carried down from the words that govern the event's clause."""
    flags: set[str] = set()
    # an event noun that does not refer back ("meetings", not "the attack") shares the tense
    # of the verb whose object it is
    new_noun = tok.pos_ == "NOUN" and not any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
    child = tok
    depth = 0
    while child.head.i != child.i and depth < 8:
        head, dep = child.head, child.dep_
        depth += 1
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in child.children):
            flags.add("hypothetical")
        if dep not in CARRY:
            break
        lemma = head.lemma_.lower()
        if _topic(child, head):
            flags.add("hypothetical")
        if dep == "conj":
            if _negated(head):
                flags.add("negated")
            child = head
            continue
        if lemma in DENY or lemma == "call" and _particle(head, "off"):
            flags.add("negated" if lemma in ("deny", "refuse", "decline", "fail") else
                      "hypothetical")
        elif lemma in PLANNED and dep in ("xcomp", "acl", "pcomp", "prep", "pobj", "ccomp"):
            flags.add("negated" if _negated(head) and head.pos_ == "NOUN" else "future")
        elif lemma in BLOCK or lemma in IRREALIS:
            flags.add("hypothetical")
        if _negated(head) and dep != "conj" and not (lemma in PLANNED and head.pos_ == "NOUN"):
            flags.add("hypothetical")
        aux = _aux(head)
        if dep in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj") and aux & MODALS_HYPO:
            flags.add("hypothetical")
        if dep == "xcomp" and (aux & MODALS_FUTURE or _going_to(head)):
            flags.add("future")
        if dep in ("dobj", "pobj", "prep") and new_noun and (aux & MODALS_FUTURE or
                                                              _going_to(head)):
            flags.add("future")  # "will hold a series of meetings", "will provide aid"
        child = head
    return flags


def _particle(tok: Token, word: str) -> bool:
    return any(c.dep_ in ("prt", "prep") and c.lower_ == word for c in tok.children)
