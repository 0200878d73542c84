"""Who did what to whom, per event mention: the source and target of a trigger candidate.

Verbs: the source is the clause's performer (:func:`~newsledger.events.arguments.controller`:
subject, passive agent, controlling subject or object, the noun a relative clause modifies);
the target is the object (or passive subject), a prepositional object (at, against, on, to...;
with for meetings and cooperation; from for retreats), else the subject of a complement
clause ("help Israel thwart"). When the object is itself an event ("condemned Iran's attack")
the target is that event's source.
Nouns: the possessor ("Iran's attack"), a by/from phrase, an actor modifier ("a suspected
Israeli strike"), else the performer of the verb that governs the noun ("launched an attack",
"will participate in meetings with ..."); the target is a prepositional object.
A place is a target only of an ASSAULT, or where it stands for a state: "travel to
Tegucigalpa, Honduras" visits Honduras; "traveled to Florida" visits no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.actors.joint import is_joint_phrase
from newsledger.actors.places import gazetteer_lookup
from newsledger.data import word_class
from newsledger.events.arguments import (
    ARGUMENT_WORDS,
    Arg,
    ArgResolver,
    controller,
    is_passive,
    left_subject,
    passive_patient,
    prep_objects,
)
from newsledger.events.corefer import SYMMETRIC
from newsledger.events.recipients import OWNER_TYPES, beneficiary, giving_phrases, of_owner
from newsledger.events.triggers import Candidate, _lexicon, lemma_of
from newsledger.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = {"at", "against", "on", "to", "toward", "towards", "into", "upon", "onto"}
# "with" names the other party: met, worked or agreed with, sided or fought with; complied
# or compromised with ("is complying with the Church's requests" concedes to the Church)
WITH_TYPES = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT", "ASSAULT", "CONCEDE"}
# Acts two sides do to each other, whose noun names both with "between" ("talks between
# Israel and Hamas", "clashes between the army and the rebels", "an agreement between ..."); not
# COOPERATE: "the partnership between A and B" is a standing relation, not an act.
BETWEEN_TYPES = {"CONSULT", "AGREE", "ASSAULT"}
NAMED = ("GPE", "NORP", "ORG", "PERSON", "LOC")
# Cooperative types whose "at" phrase is a place or occasion, never the other party.
PLACE_AT_TYPES = {"CONSULT", "COOPERATE", "AGREE", "AID", "SUPPORT"}
# Phrases on the noun of a verb + object trigger that name the target: "support for
# Ukraine", "aid for Gaza", "concern about/over Russia's build-up".
TRIGGER_NOUN_PREPS = {"SUPPORT": {"for"}, "AID": {"for"}, "ACCUSE": {"about", "over"}}
MUTUAL_MODES = {"ceasefire"}  # RETREAT modes both sides do, each towards the other
CROWD_TYPES = {"PROTEST"}  # acts whose agent may be a counted crowd ("Thousands of people")
PLACE_ENTS = ("GPE", "LOC", "FAC", "")  # entity labels of a place named as a target
ANY_ENTS = (*PLACE_ENTS, "PERSON", "ORG", "NORP")  # a name the context makes a place
WEAPON_OWNER_ENTS = {"NORP", "GPE", "ORG"}  # "Russian missiles", "Hezbollah rockets"
LOCATING_PREPS = {"in", "near", "outside", "at", "of"}  # "an air base near Isfahan"
MAX_GIVER_STEPS = 4  # "of"/coordination links climbed from an event noun to its giver
# Dependents that make a headline's past form active: an object, a complement, an
# auxiliary ("Iran has attacked", "Iran attacked Israel", "Iran warned that ...").
HEADLINE_ACTIVE_DEPS = {"dobj", "dative", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp",
                        "attr", "oprd", "prt"}
# Acts reported of their agent alone in headlines ("Minister resigned", "Leaders met",
# "Troops withdrew", "Workers protested"): read as passive only with a "by" phrase.
ALONE_TYPES = {"PROTEST", "RETREAT", "CONSULT", "MOBILIZE", "COOPERATE", "AGREE", "CONCEDE",
               "REJECT", "THREATEN"}
# What a briefer says in the first person that is an act of her own: statement-acts
# ("I urge", "I condemn", "I want to thank"). Her other first-person acts are the podium's
# ("I was calling Alex", "I'll hand it over to Jake", "I don't have a conversation to
# preview", "I am looking forward to participating"), not events between actors.
BRIEFER_ACTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"}



def verb_args(c: Candidate, args: ArgResolver, heads: dict[int, Candidate]) -> None:
    v = c.head
    subj = controller(v) or left_subject(v)
    if subj is not None and subj.i not in heads and headline_passive(v, c.type, args):
        # (an event noun as subject is a misread title: "Blinken's Call with ... Detained")
        _headline_args(c, subj, args)
        return
    if subj is not None:
        c.sources = _not_podium(c.type, subj, performers(args.resolve(subj)), args)
        c.joint = is_joint(subj) and not own_pair(c, subj, args)
        if not c.sources and c.type == "ASSAULT":
            c.sources = _weapon_owner(subj, args)
        if not c.sources and c.type in CROWD_TYPES:
            c.sources = _crowd(subj, args)
    objs = _objects(c)
    if c.type == "MOBILIZE":
        # the forces mobilized are the source's own ("deployed troops", "Commanders of the
        # KPA were dispatched"): they name the source when the clause does not, never the
        # target (that is whom a "against"/"to" phrase names)
        forces = [t for t in c.head.children if t.dep_ in ("dobj", "nsubjpass")]
        for force in forces:
            c.sources = c.sources or performers(args.resolve(force))
        objs = [t for t in objs if t not in forces]
    own = args.own_side(c.sources)
    for obj in objs:
        obj = _counted(obj)
        if obj.i in heads and obj.i != v.i:
            inner = heads[obj.i]
            noun_args(inner, args, heads)
            if inner.sources and inner.sources[0].actor.id not in own:
                c.targets = inner.sources
                return
            # "asked for talks with Iran", "appreciates the coordination with Norway": the
            # counterpart of a request or of a two-sided act without its own source
            if (c.type == "REQUEST" or inner.type in SYMMETRIC) and not inner.sources \
                    and inner.targets and inner.targets[0].actor.id not in own:
                c.targets = inner.targets
                return
            continue
        found = [a for a in args.resolve(obj) if a.actor.id not in own]
        if not found and c.type in OWNER_TYPES and (obj.dep_ == "dobj" and obj.head.i == v.i or
                                                     _cause_of(obj, c)):
            found = of_owner(obj, args, own, {a.actor.country for a in c.sources})
        if c.type != "ASSAULT":
            found = _places_as_states(obj, found, args)
        if not found and obj.dep_ == "dobj":
            # "is providing $50 million in humanitarian assistance for the people of
            # Ethiopia": the amount's event noun names the recipient
            found = [a for p in prep_objects(obj, {"in", "of"})
                     for a in _nested_recipients(c, p, args, heads) if a.actor.id not in own]
        if found:
            c.targets = found
            return
    if c.type == "ASSAULT":
        place = attacked_place(v, objs, args)
        if place is not None:
            c.targets = [place]
            return
    for comp in v.children:
        if comp.dep_ in ("ccomp", "xcomp"):
            subj = next((t for t in comp.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                c.targets = args.resolve(subj)
                if c.targets:
                    return
    if c.type == "CONSULT":
        c.targets = _purpose_counterpart(v, args, own)
    elif c.type == "AID":
        c.targets = beneficiary(v, args, own)


def headline_passive(v: Token, etype: str, args: ArgResolver) -> bool:
    """A headline's bare participle is a passive: "Scientology defector arrested after ...",
    "Afghan team honored for ...", "Iran attacked by Israel" (headlines report acts in the
    present tense, "Iran attacks Israel"). The parser reads the patient as the subject. A
    past form in a title, with a subject and no auxiliary, object or complement, of an act
    done to someone: types that are also done alone ("troops withdrew", "leaders met",
    "workers protested") are passive only with a "by" phrase."""
    if not _past_form(v):
        return False
    if v.dep_ == "conj":  # "Trustees Arrested and Charged": the first verb's subject
        if v.head.dep_ != "ROOT" or not _past_form(v.head) or \
                any(ch.dep_ == "nsubj" for ch in v.children):
            return False
        v_subject = v.head
    elif v.dep_ == "ROOT":
        v_subject = v
    else:
        return False  # "Families of Nationals Held Hostage": a description, not the news
    if not any(ch.dep_ == "nsubj" for ch in v_subject.children):
        return False
    if etype in ALONE_TYPES and not prep_objects(v, {"by"}):
        return False
    if any(f"{lemma_of(v)} {ch.lower_}" in _words("complement_preps") for ch in v.children
           if ch.dep_ in ("prep", "prt")):
        return False  # "Hamas called for a ceasefire": the phrase completes an active verb
    return args.actors.document.region_at(v.idx) == "title"  # last: a scan of the regions


def _past_form(v: Token) -> bool:
    """A bare past form: no object, complement or auxiliary of its own."""
    return v.tag_ in ("VBN", "VBD") and not any(ch.dep_ in HEADLINE_ACTIVE_DEPS
                                                for ch in v.children)


def _headline_args(c: Candidate, patient: Token, args: ArgResolver) -> None:
    """A headline passive: the subject the parser found is the target, a "by" phrase the
    source ("Navalny jailed by Moscow court")."""
    c.sources = []
    for agent in prep_objects(c.head, {"by"}):
        c.sources = performers(args.resolve(agent))
        if c.sources:
            break
    own = {a.actor.id for a in c.sources}
    found = [a for a in args.resolve(patient) if a.actor.id not in own]
    if c.type != "ASSAULT":
        found = _places_as_states(patient, found, args)
    elif not found:
        place = place_arg(patient, args)
        found = [place] if place is not None else []
    c.targets = found


def _not_podium(etype: str, subj: Token, found: list[Arg], args: ArgResolver) -> list[Arg]:
    """No source for a briefer's first-person act that is not a statement-act of her own
    (``BRIEFER_ACTS``): "I was calling Alex" at the podium is no consultation."""
    if etype in BRIEFER_ACTS or subj.lower_ not in ("i", "me", "my") or not found or \
            not args.briefer(found[0].actor):
        return found
    return []


def _counted(obj: Token) -> Token:
    """A bare number as object of a coordinated verb counts more of the first verb's object:
    "fishermen rescued 700 asylum seekers, and the Navy saved 200 more"."""
    v = obj.head
    if obj.pos_ != "NUM" or obj.dep_ != "dobj" or v.dep_ != "conj" or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
        return obj
    first = next((t for t in v.head.children if t.dep_ == "dobj"), None)
    return first if first is not None and first.pos_ in ("NOUN", "PROPN") else obj


def _objects(c: Candidate) -> list[Token]:
    """The words that may name a verb's target, in order of preference."""
    v = c.head
    objs: list[Token] = []
    if is_passive(v):
        objs += [t for t in v.children if t.dep_ == "nsubjpass"]
        patient = passive_patient(v)
        objs += [patient] if patient is not None else []
    if v.dep_ == "acl" and v.tag_ == "VBN":
        objs.append(v.head)  # "hostages held by Hamas", "the seekers rescued on Friday"
    if not (c.type == "CONSULT" and lemma_of(v) in _words("topic_verbs")):
        # "discuss Iran's attack": the object is the topic
        objs += [t for t in v.children
                 if t.dep_ == "dobj" or t.dep_ == "dative" and t.pos_ != "ADP"]
    preps = _target_preps(c.type)
    if c.type == "RETREAT":
        preps |= {"from"}
    if c.type == "COOPERATE":
        preps |= {"in"}
    for w in c.words[1:]:
        if w.dep_ == "prep":
            objs += [p for p in w.children if p.dep_ == "pobj"]
        elif w.dep_ == "dobj":
            # the trigger's own noun takes its noun's phrases ("expressed support for
            # Ukraine's sovereignty", as "support for Ukraine"; "expressed concern over
            # Russia's build-up")
            objs += prep_objects(w, preps | TRIGGER_NOUN_PREPS.get(c.type, set()))
    return objs + prep_objects(v, preps)


