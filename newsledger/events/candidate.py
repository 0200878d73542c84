"""The candidate event: what the trigger rules find in the parse, before arguments,
modality and grouping make it a record (``events.extract``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsledger.events.arguments import Arg
    from newsledger.records import Location


@dataclass
class Candidate:
    """An event found in the parse, before it becomes a record."""

    head: Token
    words: list[Token]
    type: str
    mode: str | None
    cameo: str | None = None
    light: Token | None = None  # the light verb of an event noun
    sources: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    folded: list[Token] = field(default_factory=list)  # killing verbs of an attack noun
    modality: str = "asserted"
    merged: bool = False  # folded into its governing event by ``_reframe``
    located: bool = False
    joint: bool = False  # the subject is both parties of a meeting ("the two leaders", "they")
    location: Location | None = None

    @property
    def extra(self) -> list[Token]:
        """Tokens whose numbers fold in: the killing verbs' clauses ("killed three")."""
        return [t for v in self.folded for t in v.subtree]

    @property
    def nominal(self) -> bool:
        return self.head.pos_ in ("NOUN", "PROPN")

    @property
    def clause(self) -> Token:
        return self.light if self.light is not None else self.head
