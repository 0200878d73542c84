"""Act words that, in their shape, report no act of their type: a question asked with "ask",
a name given ("calling it inhumane"), a proclamation's observance, an abstraction given,
domestic help, a document released, a topic or audience spoken to, one's own staff met, a
memory, a guest welcomed to a place, billing, company in mourning, a release's contact
line. Word groups in ``data/event_filters.json``; :mod:`newsledger.events.filters` asks
``misreading`` for every candidate (``sense_filter``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.actors.spans import title_cased
from newsledger.data import word_class, word_classes

if TYPE_CHECKING:
    from spacy.tokens import Token

PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# "help us", "threaten us" need someone doing it: with no subject, or a thing pronoun as
# subject, the record names only the speaker's side.
SELF_OBJECT_TYPES = {"AID", "THREATEN", "SUPPORT", "ASSAULT", "COERCE"}
FIRST_PERSON = {"us", "me"}
THING_PRONOUNS = {"it", "this", "that", "which", "what"}


def misread_words() -> dict[str, frozenset[str]]:
    """The word groups of ``data/event_filters.json`` (cached by ``word_classes``)."""
    return word_classes("event_filters.json")


def noun_in(tok: Token, words: frozenset[str]) -> bool:
    """The noun's lemma, or its plural form singular, is in ``words`` (the lemmatizer reads
    "doses" as "dos")."""
    low = tok.lower_
    return tok.lemma_.lower() in words or low in words or \
        low.endswith("s") and low[:-1] in words


def party(tok: Token) -> bool:
    """A word that names a party: a name, a party entity, or a noun of ``party_nouns``."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in PARTY_ENTS:
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in word_class("event_gate.json",
                                                                  "party_nouns")


def misreading(head: Token, etype: str | None) -> str | None:
    """The name of the class of act-words that, in this shape, do not report an act of the
    type (word groups in ``data/event_filters.json``), or None: a question asked, a name
    given ("calling it inhumane"), an observance, an abstraction given, domestic help, a
    document released, a topic or audience spoken to, one's own staff met, a memory, a
    circumstance that forces, a heading's topic."""
    words = misread_words()
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
    if etype == "AID" and verb and lemma == "deliver" and any(
            c.lower_ == "on" for c in _children(head, "prep")):
        return "fulfilment"  # "deliver on the President's agenda", "delivered on promises"
    if etype == "AID" and lemma in words["gift_verbs"]:
        if lemma == "equip" and _children(head, "auxpass") and not _children(head, "prep"):
            return "description"  # "Ajay is uniquely equipped": a quality, not a delivery
        return _gift_misread(head, words)
    if _month(head, words):
        return "month"
    if etype == "ACCUSE" and verb and lemma == "charge" and any(
            noun_in(o, words["charged_payers"]) or o.ent_type_ == "MONEY"
            for o in _children(head, "dobj", "dative")):
        return "billing"  # "to charge consumers without authorization", "charges a fee"
    if etype == "THREATEN" and lemma == "warn" and _cautions(head, words):
        return "caution"
    if etype == "RETREAT" and not verb and lemma == "release" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in words["release_document_modifiers"]
            for c in head.children):
        return "document"  # "Joint Press Release on ...": a document, not a freeing
    if etype == "RETREAT" and verb and lemma in ("release", "return"):
        if any(c.dep_ in ("dobj", "nsubjpass") and (noun_in(c, words["released_matter"]) or
                                                    c.lower_ in THING_PRONOUNS)
               for c in head.children):
            return "document"  # "released a report", "the questionnaire must be returned"
        if lemma == "return" and not _children(head, "dobj", "nsubjpass", "auxpass") and \
                any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
            return "travel"
    if etype == "CONSULT" and verb and lemma in ("speak", "talk") and any(
            p.lower_ in words["address_objects"] or p.lemma_.lower() in words["address_objects"]
            for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children if p.dep_ == "pobj"):
        return "address"
    if etype == "CONSULT" and any(
            noun_in(p, words["internal_parties"])
            for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
            for p in c.children if p.dep_ == "pobj"):
        return "internal"
    if etype == "SANCTION" and verb and lemma == "recall" and not any(
            party(o) or o.lemma_.lower() in words["recalled_parties"]
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
    if etype == "COOPERATE" and not verb and _programme_name(head):
        return "name"  # "the Mekong-U.S. Partnership", "US Water Alliance": a body's name
    if verb and _heading_gerund(head):
        return "heading"  # "Supporting Wisconsin Families": a fact sheet's topic
    if etype == "COERCE" and verb and lemma in ("force", "compel"):
        if not (_children(head, "xcomp") or any(c.lower_ in ("out", "into") for c in
                                                  _children(head, "prt", "prep"))):
            return "noun"  # "the hateful forces that divide us" misread as a verb
        if not _party_agent(head):
            return "circumstance"  # "rising costs forced the company to close"
    if etype == "SUPPORT" and verb and lemma == "welcome" and _hosts(head):
        return "hospitality"
    if etype == "SUPPORT" and verb and lemma in ("honor", "honour") and \
            _children(head, "auxpass") and not _children(head, "agent") and \
            any(c.pos_ == "PRON" for c in _children(head, "nsubjpass")):
        return "feeling"
    return None


def _programme_name(head: Token) -> bool:
    """A capitalised partnership or alliance word that heads a longer proper name ("the
    Partnership for Global Infrastructure and Investment", "Rural Community Assistance
    Partnership", "US Water Alliance"): the name of a programme or body, not an act of
    cooperation. Only where the text is not all capitals or title case throughout."""
    if not head.is_title or head.pos_ != "PROPN" or title_cased(head.sent):
        return False
    named = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i
             and (c.is_title or c.is_upper or c.pos_ == "PROPN")]
    named += [o for p in _children(head, "prep") if p.lower_ == "for"
              for o in _children(p, "pobj") if o.is_title]
    return bool(named)


