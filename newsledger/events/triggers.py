"""Event triggers: which words name a PLOVER event, and the candidate they make.

Triggers come from ``data/event_triggers.json``: verbs, verb + particle/preposition, verb +
object, event nouns (a light verb with an event noun makes one candidate: "launched an
attack"); "launch/fire <weapons> at X" is an ASSAULT whose mode comes from the weapon.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsledger.actors.syntax import passive_agent
from newsledger.data import load_json, word_class
from newsledger.events.appraisals import (
    adjective_stance,
    complement,
    condemnation,
    demanded,
    evaluation,
    needed,
    praised,
    predicates,
    to_infinitive,
    verbal_attack,
)
from newsledger.events.arguments import ARGUMENT_WORDS, ArgResolver, prep_objects
from newsledger.events.candidate import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME_ENTS = ("ORG", "LAW", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "EVENT")
TIME_ENTS = ("DATE", "TIME")
# Children that make a multi-word verb with it: particles and prepositions ("crack down",
# "call for"), and the adverbs the parser reads where a particle is meant ("work together",
# "took it away", "stepped down"); other adverbs ("turn it back over to you") are not.
PHRASAL_DEPS = ("prt", "prep", "agent")
ADVERB_PARTICLES = {"together", "away", "down", "around", "back"}
REFLEXIVES = {"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"}
MILITARY_LIGHT = {"launch", "mount", "carry", "conduct", "greenlight", "order", "authorize"}
AMOUNT_PREPS = ("in", "of")  # "$300 million in military aid", "2 million doses of vaccine"
AMOUNT_ENTS = ("MONEY", "QUANTITY", "CARDINAL")
ORDERED_OUT_ENTS = ("NORP", "GPE", "ORG", "PERSON")  # who is ordered out: "French troops"


@cache
def _lexicon() -> dict:
    return load_json("event_triggers.json")


@cache
def _plover() -> dict:
    return load_json("plover.json")["types"]


@cache
def _known_verbs() -> frozenset[str]:
    """Every verb lemma the lexicon names, alone or as the first word of a phrase."""
    lex = _lexicon()
    pairs = [*lex["verb_objects"], *lex["phrasal"]]
    return frozenset([*lex["verbs"], *lex["light_verbs"], *(p.split()[0] for p in pairs)])


def lemma_of(tok: Token) -> str:
    """The lemma, repaired for "-ing" forms the lemmatizer mangles ("greenlighting" ->
    "greenlighte"): the form without "-ing" when that, and not the lemma, is a known verb
    ("upgrading" -> "upgrade" is right and stays)."""
    lemma = tok.lemma_.lower()
    known = _known_verbs()
    if tok.pos_ == "VERB" and lemma not in known and tok.lower_.endswith("ing") \
            and tok.lower_[:-3] in known:
        return tok.lower_[:-3]
    return lemma


def _code(code: str) -> tuple[str, str | None, str | None]:
    code, _, cameo = code.partition("@")
    etype, _, mode = code.partition(":")
    return etype, mode or None, cameo or None


def intensity(etype: str, mode: str | None) -> float | None:
    entry = _plover().get(etype)
    if entry is None:
        return None
    return entry["modes"].get(mode, entry["score"]) if mode else entry["score"]


def cameo_root(etype: str, mode: str | None, override: str | None = None) -> str | None:
    if override:
        return override
    entry = _plover().get(etype)
    if entry is None:
        return None
    return entry.get("mode_cameo", {}).get(mode) or entry["default_cameo"]


# triggers -------------------------------------------------------------------------------

CYBER = "COERCE:cyber"  # PLOVER: cyber attacks are coercion, not armed assault


def noun_code(tok: Token) -> str | None:
    """The event code of a noun, or None (names and modifiers are not events)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in NAME_ENTS:
        return None
    lex = _lexicon()
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):  # "air strike", "cyber warfare"
            joined = lex["nouns"].get(f"{c.lemma_.lower()} {lemma}")
            if joined:
                return joined
    code = lex["nouns"].get(lemma) or lex["nouns"].get(tok.lower_)
    if code and code.startswith("MOBILIZE") and lemma == "alert" and not (
            tok.dep_ == "pobj" and tok.head.lower_ in ("on", "of")):
        return None  # "on high alert", "levels of alert"; not "issued an alert"
    if code and code.split(":")[0] in ("REQUEST", "THREATEN") and any(
            c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children):
        return None  # "drug demand", "weather warning": a kind of thing, not a speech act
    if code == "@military":
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
        light = lemma_of(tok.head) if tok.dep_ == "dobj" else ""
        ok = mods & set(lex["military_modifiers"]) or light in MILITARY_LIGHT
        return "ASSAULT" if ok else None
    if code == "@strike":
        labor = lex["labor_strike"]
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        gov = lemma_of(tok.head) if tok.dep_ in ("dobj", "pobj", "nsubj") else ""
        on = tok.dep_ == "pobj" and tok.head.lower_ == "on"
        military = {m.lower() for m in mods} & set(lex["military_modifiers"]) or \
            prep_objects(tok, {"against", "on"})
        if military and not on:
            return "ASSAULT"  # "launch a retaliatory strike against Russia"
        return "PROTEST:strike" if on or mods & set(labor["modifiers"]) or \
            gov in labor["governors"] and tok.dep_ == "dobj" else "ASSAULT"
    if code == "@joint":
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
        return "COOPERATE" if mods & set(lex["joint_modifiers"]) else None
    if code == "@against":  # "Russia's war against Ukraine"; not "the war in Gaza"
        return "ASSAULT" if prep_objects(tok, {"against", "on"}) else None
    if code == "@support":  # "financial support", "provided support to": material help
        material = lex["material_support"]
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
        first = tok
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head  # "provide immediate help and support": provided too
        light = lemma_of(first.head) if first.dep_ == "dobj" else ""
        relief = any(_relief(p) for p in prep_objects(tok, {"for", "to"}))
        return "AID" if mods & set(material["modifiers"]) or light in material["light"] \
            or relief or _listed_matter(tok) else "SUPPORT"
    if code == "@with":  # "a call with", "in touch with", "Australia's work with us"
        by_prep = lex["with_nouns"].get(lemma, {})
        preps = [c.lower_ for c in tok.children if c.dep_ == "prep"]
        return next((by_prep[p] for p in preps if p in by_prep), None)
    if code == "@pledge":  # "a commitment to pass reforms": a pledge to act (AGREE);
        # "commitment to BiH's stability" (and "... and our cooperation to counter Iran"):
        # backing for a cause (SUPPORT)
        cause = any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
        return "AGREE" if not cause and any(
            c.dep_ == "acl" and to_infinitive(c) for c in tok.children) else "SUPPORT"
    if code == "@context":
        return _in_context(tok, lemma)
    if code and code.startswith("ASSAULT") and any(
            cyber_attack(t) for t in prep_objects(tok, {"on", "to", "against"})):
        return CYBER  # "the attacks on the Church of Scientology website"
    return code


