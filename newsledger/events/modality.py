"""Modality: does the text assert that the event happened?

Rules are stated over syntax and small closed word classes (``data/modality.json``), never
over particular events:
- ``negated``: a negation dependent of the trigger ("did not", "never", "won't"), the
  determiner "no" on an event noun ("no decisions"), or a governing verb of denial or
  refusal (deny, refuse, decline, fail) whose complement holds the event; but a negation
  inside something asked, wished or conditioned ("asked them not to turn away boats", "if
  the enemy does not stop") is the content of an irreal event: hypothetical;
- ``hypothetical``: a conditional clause (mark "if"/"unless"/"whether") on the way up, or a
  condition attached to the event's clause ("if Iran takes action, we are prepared to
  defend"); a modal auxiliary (could, might, would, may, should, must) on the trigger's own
  clause, on the conjunct it shares its subject with ("would attack ... and respond") or on
  the clause it is the purpose of ("must be made to conclude a deal"); a governing verb or
  noun of prevention or cancellation (dissuade, prevent, call off, oppose, ...), of
  deliberation, wish, request or fear (consider, want, urge, concerned that, ...) or of
  readiness ("ready to"); an event noun modified by possible / potential / any / further;
  the complement of a negated verb ("would not participate in any counteroffensive");
- ``alleged``: "suspected", "alleged", "reported" on the event noun, "reportedly" /
  "allegedly" on the clause, or a governing claim ("claims that ...", "charged with ...",
  "accused X of ...", "the pretext that ...");
- ``future``: "will"/"shall" or "going to" on the clause (or on its conjunct or on the
  clause it is the purpose of: "will meet X to discuss Y"), or on a governing verb reached
  through an open complement ("will continue to help"); a governing word of planning,
  promise or commitment ("plans to", "is due to", "agreed to build", "commitment to
  continue"), an event noun that is itself a pledge ("pledge of aid") or is scheduled ("the
  first meeting set to take place"); "would" reported after a past verb of saying without
  a condition ("told him he would assist") is the future of the past; a present tense with a
  date of its own is a schedule ("meets on 3 March"); "no plans to" is negated; an asserted
  event dated after its document is future (``events.extract``);
- otherwise ``asserted``. Negation of the trigger itself wins; then hypothetical, alleged,
  future. Subjects do not inherit their verb's modality ("this attack could have caused ..."
  leaves the attack asserted): only complement links carry it. Neither do participles that
  describe a noun ("hostages held by Hamas" are held whatever is said of the hostages) nor
  clauses a question word presupposes ("has not said why the team was denied visas").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.data import word_class

if TYPE_CHECKING:
    from spacy.tokens import Token

_DATA = "modality.json"


def _words(group: str) -> frozenset[str]:
    return word_class(_DATA, group)


NEGATORS = _words("negators")
DENY = _words("deny")
REJECT = _words("reject")
BLOCK = _words("block")
IRREALIS = _words("irrealis")
AIM_NOUNS = _words("aim_nouns")
PLANNED = _words("planned")
PROMISE_NOUNS = _words("promise_nouns")
COMMITMENT = _words("commitment")
PLAN_OBJECTS = _words("plan_objects")
HEDGED_PASSIVES = _words("hedged_passives")
STANCE_TYPES = frozenset({"SUPPORT"})  # types a stated commitment expresses by itself
# types whose events are announced before they happen: a meeting or visit that "will" do
# something has not happened yet ("The meeting will feature a panel", "Her visit will
# demonstrate ..."); an attack that "will have consequences" has
SCHEDULED_TYPES = frozenset({"CONSULT"})
ALLEGE = _words("allege")
HYPO_MODS = _words("hypothetical_modifiers")
WEAK_MODS = _words("weak_modifiers")
ALLEGED_MODS = _words("alleged_modifiers")
ALLEGED_ADVS = _words("alleged_adverbs")
MODALS_HYPO = _words("modals_hypothetical")
MODALS_FUTURE = _words("modals_future")
CONDITIONAL = _words("conditional")
CONDITION = _words("condition")
FUTURE_MODS = _words("future_modifiers")
TOPIC_PREPS = _words("topic_prepositions")
DEFINITE = _words("definite")
PRESUPPOSING = _words("presupposing")
SPEECH = _words("speech")
CURRENT_DATES = _words("current_dates")
TEMPORAL_PREPS = _words("temporal_prepositions")
REQUEST = _words("request")
GOAL_PREPS = _words("goal_prepositions")
# dependency links along which a governor's modality reaches the event
CARRY = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acomp", "attr", "oprd",
                   "nsubjpass", "conj", "advcl", "dative", "compound", "amod", "acl"})
# links from a clause to the infinitive that states its purpose or content
PURPOSE = frozenset({"xcomp", "advcl"})
MAX_CLIMB = 8  # governors looked at above a trigger (a sentence's depth rarely exceeds it)
ORDER = ("negated", "hypothetical", "alleged", "future")
NOT_ONLY = frozenset({"only", "merely", "just", "simply"})  # "not only attacking Ukraine"


def _negated(tok: Token) -> bool:
    """A negation on the word; "not only ... but" adds, it does not negate."""
    doc = tok.doc
    return any(c.dep_ == "neg" and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ in
                                        NOT_ONLY)
               or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
               for c in tok.children)


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _clause_aux(tok: Token) -> set[str]:
    """The auxiliaries of a clause, or of the conjunct whose subject and auxiliaries it
    shares ("we will deepen X and strengthen Y": "strengthen" is "will strengthen")."""
    node = tok
    for _ in range(MAX_CLIMB):
        aux = _aux(node)
        modal = aux & (MODALS_HYPO | MODALS_FUTURE)
        if modal or node.dep_ != "conj" or _has_subject(node) or node.head.i == node.i:
            return aux if node is tok else modal
        node = node.head
    return set()


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _going_to(tok: Token) -> bool:
    return _infinitive(tok) and tok.dep_ == "xcomp" and tok.head.lower_ == "going"


def _conditioned(tok: Token) -> bool:
    """A condition attached to the clause: "if Iran takes action, we are prepared ..."."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION
                                         for m in c.children) for c in tok.children)