def _heading_gerund(head: Token) -> bool:
    """A capitalised gerund that opens a heading with no subject ("Supporting Wisconsin
    Families", "FACT SHEET: Helping Students Succeed"): the section's topic, not an act
    anyone did. Only words before it that are a label ("FACT SHEET:") or punctuation."""
    if head.tag_ != "VBG" or not head.is_title or head.dep_ != "ROOT" or \
            _children(head, "nsubj", "aux"):
        return False  # "Working with the G20, we ...": the main clause's subject acts
    before = head.doc[head.sent.start:head.i]
    return all(t.is_punct or t.is_space or t.is_upper for t in before)


def _party_agent(head: Token) -> bool:
    """The verb's doer is a party: its subject, or the "by" phrase of a passive ("Hamas
    forced civilians to stay", "were forced out by the militia"); not a circumstance
    ("the storm forced residents to flee") or a passive that names no one."""
    doers = _children(head, "nsubj") + [p for a in _children(head, "agent")
                                         for p in _children(a, "pobj")]
    return any(party(d) or d.pos_ == "PRON" and d.lower_ not in THING_PRONOUNS for d in doers)


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
    if any(noun_in(c, crimes) for c in _children(head, "dobj", "nsubjpass")):
        return True
    if head.dep_ in ("relcl", "acl") and noun_in(head.head, crimes):
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
        return not (ante.pos_ == "PROPN" or ante.ent_type_ in PARTY_ENTS or party(ante))
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
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and not noun_in(c, words["question_nouns"]):
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
    if any(all(noun_in(m, abstract) for m in _members(t)) for t in things):
        return "abstraction"
    if any(o.pos_ != "PRON" and all(noun_in(m, abstract) for m in _members(o))
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
    beneficiary = noun_in(tok, words["domestic_beneficiaries"])
    marked_only = noun_in(tok, words["marked_people"])
    if not beneficiary and not marked_only and not noun_in(tok, words["own_people"]):
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