def _cause_of(obj: Token, c: Candidate) -> bool:
    """``obj`` is the cause the trigger's own noun names ("expressed support *for the
    sovereignty* of Ukraine"), whose owner is the target as a verb's object's is."""
    return obj.dep_ == "pobj" and obj.head.head in c.words[1:]


def _target_preps(etype: str) -> set[str]:
    """Prepositions whose object is the target: "with" for meetings and cooperation; "at"
    not for cooperative types ("met ... at the White House" says where, not with whom)."""
    preps = TARGET_PREPS | ({"with"} if etype in WITH_TYPES else set())
    return preps - {"at"} if etype in PLACE_AT_TYPES else preps


def _places_as_states(obj: Token, found: list[Arg], args: ArgResolver) -> list[Arg]:
    """A place is no party to a meeting, aid or demand unless it stands for a state: a city
    named with its country ("travel to Tegucigalpa, Honduras") is the country, unless it is
    the issuing government's own; a bare place ("traveled to Florida") is nobody."""
    states = [a for ap in obj.children if ap.dep_ == "appos"
              for a in args.resolve(ap, conjuncts=False) if a.actor.kind == "state"]
    if states and obj.ent_type_ in ("GPE", "LOC") and found and found[0].actor.kind != "state":
        if states[0].actor.country == args.actors.home_country:
            return []  # "will travel to Bar Harbor, Maine, USA" in a US release: a home trip
        return states[:1]  # the city, or its government, visited: the country
    return [a for a in found if a.actor.kind != "other"]