def _reported_future(clause: Token, aux: set[str]) -> bool:
    """"would" after a past verb of saying, with no condition in sight, is the future of the
    past ("Devocht had told Montalvo he would assist him")."""
    if not aux & MODALS_HYPO or aux & MODALS_HYPO - {"would", "'d"}:
        return False
    node = clause
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp" or node.head.lemma_.lower() not in SPEECH or \
            node.head.tag_ not in ("VBD", "VBN"):
        return False
    return not any(t.dep_ == "mark" and t.lower_ in CONDITION for t in node.subtree)


def stance(etype: str | None, lemma: str) -> bool:
    """Whether a governing word of commitment states the event itself rather than promising
    it: "we are committed to defending Israel" is SUPPORT now, not a future defence."""
    return etype in STANCE_TYPES and lemma in COMMITMENT


def modality(trigger: Token, verb: Token | None = None, etype: str | None = None) -> str:
    """The modality of the event triggered at ``trigger``.

    ``verb`` is the light verb carrying an event noun ("launched an attack"), if any: its
    clause is the event's clause. ``etype`` is the event's PLOVER type, if known (see
    :func:`stance`).
    """
    if verb is None and _evaluative(trigger):
        return "negated" if _negated(trigger) else "asserted"
    clause = verb if verb is not None else trigger
    if _negated(clause) or (verb is not None and _negated(trigger)):
        return "hypothetical" if _irreal_above(clause) else "negated"
    flags = _own(trigger, clause)
    if etype in SCHEDULED_TYPES and _subject_of_future(trigger, verb):
        flags.add("future")
    mods = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "det", "compound")}
    if not _refers_back(trigger, verb, mods):
        flags |= _governors(clause, etype)
    if "negated" in flags and trigger.pos_ == "NOUN" and mods & (HYPO_MODS - WEAK_MODS):
        flags.discard("negated")  # "prepare against the enemy's possible counteractions"
    return next((name for name in ORDER if name in flags), "asserted")


def _evaluative(trigger: Token) -> bool:
    """An adjective on a noun ("Russia's brutal war", "its unprovoked and unjustified war") is
    the writer's own judgement, passed as the text is written: the clause that mentions the
    act ("discussed Russia's brutal war", "will impose costs for Russia's unprovoked war")
    gives its modality to the act, not to the judgement (news-dev: ACCUSE asserted)."""
    if trigger.pos_ != "ADJ":
        return False
    tok = trigger
    while tok.dep_ == "conj" and tok.head.pos_ == "ADJ":
        tok = tok.head
    return tok.dep_ == "amod"


