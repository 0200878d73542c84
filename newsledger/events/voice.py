"""Whose voice a document's "we" and "I" are: the issuer of a release or statement (its
signer's government, the site's state), an official's government, a head of government's
administration. A mixin of ``arguments.ArgResolver``, which supplies ``actors``, ``doc``,
``quote_at``, ``resolve`` and ``briefer``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsledger.actors.offices import has_turns, office_byline, signer_country
from newsledger.data import word_class
from newsledger.events.clauses import ARGUMENT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsledger.records import Actor

FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
MAX_NAME_WORDS = 5  # a byline name longer than this is not a person's name
NOT_A_NAME = {"office", "bureau", "department", "the", "by", "press", "media", "embassy"}


class IssuerVoice:
    """The issuer's and officials' "we" (see the module docstring)."""

    # supplied by ArgResolver
    actors: Any
    doc: Any
    quote_at: Any
    resolve: Any
    briefer: Any
    _author: Any
    _administration_actor: Any
    _issuer_actor: Any = None  # the issuer's actor once found, False when there is none

    def _byline_author(self) -> Actor | None:
        """"I" outside any quotation is the document's author when a byline names a person
        ("Antony J. Blinken, Secretary of State" above "I congratulate the Norwegian
        people"); an office byline ("Office of the Spokesperson") names no one."""
        if self._author is None:
            self._author = False
            text = self.actors.document.text
            for r in self.actors.document.regions:
                if r.kind != "byline":
                    continue
                line = text[r.start:r.end]
                name = line.split(",")[0].strip()
                words = name.split()
                if not 2 <= len(words) <= MAX_NAME_WORDS or not all(
                        w[:1].isupper() for w in words) or words[0].lower() in NOT_A_NAME:
                    continue
                start = r.start + line.index(name)
                role = line[len(name):].strip(" ,") or None
                self._author = self.actors.add(name, "person", start, start + len(name), name,
                                               role=role)
                break
        return self._author or None

    def _we_of(self, speaker: Actor | None, issuer: bool) -> Actor | None:
        """Whom a speaker's "we" stands for: an official's government; for the signer of
        a statement (``issuer``), the administration the statement names, else the
        government, never the signer alone."""
        government = self._government_of(speaker) if speaker is not None else None
        if issuer:
            return None if self._joint() else \
                self._administration() or government or self._issuer()
        return government or speaker

    def _issuer_voice(self, tok: Token) -> bool:
        """A first-person word in a release's or statement's own voice. As the owner of a
        thing ("protect our environment", "honoring our values", "with our partners") it
        names no party to an event: only as who acts ("we condemn", "our support for")."""
        if tok.lower_ not in FIRST_PERSON:
            return False
        quote = self.quote_at(tok.idx)
        return quote is None or quote.type == "statement" and quote.speaker is not None \
            and quote.speaker.actor is None

    def _joint(self) -> bool:
        """A joint statement: its "we" is every signer, not one issuer."""
        return "joint" in (self.actors.document.title or "").lower()

    def _issuer(self) -> Actor | None:
        """"We" in a release's own voice (outside any quotation) is its issuer's government:
        the government of an official byline ("Ned Price, Department Spokesperson"), else,
        in a statement or readout, the state of the site's profile (a State Department
        release: the United States), when the text names that state. A signer with an
        executive title ("Ned Price, Department Spokesperson") or an office byline ("Office of
        the Spokesperson") makes any release of the site the government's voice, unless the
        text prints speaker turns (remarks with questions). A news story's
        narrator says no "we"; in a transcript, unquoted words are anyone's; in a joint
        statement "we" is all the signers."""
        if self._issuer_actor is None:  # the same for every "we" of the document
            self._issuer_actor = self._find_issuer() or False
        return self._issuer_actor or None

    def _find_issuer(self) -> Actor | None:
        if self._joint() or self.actors.document.kind == "transcript":
            return None
        author = self._byline_author()
        government = self._government_of(author) if author is not None else None
        if government is not None:
            return government
        home = self.actors.home_country
        document = self.actors.document
        dialogue = has_turns(document.text)
        signer = signer_country(author.role, home) if author is not None and not dialogue \
            else None
        if signer is None and (home is None or document.kind not in ("statement", "readout")
                               and (dialogue or not office_byline(document))):
            return None
        country = signer or home
        return next((a for a in self.actors.actors if a.kind == "state" and a.country == country),
                    None)

    def _administration(self) -> Actor | None:
        """The issuer's administration when the statement names it ("my Administration",
        "our Administration"): what a head of government's "we" stands for."""
        if self._administration_actor is None:
            self._administration_actor = False
            for tok in self.doc:
                if tok.lower_ == "administration" and any(
                        c.dep_ == "poss" and c.lower_ in ("my", "our") for c in tok.children):
                    found = self.resolve(tok, conjuncts=False)
                    if found:
                        self._administration_actor = found[0].actor
                        break
        return self._administration_actor or None

    def _government_of(self, person: Actor) -> Actor | None:
        """"We" in an official's quote is the official's state ("we are committed to
        defending Israel", said by a US official: the United States), when the text names
        that state. An unnamed official the actor tables left uncoded ("a senior US
        official") is read from the description: one state it names, and an office word."""
        if person.kind not in ("person", "anonymous"):
            return None
        states = [a for a in self.actors.actors if a.kind == "state"]
        if person.sector == "GOV" and person.country:
            return next((a for a in states if a.country == person.country), None)
        if self.briefer(person):
            return next((a for a in states if a.country == self.actors.home_country), None)
        if person.kind != "anonymous" or person.country:
            return None
        words = set(person.name.replace(",", " ").split())
        if not {w.lower() for w in words} & word_class(ARGUMENT_WORDS, "office_words"):
            return None
        named = [a for a in states if a.name in words or any(m.text in words for m in a.mentions)]
        return named[0] if len(named) == 1 else None
