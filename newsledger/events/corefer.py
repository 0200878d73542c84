"""One record per real event in a document: coreferent mentions become one record.

"Iran launched an attack on Israel … the attack … Iran's strike … the barrage" is one event.
Mentions are taken in document order; each is compared with the last few records of its
type (a bounded window, so the pass stays linear in the number of mentions) and joins the
most recent compatible one:

- arguments must not conflict: a source or target that both name must be the same actor
  (a missing one is filled from the mention that names it), and one's source may not be
  the other's target;
- a referring nominal ("the attack", "Iran's strike": no "possible", "any", "further"...)
  joins whatever the modality its own clause gives it, because it refers to an event that
  has its own modality; one its own clause asserts ("following the attacks") prefers the
  latest record the text asserts too, since "the attack" presupposes an attack that
  happened; one its own words announce for later ("the upcoming meeting") joins only an
  announced record; a verb mention joins only a record of the same modality and must share a named
  participant;
- the parties of a symmetric event (CONSULT, COOPERATE) may come in either order
  ("Netanyahu's conversation with Biden" ... "Biden ... after speaking with Netanyahu");
- mentions that state different counterparts ("will meet with the Minister of Health" ...
  "will meet with civil society groups": the object of "with", actor or not) or different
  dates are different events, unless both name the same target actor ("met with Blinken"
  ... "discussed with the Secretary"); so are mentions placed in different countries ("met
  with Kuleba in Kyiv" ... "met with Kuleba in Brussels"; a city and another place in the
  same country may be one place named twice, so only the country tells); a trip ("will
  travel to Honduras") is not the meetings with stated counterparts it holds, nor, told by
  a verb, an earlier contact with the same party ("got in touch with Devocht ... traveled
  to Florida to meet with Devocht");
- mentions that name different kinds of act within one type are different events, for the
  types whose modes are kinds of act ("imprisoned" and "her passport was taken away": an
  arrest and a seizure; "the release of all hostages" and "a humanitarian pause": a release
  and a ceasefire; "the investigation" is no "charged" or "condemned"); a referring noun
  ("the ban", "the truce") refers back only to an act of its own kind;
- statements and pledges (SUPPORT, REQUEST, ACCUSE, REJECT, THREATEN, AGREE)
  asserted by the main clause of another sentence, with another verb and both parties
  named there, are other acts ("The United States urged Bangladesh to ..." ... "The United
  States encouraged Bangladesh to ..."); the same verb again, a noun, or a clause that
  reports or restates one may tell the same act; and a statement about another matter
  ("support for Ukraine's sovereignty" ... "commitment to BiH's stability") is another act
  unless both name the same target;
- a clause that states the purpose of an event of the same type with the same source is
  that event told again: "Biden meets with his Cabinet to discuss Iran's attack" is one
  meeting; the governing event keeps its participants.

A mention that joins nothing becomes a record only if it can stand as an event (it names an
actor and meets its type's constraints, see :mod:`newsledger.events.filters`); a bare "the
attack" with no antecedent is dropped. The record's trigger and evidence are those of its most
informative mention (a verb with both participants beats a bare noun); the others are listed
in ``mentions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsledger.data import word_class
from newsledger.events.filters import meets_constraints
from newsledger.records import Event, EventMention, Participant

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_ANTECEDENTS = 6  # records of one type a mention is compared with
# a participant is lent between mentions of one record only this close (characters, about
# a paragraph) and within one voice (a transcript turn, a quotation): farther, the mention
# joins only a record whose participants it adds nothing to and takes nothing from
BORROW_WINDOW = 1200
SYMMETRIC = {"CONSULT", "COOPERATE"}  # two-sided types: their parties may come in either order
PURPOSE_DEPS = {"advcl", "xcomp"}
VAGUE_GROUP = "vague_parties"  # event_gate.json: counterparts too general to tell apart
PARTY_NOUNS_GROUP = "party_nouns"  # event_gate.json: nouns that name a party by its role
# types whose modes name different kinds of act (an arrest is no seizure, a release no
# ceasefire); the others' modes are manners of one act (an attack by drones or by missiles,
# a meeting hosted or a summit) or differ by the word chosen ("criticism", "blame")
KIND_MODE_TYPES = {"COERCE", "RETREAT"}
INVESTIGATION = "investigate"  # ACCUSE: an investigation is an act, the others statements
# types whose verb mentions are statements: each sentence that states one
# with its own two parties and another verb is another act ("The United States urged
# Bangladesh to ..." ... "The United States encouraged Bangladesh to ...")
STATEMENT_TYPES = {"SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE"}
CONTENT_TYPES = STATEMENT_TYPES | {"COOPERATE"}


@dataclass
class Mention:
    """One event mention before grouping."""

    event: Event
    nominal: bool
    referential: bool  # a nominal that may refer back to an event reported elsewhere
    clause: int | None = None  # token index of the event's clause head
    purpose_of: int | None = None  # clause head of the event this clause is the purpose of
    counterpart: str | None = None  # the stated counterpart's head word, actor or not
    party_words: frozenset[str] = frozenset()  # lemmas of the counterpart's whole phrase
    thing: bool = False  # its verb names the act's matter (see ``filters.thing_object``)
    day: str | None = None  # the day or month its own sentence gives it (not carried over)
    country: str | None = None  # the country of the place its own sentence ties it to
    body: bool = False  # a body meeting as a body (see ``filters.assembly``)
    voice: str | None = None  # the quotation or transcript turn it is in (None: narration)
    sentence: int | None = None  # token index of its sentence's start
    lemma: str | None = None  # its trigger's head lemma
    main: bool = False  # its clause is its sentence's main clause (the root or a conjunct)
    told: bool = False  # a verb tells it: its own, or a light verb ("expressed gratitude")
    content: str | None = None  # the lemma of the act it states ("urged X *to join*")
    states: frozenset[str] = frozenset()  # its participants that are states or their sectors


def purpose_head(clause: Token) -> int | None:
    """The clause whose purpose the infinitive ``clause`` states ("meets with X *to discuss*
    Y", "agreed *to continue* ..."): the token index of the governing verb, else None."""
    if clause.dep_ not in PURPOSE_DEPS or clause.head.i == clause.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    return clause.head.i if clause.head.pos_ in ("VERB", "AUX") else None


@dataclass
class _Group:
    members: list[Mention] = field(default_factory=list)
    source: Participant | None = None
    target: Participant | None = None

    @property
    def modality(self) -> str:
        verbal = [m for m in self.members if not m.nominal]
        return (verbal or self.members)[0].event.modality

    @property
    def all_referential(self) -> bool:
        return all(m.referential for m in self.members)

    def distinct(self, m: Mention) -> bool:
        """``m`` states another counterpart than the record's mentions, or (unless it refers
        back: "following the attacks") another day or a place in another country."""
        e = m.event
        known = {who(self.source), who(self.target)} - {None}
        # the same party, named otherwise or in the other order, is no other counterpart
        same = e.type in SYMMETRIC and e.target is not None and \
            (who(e.target) in known or _same_target(self, m))
        said = {o.counterpart for o in self.members if o.counterpart}
        vague = word_class("event_gate.json", VAGUE_GROUP)
        if not same and m.counterpart and said and m.counterpart not in said and \
                not (m.counterpart in vague and said <= vague) and \
                not any(_same_party(m, o) for o in self.members if o.counterpart):
            return True
        # a trip ("will travel to Honduras") is not the meetings it holds ("will meet with
        # the Minister of Health"): a bare visit and a stated counterpart stay apart; a trip
        # a verb tells is no earlier contact with the same party either ("got in touch with
        # Devocht ... traveled to Florida to meet with Devocht"), while a noun ("this trip")
        # may refer back to a meeting with that party
        if not same and m.counterpart and not said and any(map(_bare_visit, self.members)):
            return True
        if (not same or not m.nominal) and _bare_visit(m) and said:
            return True
        if _other_content(self, m, known):
            return True
        kinds = {_act_kind(o.event) for o in self.members} - {None}
        kind = _act_kind(e)
        if kind is not None and kinds and kind not in kinds:
            return True
        if not m.referential and m.country is not None and \
                any(o.country is not None for o in self.members) and \
                all(o.country != m.country for o in self.members if o.country):
            return True  # "met with Kuleba in Kyiv" ... "met with Kuleba in Brussels"
        days = {o.day for o in self.members if o.day}
        return not m.referential and m.day is not None and bool(days) and \
            not any(_same_time(m.day, d) for d in days)


def _other_content(g: _Group, m: Mention, known: set[str]) -> bool:
    """A statement about another matter than the record's ("support for Ukraine's
    sovereignty" ... "commitment to BiH's stability" ... "commitment to the framework of
    responsible state behavior"): another act, unless both name the same target."""
    e = m.event
    if e.type not in CONTENT_TYPES or m.content is None:
        return False
    if e.target is not None and who(e.target) in known:
        return False
    said = {o.content for o in g.members if o.content}
    return bool(said) and m.content not in said


def act_kind(etype: str, mode: str | None) -> str | None:
    """The kind of act a mode names, where two kinds are two events: a COERCE or RETREAT
    mode ("arrest", "seize"; "release", "ceasefire"); for ACCUSE, an investigation apart
    from the statements (accusing, condemning, charging). None when not stated."""
    if mode is None:
        return None
    if etype in KIND_MODE_TYPES:
        return mode
    if etype == "ACCUSE":
        return "act" if mode == INVESTIGATION else "statement"
    return None


def _same_time(a: str, b: str) -> bool:
    """Two ISO dates that may name one time: equal, or one within the other ("2022-09" and
    "2022-09-14")."""
    return a.startswith(b) or b.startswith(a)


def _act_kind(e: Event) -> str | None:
    return act_kind(e.type, e.mode)


def _same_party(a: Mention, b: Mention) -> bool:
    """Two counterparts named by different head words that name one party: the head of
    one (not a role noun such as "minister") is a word of the other's phrase ("meeting
    with the Presidency of Bosnia and Herzegovina Members ..." in a title, "met with
    Members of the Presidency ..." in the body); a role noun ("Meeting with Swedish
    Foreign Minister Linde", parsed with "Minister" as head) names the same party when
    every other word of its phrase is in the other's ("met with Swedish Foreign Minister
    Ann Linde"), and not "the Minister of Health" after "the Minister of Finance"."""
    generic = word_class("event_gate.json", PARTY_NOUNS_GROUP) | \
        word_class("event_gate.json", VAGUE_GROUP)
    return any(x.counterpart is not None and x.counterpart in y.party_words and (
        x.counterpart not in generic or x.party_words and x.party_words <= y.party_words)
        for x, y in ((a, b), (b, a)))


def _bare_visit(m: Mention) -> bool:
    return m.event.mode == "visit" and m.counterpart is None


def who(p: Participant | None) -> str | None:
    """The actor a participant names, or its words when it names none."""
    return None if p is None else (p.actor or p.name)


def _agree(a: Participant | None, b: Participant | None) -> bool:
    return a is None or b is None or who(a) == who(b)


def _same_target(g: _Group, m: Mention) -> bool:
    """The party met, named twice as two actors of one country: as the state and as its
    person ("Secretary Blinken's Meeting with Uzbekistan Foreign Minister Kamilov", the
    Uzbekistani government in a headline, ... "met with Uzbekistan's Foreign Minister
    Abdulaziz Kamilov"), or as two names that the counterpart phrases tie ("Meeting with
    Egyptian President Al Sisi" ... "met with Egyptian President Abdel Fattah Al Sisi").
    Two people of one country otherwise are two parties (two ministers, two meetings), and
    the side that meets is not matched so ("Both countries exchanged dialogue" ... "the
    visit of Slovenia's Minister")."""
    a, b = g.target, m.event.target
    if m.event.type not in SYMMETRIC or a is None or b is None or a.country is None or \
            a.country != b.country:
        return False
    if any(o.event.mode == "visit" for o in (m, *g.members)):
        return False  # a trip to Israel is not the meeting with its Prime Minister
    states = _states(g, m)
    if (who(a) in states) != (who(b) in states):
        return True
    said = [o for o in g.members if o.counterpart]
    return m.counterpart is not None and any(
        o.counterpart == m.counterpart or _same_party(m, o) for o in said)


def _states(g: _Group, m: Mention) -> frozenset[str]:
    return m.states.union(*(o.states for o in g.members))


def _swapped(g: _Group, e: Event) -> bool:
    """The two parties of a symmetric event named in the other order."""
    return e.type in SYMMETRIC and e.source is not None and e.target is not None and \
        g.source is not None and g.target is not None and \
        who(e.source) == who(g.target) and who(e.target) == who(g.source)


def _near(g: _Group, m: Mention) -> bool:
    """``m`` is close to one of the record's mentions and in the same voice: a participant
    may be lent between them."""
    at = m.event.trigger.start
    return any(o.voice == m.voice and abs(o.event.trigger.start - at) <= BORROW_WINDOW
               for o in g.members)


def _lends(g: _Group, e: Event) -> bool:
    """Joining would give the record a participant its mentions do not state (and so lend
    it to them)."""
    return g.source is None and e.source is not None or \
        g.target is None and e.target is not None


def _names_again(g: _Group, m: Mention) -> bool:
    """A referring noun that names the record's party again ("the Iranian attack on Israel"
    after "conducted an unprecedented attack on Israel"): it refers back however far, and
    the other party it names is that event's."""
    e = m.event
    return m.referential and (
        g.source is not None and e.source is not None and who(g.source) == who(e.source) or
        g.target is not None and e.target is not None and who(g.target) == who(e.target))


def _another_statement(g: _Group, m: Mention) -> bool:
    """``m`` is a statement told by another verb in another sentence, naming both its
    parties itself: a readout's "urged" and "encouraged" are two requests, and so are two
    that state different acts ("expressed its commitment to pass reforms" ... "expressed a
    commitment to address labor reform"), while the same verb again ("denied ... denied"),
    a noun, or a clause that reports or restates ("leaking that Biden told Netanyahu ...",
    "would not participate") may tell the same one."""
    e = m.event
    if not (m.told and m.main) or e.modality != "asserted" or e.type not in STATEMENT_TYPES \
            or e.source is None or e.target is None:
        return False
    verbal = [o for o in g.members if o.told]
    return bool(verbal) and all(o.sentence != m.sentence and (
        o.lemma != m.lemma or None not in (o.content, m.content) and o.content != m.content)
        for o in verbal)


def _compatible(g: _Group, m: Mention) -> bool:
    e = m.event
    if g.distinct(m) or _another_statement(g, m):
        return False
    if _lends(g, e) and not _near(g, m) and not _names_again(g, m):
        return False  # "I'll hand it over to Jake" takes no source from a far mention
    if _swapped(g, e):
        return m.referential or g.all_referential or e.modality == g.modality
    if not (_agree(g.source, e.source) and
            (_agree(g.target, e.target) or _same_target(g, m))):
        return False
    if e.source is not None and who(e.source) == who(g.target) or \
            e.target is not None and who(e.target) == who(g.source):
        return False
    if m.referential and e.modality == "future" and g.modality != "future":
        return False  # "the upcoming meeting" is not the meeting already told
    if m.referential or g.all_referential:
        return True
    shared = (e.source is not None and who(e.source) == who(g.source)) or \
        (e.target is not None and who(e.target) == who(g.target))
    return shared and e.modality == g.modality


def _informative(m: Mention) -> tuple[int, int]:
    e = m.event
    return (e.source is not None) + (e.target is not None), not m.nominal


def _record(g: _Group) -> Event:
    best = max(g.members, key=_informative)  # first of the equals: max keeps the earliest
    e = best.event
    e.source, e.target = g.source, g.target
    e.modality = g.modality
    for m in g.members:
        if m is best:
            continue
        o = m.event
        e.mentions.append(EventMention(trigger=o.trigger, evidence=o.evidence))
        e.mentions.extend(o.mentions)
        e.date = e.date or (o.date if o.modality == e.modality else None)
        e.location = e.location or o.location
        e.attributed_to = e.attributed_to or o.attributed_to
        seen = {(q.value, q.role) for q in e.quantities}
        e.quantities += [q for q in o.quantities if (q.value, q.role) not in seen]
    e.mentions.sort(key=lambda x: x.trigger.start)
    return e


def group_mentions(mentions: list[Mention], strict: bool = True) -> list[Event]:
    """The records of one document: every mention joins a record or starts one (or, when
    ``strict``, is dropped when it cannot stand as an event)."""
    groups: list[_Group] = []
    recent: dict[str, list[_Group]] = {}
    by_clause: dict[int, _Group] = {}
    for m in mentions:
        e = m.event
        window = recent.setdefault(e.type, [])
        home = _purpose_home(m, by_clause) or _antecedent(window, m)
        if home is None:
            if strict and not meets_constraints(e.type, e.source is not None,
                                                e.target is not None, m.nominal,
                                                asserted=e.modality == "asserted",
                                                mode=e.mode, thing=m.thing,
                                                stated_counterpart=m.counterpart is not None,
                                                modality=e.modality, body=m.body):
                continue
            home = _Group()
            groups.append(home)
        elif home in window:
            window.remove(home)
        if m.clause is not None:
            by_clause[m.clause] = home
        home.members.append(m)
        states = frozenset().union(*(o.states for o in home.members))
        told = not m.nominal and all(o.nominal for o in home.members if o is not m)
        home.source = _named(home.source, e.source, states, False)
        home.target = _named(home.target, e.target, states, told)
        window.append(home)
        del window[:-MAX_ANTECEDENTS]
    return [_record(g) for g in groups]


def _named(have: Participant | None, new: Participant | None, states: frozenset[str],
           told: bool) -> Participant | None:
    """The record's participant after a mention joins: the first named, except that one
    party named twice (see ``_same_target``) takes the better name: a person over the
    state, a longer name over a shorter ("Abdel Fattah Al Sisi" over "Al Sisi"), the name
    a verb's sentence gives (``told``) over a headline's noun ("Meeting with Danish Acting
    Permanent Secretary Moller Sorensen", read as "Danish Acting Permanent")."""
    if have is None or new is None or who(have) == who(new):
        return have or new
    if have.country is None or new.country != have.country or who(new) in states:
        return have
    return new if who(have) in states or have.name in new.name or told else have


def _antecedent(window: list[_Group], m: Mention) -> _Group | None:
    """The latest compatible record; an asserted referring nominal prefers an asserted one."""
    fits = [g for g in reversed(window) if _compatible(g, m)]
    if m.referential and m.event.modality == "asserted":
        asserted = [g for g in fits if g.modality == "asserted"]
        fits = asserted or fits
    return fits[0] if fits else None


def joint_sides(e: Event, pair: tuple[Participant, Participant], own: bool) -> None:
    """"They discussed ..." after "Biden spoke with Scholz": a joint subject ("they", "the
    leaders") is the last meeting's two sides. A meeting that states a counterpart of its
    own (``own``: "They will hold meetings with government and the private sector") is not
    held with the last meeting's counterpart; its "they" are still that meeting's visitors."""
    e.source = pair[0]
    if e.type == "CONSULT" and not own:
        e.target = pair[1]


def _purpose_home(m: Mention, by_clause: dict[int, _Group]) -> _Group | None:
    """The record of the event whose purpose this mention's clause states, when it is of the
    same type, modality and source ("meets with X to discuss Y": one meeting)."""
    if m.purpose_of is None or m.nominal:
        return None
    g = by_clause.get(m.purpose_of)
    e = m.event
    if g is None or g.members[0].event.type != e.type or g.modality != e.modality:
        return None
    if e.source is None or g.source is None or who(e.source) != who(g.source):
        return None
    return g