def _own(trigger: Token, clause: Token) -> set[str]:
    """Modality marked on the event's own words: modifiers, adverbs, auxiliaries."""
    flags: set[str] = set()
    mods = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "det", "compound")}
    noun = trigger.pos_ == "NOUN"
    if noun and (mods & (HYPO_MODS - WEAK_MODS) or _goal(trigger)):
        flags.add("hypothetical")
    if mods & ALLEGED_MODS or any(c.dep_ == "advmod" and c.lower_ in ALLEGED_ADVS
                                  for c in clause.children):
        flags.add("alleged")
    if clause.lemma_.lower() in HEDGED_PASSIVES and "auxpass" in {c.dep_ for c in
                                                                clause.children}:
        flags.add("alleged")  # "MMI has been linked to al-Qa'ida"
    if noun and (mods & FUTURE_MODS or trigger.lemma_.lower() in PROMISE_NOUNS or any(
            c.dep_ == "acl" and c.lemma_.lower() in PLANNED for c in trigger.children)):
        flags.add("future")  # "the upcoming meeting", "pledge of aid", "meeting set to ..."
    aux = _clause_aux(clause)
    if aux & MODALS_FUTURE or _going_to(clause) or _scheduled(clause):
        flags.add("future")
    destined = _be_to(clause)
    if destined is not None:
        flags.add(destined)
    if _reported_future(clause, aux):
        flags.add("future")
    elif aux & MODALS_HYPO:
        flags.add("hypothetical")
    if _conditioned(clause):
        flags.add("hypothetical")
    return flags


def _subject_of_future(trigger: Token, verb: Token | None) -> bool:
    """An event noun that is the subject of a clause in the future tense."""
    if verb is not None or trigger.pos_ not in ("NOUN", "PROPN") or \
            trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return bool(_clause_aux(trigger.head) & MODALS_FUTURE)


def _irreal_above(clause: Token) -> bool:
    """Whether a negated clause is itself asked for, wished, planned or conditioned ("asked
    the governments not to turn away boats", "ensure that they do not succeed")."""
    node = clause
    for _ in range(MAX_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
            return False
        node = node.head
        if node.lemma_.lower() in IRREALIS | BLOCK and node.dep_ != "conj":
            return True
    return False


def _topic(child: Token, head: Token) -> bool:
    """An indefinite event noun that is the topic of another noun ("his stance on an Israeli
    response", "talks about a ceasefire") is talked about, not reported as happening. The
    parser often hangs such a phrase on the verb ("criticized [the stance] [on an Israeli
    response]"): after a verb's noun object it still belongs to that noun."""
    if child.dep_ != "pobj" or head.lower_ not in TOPIC_PREPS:
        return False
    gov = head.head
    if gov.pos_ != "NOUN" and not (gov.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < head.i for c in gov.children)):
        return False
    return not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE
                   for c in child.children)


def _refers_back(trigger: Token, verb: Token | None, mods: set[str]) -> bool:
    """A definite or possessed event noun ("the Iranian attack", "Iran's strike") names an
    event the text takes as given: the words governing it ("were not informed of the timing
    of the attack", "careful not to say ... the attack") do not make it unasserted."""
    if trigger.pos_ != "NOUN" or verb is not None or mods & (HYPO_MODS | FUTURE_MODS):
        return False
    if _requested(trigger):
        return False
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE
               for c in trigger.children)


def _goal(noun: Token) -> bool:
    """"work towards a ceasefire and the release of hostages": a goal, not a report (a
    conjunct shares its first conjunct's preposition)."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ in GOAL_PREPS


def _requested(noun: Token) -> bool:
    """"urge the immediate release of ...", "called for the withdrawal of ...", "work towards
    the release of ...": the object of a request or a goal is asked for, not referred back
    to."""
    if _goal(noun):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    return head.lemma_.lower() in REQUEST


def _be_to(verb: Token) -> str | None:
    """"be to" + infinitive states an arrangement: "Mohamed and his father are to travel to
    the United Nations", "the minister is to meet Macron" are future; "was to meet" is an
    arrangement of the past that the text does not say was kept (hypothetical)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_ != "be" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    be = verb.head
    if any(c.dep_ in ("attr", "acomp") for c in be.children):
        return None
    subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in IRREALIS | AIM_NOUNS:
        return "hypothetical"  # "the goal is to meet Macron": an aim, not an arrangement
    if be.tag_ in ("VBZ", "VBP"):
        return "future"
    return "hypothetical" if be.tag_ == "VBD" else None