def cyber_attack(target: Token) -> bool:
    """The thing attacked is a website, server or computer ("attack Church of Scientology
    website"): a cyber attack (``cyber_targets``)."""
    words = _lexicon()["cyber_targets"]
    return target.lemma_.lower() in words or target.lower_ in words


def _in_context(tok: Token, lemma: str) -> str | None:
    """The code of a word that names an event only beside its context words in the sentence
    ("designated pursuant to E.O. 13224" is a sanction, "designated June as ..." is not)."""
    sense = _lexicon()["context_senses"].get(lemma)
    if sense is None:
        return None
    words = set(sense["context"])
    return sense["code"] if any(t.lower_ in words for t in tok.sent) else None


def _listed_matter(support: Token) -> bool:
    """"U.S. support for Ukraine, including funding and equipment": support whose listed
    content ("including ...", on the noun or after it on its verb) is material help."""
    listed = set(_lexicon()["material_support"]["listed"])
    gov = support.head if support.dep_ == "dobj" else support
    for inc in [*support.children, *(c for c in gov.children if c.i > support.i)]:
        if inc.dep_ == "prep" and inc.lemma_.lower() == "include" and \
                any(t.lemma_.lower() in listed for t in inc.subtree):
            return True
    return False


def _relief(tok: Token) -> bool:
    """``tok`` names relief or recovery ("relief efforts", "the recovery", "refugees"): the
    matter of material help, not of political backing."""
    matter = set(_lexicon()["material_support"]["matter"])
    words = [tok, *(c for c in tok.children if c.dep_ in ("amod", "compound"))]
    return any(w.lemma_.lower() in matter for w in words)


