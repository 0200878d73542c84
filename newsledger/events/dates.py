"""Which date dates which event.

Order, first hit wins:
1. the event's own words: a date expression attached to the trigger (or its light verb),
   or, for a verbal event, to a clause it hangs from ("Biden said Saturday after speaking
   with Netanyahu" dates the speaking) - but never across a reporting verb into its reported
   content ("an official said on Sunday that the US would not ..." does not date the
   reported event);
and for asserted events only (a negated or hypothetical event has no date to give), never a
date after publication (an asserted event happened; "proclaim May 4 ... I call upon" dates
the observance, not the call):
2. the nearest other date expression of the sentence, then the nearest one earlier in the
   paragraph (expressions dating a reporting verb excluded);
3. the date of the same event reported elsewhere with its own date: same type and the same
   two participants (either order); then an event of the same paragraph with the same two
   participants;
4. the publication date, for the narrator's own report of a past act (outside quotations)
   or a headline's present tense, for a past-tense event in indirect speech ("the official
   said Iran sent a message": the news being reported), and for a speaker's own act in the
   present tense ("we demand ...", "I call upon"), whose time is the statement's. Such a
   date has no words: ``start`` and ``text`` are null, so it can be shown apart. Past
   events inside direct quotations are the speaker's background ("it took out the
   leadership") and stay null, as do events named by a noun and present-tense states and
   habits ("Iran supports Hezbollah").
Everything else stays null: past events inside quotations with no date anywhere near them
are not placed at the publication date (GDELT's mistake).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.data import load_json
from newsledger.document.dates import DateMention, date_mentions, period_start_after
from newsledger.records import Document, Event, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsledger.events.arguments import ArgResolver

FIRST_PERSON = {"i", "we"}
HEADINGS = {"title", "deck"}
CAPTIONS = {"caption"}
MAX_PURPOSE_CLIMB = 6
CLIMB = {"xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "acomp", "dobj"}


class _Dater:
    def __init__(self, parsed: Doc, document: Document, heads: set[int],
                 args: ArgResolver) -> None:
        self.parsed = parsed
        self.args = args
        self.document = document
        self.pub = document.published.date if document.published else None
        self.heads = heads
        self.speech = frozenset(load_json("event_triggers.json")["speech_verbs"])
        self._cache: dict[int, list[tuple[DateMention, int]]] = {}

    def mentions(self, sent) -> list[tuple[DateMention, int]]:
        """(mention, index of the token it attaches to) for one sentence."""
        if sent.start not in self._cache:
            out = []
            for m in date_mentions(sent, self.pub):
                out.append((m, self._attach(self.parsed[m.root]).i))
            self._cache[sent.start] = out
        return self._cache[sent.start]

    def _attach(self, tok: Token) -> Token:
        node = tok
        for _ in range(6):
            if node.head.i == node.i:
                return node
            node = node.head
            if node.pos_ in ("VERB", "AUX") or node.i in self.heads:
                return node
        return node

    def own(self, head: Token, clause: Token) -> DateMention | None:
        found = self.mentions(self.args.sent_of(head))
        for m, at in found:
            if at in (head.i, clause.i):
                return m
        if clause.pos_ not in ("VERB", "AUX"):
            return None
        node = clause
        while node.head.i != node.i:
            dep, up = node.dep_, node.head
            if dep not in CLIMB or (dep in ("ccomp", "parataxis") and
                                    up.lemma_.lower() in self.speech):
                return None
            node = up
            for m, at in found:
                if at == node.i:
                    return m
        return None

    def after(self, m: DateMention) -> bool:
        """Whether the mention lies after publication (no asserted event can be dated so)."""
        return period_start_after(m.value, self.pub)

    def _free(self, at: int) -> bool:
        """A date that dates neither a speech act nor an event noun of its own."""
        tok = self.parsed[at]
        if at in self.heads and tok.pos_ in ("NOUN", "PROPN"):
            return False
        return tok.lemma_.lower() not in self.speech

    def nearby(self, head: Token) -> DateMention | None:
        text = self.document.text
        sent = self.args.sent_of(head)
        usable = [(m, at) for m, at in self.mentions(sent) if self._free(at) and
                  "\n" not in text[min(m.start, head.idx):max(m.end, head.idx)]]
        if usable:
            return min(usable, key=lambda x: abs(x[0].start - head.idx))[0]
        para_start = text.rfind("\n", 0, head.idx) + 1
        if sent.start_char < para_start:
            return None  # the parser ran the sentence over a paragraph break (a caption)
        while sent.start > 0:
            prev = self.args.sent_of(self.parsed[sent.start - 1])
            if prev.end_char <= para_start or "\n" in text[prev.end_char:sent.start_char]:
                break
            usable = [m for m, at in self.mentions(prev) if self._free(at)]
            if usable:
                return usable[-1]
            sent = prev
        return None


def _date(m: DateMention) -> EventDate:
    return EventDate(value=m.value, precision=m.precision, start=m.start, end=m.end, text=m.text)


def _pair(e: Event) -> frozenset[str] | None:
    if e.source is None or e.target is None or not e.source.actor or not e.target.actor:
        return None
    return frozenset((e.source.actor, e.target.actor))


def _paragraph(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def assign_dates(items: list[tuple[Event, Token, Token]], parsed: Doc, document: Document,
                 args: ArgResolver) -> None:
    """Set ``event.date`` for each (event, trigger head, clause head) by the rules above."""
    heads = {h.i for _, h, _ in items} | {c.i for _, _, c in items}
    dater = _Dater(parsed, document, heads, args)
    own: set[str] = set()
    future: set[str] = set()  # asserted, yet its own words date it after publication
    for e, head, clause in items:
        m = dater.own(head, clause)
        if m is not None and e.modality == "asserted" and dater.after(m):
            future.add(e.id)
        elif m is not None:
            e.date = _date(m)
            own.add(e.id)
    items = [item for item in items if item[0].id not in future]  # they stay undated
    for e, head, _ in items:
        if e.date is None and e.modality == "asserted":
            m = dater.nearby(head)
            if m is not None and not dater.after(m):
                e.date = _date(m)
    text = document.text
    for same_report in (True, False):
        for e, _, _ in items:
            if e.date is not None or e.modality != "asserted" or _pair(e) is None:
                continue
            if same_report:
                same = [o for o, _, _ in items if o.id in own and o.type == e.type and
                        _pair(o) == _pair(e)]
            else:
                para = _paragraph(text, e.trigger.start)
                same = [o for o, _, _ in items if o.date is not None and _pair(o) == _pair(e)
                        and _paragraph(text, o.trigger.start) == para]
            if same:
                e.date = _copy(same[0].date)
    _refer_back(items, document)
    for e, _, _ in items:  # a date copied from a planned event does not date a past one
        if e.date is not None and e.modality == "asserted" and \
                period_start_after(e.date.value, dater.pub):
            e.date = None
    if not dater.pub:
        return
    for e, _head, clause in items:
        if e.date is None and e.modality == "asserted" and \
                _at_report_time(e, clause, args, document):
            e.date = EventDate(value=dater.pub[:10], precision="day")


def _refer_back(items: list[tuple[Event, Token, Token]], document: Document) -> None:
    """Rule 3b: a noun that refers back to an event takes its date, and so do acts against it.

    "the attack" / "Iran's attack" with no date of its own is the latest earlier asserted
    event of its type dated by words of the text (outside captions, whose dates are the
    photo's) told with the same word or between the same two actors ("the meeting" is not
    an earlier phone call); then an undated act whose purpose is to counter it ("coordinate with partners
    to help Israel thwart the attack") happened while it did.
    """
    lexicon = load_json("dates.json")
    determiners = frozenset(lexicon["referring_determiners"])
    counter = frozenset(lexicon["counter_verbs"])
    speech = frozenset(load_json("event_triggers.json")["speech_verbs"])
    dated = [o for o, _, _ in items if o.modality == "asserted" and o.date is not None
             and o.date.text is not None
             and not _in_region(document, o.trigger.start, CAPTIONS)]
    lemma_of = {o.id: h.lemma_.lower() for o, h, _ in items}
    for e, head, _ in items:
        if e.date is not None or e.modality != "asserted" or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in determiners
                   for c in head.children):
            continue
        earlier = [o for o in dated if o.type == e.type and o.trigger.start < e.trigger.start
                   and (lemma_of.get(o.id) == head.lemma_.lower() or _pair(o) == _pair(e)
                        and _pair(e) is not None)]
        if not earlier:
            continue
        e.date = _copy(earlier[-1].date)
        verb = head.head
        if head.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in counter:
            continue
        node = verb
        by_clause = {c.i: o for o, _, c in items} | {h.i: o for o, h, _ in items}
        for _ in range(MAX_PURPOSE_CLIMB):
            if node.dep_ not in ("ccomp", "advcl", "xcomp", "conj") or node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in speech:
                break
            other = by_clause.get(node.i)
            if other is not None and other.date is None and other.modality == "asserted":
                other.date = _copy(e.date)
            if node.tag_ == "VBD":
                break  # the finite verb of the purpose chain


def _copy(d: EventDate) -> EventDate:
    return EventDate(value=d.value, precision=d.precision, start=d.start, end=d.end,
                     text=d.text)


def _at_report_time(e: Event, clause: Token, args: ArgResolver, document: Document) -> bool:
    """Whether an undated asserted event happened when it was reported (rule 4).

    Yes for the narrator's report of a past act ("leaders condemned the attack"), a
    headline's present tense, a past act reported in indirect speech, and a speaker's own
    act in the present ("we demand", "I call upon"). No for events named by a noun ("these
    agreements"), participles, and the present tense of states and habits ("Iran supports
    Hezbollah", "a program that helps veterans"): those have no date to give.
    """
    if clause.pos_ in ("NOUN", "PROPN") or clause.tag_ == "VBG":
        return False
    finite = clause
    while finite.dep_ in ("xcomp", "acomp") and finite.head.i != finite.i:
        finite = finite.head
    present = finite.tag_ in ("VBP", "VBZ")
    first_person = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON
                       for c in finite.children)
    if e.attributed_to is None:
        return not present or first_person or _in_region(document, e.trigger.start, HEADINGS)
    if present:
        return first_person
    quote = args.quote_at(e.trigger.start)
    return quote is not None and quote.type in ("indirect", "mixed") and finite.tag_ == "VBD"


def _in_region(document: Document, offset: int, kinds: set[str]) -> bool:
    return any(r.kind in kinds and r.start <= offset < r.end for r in document.regions)