def _scheduled(verb: Token) -> bool:
    """A present-tense verb with a date of its own reports a schedule: "the creditors' club
    meets on 3 March" (past events take the past tense). A date on another line (a
    headline's dateline) or one that holds the present ("this year", "today") is no
    schedule."""
    if verb.tag_ not in ("VBZ", "VBP") or _aux(verb):
        return False
    for c in verb.children:
        dated = [c] if c.dep_ == "npadvmod" else \
            [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "on" \
            else []
        for d in dated:
            if d.ent_type_ != "DATE" or d.lower_.startswith("to"):
                continue
            first = d.doc[d.left_edge.i] if d.left_edge.ent_type_ == "DATE" else d
            if first.lower_ in CURRENT_DATES or d.lower_ in CURRENT_DATES:
                continue
            lo, hi = sorted((verb.i, d.i))  # tokens, not ``Doc.text`` (rebuilt per access)
            if not any("\n" in t.text_with_ws for t in verb.doc[lo:hi]):
                return True
    return False


def _governors(tok: Token, etype: str | None = None) -> set[str]:
    """Modality carried down from the words that govern the event's clause."""
    flags: set[str] = set()
    # an event noun that does not refer back ("meetings", not "the attack") shares the tense
    # of the verb whose object it is
    new_noun = tok.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
    child = tok
    for _ in range(MAX_CLIMB):
        if child.head.i == child.i:
            break
        head, dep = child.head, child.dep_
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in child.children):
            flags.add("hypothetical")
        if dep not in CARRY or _describes(child) or _presupposed(child) or \
                _independent(child):
            break
        if _topic(child, head):
            flags.add("hypothetical")
        if dep == "conj":
            if _negated(head):
                flags.add("negated")
            child = head
            continue
        if not stance(etype, head.lemma_.lower()):
            flags |= _governor(child, head, new_noun)
        # "will deepen our collaboration to combat the crisis": an infinitive describing a
        # new noun shares the tense of the verb whose object the noun is
        new_noun = new_noun or dep == "acl" and _infinitive(child) and head.pos_ == "NOUN"
        if _conditioned(head):
            flags.add("hypothetical")  # "if it engages ..., we are committed to impose ..."
        if dep == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in ALLEGED_ADVS
                                  for c in head.children):
            flags.add("alleged")  # "reportedly continue to be detained"
        child = head
    return flags


def _governor(child: Token, head: Token, new_noun: bool) -> set[str]:
    """What one governing word does to the clause or noun below it."""
    flags: set[str] = set()
    dep = child.dep_
    lemma = head.lemma_.lower()
    if lemma in DENY:
        flags.add("negated")
    elif lemma in REJECT or lemma == "call" and _particle(head, "off"):
        flags.add("hypothetical")
    elif lemma in PLANNED and dep in ("xcomp", "acl", "pcomp", "prep", "pobj", "ccomp") or \
            lemma in PLAN_OBJECTS and dep == "dobj":
        flags.add("negated" if _negated(head) and head.pos_ == "NOUN" else "future")
    elif lemma in ALLEGE and dep in ("ccomp", "acl", "pcomp", "prep", "pobj", "xcomp"):
        flags.add("alleged")
    elif lemma in BLOCK or lemma in IRREALIS:
        flags.add("hypothetical")
    if _negated(head) and not (lemma in PLANNED and head.pos_ == "NOUN"):
        flags.add("hypothetical")
    aux = _clause_aux(head)
    purpose = dep in PURPOSE and _infinitive(child)
    if (dep in ("ccomp", "pcomp", "prep", "pobj", "dobj") or purpose) and aux & MODALS_HYPO:
        flags.add("future" if _reported_future(head, aux) else "hypothetical")
    if (dep == "xcomp" or purpose) and (aux & MODALS_FUTURE or _going_to(head)):
        flags.add("future")
    if dep in ("dobj", "pobj", "prep") and new_noun and (aux & MODALS_FUTURE or
                                                          _going_to(head)):
        flags.add("future")  # "will hold a series of meetings", "will provide aid"
    return flags


def _describes(child: Token) -> bool:
    """A participle describing a noun ("hostages held by Hamas", "loudspeakers broadcasting
    propaganda") states what the noun is, whatever is said about the noun."""
    return child.dep_ == "acl" and child.tag_ in ("VBN", "VBG") and not _infinitive(child)


def _presupposed(child: Token) -> bool:
    """A clause opened by why/how/when/where is taken as given ("has not said why the team
    was denied visas"), and so is a time adjunct ("charged with theft after leaving the
    group"); a clause opened by whether/if is not."""
    if child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPS:
        return True
    return child.dep_ in ("ccomp", "advcl") and any(
        c.dep_ == "advmod" and c.lower_ in PRESUPPOSING and c.i < child.i
        for c in child.children)


def _independent(child: Token) -> bool:
    """A clause the parser hangs as a complement on a later clause across a comma ("We are
    committed to defending Israel, [but] we would not be a part of any response") is a
    sentence of its own, unless the later verb reports, denies or alleges it ("Iran
    attacked, officials said")."""
    head = child.head
    if child.dep_ != "ccomp" or child.i > head.i:
        return False
    if head.lemma_.lower() in SPEECH | DENY | ALLEGE:
        return False
    return any(t.is_punct for t in child.doc[child.right_edge.i + 1:head.i])


def _particle(tok: Token, word: str) -> bool:
    return any(c.dep_ in ("prt", "prep") and c.lower_ == word for c in tok.children)
