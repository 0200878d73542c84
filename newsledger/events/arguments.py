"""Event arguments: who acted (source) and on whom (target), read off the dependency parse.

Sources: the subject (or the passive "by" agent); for a clause without a subject, the
subject of the clause that controls it ("Washington managed to ... help Israel"), or the
object for verbs of object control ("dissuaded Netanyahu from greenlighting a strike");
for an event noun, its possessor ("Iran's attack"), a "by"/"from" phrase, an actor modifier
("a suspected Israel attack", "Iranian drones"), else the subject of its light verb.
Targets: the object (or passive subject), prepositional objects (at, against, on, to,
toward, into, upon; with for consultation and cooperation), the subject of a complement
clause ("help Israel thwart", "demand that Iran cease"); when the object is itself an event
("condemned Iran's attack") the target is that event's source.
Pronouns: first person inside a quotation -> the quote's speaker; an issuer's own "we"
(a statement's or readout's voice) -> the administration it names, else its government;
he/she -> the nearest preceding person; it -> the nearest preceding non-person actor; they
-> the nearest preceding non-person actor in subject position outside quotations.
Who performs a clause is :mod:`newsledger.events.clauses` (re-exported here); this module
resolves the words it finds to actors.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsledger.actors.index import ActorIndex
from newsledger.actors.joint import bare_pair, is_joint_phrase, joint_actor, many_voices
from newsledger.actors.offices import office_holder
from newsledger.actors.syntax import PronounResolver, compatible, is_pronoun
from newsledger.actors.voice import shared_we
from newsledger.data import load_json, word_class
from newsledger.events.clauses import ARGUMENT_WORDS as ARGUMENT_WORDS
from newsledger.events.clauses import SUBJECT_DEPS, clause_performer
from newsledger.events.clauses import controller as controller
from newsledger.events.clauses import is_passive as is_passive
from newsledger.events.clauses import left_subject as left_subject
from newsledger.events.clauses import passive_patient as passive_patient
from newsledger.events.clauses import prep_objects as prep_objects
from newsledger.events.voice import FIRST_PERSON, IssuerVoice
from newsledger.records import Actor, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WE = {"we", "us", "our", "ours"}
I_ME = {"i", "me", "my"}
MALE_FEMALE = {"he", "him", "his", "she", "her", "hers"}
IT = {"it", "its"}
OBJECT_PRONOUNS = {"him", "her", "them"}
THEY = {"they", "them", "their", "theirs"}
NAME_SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III"}
# Titles a bare "the President" / "the Secretary" refers back with.
TITLES = ("president", "chancellor", "secretary", "minister", "premier", "king", "queen",
          "ambassador", "governor", "mayor", "spokesperson", "spokesman", "spokeswoman",
          "senator", "envoy", "pope", "emir", "sultan", "general")
PHRASE_DEPS = {"relcl", "acl", "advcl", "punct", "appos", "parataxis"}
BACK_SENTENCES = 4  # sentences searched back for the body "the organization" refers to
OFFICES_COUNTRY = "USA"  # whose executive offices data/us_executive.json lists
NOT_NARRATIVE = {"caption", "byline", "boilerplate"}  # regions that name no party of a pair


@dataclass
class Arg:
    """A resolved argument: the actor and the words that name it."""

    actor: Actor
    start: int
    end: int


class ArgResolver(IssuerVoice):
    """Resolves argument tokens to actors for one document."""

    def __init__(self, parsed: Doc, actors: ActorIndex, quotes: list[Quote]) -> None:
        self.doc = parsed
        self.actors = actors
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._offsets = [t.idx for t in parsed]
        self._end = parsed[-1].idx + len(parsed[-1]) if len(parsed) else 0
        self.sents = list(parsed.sents)
        self._sent_starts = [sent.start for sent in self.sents]
        self._weapons = frozenset(load_json("event_triggers.json")["weapons"])
        self._titles = frozenset(TITLES)
        self._author: Actor | bool | None = None  # False: looked, no byline author
        self._administration_actor: Actor | bool | None = None  # False: looked, none named
        self._indexed = 0
        self._mention_starts: list[int] = []
        self._mentions: list[tuple[int, int, Actor]] = []
        self._quote_starts = [q.start for q in self.quotes]
        reach, best = [], -1
        for q in self.quotes:
            best = max(best, q.end)
            reach.append(best)
        self._quote_reach = reach  # furthest end among quotes up to each one
        self._pronouns = PronounResolver(parsed, self._in_marks)
        self.paired: set[int] = set()  # heads of joint phrases resolved to a named pair
        self.members: dict[str, set[str]] = {}  # a joint pair's group actor -> its two

    # quotes -------------------------------------------------------------------------------

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost quote whose span holds ``offset``."""
        best = None
        for j in range(bisect_right(self._quote_starts, offset) - 1, -1, -1):
            if self._quote_reach[j] <= offset:
                break  # no earlier quote reaches this far
            q = self.quotes[j]
            if q.start <= offset < q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best

    def speaker_at(self, offset: int) -> Arg | None:
        """Who says the words at ``offset``: the speaker of the quote that holds them (a
        direct or reported quotation, or an issuer's statement), as an argument."""
        quote = self.quote_at(offset)
        actor = self._speaker_actor(quote) if quote is not None else None
        if actor is None:
            return None
        sp = quote.speaker
        if sp is not None and sp.start is not None and sp.end is not None:
            return self._arg(actor, sp.start, sp.end)
        first = actor.mentions[0] if actor.mentions else None
        return Arg(actor, first.start, first.end) if first else Arg(actor, quote.start, quote.start)

    def _in_marks(self, offset: int) -> bool:
        """Inside a quotation's own words (a direct quote, or the quoted part of a mixed
        one), where "he" is not the narrator's "he"."""
        quote = self.quote_at(offset)
        if quote is None or quote.type not in ("direct", "mixed"):
            return False
        if quote.type == "direct":
            return True
        before = self.actors.document.text[quote.start:offset]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def sent_of(self, tok: Token) -> Span:
        """The sentence of a token (``Token.sent`` rescans the document on every call)."""
        return self.sents[bisect_right(self._sent_starts, tok.i) - 1]

    def token_at(self, offset: int) -> Token:
        return self.doc[max(0, bisect_right(self._offsets, offset) - 1)]

    # actors -------------------------------------------------------------------------------

    def is_weapon(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self._weapons

    def resolve(self, tok: Token, conjuncts: bool = True) -> list[Arg]:
        """The actors a noun phrase headed by ``tok`` names (one per coordinated conjunct)."""
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            arg = self.pronoun(tok)
            return [arg] if arg else []
        if self.is_weapon(tok):
            return []
        joint = self.joint(tok)
        if joint is not None:
            group, pair = joint
            self.paired.add(tok.i)
            self.members[group.id] = {a.id for a in pair}
            return [self._arg(group, tok.left_edge.idx, tok.idx + len(tok))]
        keep = [t for t in tok.subtree if not self._cut(t, tok, conjuncts)]
        if not keep:
            return []
        span = self.doc[min(t.i for t in keep):max(t.i for t in keep) + 1]
        found = self.actors.resolve_phrases(span) if conjuncts else \
            [a for a in [self.actors.resolve_phrase(span)] if a]
        if len(found) == 1 and tok.ent_type_ == "GPE" and found[0].kind in ("person", "anonymous"):
            # a country name heads the phrase: it names the state, whatever else shares the
            # mention ("the US" is not the "Senior US official")
            state = self._state_named(tok.text)
            found = [state] if state is not None else found
        if not found:
            first = min([tok, *(c for c in tok.children if c.dep_ == "compound")] if _is_name(tok)
                        else [tok], key=lambda t: t.i)
            # a bare title first: "The President thanked President Al-Sisi" is the office
            # holder the text made its subject, whatever another stage attached to the word
            actor = self.titled(tok) or self.actors.actor_at(first.idx, tok.idx + len(tok)) \
                or self.name_before_suffix(tok) or self.surname(tok)
            actor = actor or self.definite(tok)
            found = [actor] if actor else []
        if not found and not _is_name(tok):
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None and tok.lemma_.lower() in (
                    word_class(ARGUMENT_WORDS, "member_nouns") |
                    word_class(ARGUMENT_WORDS, "carrier_nouns")):
                # "Commanders of the Korean People's Army", "representatives from Panama":
                # the body they belong to; "boats of migrants", "the lives of migrants":
                # the people they carry or are
                owner = next(iter(prep_objects(tok, {"of", "from"})), None)
            elif owner is None and tok.tag_ == "NNS" and tok.dep_ != "nsubj" and \
                    tok.lemma_.lower() in word_class(ARGUMENT_WORDS, "count_nouns"):
                # "aid to millions of Ukrainians", "deported thousands of refugees": the
                # people counted, as whom an act reaches (a counted crowd as agent, "tens
                # of thousands of students have participated", is rarely one party)
                counted = next(iter(prep_objects(tok, {"of"})), None)
                if counted is not None:
                    home = self.actors.home_country
                    # a release's own public ("spoke to millions of Americans", "help save
                    # millions of small businesses") is its audience, not a party
                    return [a for a in self.resolve(counted, conjuncts) if not (
                        home and a.actor.kind in ("state", "group") and
                        a.actor.country in (home, None if a.actor.kind == "group" else home))]
            if owner is not None and not self._issuer_voice(owner):
                return self.resolve(owner, conjuncts)
        return [self._arg(a, span.start_char, span.end_char) for a in found]

    def _state_named(self, name: str) -> Actor | None:
        for actor in self.actors.actors:
            if actor.kind == "state" and (name == actor.name or name in actor.aliases or any(
                    m.text == name for m in actor.mentions)):
                return actor
        return None

    def _cut(self, t: Token, top: Token, conjuncts: bool) -> bool:
        """Words of the subtree that are not part of the naming phrase."""
        node = t
        while node.i != top.i:
            if node.dep_ in PHRASE_DEPS or (node.dep_ == "prep" and node.lower_ not in
                                            ("of", "in", "from")):
                return True
            if not conjuncts and node.dep_ in ("conj", "cc"):
                return True
            if node.dep_ == "poss" and node.head.i == top.i and (
                    _is_name(top) or is_pronoun(node.lower_)):
                # a name's owner is not the name ("Civic Passion's Wong Yeung-tat"); "its
                # security" is resolved through the pronoun, by the owner rule below
                return True
            node = node.head
        return False

    def _arg(self, actor: Actor, start: int, end: int) -> Arg:
        inside = [m for m in actor.mentions if start <= m.start and m.end <= end]
        if inside:
            m = inside[0]
            return Arg(actor, m.start, m.end)
        return Arg(actor, start, end)

    def pronoun(self, tok: Token, depth: int = 0) -> Arg | None:
        word = tok.lower_
        actor = None
        if word in FIRST_PERSON and tok.tag_ == "PRP$" and tok.head.is_title and \
                tok.head.pos_ in ("NOUN", "PROPN") and not tok.head.is_sent_start:
            return None  # a word of a title: "the Honoring our Promise ... (PACT) Act"
        if word in FIRST_PERSON:
            quote = self.quote_at(tok.idx)
            if quote is None and word in I_ME:
                actor = self._byline_author()
                return Arg(actor, tok.idx, tok.idx + len(tok)) if actor else None
            if quote is None and word in WE:
                actor = None if shared_we(tok) else self._issuer()
                return Arg(actor, tok.idx, tok.idx + len(tok)) if actor else None
            if quote is None or quote.speaker is None:
                return None
            speaker = quote.speaker
            if speaker.actor is None and speaker.start is not None and depth == 0:
                return self.pronoun(self.token_at(speaker.start), depth + 1)
            if speaker.actor is None and word in WE and quote.type != "statement":
                return None  # a quoted "we" of an unresolved speaker: unsaid who
            actor = self._speaker_actor(quote)
            if word in WE:
                actor = None if shared_we(tok) else \
                    self._we_of(actor, issuer=speaker.actor is None)
        elif is_pronoun(word):
            actor = self._third_person(tok)
        if actor is None:
            return None
        return Arg(actor, tok.idx, tok.idx + len(tok))

    def _third_person(self, tok: Token) -> Actor | None:
        """He, she, it, they: a possessive is who performs its clause when compatible
        ("urged Israel to deconflict their operations"); the speaker of an indirect quote
        is who "he" is in it ("Biden said ... that he would"); else the one antecedent
        ``actors.syntax.PronounResolver`` finds (the resolver the speakers use)."""
        word = tok.lower_

        def actor_of(subject: Token) -> Actor | None:
            if word in IT and subject.tag_ in ("NNS", "NNPS"):
                return None  # "All Americans should reject violence. We must condemn it."
            if subject.lower_ in FIRST_PERSON or subject.lower_ == "you":
                return None  # "how we plan to spend these funds if you support them"
            found = self.resolve(subject, conjuncts=False)
            return found[0].actor if found else None
        if word in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "dative", "pobj"):
            near = self._object_antecedent(tok)
            if near is not None:
                return near
        if tok.tag_ == "PRP$":
            performer = clause_performer(tok)
            owner = actor_of(performer) if performer is not None else None
            if owner is not None and compatible(word, owner):
                return owner
        quote = self.quote_at(tok.idx)
        if quote is not None and not self._in_marks(tok.idx):
            speaker = self._speaker_actor(quote)
            if speaker is not None and compatible(word, speaker):
                return speaker
            return self._pronouns.antecedent(tok, actor_of)
        if quote is None:
            return self._pronouns.antecedent(tok, actor_of)
        # inside a quotation its own earlier words are fair antecedents ("Daniel would be
        # put behind bars unless he cooperated"), other quotations' words are not
        # and the speaker, who would say "I", is not "he"
        inside = PronounResolver(self.doc, lambda pos: self._in_marks(pos) and not (
            quote.start <= pos < quote.end))
        speaker_id = quote.speaker.actor if quote.speaker else None

        def other(subject: Token) -> Actor | None:
            actor = actor_of(subject)
            return None if actor is not None and actor.id == speaker_id else actor
        return inside.antecedent(tok, other)

    def _object_antecedent(self, tok: Token) -> Actor | None:
        """An object pronoun is the nearest compatible actor named before it in its sentence
        other than its own clause's performer ("will not discipline Jackson ... the NFL will
        suspend him"; "Montalvo said Devocht met him")."""
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        own = controller(verb) if verb.pos_ in ("VERB", "AUX") else None
        own_actor = None
        if own is not None and own.i != tok.i and not is_pronoun(own.lower_):
            found = self.resolve(own, conjuncts=False)
            own_actor = found[0].actor if found else None
        first = self.sent_of(tok).start_char
        word = tok.lower_
        marks = self._in_marks(tok.idx)  # the same side of the quotation marks only

        def fits(actor: Actor, start: int) -> bool:
            return start >= first and compatible(word, actor) and \
                (own_actor is None or actor.id != own_actor.id) and \
                not is_pronoun(self.token_at(start).lower_) and self._in_marks(start) == marks
        return self._preceding(tok.idx, fits)

    def _speaker_actor(self, quote: Quote) -> Actor | None:
        """The actor who speaks a quote. An issuer's own statement ("Statement from
        President Joe Biden": "I've just spoken with ...") names its speaker without a
        mention in the body: the actor of that name, registered at the title when the
        title names it."""
        speaker = quote.speaker
        if speaker is None:
            return None
        if speaker.actor:
            return next((a for a in self.actors.actors if a.id == speaker.actor), None)
        if quote.type != "statement" or not speaker.name or speaker.kind != "person":
            return None
        found = self.actors.find(speaker.name)
        if found is not None:
            return found
        title = self.actors.document.title or ""
        text = self.actors.document.text
        at = text.find(speaker.name, 0, len(title) + 1) if title else -1
        if at < 0:
            return None
        return self.actors.add(speaker.name, "person", at, at + len(speaker.name),
                               speaker.name)

    def _mention_index(self) -> tuple[list[int], list[tuple[int, int, Actor]]]:
        """Every actor mention sorted by start, kept up to date as actors are added (the
        event stage may register agent nouns) without rescanning all actors per lookup."""
        actors = self.actors.actors
        for actor in actors[self._indexed:]:
            for m in actor.mentions:
                i = bisect_right(self._mention_starts, m.start)
                self._mention_starts.insert(i, m.start)
                self._mentions.insert(i, (m.start, m.end, actor))
        self._indexed = len(actors)
        return self._mention_starts, self._mentions

    def _preceding(self, offset: int, accept) -> Actor | None:
        """The actor of the nearest mention ending before ``offset`` that ``accept`` takes."""
        starts, mentions = self._mention_index()
        for j in range(bisect_right(starts, offset) - 1, -1, -1):
            start, end, actor = mentions[j]
            if end <= offset and accept(actor, start):
                return actor
        return None

    def briefer(self, person: Actor) -> bool:
        """The official a government site's podium transcript is by ("Press Gaggle by Press
        Secretary Karine Jean-Pierre", ``podium_titles``): the title names the person, whose turns the
        transcript labels without the title's codes. Their "we" is the issuing government,
        never the briefer alone ("we are strongly urging other rail companies")."""
        title = self.actors.document.title or ""
        low = title.lower()
        return self.actors.document.kind == "transcript" and bool(self.actors.home_country) \
            and person.kind == "person" and person.country in (None, self.actors.home_country) \
            and len(person.name.split()) >= 2 and person.name in title and \
            any(w in low for w in word_class(ARGUMENT_WORDS, "podium_titles"))

    def titled(self, tok: Token) -> Actor | None:
        """"The President", "the Secretary": the person named earlier with that title."""
        word = tok.lower_
        if word not in self._titles or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        home = self._home_president(tok)
        if home is not None:
            return home
        if any(c.dep_ in ("poss", "amod") or c.dep_ == "compound" and not c.is_title
               for c in tok.children):
            return None

        def holder(actor: Actor, _start: int) -> bool:
            return actor.kind == "person" and bool(actor.role) and \
                word in actor.role.lower().split()
        return self._preceding(tok.idx, lambda a, s: holder(a, s) and self._subject(s)) or \
            self._preceding(tok.idx, holder) or self._preceding(self._end, holder)

    def _home_president(self, tok: Token) -> Actor | None:
        """A bare capitalised "the President" in a release, readout or briefing of a US
        government site is the US president at the document's date, not the foreign
        president named nearby ("spoke with President Lula ... The President thanked"; "you
        will see the President meeting with the German Chancellor" after Zelenskyy): the
        text names a foreign one as "President Lula", "the President of Brazil". In the
        president's own words "the President" is someone else (his counterpart)."""
        words = [c.lower_ for c in tok.children if c.dep_ not in ("punct", "case", "cc", "conj")]
        if tok.text != "President" or self.actors.home_country != OFFICES_COUNTRY or \
                words != ["the"]:  # (a conjunct: "the President and the Vice President")
            return None
        published = self.actors.document.published
        holder = office_holder("president", published.date if published else None)
        if holder is None:
            return None
        quote = self.quote_at(tok.idx)
        if quote is not None and quote.speaker is not None and \
                quote.speaker.name in (holder["name"], *holder["aliases"]):
            return None
        found = self.actors.find(holder["name"])
        if found is not None and found.kind == "person":
            return found
        return self.actors.add(holder["name"], "person", tok.idx, tok.idx + len(tok), tok.text,
                               country=OFFICES_COUNTRY, sector="GOV", role="President",
                               key=f"person:{holder['name'].lower()}")

    def definite(self, tok: Token) -> Actor | None:
        """"The organization", "the group", "the church": a bare definite noun for a body
        refers back to the nearest body named (capitalised) in the last few sentences
        whose kind fits ("returned by mail to the organization" after "Scientology")."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or \
                tok.lemma_.lower() not in word_class(ARGUMENT_WORDS, "body_nouns") or \
                [c.lower_ for c in tok.children if c.dep_ not in ("punct", "prep") or
                 c.lower_ in ("of", "for")] != ["the"]:
            return None
        sent = bisect_right(self._sent_starts, tok.i) - 1
        floor = self.sents[max(0, sent - BACK_SENTENCES)].start_char
        word = tok.lower_

        def body(actor: Actor, start: int) -> bool:
            k = bisect_right(self._offsets, start) - 1  # the token at ``start``; not
            text = self.doc[k].text[:1] if k >= 0 else ""  # ``Doc.text``, rebuilt per access
            return start >= floor and actor.kind in ("organization", "group") and \
                text.isupper() and (word in ("organization", "group") or
                                    word in actor.name.lower())
        return self._preceding(tok.idx, body)

    def own_side(self, found: list[Arg]) -> set[str]:
        """Actor ids that are the side of ``found``: each actor and, for a joint pair, its
        two members ("The two countries discussed how to expand Bahrain's ties": Bahrain
        is one of the two, no counterpart)."""
        return {a.actor.id for a in found} | {m for a in found
                                              for m in self.members.get(a.actor.id, ())}

    def joint(self, tok: Token) -> tuple[Actor, tuple[Actor, Actor]] | None:
        """"Both sides", "the two leaders": the pair the text has named before, as one group
        actor (``actors.joint``, the quote stage's joint speaker); quoted words and captions
        name no party of it. Not in a briefing or interview (``dialogue_titles``), where
        the two people named are who asks and who answers; not "all the parties", many; and
        as an object ("we urge both sides") never a pair holding the issuer's own country:
        whom a release urges or calls on are others."""
        if not is_joint_phrase(tok) or not bare_pair(tok) or \
                many_voices(self.actors.document):
            return None
        home = self.actors.home_country
        subject = tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss"
        return joint_actor(tok, self.actors, self._no_antecedent, accept=lambda pair: subject
                           or home is None or all(a.country != home for a in pair))

    def _no_antecedent(self, offset: int) -> bool:
        """Words no joint phrase refers back to: a quotation's own words and the captions,
        credits and bylines around the story (``NOT_NARRATIVE``)."""
        return self._in_marks(offset) or \
            self.actors.document.region_at(offset) in NOT_NARRATIVE

    def surname(self, tok: Token) -> Actor | None:
        """A capitalised word the tagger left untyped that is a known person's surname
        ("Montalvo was charged" after "Daniel Montalvo"; "Rathbun requested", tagged as a
        common noun at the start of a sentence)."""
        if tok.pos_ not in ("PROPN", "NOUN") or tok.ent_type_ or not tok.is_title or \
                len(tok.text) < 3:
            return None
        actor = self.actors.find(tok.text)
        return actor if actor is not None and actor.kind == "person" and \
            actor.name.split()[-1] == tok.text else None

    def name_before_suffix(self, tok: Token) -> Actor | None:
        """"Joseph R. Biden, Jr. spoke": the parser makes the suffix the subject."""
        if tok.text not in NAME_SUFFIXES or tok.i < 2:
            return None
        prev = self.doc[tok.i - 1]
        name = self.doc[tok.i - 2] if prev.text == "," else prev
        return self.actors.actor_at(name.idx, name.idx + len(name))

    def _subject(self, offset: int) -> bool:
        """A mention in subject position: the subject, a word of it, its apposition, or in
        one prepositional phrase on it ("the President of Egypt"); a name two phrases down
        ("Readout of the Call with President X") is not the subject."""
        tok = self.token_at(offset)
        phrases = 0
        for _ in range(5):
            if tok.dep_ in SUBJECT_DEPS:
                return True
            if tok.dep_ in ("dep", "appos") and any(
                    c.dep_ in SUBJECT_DEPS and c.text in NAME_SUFFIXES for c in tok.head.children):
                return True  # "Joseph R. Biden, Jr. spoke": the parser's subject is "Jr."
            if tok.dep_ == "prep":
                phrases += 1
            if phrases > 1 or tok.dep_ not in ("compound", "pobj", "prep", "poss", "amod",
                                               "nmod", "case", "appos"):
                return False
            tok = tok.head
        return False

def _is_name(tok: Token) -> bool:
    """A person's name ("Wong Yeung-tat"), not a title-cased common noun ("Travel")."""
    return tok.pos_ == "PROPN" and (tok.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children))