@cache
def _disasters() -> frozenset[str]:
    return frozenset(load_json("event_filters.json")["disasters"]["arguments"])


def _support_type(v: Token, obj: Token | None) -> str:
    """"supported relief efforts", "supporting Tonga following the eruptions" are material
    help (AID); other support is political backing (SUPPORT)."""
    if obj is not None and _relief(obj):
        return "AID"
    after = set(_lexicon()["material_support"]["after"])
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ in after and any(
                o.dep_ == "pobj" and o.lemma_.lower() in _disasters() for o in p.children):
            return "AID"
    return "SUPPORT"


def _stance(code: str) -> bool:
    """A stance toward something said or proposed ("rejected the proposal", "denied the
    report", "criticised the statement", "welcomed the plan"): its object is the matter, and
    the target is who made it, so a document object does not make it a non-event. Agreement
    codes ("signed the letter": ``@05``) and transfers ("provided the data") are not."""
    etype, _, cameo = _code(code)
    return etype in _lexicon()["stance_types"] and cameo is None


def _patient(v: Token) -> Token | None:
    """The noun a passive participle modifies ("hostages held by Hamas")."""
    return v.head if v.dep_ == "acl" and v.tag_ == "VBN" else None


def _infinitive(v: Token) -> bool:
    """``v`` governs a "to"-infinitive (a directive: "told X to go"), not a "that"-clause
    (a report: "told reporters that ...")."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in v.children)


def _time_phrase(prep: Token) -> bool:
    """A preposition whose object is a date or time ("called X on Saturday") makes no
    phrasal verb with it ("call on" = appeal to)."""
    return prep.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.ent_type_ in TIME_ENTS for p in prep.children)


def _dobj(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ == "dobj"), None)


def _weapon_mode(obj: Token, args: ArgResolver) -> tuple[bool, str | None]:
    """Whether ``obj`` (or the "of" object of "hundreds of ...") names weapons, and the mode."""
    heads = [obj, *prep_objects(obj, {"of"})]
    for h in heads:
        if args.is_weapon(h):
            modes = _lexicon()["weapon_modes"]
            return True, modes.get(h.lemma_.lower(), "aerial")
    return False, None


def _particles(v: Token) -> list[Token]:
    """Particles and prepositions that make a multi-word verb with ``v``."""
    return [c for c in v.children if (c.dep_ in PHRASAL_DEPS or c.dep_ == "advmod" and
            c.lower_ in ADVERB_PARTICLES) and not _time_phrase(c)]


def _confined(v: Token, lemma: str) -> Token | None:
    """The preposition of "sent to prison", "sent to a labor camp", "kept at Flag Land Base"."""
    conf = _lexicon()["confinement"]
    if lemma not in conf["verbs"]:
        return None
    found = next((p for p in v.children if p.dep_ == "prep" and p.lower_ in conf["preps"]
                  and any(o.dep_ == "pobj" and _confining(o) for o in p.children)), None)
    if found is not None or lemma not in conf["held_verbs"] or not _person_held(v):
        return found
    return next((p for p in v.children if p.dep_ == "prep" and p.lower_ in conf["held_preps"]
                 and any(o.dep_ == "pobj" and o.ent_type_ == "FAC"
                         for o in p.children)), None)


def _confining(place: Token) -> bool:
    """A place of confinement: "prison", "custody", or a camp named as one ("labor camp")."""
    conf = _lexicon()["confinement"]
    word = place.lemma_.lower()
    if word in conf["camps"]:
        return any(c.dep_ in ("amod", "compound") and c.lower_ in conf["camp_modifiers"]
                   for c in place.children)
    return word in conf["places"]


def _person_held(v: Token) -> bool:
    """``v`` is a passive (or participle) whose patient is a person ("she was kept",
    "detainees held at the base"), not a thing ("talks were held", "funds kept in")."""
    conf = _lexicon()["confinement"]
    who = _patient(v) or next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    return who is not None and (who.lower_ in conf["held_people"] or who.ent_type_ in
                                ("PERSON", "NORP") or who.pos_ == "NOUN" and
                                who.lemma_.lower() in _lexicon()["captive_objects"])


def _patient_word(v: Token, thing: Token | None) -> Token | None:
    """Who or what a verb acts on: its object, its passive subject, or the noun it
    modifies as a participle."""
    if thing is not None:
        return thing
    return next((c for c in v.children if c.dep_ == "nsubjpass"), None)


def _phrasal(v: Token, lemma: str, thing: Token | None) -> tuple[str, list[Token]] | None:
    """Multi-word verbs: verb + particle/preposition ("call for"), reflexive surrender
    ("turned himself in"), confinement ("sent to prison"), turning people away."""
    lex = _lexicon()
    parts = _particles(v)
    obj = _dobj(v)
    for c in parts:
        key = f"{lemma} {c.lower_}"
        code = lex["phrasal"].get(key)
        if code:
            return code, [v, c]
        if key in lex["reflexive_phrasal"] and obj is not None and \
                obj.lower_ in REFLEXIVES:
            return lex["reflexive_phrasal"][key], [v, obj, c]
        if key in lex["turn_away"]["phrases"]:
            who = _patient_word(v, thing)
            if who is not None and (who.lemma_.lower() in lex["turn_away"]["objects"] or
                                    who.ent_type_ == "NORP"):
                return lex["turn_away"]["code"], [v, c]
    found = _in_touch(v, lemma)
    if found:
        return found
    prep = _confined(v, lemma)
    if prep is not None:
        return lex["confinement"]["code"], [v, prep]
    return None


def _in_touch(v: Token, lemma: str) -> tuple[str, list[Token]] | None:
    """"get in touch with X": the parser hangs the "with" phrase on the verb, not the noun."""
    table = _lexicon()["with_nouns"]
    if lemma not in table["_verbs"] or not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in v.children):
        return None
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ == "in":
            noun = next((o for o in p.children if o.dep_ == "pobj"), None)
            code = table.get(noun.lemma_.lower(), {}).get("with") if noun is not None else None
            if code:
                return code, [v, p, noun]
    return None


def verb_trigger(v: Token, args: ArgResolver) -> tuple[str, list[Token]] | None:
    """The event code of a verb with the words that make it, or None; a deployment must
    move forces and a hostage-taking must hold people (see :func:`_fits`)."""
    found = _verb_code(v, args)
    if found is None or not _fits(v, found[0], args):
        return None
    return found


def _fits(v: Token, code: str, args: ArgResolver) -> bool:
    """Whether the verb's object is what its code needs: "deployed 2,000 troops" (not
    "deploying 30 gigawatts of offshore wind"), "holding 100 Israelis hostage" (not "holding
    the debt ceiling hostage"); a protest demonstrates nothing ("we demonstrated that ..."
    shows); a submission only as a reported act; "meet" only people."""
    lex = _lexicon()
    lemma = lemma_of(v)
    if lemma in lex["reported_only"] and v.tag_ not in ("VBD", "VBN"):
        return False  # "applicants are to submit an application": a procedure, not an act
    if code.startswith("CONSULT") and lemma == "meet":  # "meet the challenges": no meeting
        return _dobj(v) is None or _dobj(v).lemma_.lower() not in lex["meet_goals"]
    if code.startswith("MOBILIZE") and lemma in lex["force_verbs"]:
        # "deployed 2,000 troops", "reinforced NATO's eastern flank"; not "mobilize a
        # whole-of-government effort", "reinforce our values", "deployed a team of
        # toxicologists", "amass quantities of enriched uranium"
        moved = _patient_word(v, _dobj(v))
        if moved is None:  # "the reservists mobilized": only forces that move themselves
            subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
            return subject is not None and subject.lemma_.lower() in lex["force_objects"]
        heads = [moved, *prep_objects(moved, {"of"})]
        return any(h.lemma_.lower() in lex["force_objects"] or h.ent_type_ in ("NORP", "ORG")
                   or (args is not None and args.is_weapon(h)) for h in heads)
    if code.startswith("THREATEN") and lemma == "declare":  # "declared war on cancer"
        war = _dobj(v)
        return war is not None and args is not None and any(  # not "on Trump's agenda"
            p.pos_ == "PROPN" and args.resolve(p) for p in prep_objects(war, {"on", "against"}))
    if code.startswith("PROTEST") and lemma == "demonstrate":
        # "we've demonstrated that ...", "demonstrated our resolve": showing, not a protest
        return not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in v.children)
    if code == "ASSAULT:abduct" and lemma in ("hold", "keep"):
        held = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "oprd", "ccomp")
                and c.lemma_.lower() not in ("hostage", "captive")]
        held += [c for h in list(held) for c in h.children if c.dep_ == "nsubj"]
        held += [c for h in v.children if h.lemma_.lower() in ("hostage", "captive")
                 for c in h.children if c.dep_ == "compound"]  # "the debt ceiling hostage"
        return not held or any(
            h.lemma_.lower() in lex["captive_objects"] or h.pos_ == "PRON"
            or h.ent_type_ in ("NORP", "PERSON", "GPE", "ORG") for h in held)
    return True


def _verb_code(v: Token, args: ArgResolver) -> tuple[str, list[Token]] | None:
    """The event code of a verb with the words that make it, or None."""
    if v.pos_ not in ("VERB",) or v.dep_ in ("amod", "compound"):
        return None
    lex = _lexicon()
    lemma = lemma_of(v)
    obj = _dobj(v)
    thing = obj if obj is not None else _patient(v)
    if thing is not None:
        code = lex["verb_objects"].get(f"{lemma} {thing.lemma_.lower()}")
        if code:
            return code, [v, thing]
    if obj is not None and _money_given(v, lemma, obj):
        return "AID", [v, obj]
    found = _phrasal(v, lemma, thing)
    if found:
        return found
    if obj is not None and lemma in ("launch", "fire", "shoot"):
        weapon, mode = _weapon_mode(obj, args)
        if weapon:
            return f"ASSAULT:{mode}", [v]
    if obj is not None and lemma in lex["light_verbs"] and noun_code(obj):
        return None
    found = _ordered_out(v, lemma, obj)
    if found:
        return found
    if lemma in lex["directive_verbs"] and _infinitive(v):
        return "REQUEST", [v]  # "told her to disconnect", "instructed the agency to act"
    if lemma == "find" and any(c.lower_ == "guilty" for c in v.children):
        return "SANCTION:convict", [v]
    found = evaluation(v, lemma, obj)
    if found:
        return found
    if lemma == "call" and obj is not None and not predicates(v, obj) and \
            args.resolve(obj, conjuncts=False):  # "called the bill a scam" names, not phones
        return "CONSULT:phone", [v]
    found = complement(v, lemma)
    if found:
        return found
    found = _agreed_meeting(v, lemma)
    if found:
        return found
    code = lex["verbs"].get(lemma)
    if code is None:
        return _agreed_act(v, lemma)
    if code == "@context":
        code = _in_context(v, lemma)
    if code is None or code.startswith("@"):
        return None
    if lemma == "attack" and verbal_attack(v, obj):
        return "ACCUSE:disapprove", [v]
    if code.startswith("ASSAULT") and any(cyber_attack(t) for t in [thing, *v.children]
                                          if t is not None and t.dep_ in ("dobj", "nsubjpass")):
        return CYBER, [v]  # the headline parse "attack [Church of Scientology] [website]"
    if lemma == "support":
        code = _support_type(v, obj)
    if obj is not None and obj.lemma_.lower() in lex["not_event_objects"] and \
            not _stance(code):
        return None
    if code.startswith("PROTEST") and obj is not None and \
            lemma not in lex["transitive_protest"]:
        return None  # "rallied supporters", "demonstrated its resolve"
    return code, [v]


def _agreed_act(v: Token, lemma: str) -> tuple[str, list[Token]] | None:
    """A joint act agreed to ("Australia and Moderna have agreed to build a facility"): the
    cooperative act itself, made future by the agreement (see ``agreed_acts`` in the data)."""
    table = _lexicon()["agreed_acts"]
    gov = v.head
    if v.dep_ != "xcomp" or lemma in table["not_acts"] or gov.pos_ != "VERB" or \
            lemma_of(gov) not in table["governors"]:
        return None
    obj = _dobj(v)
    if obj is not None and noun_code(obj) or any(
            c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in v.children):
        return None  # "agreed to hold talks", "agreed to begin working": the inner act
    return (table["code"], [v]) if _joint_agreement(gov) else None


def _agreed_meeting(v: Token, lemma: str) -> tuple[str, list[Token]] | None:
    """A meeting agreed by two or more parties ("the two leaders agreed to speak again",
    "they agreed to stay in close contact"): the meeting (see ``agreed_meetings``)."""
    table = _lexicon()["agreed_meetings"]
    gov = v.head
    if v.dep_ != "xcomp" or gov.pos_ != "VERB" or \
            lemma_of(gov) not in _lexicon()["agreed_acts"]["governors"] or \
            not _joint_agreement(gov):
        return None
    if lemma in table["verbs"] and not _dobj(v):
        return table["code"], [v]
    if lemma not in table["stay_verbs"]:
        return None
    for p in v.children:
        noun = next((o for o in p.children if o.dep_ == "pobj"), None) \
            if p.dep_ == "prep" and p.lower_ == "in" else None
        if noun is not None and noun.lemma_.lower() in table["nouns"]:
            return table["code"], [v, p, noun]
    return None


def _joint_agreement(gov: Token) -> bool:
    """An agreement of two or more parties: "A and B agreed", "we/they agreed", "the two
    leaders agreed", "agreed with Japan"; a conjoined verb takes its subject from the first
    ("The leaders discussed ... and agreed to ...")."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in gov.children):
        return True
    node = gov
    while node.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in node.children):
        node = node.head
    subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
    return subj is not None and (
        subj.lower_ in _lexicon()["agreed_acts"]["joint_pronouns"]
        or any(c.dep_ == "conj" for c in subj.children)
        or subj.tag_ in ("NNS", "NNPS") and
        subj.lemma_.lower() in word_class(ARGUMENT_WORDS, "joint_heads"))


