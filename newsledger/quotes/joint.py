"""Speakers that are more than one party: coordinated subjects ("Slovenia and the United
States said"), a generic plural with named examples ("other sites such as Gawker.com have
stated") and joint phrases ("Both countries reaffirmed", "the two leaders") standing for the
two parties the text named before.

Coordinated members speak as a name ("Slovenia and United States", kind ``group``) linked to
the first member's actor, as the events let the first party stand for a joint subject: a new
actor with a mention covering both members would win every later lookup of either ("the
Secretary" would become the pair). A joint phrase ("the two leaders") names no member, so the
resolver makes it a group actor of the pair's name with the phrase as its mention.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsledger.actors.joint import joint_pair, pair_name
from newsledger.quotes.subjects import ENTITY_KIND
from newsledger.records import Actor, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

JOINT_KINDS = ("person", "organization", "state")
"""Members a joint speaker ("Slovenia and the United States") is made of."""
DISJUNCTIONS = ("or", "nor")


def conjuncts(head: Token) -> list[Token]:
    """The members coordinated with a phrase head, in text order ("A, B and C")."""
    out: list[Token] = []
    todo = [c for c in head.children if c.dep_ == "conj"]
    while todo:
        tok = todo.pop(0)
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ == "conj"]
    return sorted(out, key=lambda t: t.i)


def examples(head: Token) -> list[Token]:
    """The named examples of a generic plural ("other sites such as Gawker.com", "groups
    including Amnesty and HRW"), else nothing."""
    if head.tag_ not in ("NNS", "NNPS") or head.ent_type_ or head.pos_ == "PROPN":
        return []
    for prep in head.children:
        such = prep.lower_ == "as" and prep.i > 0 and prep.nbor(-1).lower_ == "such"
        if prep.dep_ == "prep" and (such or prep.lower_ == "including"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return [obj] + conjuncts(obj)
    return []


def members(head: Token) -> tuple[list[Token], bool] | None:
    """The members a subject speaks through and whether every one is a name, or None when
    the subject is no coordination or names no one (its head speaks then)."""
    if any(c.dep_ == "cc" and c.lower_ in DISJUNCTIONS for t in [head, *conjuncts(head)]
           for c in t.children):
        return None  # "the DOD or the CENTCOM said": not both, and not for us to pick
    found = [head] + conjuncts(head)
    if len(found) < 2:
        found = examples(head)  # the generic head speaks through the names it gives
    if not found:
        return None
    named = [m for m in found if m.ent_type_ in ENTITY_KIND or m.pos_ == "PROPN"]
    if not named:
        return None
    return named, len(named) == len(found) and len(named) > 1


def joint_speaker(speakers: Sequence[Speaker | None], actors: Sequence[Actor | None],
                  text: str) -> Speaker | None:
    """All the members together when each resolved to a distinct person, organization or
    state, else the first member's own speaker."""
    first = speakers[0]
    if first is None or len(speakers) < 2 or any(
            a is None or a.kind not in JOINT_KINDS for a in actors) \
            or len({a.id for a in actors if a is not None}) != len(actors):
        return first
    names = [a.name for a in actors if a is not None]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    start = first.start or 0
    end = max(s.end or 0 for s in speakers if s is not None)
    return Speaker(actor=first.actor, name=name, kind="group", start=start, end=end,
                   text=text[start:end])


def joint_parties(head: Token, actors: Sequence[Actor], no_antecedent: Callable[[int], bool],
                  text: str) -> Speaker | None:
    """"Both countries", "the two leaders", "both sides": the two parties the text has
    named before, when it has named exactly two of that kind ("The Governments of Slovenia
    and the United States held ... Both countries reaffirmed ..."). The phrase and the pair
    are ``actors.joint``'s, shared with the events' joint subjects; more or fewer than two
    candidates leave the description."""
    pair = joint_pair(head, actors, no_antecedent)
    if pair is None:
        return None
    start, end = head.left_edge.idx, head.idx + len(head)
    return Speaker(actor=None, name=pair_name(*pair), kind="group", start=start, end=end,
                   text=text[start:end])
