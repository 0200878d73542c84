"""Joint phrases: "both sides", "the two leaders", "both countries" stand for the two parties
the text has named as a pair ("The Governments of Slovenia and the United States held ...
Both countries reaffirmed ...").

Shared by the quote stage (a joint speaker) and the event stage (a joint source or target),
so one phrase names the same pair in both. The pair is taken only when the text has named
exactly two parties of the kind the phrase's head calls for before it; three named leaders
leave "the two leaders" unresolved: it is not for us to pick two of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsledger.actors.nationality import country_word
from newsledger.actors.tables import tables
from newsledger.data import word_class

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsledger.actors.index import ActorIndex
    from newsledger.records import Actor, Document

ARGUMENT_WORDS = "event_arguments.json"
JOINT_HEADS_GROUP = "joint_heads"  # event_arguments.json: heads of a joint phrase
JOINT_PARTY_KINDS = {"leader": ("person",), "president": ("person",), "minister": ("person",),
                     "country": ("state",), "government": ("state",)}
"""Which kind of named party a joint phrase stands for; other heads ("both sides", "the
delegations") take two people, else two states."""
JOINT_WORDS = ("the", "two", "both")
BARE_DEPS = ("det", "predet", "nummod", "poss", "punct", "preconj")  # "both", "the two"
RESTRICTING_DEPS = ("prep", "relcl", "acl")  # "the leaders of the region" name their own
PAIR_WINDOW = 1200  # characters (about a paragraph) searched back for the pair last named
DASH = re.compile(r"\s*[-–—]\s*")  # "U.S.-Bangladesh", "U.S. – North Macedonia"
DASH_REACH = 3  # tokens either side of a dash read for the names it joins
MAX_NAME_WORDS = 3  # words of one country name in a dashed pair ("Democratic Republic ...")
MET_ENTITIES = ("PERSON", "GPE", "NORP", "ORG")  # a party met ("spoke with Netanyahu")


def is_joint_phrase(head: Token) -> bool:
    """"Both sides", "the two leaders", "the delegations": a plural joint head (``joint_heads``)
    with "the", "two" or "both" and nothing that restricts it ("the governments of the
    region", "the leaders who signed" name their own parties, not the pair)."""
    return head.tag_ in ("NNS", "NNPS") and \
        head.lemma_.lower() in word_class(ARGUMENT_WORDS, JOINT_HEADS_GROUP) and \
        not any(c.dep_ in RESTRICTING_DEPS for c in head.children) and \
        any(c.lower_ in JOINT_WORDS for c in head.children)


def bare_pair(head: Token) -> bool:
    """A joint phrase that says no more than "the two", "both" or "our": "the Quad
    countries", "the Baltic countries", "the four parties", "all the parties" and "the
    Afghan leaders" name parties of their own, not the pair named before."""
    many = word_class(ARGUMENT_WORDS, "many_words")
    for c in head.children:
        if c.dep_ == "nummod" and c.lower_ not in ("two", "2") or c.lower_ in many or \
                c.dep_ == "poss" and c.tag_ != "PRP$" or c.dep_ not in BARE_DEPS:
            return False
    return True


def many_voices(document: Document) -> bool:
    """A transcript, briefing or interview (``dialogue_titles``): many voices speak, and the
    two people it names are who asks and who answers, no pair of the whole text."""
    title = (document.title or "").lower()
    return document.kind == "transcript" or any(
        w in title for w in word_class(ARGUMENT_WORDS, "dialogue_titles"))


def joint_pair(head: Token, actors: Sequence[Actor],
               no_antecedent: Callable[[int], bool]) -> tuple[Actor, Actor] | None:
    """The two parties a joint phrase headed by ``head`` stands for, in the order the text
    first named them, or None: the phrase is no joint phrase, or the text named more or
    fewer than two parties of the kind the head calls for before it (mentions where
    ``no_antecedent`` holds, such as quoted words or captions, do not count)."""
    if not is_joint_phrase(head):
        return None
    for kind in JOINT_PARTY_KINDS.get(head.lemma_.lower(), ("person", "state")):
        named = []
        for actor in actors:
            firsts = [m.start for m in actor.mentions
                      if m.start < head.idx and not no_antecedent(m.start)]
            if actor.kind == kind and firsts:
                named.append((min(firsts), actor))
        if len(named) == 2:
            (_, one), (_, two) = sorted(named, key=lambda p: p[0])
            return one, two
        if named:
            return None  # three leaders named: "the two leaders" is not for us to pick
    return None


def dash_countries(text: str) -> tuple[str, str] | None:
    """The two countries a dashed pair names ("U.S.-Bangladesh", "Japan – Philippines",
    "U.S.-Algerian", "United States-Thailand Energy Policy"): ISO3 codes of the country name
    or demonym that ends at the dash and the one that starts after it, when they differ.
    Capitals never count ("Washington-Moscow" is a route, not two governments)."""
    for dash in DASH.finditer(text):
        left, right = text[:dash.start()].split(), text[dash.end():].split()
        one = next((c for n in range(1, MAX_NAME_WORDS + 1) if n <= len(left)
                    for c in [country_word(tables(), " ".join(left[-n:]))] if c), None)
        two = next((c for n in range(MAX_NAME_WORDS, 0, -1) if n <= len(right)
                    for c in [country_word(tables(), " ".join(right[:n]))] if c), None)
        if one and two and one != two:
            return one, two
    return None


def dash_run(head: Token) -> Token | None:
    """The first word of the capitalised name run that ends before ``head`` ("the Seventh
    U.S.-Thailand Strategic Dialogue": "Seventh"), or None when no word before it is
    capitalised. Lower-case words join only as the head's own modifiers ("Japan-Philippines
    trade talks")."""
    first = None
    for tok in reversed(head.doc[max(0, head.i - 8):head.i]):
        if "\n" in tok.whitespace_ or tok.is_space:
            break
        name = tok.is_title or tok.is_upper or any(ch in tok.text for ch in "-–—") and \
            tok.text[:1].isupper() or tok.text in ("-", "–", "—")
        if not (name or tok.dep_ in ("amod", "compound") and tok.head.i == head.i
                and tok.is_alpha):
            break
        first = tok
    return first


def state_actor(iso3: str, actors: ActorIndex, start: int, end: int) -> Actor:
    """The state of ``iso3``: the document's actor for it, else one registered at the
    words that name it."""
    known = next((a for a in actors.actors if a.kind == "state" and a.country == iso3), None)
    if known is not None:
        return known
    name = tables().country_name(iso3)
    return actors.add(name, "state", start, end, actors.document.text[start:end],
                      country=iso3, key=f"state:{iso3}")


def dash_pair(head: Token, actors: ActorIndex) -> tuple[Actor, Actor] | None:
    """The two states a dashed pair before ``head`` names ("U.S.-Bangladesh High-Level
    Economic Consultation", "Japan-Philippines summit"), or None."""
    first = dash_run(head)
    if first is None:
        return None
    start = first.idx
    found = dash_countries(actors.document.text[start:head.idx])
    if found is None:
        return None
    one, two = (state_actor(c, actors, start, head.idx) for c in found)
    return (one, two) if one.id != two.id else None


def coordinated_pair(tok: Token, actors: ActorIndex, kinds: Sequence[str]
                     ) -> tuple[Actor, Actor] | None:
    """Two actors of one of ``kinds`` coordinated alone, ``tok`` the second ("Finland and
    Sweden", "President Aliyev and Prime Minister Pashinyan", "leaders of Thailand and
    Cambodia"); three or more ("A, B and C") or "A or B" are no pair."""
    first = tok.head
    if tok.dep_ != "conj" or first.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children) \
            or [c.i for c in first.children if c.dep_ == "conj"] != [tok.i] \
            or not any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children):
        return None
    one = actors.actor_at(first.idx, first.idx + len(first))
    two = actors.actor_at(tok.idx, tok.idx + len(tok))
    if one is None or two is None or one.id == two.id or one.kind != two.kind or \
            one.kind not in kinds:
        return None
    return one, two