def find_candidates(parsed: Doc, args: ArgResolver) -> list[Candidate]:
    claimed: set[int] = set()
    out: list[Candidate] = []
    for tok in parsed:
        found = verb_trigger(tok, args)
        if found:
            code, words = found
            etype, mode, cameo = _code(code)
            out.append(Candidate(tok, words, etype, mode, cameo))
            claimed.update(w.i for w in words[1:])
    verb_heads = {c.head.i for c in out}
    for tok in parsed:
        if tok.i in claimed:
            continue
        code = noun_code(tok)
        if code:
            etype, mode, cameo = _code(code)
            light = light_verb(tok)
            if light is not None and light.i in verb_heads and tok.dep_ != "dobj":
                light = None  # "provided $50 million in assistance": the verb reads it
            words = [light, tok] if light is not None else [tok]
            out.append(Candidate(tok, words, etype, mode, cameo, light=light))
    for tok in parsed:
        found = condemnation(tok, args)
        if found is not None:
            out.append(found)
        stance = adjective_stance(tok) if tok.i not in claimed else None
        if stance is not None:
            etype, mode, cameo = _code(stance[0])
            out.append(Candidate(tok, stance[1], etype, mode, cameo))
    taken = {c.head.i for c in out}
    out += [c for c in (needed(tok, args) or praised(tok, args) or demanded(tok, args)
                        for tok in parsed if tok.i not in taken) if c]
    verbs = {c.head.i for c in out}
    out += [a for a in (allegation(c, args, verbs) for c in out) if a is not None]
    out.sort(key=lambda c: c.head.i)
    return out


