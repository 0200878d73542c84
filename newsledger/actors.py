"""Actors of one document: mentions resolved to canonical actors.

``ActorIndex`` is the one place stages register and look up actors, so a speaker found by
the quote stage and a source found by the event stage end up as the same actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.records import Actor, Document, Mention, Participant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


class ActorIndex:
    """The actors of one document and their mentions, with lookups by span and by name."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._actors: list[Actor] = []
        self._by_key: dict[str, Actor] = {}

    @classmethod
    def from_doc(cls, parsed: Doc, document: Document) -> ActorIndex:
        index = cls(document)
        for ent in parsed.ents:
            kind = ENTITY_KINDS.get(ent.label_)
            if kind:
                index.add(ent.text, kind, ent.start_char, ent.end_char, ent.text)
        return index

    @property
    def actors(self) -> list[Actor]:
        return self._actors

    def _key(self, name: str, kind: str) -> str:
        return f"{kind}:{' '.join(name.lower().split())}"

    def find(self, name: str) -> Actor | None:
        """The actor whose name or alias is ``name`` (case-insensitive), or whose surname it is."""
        wanted = " ".join(name.lower().split())
        for actor in self._actors:
            names = [actor.name, *actor.aliases]
            if any(" ".join(n.lower().split()) == wanted for n in names):
                return actor
        for actor in self._actors:
            if actor.kind == "person" and actor.name.lower().split()[-1:] == wanted.split()[-1:]:
                return actor
        return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention inside (or covering) the span ``start:end``."""
        best = None
        for actor in self._actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    if best is None or (m.end - m.start) > (best[1].end - best[1].start):
                        best = (actor, m)
        return best[0] if best else None

    def add(self, name: str, kind: str, start: int, end: int, text: str, *,
            country: str | None = None, sector: str | None = None, role: str | None = None,
            key: str | None = None) -> Actor:
        """Register a mention, merging it into a known actor with the same name when there is one."""
        actor = self.find(name) if kind in ("person", "organization", "state") else None
        if actor is None:
            actor = self._by_key.get(key or self._key(name, kind))
        if actor is None:
            actor = Actor(id=f"a{len(self._actors) + 1}", name=name, kind=kind, country=country,
                          sector=sector, role=role, key=key or self._key(name, kind))
            self._actors.append(actor)
            self._by_key[actor.key] = actor
        elif len(name) > len(actor.name) and kind == actor.kind == "person":
            if actor.name not in actor.aliases:
                actor.aliases.append(actor.name)
            actor.name = name
        self.attach(actor, start, end, text)
        return actor

    def attach(self, actor: Actor, start: int, end: int, text: str) -> None:
        if not any(m.start == start and m.end == end for m in actor.mentions):
            actor.mentions.append(Mention(start=start, end=end, text=text))
            actor.mentions.sort(key=lambda m: m.start)

    def resolve_phrase(self, span: Span) -> Actor | None:
        """The actor a noun phrase refers to (entity, demonym, agent noun), registering it if new."""
        return self.actor_at(span.start_char, span.end_char)

    def participant(self, actor: Actor, start: int, end: int) -> Participant:
        return Participant(actor=actor.id, name=actor.name, country=actor.country,
                           sector=actor.sector, start=start, end=end,
                           text=self.document.text[start:end])
