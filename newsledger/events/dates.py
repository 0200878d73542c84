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
4. the publication date, for the narrator's own report (outside quotations), for a
   past-tense event in indirect speech ("the official said Iran sent a message": the news
   being reported), and for speech acts made in the present tense inside a quotation ("we
   demand ..."), whose time is the statement's. Such a date has no words: ``start`` and
   ``text`` are null. Past events inside direct quotations are the speaker's background
   ("it took out the leadership") and stay null.
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
        para_start = text.rfind("\n", 0, sent.start_char) + 1
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
    for e, head, clause in items:
        m = dater.own(head, clause)
        if m is not None and not (e.modality == "asserted" and dater.after(m)):
            e.date = _date(m)
            own.add(e.id)
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
                d = same[0].date
                e.date = EventDate(value=d.value, precision=d.precision, start=d.start,
                                   end=d.end, text=d.text)
    if not dater.pub:
        return
    for e, _head, clause in items:
        if e.date is not None or e.modality != "asserted":
            continue
        quoted = e.attributed_to is not None
        finite = clause
        while finite.dep_ in ("xcomp", "acomp") and finite.head.i != finite.i:
            finite = finite.head
        present = finite.tag_ in ("VBP", "VBZ")
        quote = args.quote_at(e.trigger.start) if quoted else None
        reported = quote is not None and quote.type in ("indirect", "mixed") and finite.tag_ == "VBD"
        if not quoted and clause.tag_ != "VBG" or quoted and (present or reported):
            e.date = EventDate(value=dater.pub[:10], precision="day")