def met_together(tok: Token) -> bool:
    """The coordinated pair ending in ``tok`` is the subject of a meeting with someone
    else ("President Biden and Vice President Harris spoke with Prime Minister Netanyahu"):
    the two are one side, and "the two leaders" after it are that meeting's two sides."""
    first = tok.head
    if first.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(p.dep_ == "prep" and p.lower_ in ("with", "to") and any(
        o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in MET_ENTITIES)
        for o in p.children) for p in first.head.children)


def last_pair(head: Token, actors: ActorIndex, no_antecedent: Callable[[int], bool]
              ) -> tuple[Actor, Actor] | None:
    """The pair the text last named as a pair before a joint phrase, in its paragraph or
    so (``PAIR_WINDOW``) or its title: two parties coordinated alone ("Finland and Sweden
    ... both countries"; "hosted President Aliyev and Prime Minister Pashinyan, where the
    two leaders signed") or a dashed pair of countries ("the U.S.-Indonesia partnership and
    how the two countries can collaborate"), of the kind the phrase's head calls for."""
    kinds = JOINT_PARTY_KINDS.get(head.lemma_.lower(), ("person", "state"))
    for tok in _looked_back(head, actors.document):
        if no_antecedent(tok.idx):
            continue
        pair = coordinated_pair(tok, actors, kinds)
        if pair is not None and met_together(tok):
            continue  # one side of a meeting with a third party, not "the two leaders"
        if pair is None and "state" in kinds and any(ch in tok.text for ch in "-–—"):
            near = tok.doc[max(0, tok.i - DASH_REACH):tok.i + DASH_REACH + 1].text
            found = dash_countries(near)
            states = [state_actor(c, actors, tok.idx, tok.idx + len(tok))
                      for c in found] if found else []
            pair = (states[0], states[1]) if states and states[0].id != states[1].id \
                else None
        if pair is not None:
            return pair
    return None