def _ordered_out(v: Token, lemma: str, obj: Token | None) -> tuple[str, list[Token]] | None:
    """"Ordered French troops to leave the country": ordering a party out expels it (the
    code of "expel"); the order and the leaving are one act."""
    table = _lexicon()["ordered_out"]
    if lemma not in table["verbs"] or obj is None or not any(
            t.ent_type_ in ORDERED_OUT_ENTS for t in obj.subtree):
        return None  # a named or national party: not "told the students to leave"
    leave = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp") and
                  lemma_of(c) in table["departures"] and to_infinitive(c)), None)
    if leave is None:
        return None
    return _lexicon()["verbs"]["expel"], [v, leave]


def _money_given(v: Token, lemma: str, obj: Token) -> bool:
    """A sum of money given to a recipient the verb names ("pledged 50 billion euros to
    Ukraine", "will give $5 billion to Indonesia"); without a "to" phrase the sum may be
    anything ("committed $2 billion" to a project, a fund, a budget line)."""
    lex = _lexicon()
    if lemma not in lex["money_giving_verbs"]:
        return False
    if not (obj.ent_type_ == "MONEY" or obj.lemma_.lower() in lex["currencies"]):
        return False
    return any(p.dep_ in ("prep", "dative") and p.lower_ == "to" for p in [*v.children,
                                                                          *obj.children])