def _purpose_counterpart(v: Token, args: ArgResolver, own: set[str]) -> list[Arg]:
    """"Traveled to Florida to meet with Devocht": the counterpart of a visit is whom its
    purpose clause meets."""
    for comp in v.children:
        if comp.dep_ not in ("advcl", "xcomp") or not any(
                t.dep_ == "aux" and t.lower_ == "to" for t in comp.children):
            continue
        for obj in [t for t in comp.children if t.dep_ == "dobj"] + \
                prep_objects(comp, {"with"}):
            found = [a for a in args.resolve(obj) if a.actor.id not in own and
                     a.actor.kind != "other"]
            if found:
                return found
    return []


def place_arg(tok: Token, args: ArgResolver, ents: tuple[str, ...] = PLACE_ENTS,
              known: bool = True) -> Arg | None:
    """A place attacked ("fired missiles at Kyiv"): a place can be a target of ASSAULT, and
    stands for its country; registered as an actor of kind ``other``. The name is the
    entity (or, when the tagger missed it, the capitalised name) the gazetteer knows; a
    name the text itself calls a place ("the town of Avdiivka", ``known=False``) may be
    one the gazetteer does not know, of no known country."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ents:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and (doc[start].ent_iob_ == "I" or doc[start - 1].dep_ == "compound"
                         and doc[start - 1].head.i == tok.i and doc[start - 1].pos_ == "PROPN"):
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    span = doc[start:end]
    hit = gazetteer_lookup(span.text)
    if hit is None and known or not span.text[:1].isupper():
        return None
    actor = args.actors.add(hit.name if hit and hit.is_country else span.text, "other",
                            span.start_char, span.end_char, span.text,
                            country=hit.country if hit else None,
                            key=f"place:{span.text.lower()}")
    return Arg(actor, span.start_char, span.end_char)


def _crowd(subj: Token, args: ArgResolver) -> list[Arg]:
    """The people a counted crowd is, as the agent of a protest ("Thousands of people
    protested in Paris", "Hundreds of farmers marched"): for other acts a counted crowd is
    rarely one party (see ``ArgResolver.resolve``)."""
    if subj.tag_ != "NNS" or subj.lemma_.lower() not in _words("count_nouns"):
        return []
    return [a for o in prep_objects(subj, {"of"}) for a in performers(args.resolve(o))]


def _weapon_owner(subj: Token, args: ArgResolver) -> list[Arg]:
    """Who fired the weapons that struck: "Russian missiles hit Kyiv", "Iran's drones struck
    Israel" (the owner named by a possessor or a nationality or name before the weapon).
    Only as the subject of an attack: "shot down Iranian drones" attacks no Iran."""
    if not args.is_weapon(subj):
        return []
    for child in subj.children:
        if child.dep_ == "poss" or child.dep_ in ("amod", "compound") and child.i < subj.i \
                and child.ent_type_ in WEAPON_OWNER_ENTS:
            found = performers(args.resolve(child))
            if found:
                return found
    return []


def located(obj: Token, args: ArgResolver) -> Arg | None:
    """The place of a common noun attacked ("struck an air base near Isfahan", "shelled a
    hospital in Gaza", "hit the Isfahan air base"): the place stands for its country, as
    a place attacked by name does (``place_arg``)."""
    if obj.pos_ != "NOUN":
        return None
    for child in obj.children:
        if child.dep_ == "compound" and child.i < obj.i:
            # the tagger often reads a place naming a facility as its organization
            found = place_arg(child, args, (*PLACE_ENTS, "ORG"))
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ in LOCATING_PREPS:
            # "the town of Avdiivka": a place, whatever the tagger took the name for
            named = child.lower_ == "of" and obj.lemma_.lower() in _words("settlement_nouns")
            found = next((p for p in (place_arg(o, args, ANY_ENTS if named else PLACE_ENTS,
                                                known=not named)
                                      for o in child.children if o.dep_ == "pobj") if p), None)
            if found is not None:
                return found
    return None


def attacked_place(v: Token, objs: list[Token], args: ArgResolver) -> Arg | None:
    """The place an attack by ``v`` on ``objs`` struck: an object that is a place ("fired at
    Kyiv"), else the place of an object ("an air base near Isfahan"), else, for a thing
    attacked, the place hung on the verb ("hit a hospital in Kharkiv")."""
    place = next((p for p in (place_arg(obj, args) for obj in objs) if p), None) or \
        next((p for p in (located(obj, args) for obj in objs) if p), None)
    if place is None and any(o.dep_ == "dobj" and o.pos_ == "NOUN" for o in objs):
        place = _place_in(v, args)
    return place


def _place_in(v: Token, args: ArgResolver) -> Arg | None:
    """The place of a verb's "in" phrase ("killed three people in Gaza")."""
    return next((p for p in (place_arg(o, args) for o in prep_objects(v, {"in"})) if p), None)


def killed(c: Candidate, args: ArgResolver) -> list[Arg]:
    """The target of an attack noun told by the killing verb folded into it ("Israeli
    airstrikes killed 30 people in Gaza": the people, or their place)."""
    own = args.own_side(c.sources)
    for v in c.folded:
        for obj in (t for t in v.children if t.dep_ == "dobj"):
            found = [a for a in args.resolve(obj) if a.actor.id not in own]
            place = None if found else place_arg(obj, args) or located(obj, args)
            if found or place is not None:
                return found or [place]
        place = _place_in(v, args)
        if place is not None:
            return [place]
    return []


def noun_args(c: Candidate, args: ArgResolver, heads: dict[int, Candidate]) -> None:
    """Source and target of an event noun, from its phrase and the verb that carries it."""
    _noun_args(c, args, heads)
    if c.folded and not c.targets:
        c.targets = killed(c, args)
    if c.type == "RETREAT" and c.mode in MUTUAL_MODES and not c.targets:
        _mutual_sides(c, args)


def _mutual_sides(c: Candidate, args: ArgResolver) -> None:
    """A ceasefire is both sides' act, each towards the other: "agreed to a ceasefire with
    Ukraine" (the "with" phrase on the noun or on the verb that carries it); two
    coordinated sides ("Israel and Hamas agreed to a ceasefire") are split when the record
    is made (``extract._pick_args``), once the agreeing verb has lent its subjects."""
    own = args.own_side(c.sources)
    gov = _governor(c)
    for obj in prep_objects(c.head, {"with"}) + (prep_objects(gov, {"with"}) if gov else []):
        found = [a for a in performers(args.resolve(obj)) if a.actor.id not in own]
        if found:
            c.targets = found
            return


def _noun_args(c: Candidate, args: ArgResolver, heads: dict[int, Candidate]) -> None:
    if c.light is None:
        c.light = _setter(c.head)
    if c.sources or c.targets:
        return
    n = c.head
    for child in n.children:
        if child.dep_ == "poss":
            # a possessor may be a place: "Florida's ban" is its government's act
            c.sources = _not_podium(c.type, child, args.resolve(child), args)
            break
    if not c.sources:
        c.sources = _giver(n, args)
    if not c.sources and c.type == "RETREAT":
        c.sources = _holder(n, args)
    if not c.sources:
        # "the visit of President Marcos", "a meeting of the two leaders": who met
        agents = {"by", "from", "of"} if c.type == "CONSULT" else {"by", "from"}
        for obj in prep_objects(n, agents):
            c.sources = performers(args.resolve(obj))
            if c.sources:
                break
    if not c.sources and c.type in BETWEEN_TYPES:
        c.sources, c.targets = _between(n, args)
        if c.sources:
            return
    mods = [ch for ch in n.children if ch.dep_ in ("compound", "amod", "nmod") and ch.i < n.i]
    for child in mods:
        if c.type == "ASSAULT" and c.mode is None and args.is_weapon(child):
            c.mode = _lexicon()["weapon_modes"].get(child.lemma_.lower(), "aerial")
        mods.extend(g for g in child.children if g.dep_ in ("amod", "compound") and g.i < n.i)
    if not c.sources:
        for child in sorted(mods, key=lambda t: -t.i):
            if child.ent_type_ in NAMED or child.pos_ == "PROPN":
                found = performers(args.resolve(child, conjuncts=False))
                if found:
                    c.sources = found
                    break
    receiver = _receiver(n) or _seeker(c, n)
    if receiver is not None:
        _received(c, receiver, args)
        return
    gov = _governor(c)
    if not c.sources and gov is not None:
        subj = controller(gov)
        if subj is not None:
            c.sources = _not_podium(c.type, subj, performers(args.resolve(subj)), args)
            c.joint = is_joint(subj) and not own_pair(c, subj, args)
    preps = _target_preps(c.type)
    if c.type in ("ACCUSE", "COERCE", "ASSAULT", "SANCTION", "RETREAT", "SUPPORT", "AID"):
        preps |= {"of"} if c.type not in ("SUPPORT", "AID") else {"for"}
    # a shared light verb names targets only for the act it gives a performer ("grants to
    # provide training and support to ..." names no one who supports)
    light = c.light if c.light is not None else _shared_light(n) if c.sources else None
    on_light = prep_objects(light, _target_preps(c.type) - {"with"}) if light is not None else []
    if light is not None and c.light is None:
        # a shared verb's phrases before the noun belong to the first conjunct ("provide
        # assistance to the government and aid to the millions": aid goes to the millions)
        on_light = [t for t in on_light if t.i > n.i]
    own = args.own_side(c.sources)
    for obj in prep_objects(n, preps) + on_light + giving_phrases(n, c.type):
        found = args.resolve(obj) or _nested_recipients(c, obj, args, heads)
        if not found and c.type in OWNER_TYPES:
            # "support for ASEAN efforts", "commitment to the sovereignty of Ukraine": the
            # cause's owner, as for a verb's object
            found = of_owner(obj, args, own, {a.actor.country for a in c.sources})
        if c.type == "CONSULT":  # "a trip to Florida", "her visit to Ohio": no one met
            # (aid "to Gaza" goes to its people: a place stays a recipient)
            found = _places_as_states(obj, found, args)
        if found:
            c.targets = found
            break


def _between(n: Token, args: ArgResolver) -> tuple[list[Arg], list[Arg]]:
    """The two sides of "talks between Israel and Hamas", "clashes between the army and
    the rebels": the first conjunct as source, the others as target -- both must be
    actors, or the noun names no checkable pair ("the dialogue between faith and
    reason")."""
    for obj in prep_objects(n, {"between"}):
        first = performers(args.resolve(obj, conjuncts=False))
        rest = [a for conj in obj.conjuncts if conj.i > obj.i
                for a in performers(args.resolve(conj, conjuncts=False))]
        if first and rest:
            return first, rest
    return [], []


def _setter(n: Token) -> Token | None:
    """The verb that sets its object in the state an event noun names ("North Korea put its
    military on high alert"): it carries the act as a light verb does, so its subject
    performs it and its clause gives the act's modality."""
    prep = n.head
    if n.dep_ != "pobj" or prep.lower_ not in ("on", "in") or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    if lemma_of(verb) not in _words("setting_verbs") or \
            not any(c.dep_ == "dobj" for c in verb.children):
        return None
    return verb


def _nested_recipients(c: Candidate, obj: Token, args: ArgResolver,
                       heads: dict[int, Candidate]) -> list[Arg]:
    """An event noun of the same type in the noun's phrase names its recipient ("provide
    immediate help ... on assistance to Tonga": the help goes to Tonga), when that noun
    has no performer of its own (then it is another act, "help for Japan's aid to X")."""
    inner = heads.get(obj.i)
    if inner is None or inner is c or inner.type != c.type:
        return []
    noun_args(inner, args, heads)
    return [] if inner.sources else list(inner.targets)


def _receiver(n: Token) -> Token | None:
    """The verb whose subject receives or undergoes an event noun ("Ukraine received aid",
    "the minister drew criticism", "Iran faces new sanctions", "a wave of sanctions"), or
    None. Its subject is the target, never the source: who gives, criticises or sanctions
    is only a possessor or a "from"/"by" phrase."""
    node = n
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # "drew praise and criticism"
    if node.dep_ == "pobj" and node.head.lower_ == "of" and \
            node.head.head.lemma_.lower() in _words("series_nouns"):
        node = node.head.head  # "faced a wave of sanctions"
    if node.dep_ != "dobj" or node.head.pos_ != "VERB" or _compared(n) or _compared(node):
        return None
    verb = node.head
    if any(ch.dep_ == "prt" for ch in verb.children):
        return None  # "the EU draws up new sanctions": the drafter acts
    return verb if lemma_of(verb) in _words("receiving_verbs") else None


def _seeker(c: Candidate, n: Token) -> Token | None:
    """The verb whose subject asks for or takes the aid the noun names with its giver
    ("Bangladesh sought U.S. technical assistance"): that subject is its recipient. Not
    when the noun names its own recipient ("welcomed U.S. aid to Ukraine"), nor without a
    giver: "people seeking asylum", "Rathbun requested donations" tell of no aid given."""
    if c.type != "AID" or not c.sources or n.dep_ != "dobj" or n.head.pos_ != "VERB" or \
            lemma_of(n.head) not in _words("aid_seeking_verbs") or \
            prep_objects(n, _target_preps(c.type) | {"for"}):
        return None
    return n.head


def _compared(n: Token) -> bool:
    """A noun counted by comparison ("has received more funding than any other", "is
    facing more threats") states an amount, not an act done to the subject."""
    return any(ch.tag_ in ("JJR", "RBR") or ch.lower_ in ("more", "less", "fewer")
               for ch in n.children if ch.dep_ in ("amod", "advmod", "nummod", "det"))


def _received(c: Candidate, verb: Token, args: ArgResolver) -> None:
    """Arguments of an event noun a verb's subject receives: the source named on the noun
    (possessor, by/from, found before) or a "from"/"by" phrase on the verb; the target
    the verb's subject ("the President has drawn praise": the President is praised)."""
    if not c.sources:
        for obj in prep_objects(verb, {"from", "by"}):
            c.sources = performers(args.resolve(obj))
            if c.sources:
                break
    subj = controller(verb) or left_subject(verb)
    own = {a.actor.id for a in c.sources}
    c.targets = [a for a in args.resolve(subj) if a.actor.id not in own] \
        if subj is not None else []


def _shared_light(n: Token) -> Token | None:
    """The light verb of the first conjunct of a coordinated event noun ("will provide help
    and support to Lebanon": "support" is provided too), when the noun has no determiner or
    possessor of its own ("provided aid and the sanctions ..." are not both provided)."""
    if n.dep_ != "conj" or any(ch.dep_ in ("det", "poss") for ch in n.children):
        return None
    first = n
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    if first.i == n.i:
        return None
    if first.dep_ == "dobj":
        verb = first.head
    elif _gapped(first):
        verb = first.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" and lemma_of(verb) in _lexicon()["light_verbs"] \
        and lemma_of(verb) not in _words("receiving_verbs") else None


def _gapped(first: Token) -> bool:
    """"Provide security assistance to the government and humanitarian aid to the
    millions": the parser joins the second object to the first recipient; the verb has its
    own object before that recipient's phrase, so the noun is a second object, not a second
    recipient."""
    prep = first.head
    if first.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in TARGET_PREPS:
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and any(ch.dep_ == "dobj" and ch.i < prep.i
                                       for ch in verb.children)


def _giver(n: Token, args: ArgResolver) -> list[Arg]:
    """The possessor of a noun of giving over an event noun ("Germany's provision of
    security assistance and recent pledge of additional aid": Germany gives both), through
    "of" and coordination."""
    node = n
    for _ in range(MAX_GIVER_STEPS):
        if node.dep_ == "conj":
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and \
                node.head.head.lemma_.lower() in _words("giving_nouns"):
            node = node.head.head
        else:
            return []
        owner = next((ch for ch in node.children if ch.dep_ == "poss"), None)
        if owner is not None and node.lemma_.lower() in _words("giving_nouns"):
            return performers(args.resolve(owner))
    return []


def _holder(n: Token, args: ArgResolver) -> list[Arg]:
    """Who releases captives is who holds them: "the release of all hostages held by
    Hamas"."""
    for obj in prep_objects(n, {"of"}):
        for held in obj.children:
            if held.dep_ == "acl" and held.tag_ == "VBN" and \
                    held.lemma_.lower() in _words("holding_verbs"):
                for agent in prep_objects(held, {"by"}):
                    found = performers(args.resolve(agent))
                    if found:
                        return found
    return []


def performers(found: list[Arg]) -> list[Arg]:
    """Sources that can act: a place does nothing itself ("Florida" is never who traveled,
    attacked or met); a capital that stands for its government is an organization, not a
    place, and stays."""
    return [a for a in found if not is_place(a.actor)]


def is_place(actor: Actor) -> bool:
    return actor.kind == "other" and (actor.key or "").startswith("place:")


def _governor(c: Candidate) -> Token | None:
    """The verb whose performer carries out an event noun: its light verb ("launched an
    attack"), a verb of deliberation ("will reflect on sanctions") or of taking part ("will
    participate in meetings with ...", "they will hold a series of meetings") or of being in
    one ("is in talks with")."""
    if c.light is not None:
        return c.light
    shared = _shared_light(c.head)
    if shared is not None:
        return shared
    node = c.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and \
            node.head.head.lemma_.lower() in _words("series_nouns"):
        node = node.head.head
    verb = node.head.head if node.dep_ == "pobj" else node.head
    if node.dep_ == "pobj" and node.head.lower_ == "in" and \
            lemma_of(verb) in _words("in_state_verbs"):
        return verb  # "Iran is in talks with the IAEA": the subject is a party
    if verb.pos_ != "VERB":
        return None
    if node.dep_ == "pobj" and lemma_of(verb) in _words("deliberate_verbs"):
        return verb
    if lemma_of(verb) in _words("partake_verbs") and (
            node.dep_ == "dobj" or node.dep_ == "pobj" and node.head.lower_ in ("in", "at")):
        return verb
    return None


def is_joint(subj: Token) -> bool:
    """"They", "their", "the two leaders", "both sides": the parties of the meeting just
    reported. A plural the text restricts itself ("the governments of the region", "the
    leaders who signed") names its own parties, not the pair."""
    return subj.lower_ in ("they", "their", "them") or is_joint_phrase(subj)


def own_pair(c: Candidate, subj: Token, args: ArgResolver) -> bool:
    """A joint subject the text's own pair resolved ("the two countries" after "the leaders
    of Thailand and Cambodia", ``ArgResolver.joint``): that pair acts, not the sides of the
    last meeting ("Trump spoke with the leaders ..."). A meeting still takes the last
    meeting's sides, which name its counterpart."""
    return c.type != "CONSULT" and subj.i in args.paired


def _words(group: str) -> frozenset[str]:
    """A word group of ``data/event_arguments.json``."""
    return word_class(ARGUMENT_WORDS, group)