def _looked_back(head: Token, document: Document) -> list[Token]:
    """The words before a joint phrase, nearest first, within ``PAIR_WINDOW``; then the
    document's title (a readout's "U.S.-Bangladesh High-Level Economic Consultation")."""
    doc = head.doc
    near: list[Token] = []
    i = head.left_edge.i - 1
    while i >= 0 and head.idx - doc[i].idx <= PAIR_WINDOW:
        near.append(doc[i])
        i -= 1
    title = []
    for region in document.regions:
        if region.kind == "title":
            span = doc.char_span(region.start, region.end, alignment_mode="expand")
            title += [t for t in reversed(span) if t.i <= i] if span is not None else []
    return near + title


def pair_name(one: Actor, two: Actor) -> str:
    """The name of a pair acting together: "Slovenia and United States"."""
    return f"{one.name} and {two.name}"


def joint_actor(head: Token, actors: ActorIndex, no_antecedent: Callable[[int], bool],
                accept: Callable[[tuple[Actor, Actor]], bool] | None = None,
                ) -> tuple[Actor, tuple[Actor, Actor]] | None:
    """The pair a joint phrase stands for as one group actor of the pair's name, its
    mention the phrase itself (the actor the quote stage makes for a joint speaker: one
    key, so both stages name one party), with the two members; None when no pair is named
    or ``accept`` refuses it. When the text has named more or fewer than two parties of
    the kind, or the two hold the issuing government's own country, the pair it named last
    as a pair stands (``last_pair``): the quote stage does not look for it."""
    if not is_joint_phrase(head):
        return None
    pair = joint_pair(head, actors.actors, no_antecedent)
    home = actors.home_country
    if pair is None or home is not None and any(a.country == home for a in pair):
        # a government's own side is one of "the parties" only where the text names the
        # two as a pair: "The United States and Poland consulted ... Both parties", not
        # "Biden's call to King Salman ... The parties should come to the table"
        pair = last_pair(head, actors, no_antecedent)
    if pair is None or accept is not None and not accept(pair):
        return None
    name = pair_name(*pair)
    start, end = head.left_edge.idx, head.idx + len(head)
    return actors.add(name, "group", start, end, actors.document.text[start:end],
                      key=f"group:{name.lower()}"), pair
