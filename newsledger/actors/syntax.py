"""Who did it, read off the parse: the ONE subject/agent finder and the ONE pronoun resolver.

Both the quote stage (whose speaker is a reporting verb's subject; who "he" in "he said" is)
and the event stage (whose source is a verb's subject) use these, so they cannot disagree.

Pronouns resolve by number and gender to a compatible actor, preferring salience: the
subject of this or the previous sentence, then the previous quote's speaker when it is
compatible, then the ONE compatible subject a few sentences back. Never across a change of
speaker turn (``barrier``), never to a word inside quotation marks; when no antecedent is
compatible, or two are and neither is salient, the pronoun stays unresolved.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from newsledger.data import load_json
from newsledger.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("xcomp", "conj", "advcl", "pcomp", "dep")
CLIMB_STEPS = 4
"""How many non-finite/coordinated verbs a subject search climbs through."""
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PERSONAL = ("person", "anonymous")
COLLECTIVE = ("organization", "state", "group", "other")
BACK_SENTENCES = 4
"""How far back (in sentences) a pronoun looks for a unique compatible antecedent."""
RIVAL_DEPS = ("nsubj", "nsubjpass", "dobj", "dative")  # plural nouns "they" may stand for


def passive_agent(verb: Token) -> Token | None:
    """The object of a passive's "by" phrase ("was said by the minister" -> minister)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


def subject_of(verb: Token) -> Token | None:
    """Who performs a verb: its subject, the agent of a passive, the noun a participle or
    relative clause modifies, climbing through non-finite and coordinated verbs."""
    tok = verb
    for _ in range(CLIMB_STEPS):
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
            if child.dep_ == "nsubjpass":
                return passive_agent(tok)
        agent = passive_agent(tok)
        if agent is not None:
            return agent
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if tok.dep_ == "relcl" or tok.tag_ == "VBG":
                return tok.head
        if tok.dep_ in CLIMB_DEPS and tok.head is not tok:
            tok = tok.head
            continue
        break
    return None


@cache
def _gender_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("actors/gender_words.json")
    return frozenset(data["male"]), frozenset(data["female"])


def gender(actor: Actor) -> str | None:
    """"m", "f" or None (unknown) from gendered titles in the actor's name, role, mentions."""
    male, female = _gender_words()
    texts = [actor.name, actor.role or "", *actor.aliases, *(m.text for m in actor.mentions)]
    words = {w.strip(",.").lower() for t in texts for w in t.split()}
    words |= {w + "." for w in words}
    low = " ".join(t.lower() for t in texts)
    is_f = bool(words & female) or "first lady" in low
    is_m = bool(words & male)
    if is_f == is_m:
        return None
    return "f" if is_f else "m"


def compatible(pronoun: str, actor: Actor, plural_hint: bool = False) -> bool:
    """Whether a pronoun can refer to an actor: number by kind, gender by title."""
    word = pronoun.lower()
    if word in MALE | FEMALE:
        if actor.kind not in PERSONAL:
            return False
        g = gender(actor)
        return g is None or g == ("m" if word in MALE else "f")
    if word in NEUTER:
        return actor.kind in ("organization", "state", "other")
    if word in PLURAL:
        return actor.kind in COLLECTIVE or plural_hint
    return False


def is_pronoun(word: str) -> bool:
    return word.lower() in MALE | FEMALE | NEUTER | PLURAL


class PronounResolver:
    """Third-person pronouns of one document to actors (see the module docstring)."""

    _in_rival = False  # a rival is being resolved (see ``_plural_rival``)

    def __init__(self, doc: Doc, in_quote: Callable[[int], bool],
                 barrier: Callable[[int], int] | None = None) -> None:
        self.doc = doc
        self.in_quote = in_quote  # char offset -> inside quotation marks?
        self.barrier = barrier or (lambda pos: 0)  # char offset -> start of its speaker turn
        self._sent_start: dict[int, int] = {}

    def _sentence_starts(self, tok: Token) -> list[int]:
        """Token index of the start of this sentence and the BACK_SENTENCES before it."""
        starts = [tok.sent.start]
        while len(starts) <= BACK_SENTENCES and starts[-1] > 0:
            starts.append(self.doc[starts[-1] - 1].sent.start)
        return starts

    def _subjects(self, hi: int, lo: int, floor: int) -> list[Token]:
        """Subjects between token ``lo`` and ``hi`` outside quotation marks, main-clause
        subjects first (salience), each group nearest first."""
        found = [self.doc[i] for i in range(hi, lo - 1, -1)
                 if self.doc[i].dep_ in SUBJECT_DEPS and self.doc[i].idx >= floor
                 and not self.in_quote(self.doc[i].idx)
                 and not is_pronoun(self.doc[i].lower_)]
        return sorted(found, key=lambda t: t.head.dep_ != "ROOT")

    def _plural_rival(self, pron: Token, resolve: Callable[[Token], Actor | None]) -> bool:
        """A plural common noun before ``pron`` in its sentence that names no actor
        ("ten Western ambassadors", "the missiles"): "they" may be it. Not re-entered:
        resolving a rival may resolve a pronoun in it ("their cities")."""
        if PronounResolver._in_rival:  # across resolvers: a quotation makes its own
            return False
        PronounResolver._in_rival = True
        try:
            return any(t.tag_ == "NNS" and t.dep_ in RIVAL_DEPS and not self.in_quote(t.idx)
                       and resolve(t) is None for t in pron.sent if t.i < pron.i)
        finally:
            PronounResolver._in_rival = False

    def antecedent(self, pron: Token, resolve: Callable[[Token], Actor | None],
                   previous: Actor | None = None) -> Actor | None:
        """The actor ``pron`` refers to, or None. ``resolve`` maps a subject token to its
        actor; ``previous`` is the speaker of the quote just before (salient for "he said")."""
        word = pron.lower_
        floor = self.barrier(pron.idx)
        starts = self._sentence_starts(pron)
        near = starts[min(1, len(starts) - 1)]

        def ok(actor: Actor | None, tok: Token | None = None, plural_only: bool = False) -> bool:
            # a plural noun, or coordinated names ("Lenderking and Fagin ... they"): the
            # first member stands for the pair
            hint = tok is not None and (tok.tag_ in ("NNS", "NNPS")
                                        or any(c.dep_ == "conj" for c in tok.children))
            if plural_only and not (hint or actor is not None and actor.kind == "group"):
                return False  # "they": a plural phrase or a group before a singular name
            return actor is not None and compatible(word, actor, hint)

        near_subjects = self._subjects(pron.i - 1, near, floor)
        if word in PLURAL:  # a plural phrase or group nearby, then the previous group speaker
            for tok in near_subjects:
                actor = resolve(tok)
                if ok(actor, tok, plural_only=True):
                    return actor
            if previous is not None and ok(previous, plural_only=True):
                return previous
            if self._plural_rival(pron, resolve):
                return None  # "Turkey expelled ten envoys after they called for ...": the
                # envoys, no actor, may be who "they" are; a singular name is no fallback
        for tok in near_subjects:
            actor = resolve(tok)
            if ok(actor, tok):
                return actor
        if previous is not None and ok(previous):
            return previous
        found: list[Actor] = []
        for tok in self._subjects(near - 1, starts[-1], floor):
            actor = resolve(tok)
            if ok(actor, tok) and actor not in found:
                found.append(actor)  # type: ignore[arg-type]
        return found[0] if len(found) == 1 else None
