"""Meetings named by their pair: "U.S.-Bangladesh High-Level Economic Consultation",
"U.S.-Slovenia Strategic Dialogue", "Japan-Philippines summit".

A dashed pair of two countries (names or demonyms: "U.S.-Algerian Strategic Dialogue")
before a meeting noun (``pair_meeting_nouns`` of ``data/event_arguments.json``) is a
CONSULT between those two states. The trigger lexicon alone misses these: "dialogue" is no
meeting noun on its own ("promote dialogue"), the tagger takes the whole title for a name
(ORG, FAC, PERSON), and where it does find "summit" the noun's arguments read one country
as the source and no counterpart.

Only the noun that heads the name: "the U.S.-Japan Economic Policy Consultative Committee"
is a body, "the Dialogue Working Group" a group of the dialogue, not the meeting.

A report of one such meeting (or any one meeting between two parties) tells much of what
was said there without saying to whom: "Bangladesh sought U.S. technical assistance",
"expressed gratitude for the vaccine doses". ``meeting_counterparts`` gives those acts the
meeting's other side as their addressee.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsledger.actors.joint import dash_pair, dash_run
from newsledger.data import word_class
from newsledger.events.arguments import ARGUMENT_WORDS, Arg, ArgResolver
from newsledger.events.corefer import Mention, who
from newsledger.events.triggers import Candidate, _lexicon, lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MEETING_TYPE = "CONSULT"
PAIR_NOUNS_GROUP = "pair_meeting_nouns"


def pair_meetings(parsed: Doc, args: ArgResolver, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with every meeting noun named by a dashed pair of countries made a CONSULT
    between the two: an existing noun candidate takes the pair as its parties, any other
    such noun becomes a candidate (in text order)."""
    nouns = word_class(ARGUMENT_WORDS, PAIR_NOUNS_GROUP)
    heads = {c.head.i: c for c in cands}
    added = []
    for tok in parsed:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in nouns or \
                not _heads_name(tok):
            continue
        node = _session(tok)  # "the second session of the X-Y Dialogue": that session
        have = heads.get(node.i) or heads.get(tok.i)
        if have is not None and (have.type != MEETING_TYPE or have.sources or have.targets):
            continue
        verb = heads.get(node.head.i) if node.dep_ == "dobj" else None
        if have is None and verb is not None and verb.type == MEETING_TYPE:
            continue  # "Blinken and Al Zayani convened the U.S.-Bahrain Strategic Dialogue"
        pair = dash_pair(tok, args.actors)
        if pair is None:
            continue
        run = dash_run(tok)
        start = run.idx if run is not None else tok.idx
        sources = [Arg(a, start, tok.idx + len(tok)) for a in pair]
        if have is not None:
            have.sources = sources
            continue
        light = node.head if node.dep_ == "dobj" and node.head.pos_ == "VERB" and \
            lemma_of(node.head) in _lexicon()["light_verbs"] else None
        words = [light, tok] if light is not None else [tok]
        added.append(Candidate(tok, words, MEETING_TYPE, None, light=light, sources=sources))
    return sorted(cands + added, key=lambda c: c.head.i) if added else cands


def _session(tok: Token) -> Token:
    """The noun a meeting name is "of" ("held the second session of the Slovenia-U.S.
    Strategic Dialogue", "the fourth meeting of the U.S.-Iraq Strategic Dialogue"): the
    occasion the text reports; else the name itself."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head
    return tok


def _heads_name(tok: Token) -> bool:
    """The noun ends its name: no capitalised word follows it in the name ("Dialogue
    Working Group", "Summit Declaration"), and it modifies no later noun."""
    if tok.dep_ == "compound":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or not (nxt.is_title and nxt.pos_ in ("NOUN", "PROPN")
                               and not tok.whitespace_.count("\n"))


# Acts addressed to someone that a report of one meeting often tells without the addressee:
# "Bangladesh sought U.S. technical assistance", "expressed its commitment to pass reforms",
# "expressed gratitude for the vaccine doses" -- said at the meeting, to the other side.
ADDRESSED_TYPES = {"REQUEST", "AGREE", "SUPPORT"}
APPRAISALS_GROUP = "addressed_appraisals"  # SUPPORT only by thanks, welcome and praise
DEMANDS_GROUP = "public_demands"  # REQUEST not by a call or demand: those address the world


def meeting_counterparts(mentions: list[Mention]) -> None:
    """In a document that reports one meeting between two parties (every CONSULT that
    names both names the same two), a request, pledge or thanks one of them makes in the
    narration, told by a verb in its sentence's main clause and naming no addressee, is
    made to the other: it takes the other side as its target.

    Two meetings with different pairs, a quotation, a clause inside another, support for
    a cause ("reaffirmed support for a two-state solution") or a public call ("called for
    an end to the fighting") leave the target empty."""
    pairs = {frozenset((who(m.event.source), who(m.event.target))): m.event
             for m in mentions if m.event.type == MEETING_TYPE
             and m.event.source is not None and m.event.target is not None}
    if len(pairs) != 1:
        return
    (sides, meeting), = pairs.items()
    if len(sides) != 2:
        return
    for m in mentions:
        e = m.event
        if e.source is not None and who(e.source) in sides and _unaddressed(m):
            other = meeting.target if who(e.source) == who(meeting.source) else meeting.source
            e.target = replace(other)


def _unaddressed(m: Mention) -> bool:
    """A request, pledge or thanks told in the narration by a main-clause verb, asserted or
    announced, naming no addressee; thanks and praise only for SUPPORT, no public call for
    REQUEST."""
    e = m.event
    if e.type not in ADDRESSED_TYPES or e.target is not None or m.counterpart is not None \
            or m.voice is not None or not (m.told and m.main) \
            or e.modality not in ("asserted", "future"):
        return False
    if e.type == "SUPPORT":
        return m.lemma in word_class(ARGUMENT_WORDS, APPRAISALS_GROUP)
    return e.type != "REQUEST" or m.lemma not in word_class(ARGUMENT_WORDS, DEMANDS_GROUP)
