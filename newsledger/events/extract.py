"""PLOVER events with source, target, modality, date, place and quantities.

Triggers from :mod:`newsledger.events.triggers` (``data/event_triggers.json``: verbs, verb + particle/preposition, verb +
object, event nouns), arguments from :mod:`newsledger.events.arguments`, modality from
:mod:`newsledger.events.modality`, dates from :mod:`newsledger.events.dates`, numbers from
:mod:`newsledger.events.quantities`, places from :mod:`newsledger.actors.places`.

Decisions:
- a light verb with an event noun as object ("launched an attack", "imposed sanctions")
  makes one event: the noun's type, the verb's subject as source;
- "launch/fire <weapons> at X" is an ASSAULT whose mode comes from the weapon;
- a killing verb whose subject is an event ("an attack that killed seven") adds its numbers
  to that event instead of making a second one;
- a conflictual event (SANCTION, ASSAULT, COERCE) under readiness or threat ("stand ready
  to take further measures", "threatened to strike") is coded THREATEN, as PLOVER asks for
  the single category rather than category + hypothetical;
- an event whose antecedent is "called off"/"cancelled" by a pronoun later in the sentence
  ("led to it being called off") is hypothetical.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.actors.index import ActorIndex
from newsledger.actors.nationality import country_word
from newsledger.actors.places import locate
from newsledger.actors.tables import tables
from newsledger.data import word_class
from newsledger.events.appraisals import to_infinitive
from newsledger.events.arguments import Arg, ArgResolver, controller, left_subject
from newsledger.events.corefer import (
    BORROW_WINDOW,
    PARTY_NOUNS_GROUP,
    SYMMETRIC,
    Mention,
    act_kind,
    group_mentions,
    joint_sides,
    purpose_head,
)
from newsledger.events.dates import assign_dates
from newsledger.events.filters import (
    COUNTERPART_TYPES,
    addressee,
    assembly,
    counterpart,
    habitual,
    idiom,
    question,
    sense_filter,
    thing_object,
)
from newsledger.events.modality import HYPO_MODS, modality, stance
from newsledger.events.pairs import meeting_counterparts, pair_meetings
from newsledger.events.quantities import event_quantities
from newsledger.events.roles import MUTUAL_MODES, TARGET_PREPS, noun_args, verb_args
from newsledger.events.triggers import (
    Candidate,
    _lexicon,
    cameo_root,
    find_candidates,
    intensity,
    lemma_of,
)
from newsledger.records import Document, Event, Location, Participant, Quote
from newsledger.records import Span as TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CONFLICT = {"SANCTION", "ASSAULT", "COERCE"}
READINESS = {"ready", "prepared", "willing", "poised", "threaten", "vow", "warn"}
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
PROMISED = {"agree", "pledge", "promise", "commit", "vow", "plan", "decide", "intend"}
INTENT = {"willing", "offer", "ready",
          "prepared", "decide", "volunteer", "consent", "intend", "plan", "expect"}
REFUSAL = {"refuse", "decline", "reject", "cancel", "boycott", "rebuff", "spurn", "veto"}
CURTAIL = {"reduce", "cut", "suspend", "suspension", "halt", "freeze", "stop", "reduction",
           "curtail", "slash", "withhold", "cancel"}
REFRAME_DEPS = {"xcomp", "dobj", "acomp", "pcomp", "prep", "pobj"}
FOLD_VERBS = {"kill", "injure", "wound", "destroy", "hit", "damage"}
CANCEL = {"cancel", "scrap", "abort", "postpone", "shelve", "drop"}
# Verbs that end a measure or a protest: refusing them ("will not end the strike", "will not
# lift the embargo") is PLOVER's REJECT (a request for change refused).
END_VERBS = {"end", "stop", "halt", "lift", "abandon"}
ENDABLE = {"PROTEST", "SANCTION", "COERCE", "ASSAULT"}
DEFINITE = {"the", "this", "that", "these", "those"}
OWN_DATE_PRECISIONS = {"day", "month"}  # dates precise enough to tell two events apart
PARTY_WORD_POS = {"NOUN", "PROPN"}  # words of a counterpart phrase that can name the party
TRIP_MODE = "visit"  # CONSULT by travel: its coordinated subjects are co-travellers
GOVERNMENT_KEY = "/GOV"  # actor key suffix of a state's government ("state:RUS/GOV")
ISSUER_VOICE = "issuer"  # the voice of a statement's or readout's own paragraphs
CONTENT_PREPS = ("to", "for", "on")  # what a stance noun is about: "commitment to X"


# assembly -------------------------------------------------------------------------------

def _fold(cands: list[Candidate], heads: dict[int, Candidate]) -> list[Candidate]:
    """Killing verbs whose subject is an event add their numbers to it."""
    out = []
    for c in cands:
        v = c.head
        if not c.nominal and v.lemma_.lower() in FOLD_VERBS:
            subj = next((t for t in v.children if t.dep_ == "nsubj"), None)
            owner = None
            if subj is not None and subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                node = v.head
                for _ in range(3):
                    owner = heads.get(node.i)
                    if owner is not None or node.dep_ not in ("pobj", "prep"):
                        break
                    node = node.head
            elif subj is not None:
                owner = heads.get(subj.i)
            elif v.dep_ == "acl" and any(t.dep_ == "dobj" for t in v.children):
                # "Israeli airstrikes killed 30 people", parsed as a participle on the noun:
                # with an object it is active, the noun its subject
                owner = heads.get(v.head.i)
            if owner is not None and owner.nominal:
                owner.folded.append(v)
                continue
        out.append(c)
    return out


def _is_cancel(v: Token) -> bool:
    lemma = v.lemma_.lower()
    return lemma in CANCEL or lemma == "call" and any(
        ch.dep_ == "prt" and ch.lower_ == "off" for ch in v.children)


def _called_off(cands: list[Candidate], args: ArgResolver) -> None:
    """"X ... led to it being called off": the pronoun's antecedent event is not asserted.

    The antecedent is the last event before the pronoun outside the clause that holds the
    pronoun (the words of that clause are the causes of the cancelling, not what was
    cancelled).
    """
    by_sent: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault(args.sent_of(c.head).start, []).append(c)
    for group in by_sent.values():
        sent = args.sent_of(group[0].head)
        for v in sent:
            if not _is_cancel(v):
                continue
            pron = next((ch for ch in v.children if ch.dep_ in ("nsubjpass", "dobj")
                         and ch.pos_ == "PRON"), None)
            if pron is None:
                continue
            clause = _clause_of(pron)
            inside = {t.i for t in clause.subtree}
            before = [c for c in group if c.head.i < pron.i and c.head.i not in inside]
            if before and before[-1].modality == "asserted":
                before[-1].modality = "hypothetical"


def _clause_of(tok: Token) -> Token:
    """The nearest governing clause that stands on its own (root, conjunct, complement)."""
    node = tok.head
    while node.head.i != node.i and node.dep_ not in ("conj", "ccomp", "parataxis"):
        node = node.head
    return node


def _inherit(c: Candidate, heads: dict[int, Candidate]) -> None:
    """A clause coordinated with another event's clause shares its missing arguments:
    "we demand that Iran cease ..., and we stand ready to take further measures"."""
    if c.targets:
        return
    node = c.clause
    for _ in range(4):
        if node.dep_ not in ("xcomp", "acomp", "conj", "ccomp") or node.head.i == node.i:
            return
        conj = node.dep_ == "conj"
        node = node.head
        other = heads.get(node.i)
        if conj and other is not None and other.targets:
            same = not c.sources or not other.sources or \
                c.sources[0].actor.id == other.sources[0].actor.id
            if same:
                c.targets = other.targets
                c.sources = c.sources or other.sources
            return


def _reframe(c: Candidate, heads: dict[int, Candidate]) -> None:
    """PLOVER codes an action offered, refused or threatened as one category, not as the
    action plus a modality: cooperation under "offer/willing to" is AGREE, under
    "refuse/decline/cancel" REJECT; conflict under "ready/threaten/vow to" THREATEN.
    Cooperation agreed, promised or planned ("agreed to continue their coordination",
    "have agreed to build") is the cooperative act with modality future (the news gold
    convention), and the governing "agreed" is no second event."""
    node = c.clause
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in REFRAME_DEPS:
            return
        node = node.head
        lemma = lemma_of(node)
        new = None
        if c.type in COOPERATIVE and lemma in PROMISED and not stance(c.type, lemma):
            if c.modality in ("asserted", "hypothetical"):
                c.modality = "negated" if modality(node) == "negated" else "future"
            gov = heads.get(node.i)
            if gov is not None and gov.type == "AGREE":
                gov.merged = True
                c.sources = c.sources or gov.sources
            return
        if c.type in CONFLICT and lemma in READINESS:
            new = "THREATEN"
        elif c.type in COOPERATIVE and lemma in INTENT:
            new = "AGREE"
        elif c.type in COOPERATIVE and lemma in REFUSAL:
            new = "REJECT"
        elif c.type in ("AID", "COOPERATE") and lemma in CURTAIL:
            new = "SANCTION"
        if new is None:
            continue
        c.type, c.mode, c.cameo = new, "discontinue" if new == "SANCTION" else None, None
        finite = node.head if node.pos_ == "ADJ" and node.dep_ == "acomp" else node
        c.modality = modality(finite)
        gov = heads.get(node.i)
        if gov is not None and gov.type == new:
            gov.targets = gov.targets or c.targets
            c.merged = True
        return


def _refused_end(c: Candidate, args: ArgResolver, heads: dict[int, Candidate]) -> None:
    """"The workers will not end the strike", "Obama will not lift the embargo": a protest
    or measure kept up against a call to end it is a REJECT by whoever refuses, asserted;
    the negated ending verb is no second event."""
    gov = c.head.head
    if not (c.nominal and c.type in ENDABLE and c.head.dep_ == "dobj" and gov.pos_ == "VERB"
            and lemma_of(gov) in END_VERBS and modality(gov) == "negated"):
        return
    c.type, c.mode, c.cameo, c.modality = "REJECT", None, None, "asserted"
    subj = controller(gov) or left_subject(gov)
    c.sources = args.resolve(subj) if subj is not None else []
    own = {a.actor.id for a in c.sources}
    c.targets = [a for a in c.targets if a.actor.id not in own]
    other = heads.get(gov.i)
    if other is not None:
        other.merged = True


def _evidence(c: Candidate, text: str, sent: Span) -> tuple[int, int]:
    toks = [c.head, *c.words]
    core = c.clause
    for ch in core.children:
        if ch.dep_ in ("dobj", "dative", "prt", "neg", "prep", "agent", "nsubjpass", "acomp"):
            if ch.dep_ == "prep" and ch.lower_ not in TARGET_PREPS | {"with", "from", "by", "of"}:
                continue
            toks.extend(t for t in ch.subtree if not _other_clause(t, ch))
    if c.nominal:
        toks.extend(t for t in c.head.subtree if not _other_clause(t, c.head))
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    for a in c.sources[:1] + c.targets[:1]:
        if abs(a.start - start) < 200 and sent.start_char <= a.start < sent.end_char:
            start, end = min(start, a.start), max(end, a.end)
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")”\"’'":
        end -= 1
    return start, end


def _other_clause(t: Token, top: Token) -> bool:
    node = t
    while node.i != top.i:
        if node.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "punct", "acl"):
            return True
        node = node.head
    return False


def _span(text: str, tokens: list[Token]) -> TextSpan:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return TextSpan(start=start, end=end, text=text[start:end])


def extract_events(
    parsed: Doc, document: Document, actors: ActorIndex, quotes: list[Quote], *,
    strict: bool = True,
) -> list[Event]:
    """Events of one parsed document, each field tied to its words.

    ``strict=False`` keeps mentions that name no actor or miss their type's target (still
    grouped): for typing tasks where the participants are given (``bench/plv_eval.py``),
    never for the ledger.
    """
    args = ArgResolver(parsed, actors, quotes)
    cands = pair_meetings(parsed, args, find_candidates(parsed, args))
    heads = {c.head.i: c for c in cands}
    cands = _fold(cands, heads)
    heads = {c.head.i: c for c in cands}
    for c in cands:
        if c.nominal:
            noun_args(c, args, heads)
        else:
            verb_args(c, args, heads)
        c.modality = modality(c.head, c.light, c.type)
        _reframe(c, heads)
        _refused_end(c, args, heads)
    _antecedents(cands, args, heads)
    for c in cands:
        _inherit(c, heads)
    _called_off(cands, args)
    cands = [c for c in cands if not c.merged and not _not_political(c, args)]
    claimed = {c.head.i for c in cands}
    # a verb whose object is an event noun it carries ("launched an attack") is that
    # noun's mention: its own one-sided reading would repeat it
    lights = {c.light.i for c in cands if c.light is not None}
    mentions: list[Mention] = []
    pair: tuple[Participant, Participant] | None = None  # the last meeting's two sides
    pair_at: tuple[int, str | None] = (0, None)  # where that meeting was told, and by whom
    for c in cands:
        src, tgt = _pick_args(c)
        e = _record(c, src, tgt, parsed, document, actors, args, claimed)
        said = document.text[src.start:src.end].lower() if src else ""
        voice, teller = _voices(args, c.head.idx)
        they = said in ("they", "their", "them") and not (  # "they": a pair named, else
            c.type != "CONSULT" and src is not None and src.actor.id in args.members)
        if (c.joint or they) and pair is not None:
            if _within(pair_at, c.head.idx, teller):  # a far "they" is not its sides
                joint_sides(e, pair, own=_own_counterpart(c))
        elif e.type == "CONSULT" and e.source is not None and e.target is not None:
            pair, pair_at = (e.source, e.target), (c.head.idx, teller)
        mentions.append(Mention(e, c.nominal, _referential(c), clause=c.clause.i, voice=voice,
                                sentence=args.sent_of(c.head).start, lemma=c.head.lemma_,
                                main=c.clause.dep_ == "ROOT" or
                                c.clause.dep_ == "conj" and c.clause.head.dep_ == "ROOT",
                                told=not c.nominal or c.light is not None,
                                content=_content(c),
                                states=frozenset(a.actor.id for a in (src, tgt)
                                                 if a is not None and _state_level(a)),
                                purpose_of=purpose_head(c.clause),
                                counterpart=_counterpart(c),
                                party_words=_party_words(c),
                                thing=c.head.i not in lights and
                                thing_object(c.type, c.head, c.light),
                                body=c.type == "CONSULT" and src is not None and
                                assembly(c.head, c.light, src.actor.kind)))
    for i, m in enumerate(mentions, 1):
        m.event.id = f"e{i}"
    assign_dates([(m.event, c.head, c.clause) for m, c in zip(mentions, cands, strict=True)],
                 parsed, document, args)
    for m, c in zip(mentions, cands, strict=True):
        _future_by_date(m.event, document)
        m.day = _own_day(m.event, args.sent_of(c.head), document)
        m.country = _own_country(c, parsed, document, args.sent_of(c.head))
    meeting_counterparts(mentions)
    events = group_mentions(mentions, strict=strict)
    origin = {id(m.event): c for m, c in zip(mentions, cands, strict=True)}
    for i, e in enumerate(events, 1):
        e.id = f"e{i}"
        c = origin[id(e)]
        e.location = _locate(c, parsed, document, args.sent_of(c.head))
    return events


def _voices(args: ArgResolver, offset: int) -> tuple[str | None, str | None]:
    """Who says the words at ``offset``, twice: the quotation or transcript turn (None: the
    text's own narration), across which participants are not lent; and the teller a joint
    subject refers back in, the same except that the paragraphs of an issuer's own statement
    or readout are one teller ("President Biden and Vice President Harris spoke with Prime
    Minister Netanyahu ..." and, a paragraph on, "The two leaders agreed to speak again":
    the call's two sides)."""
    quote = args.quote_at(offset)
    if quote is None:
        return None, None
    return quote.id, ISSUER_VOICE if quote.type == "statement" else quote.id


def _within(at: tuple[int, str | None], offset: int, voice: str | None) -> bool:
    """``offset`` is told by the same voice as, and within ``BORROW_WINDOW`` of, ``at``."""
    return at[1] == voice and 0 <= offset - at[0] <= BORROW_WINDOW


def _antecedents(cands: list[Candidate], args: ArgResolver, heads: dict[int, Candidate]) -> None:
    """"Iran launched an attack on Israel. Germany condemned the attack.": a definite event
    noun without participants takes those of the last event of its type, and a verb whose
    object it is gets its target again (linear: one pass, one slot per type). A noun that
    names another kind of act ("the truce" after "release", see ``corefer.act_kind``)
    refers to no such event."""
    recent: dict[str, Candidate] = {}
    redo = []
    for c in cands:
        if c.nominal and not c.sources and not c.targets and _referential(c):
            prev = recent.get(c.type)
            kinds = {act_kind(x.type, x.mode) for x in (c, prev) if x is not None}
            if prev is not None and (None in kinds or len(kinds) == 1):
                c.sources, c.targets = prev.sources, prev.targets
                gov = c.head.head
                if gov.i in heads and not heads[gov.i].targets and not heads[gov.i].nominal:
                    redo.append(heads[gov.i])
        if c.sources:
            recent[c.type] = c
    for c in redo:
        verb_args(c, args, heads)


def _not_political(c: Candidate, args: ArgResolver) -> bool:
    """Word senses and statements that are no political event (see ``events.filters``)."""
    sent = args.sent_of(c.head)
    if question(sent, c.head) or habitual(c.clause, future=c.modality == "future"):
        return True
    if not c.nominal and idiom(c.head):
        return True
    return sense_filter(c.head, c.clause, sent, c.type) is not None


def _pick_args(c: Candidate) -> tuple[Arg | None, Arg | None]:
    """One source and one target per mention: the first of each (a target that is the
    source is skipped); two coordinated parties of a meeting are its two sides, not of a
    trip: "Biden and Vice President Harris are traveling to Philadelphia" travel together."""
    src = c.sources[0] if c.sources else None
    targets = [t for t in c.targets if (src is None or t.actor.id != src.actor.id and
                                        not _one_state(src, t)) and
               not (c.type in SYMMETRIC and _own_side(c.head.doc, t)) and
               not (c.type == "REQUEST" and _own_state(src, t))]
    if not targets and (c.type in SYMMETRIC or _mutual(c) or c.type == "RETREAT" and
                        c.mode in MUTUAL_MODES) and len(c.sources) > 1 and \
            c.mode != TRIP_MODE:
        targets = [t for t in c.sources[1:] if t.actor.id != src.actor.id]
    return src, targets[0] if targets else None


def _one_state(src: Arg, tgt: Arg) -> bool:
    """Two names of one state ("Moscow ... forced Russia": the capital for its government):
    no act between parties. Only the state and its government: the Russian government and
    the Russian opposition or media are two parties."""
    def governing(a: Arg) -> bool:
        return a.actor.kind == "state" or (a.actor.key or "").endswith(GOVERNMENT_KEY)
    return src.actor.country is not None and src.actor.country == tgt.actor.country and \
        governing(src) and governing(tgt)


def _mutual(c: Candidate) -> bool:
    """An act two sides do to each other ("North and South Korea exchanged artillery
    fire"): each subject is the other's target."""
    return c.head.pos_ == "VERB" and lemma_of(c.head) in _lexicon()["mutual_verbs"]


def _own_state(src: Arg | None, tgt: Arg) -> bool:
    """A request of one's own country ("we urge all Americans to ...", said by the
    Administration): a government's call on its public, no request between parties."""
    return src is not None and tgt.actor.kind == "state" and \
        src.actor.country is not None and tgt.actor.country == src.actor.country


def _own_side(doc: Doc, arg: Arg) -> bool:
    """A counterpart named only by the possessive pronoun of a common noun ("in coordination
    with its partners", "met with their counterparts"): the pronoun is the actor's own side,
    whose partners are the counterpart, never the counterpart itself."""
    span = doc.char_span(arg.start, arg.end)
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ == "poss" and tok.tag_ == "PRP$" and tok.head.pos_ == "NOUN"


def _counterpart(c: Candidate) -> str | None:
    """The head word of a meeting's stated counterpart (see ``filters.counterpart``). Only
    meetings: "working with partners", "work with the EU" name the partners of one ongoing
    cooperation more often than separate acts."""
    if c.type not in COUNTERPART_TYPES:
        return None
    tok = addressee(c.head) if c.type == "REQUEST" else counterpart(c.head, c.light)
    if tok is None or c.type == "REQUEST" and _own_public(c, tok):
        return None
    return tok.lemma_.lower()


def _own_public(c: Candidate, tok: Token) -> bool:
    """A request addressed to the source's own nation ("I encourage all Americans to ..."):
    a government's call on its public, no request between parties (as ``_own_state``)."""
    country = c.sources[0].actor.country if c.sources else None
    return country is not None and tok.ent_type_ == "NORP" and \
        country_word(tables(), tok.text) == country


def _own_counterpart(c: Candidate) -> bool:
    """A meeting of "they" that states a counterpart of its own ("They will hold meetings
    with government and the private sector", "they met with the Saudi Ambassador Walid
    Bukhari"), not the last meeting's named again: "with each other", or a definite role
    noun that names no one ("They discussed with the Deputy Minister ...", "with the
    President", not "with the Ukrainian President") refers back to a party already met."""
    if c.type != "CONSULT":  # a meeting's, not a request's addressee
        return False
    tok = counterpart(c.head, c.light)
    if tok is None or tok.lemma_.lower() == "other":
        return False
    role = tok.lemma_.lower() in word_class("event_gate.json", PARTY_NOUNS_GROUP)
    definite = any(ch.dep_ == "det" and ch.lower_ == "the" for ch in tok.children)
    named = any(t.ent_type_ for t in tok.doc[tok.left_edge.i:tok.i + 1])
    return not (role and definite and not named)


def _state_level(arg: Arg) -> bool:
    """A state or one of its sectors ("Uzbekistan", "the Uzbekistani government")."""
    return arg.actor.kind == "state" or (arg.actor.key or "").startswith("state:")


def _content(c: Candidate) -> str | None:
    """The lemma of the act a statement states with an infinitive ("urged Bangladesh *to
    join*", "a commitment *to pass* reforms"), or None."""
    for tok in (c.head, c.light):
        for ch in tok.children if tok is not None else ():
            if ch.dep_ in ("xcomp", "acl") and ch.pos_ == "VERB" and to_infinitive(ch):
                return ch.lemma_.lower()
    if not c.nominal:
        obj = next((ch for ch in c.head.children if ch.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "NOUN":
            return obj.lemma_.lower()
        return None
    for prep in c.head.children:  # "support *for* Ukraine's sovereignty", "commitment *to*"
        if prep.dep_ == "prep" and prep.lower_ in CONTENT_PREPS:
            obj = next((ch for ch in prep.children if ch.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj.lemma_.lower()
    return None


def _party_words(c: Candidate) -> frozenset[str]:
    """The content lemmas of a meeting's stated counterpart phrase ("Members of the
    Presidency of Bosnia"), to tell one party named by two head words (see ``corefer``)."""
    if c.type != "CONSULT":  # a meeting's, not a request's addressee
        return frozenset()
    tok = counterpart(c.head, c.light)
    if tok is None:
        return frozenset()
    return frozenset(t.lemma_.lower() for t in tok.subtree
                     if t.pos_ in PARTY_WORD_POS and t.i != tok.i)


def _referential(c: Candidate) -> bool:
    """A nominal mention that refers back to an event reported elsewhere: definite or
    possessed ("the attack", "this strike", "Iran's barrage") and not marked as possible,
    further, any, new... ("an Israeli response", "any retaliation" are new events)."""
    if not c.nominal:
        return False
    kids = list(c.head.children)
    mods = {ch.lower_ for ch in kids if ch.dep_ in ("amod", "det", "compound")}
    definite = any(ch.dep_ == "poss" or ch.dep_ == "det" and ch.lower_ in DEFINITE
                   for ch in kids)
    return definite and not mods & HYPO_MODS


def _own_country(c: Candidate, parsed: Doc, document: Document, sent: Span) -> str | None:
    """The country of the place the event's own sentence ties it to, which tells two
    meetings apart (see ``corefer``); not a caption's (the photo's place)."""
    if document.region_at(c.head.idx) == "caption":
        return None
    place = _locate(c, parsed, document, sent)
    return None if place is None else place.country


def _own_day(e: Event, sent: Span, document: Document) -> str | None:
    """The event's date when it is a day or a month stated in its own sentence ("met on May
    16", "discussed with Prime Minister Kishida in Tokyo in September 2022"): what tells two
    meetings apart; a date carried over from elsewhere or a bare year ("since 2021") does
    not, nor a caption's (the photo's day, not the event's)."""
    d = e.date
    if d is None or not d.value or d.precision not in OWN_DATE_PRECISIONS or d.start is None or \
            document.region_at(d.start) == "caption":
        return None
    return d.value if sent.start_char <= d.start < sent.end_char else None


def _future_by_date(e: Event, document: Document) -> None:
    """An event asserted but dated after its document's publication is announced, not
    reported: "the creditors' club meets on 3 March"."""
    pub = document.published.date if document.published else None
    if e.modality != "asserted" or not pub or e.date is None or not e.date.value:
        return
    value = e.date.value
    if value > pub[:len(value)]:
        e.modality = "future"


def _record(c: Candidate, src: Arg | None, tgt: Arg | None, parsed: Doc, document: Document,
            actors: ActorIndex, args: ArgResolver, claimed: set[int]) -> Event:
    sent = args.sent_of(c.head)
    text = document.text
    start, end = _evidence(c, text, sent)
    trigger = _span(text, sorted(c.words, key=lambda t: t.i)) if len(c.words) > 1 and \
        abs(c.words[0].i - c.words[-1].i) <= 3 else _span(text, [c.clause])
    quote = args.quote_at(c.head.idx)
    scope = [t for t in c.head.subtree if not _under_other(t, c.head, claimed)] + c.extra
    if c.light is not None:
        scope += [t for t in c.light.children if t.dep_ == "dobj"]
    return Event(
        id="", type=c.type, modality=c.modality, mode=c.mode,
        trigger=trigger,
        evidence=TextSpan(start=start, end=end, text=text[start:end]),
        source=_participant(actors, src), target=_participant(actors, tgt),
        location=None,  # located once per record, after grouping (see extract_events)
        quantities=event_quantities(sorted(set(scope), key=lambda t: t.i), c.type),
        intensity=intensity(c.type, c.mode), cameo=cameo_root(c.type, c.mode, c.cameo),
        attributed_to=quote.id if quote else None,
    )


def _locate(c: Candidate, parsed: Doc, document: Document, sent: Span) -> Location | None:
    """One place per trigger. ``locate`` is handed the sentence (a ``Span`` iterates and
    lists entities like a ``Doc``), so a lookup costs the sentence, not the document: on the
    whole ``Doc`` it scanned every token per event, quadratic on event-dense text."""
    if not c.located:
        c.location = locate(sent, document, (sent.start_char, sent.end_char), c.head.idx)
        c.located = True
    return None if c.location is None else Location(**vars(c.location))


def _under_other(t: Token, top: Token, claimed: set[int]) -> bool:
    """``t`` belongs to another event's phrase inside ``top``'s subtree."""
    node = t
    while node.i != top.i:
        if node.i in claimed:
            return True
        node = node.head
    return False


def _participant(actors: ActorIndex, arg: Arg | None) -> Participant | None:
    return actors.participant(arg.actor, arg.start, arg.end) if arg else None