def light_verb(noun: Token) -> Token | None:
    """The light verb an event noun is the object of ("provided aid"), also through an
    amount of it ("will send $300 million in military aid", "delivered 2 million doses of
    vaccine"): the verb does the noun's act."""
    verbs = _lexicon()["light_verbs"]
    obj = noun
    if noun.dep_ == "pobj" and noun.head.lower_ in AMOUNT_PREPS and \
            noun.head.head.dep_ == "dobj" and _amount(noun.head.head):
        obj, verbs = noun.head.head, _lexicon()["amount_light_verbs"]
    verb = obj.head
    return verb if obj.dep_ == "dobj" and verb.pos_ == "VERB" and lemma_of(verb) in verbs \
        else None


def _amount(tok: Token) -> bool:
    """A number or a sum of money: "$300 million", "a billion", "2 million"."""
    return tok.like_num or tok.ent_type_ in AMOUNT_ENTS


def allegation(act: Candidate, args: ArgResolver, verbs: set[int]) -> Candidate | None:
    """"Woman claims Church of Scientology imprisoned her": claiming that a named actor did a
    hostile act accuses that actor (ACCUSE allege; the act stays its own, alleged, event).
    Only with the accused named (subject or passive agent) and other than the claimant."""
    table = _lexicon()["allegations"]
    claim = act.head.head
    if act.type not in table["acts"] or act.nominal or act.head.dep_ != "ccomp" or \
            claim.pos_ != "VERB" or claim.i in verbs or lemma_of(claim) not in table["verbs"]:
        return None
    doer = next((c for c in act.head.children if c.dep_ == "nsubj"), None) or \
        passive_agent(act.head)
    claimant = next((c for c in claim.children if c.dep_ == "nsubj"), None)
    accused = args.resolve(doer) if doer is not None else []
    said = {a.actor.id for a in args.resolve(claimant)} if claimant is not None else set()
    if not accused or any(a.actor.id in said for a in accused):
        return None
    etype, mode, _ = _code(table["code"])
    return Candidate(claim, [claim], etype, mode, targets=accused)
