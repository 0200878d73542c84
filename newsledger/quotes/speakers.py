"""Speakers: who a quotation belongs to, resolved to an actor of the document.

From a cue verb the speaker is its subject (through participles, conjunctions and relative
clauses), a passive's agent, or a report noun's source ("a report by The New York Times").
The phrase is then resolved to an actor of the ``ActorIndex``: named entities to their actor
(fullest form, "Kirby" -> "John Kirby", role from an appositive); pronouns to the nearest
compatible subject (he/she: a person or anonymous source; they: people or a group, never a
text or thing), else the last compatible speaker; unnamed sources ("a senior administration
official", later "the official") to one ``anonymous`` actor per head noun; definite titles
("the premier") to the person who carried that title earlier; plural descriptions ("the
leaders") to their fullest earlier form as a ``group`` ("the results": a text, kind other);
other phrases to organizations.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from newsledger.actors.filters import not_an_actor
from newsledger.actors.index import GENERIC, ActorIndex
from newsledger.actors.syntax import FEMALE, MALE, PronounResolver, is_pronoun, subject_of
from newsledger.actors.tables import tables
from newsledger.data import load_json
from newsledger.quotes.descriptions import aged_person, titled_antecedent, turn_official
from newsledger.quotes.joint import joint_parties, joint_speaker, members
from newsledger.quotes.subjects import (
    ENTITY_KIND,
    institution_word,
    inverted_subject,
    mistagged_subject,
    named_in,
    titled_person,
)
from newsledger.quotes.transcripts import issuer, turns
from newsledger.records import Actor, Document, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PREVIOUS_SPEAKER_CHARS = 600
"""A pronoun may take the previous quote's speaker only this close to it (about a paragraph)."""
NOT_AGENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
HEADLINE_REGIONS = {"title", "deck"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"}
"""How far after a name its age may stand ("Jane Doe, 45, said")."""
REPORT_LOOKBACK_TOKENS = 400
"""How far back (in tokens, about three paragraphs) "the statement" looks for its mention."""
NOT_NARRATIVE = {"caption", "byline", "boilerplate"}
"""Regions whose words are no pronoun's antecedent."""
PEOPLE_PRONOUNS = {"he", "she", "they", "him", "her", "them"}
"""Pronouns that refer to people or institutions, never to a text or a thing."""
NEUTER_PRONOUNS = {"it", "its"}
INSTITUTION_KINDS = ("organization", "state")
"""What "it" may speak for: an organization or a state, never a text, event or idea."""
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}


class SpeakerResolver:
    """Resolves speaker phrases of one document; remembers speakers for later pronouns."""

    def __init__(self, parsed: Doc, document: Document, actors: ActorIndex,
                 quoted: list[tuple[int, int]]) -> None:
        self.doc = parsed
        self.document = document
        self.text = document.text  # Doc.text is rebuilt from the tokens on every access
        self.actors = actors
        self.quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self.quoted]
        self.lex = load_json("reporting_verbs.json")
        self._anon = set(self.lex["anonymous_heads"])
        self._person_nouns = set(self.lex["person_nouns"])
        self._groups = set(self.lex["group_heads"])
        self._reports = set(self.lex["report_nouns"])
        self._institutions = set(self.lex["institution_heads"])
        self._rubrics = set(self.lex["rubric_labels"])
        self._companies = set(self.lex["company_heads"])
        self._fresh = set(self.lex["new_referent_words"])
        self._descriptions: dict[str, Actor] = {}  # head lemma -> actor it described
        self._cache: dict[int, Speaker | None] = {}
        self.history: list[tuple[int, Speaker | None]] = []
        self._quoted_text = ""  # the quote whose speaker is being resolved
        self._genders: dict[str, str] = {}  # actor id -> "m"/"f" from pronouns resolved to it
        self._turns: list | None = None
        self._turn_starts: list[int] | None = None
        self._pronouns = PronounResolver(parsed, self._no_antecedent, self._turn_start)

    # ------------------------------------------------------------ entry points

    def from_cue(self, cue: Token, quoted: str = "") -> Speaker | None:
        """The speaker of a cue's quote (a pronoun never one the quote itself names)."""
        subject = self.subject_of(cue) or inverted_subject(cue) or mistagged_subject(cue)
        if subject is None:
            return None
        named = titled_person(cue.nbor(1)) if cue.i < subject.i else None
        subject = named if named is not None and subject.i <= named.i else subject
        self._quoted_text = quoted
        try:
            return self._coordination(subject) or self._joint_parties(subject) \
                or self.from_token(subject)
        finally:
            self._quoted_text = ""

    def _joint_parties(self, head: Token) -> Speaker | None:
        """"Both countries" / "the two leaders" as the two parties named before
        (``quotes.joint``): a group actor of that name, its mention the phrase itself, so
        "their" in what they said is the pair, as "the leaders" was."""
        found = joint_parties(head, self.actors.actors, self._no_antecedent, self.text)
        if found is None or found.start is None or found.end is None:
            return None
        actor = self.actors.add(found.name, "group", found.start, found.end,
                                found.text or "", key=f"group:{found.name.lower()}")
        return self._speaker(actor, found.start, found.end)

    def _coordination(self, head: Token) -> Speaker | None:
        """Coordinated subjects and named examples (``quotes.joint``): every member when
        all are names, else the first named one; never a bare generic member."""
        found = members(head)
        if found is None:
            return None
        named, whole = found
        speakers = [self.from_token(m) for m in (named if whole else named[:1])]
        actors = [self._actor_by_id(s.actor) if s is not None and s.actor else None
                  for s in speakers]
        return joint_speaker(speakers, actors, self.text)

    def from_phrase(self, start: int, end: int) -> Speaker | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return self.from_token(span.root)

    def remember(self, speaker: Speaker | None, pos: int) -> None:
        """Record a quote's speaker (None: no pronoun takes an older one past it)."""
        self.history.append((pos, speaker))

    def subject_of(self, cue: Token) -> Token | None:
        """The subject of a reporting verb (``actors.syntax.subject_of``); when the parser
        split one noun phrase into several subjects ("Facebook co - founder Mark Zuckerberg"),
        the one nearest the verb, which heads the name."""
        subject = subject_of(cue)
        if subject is not None and subject.lower_ in self._rubrics:
            return None  # "Analysis: '...', says Iran": the rubric is no subject
        if subject is not None and subject.dep_ == "nsubj":
            verb = subject.head
            split = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
            subject = max(split, key=lambda c: c.i) if len(split) > 1 else subject
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS \
                and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Devocht, who had told Montalvo ...": Devocht
        if subject is not None and "\n" in self.text[min(subject.idx, cue.idx):
                                                     max(subject.idx, cue.idx)]:
            return None  # a parse run across a paragraph break: not this cue's subject
        return subject

    # ------------------------------------------------------------ resolution

    def from_token(self, head: Token) -> Speaker | None:
        """The speaker a noun phrase (given by its head token) refers to."""
        if head.i in self._cache:
            return self._cache[head.i]
        self._cache[head.i] = None  # guards against cycles through pronoun chains
        speaker = self._resolve(head)
        if speaker is not None and not_an_actor(speaker.name, "other"):
            speaker = None  # a credit, web furniture or transcript marker speaks for no one
        self._cache[head.i] = speaker
        return speaker

    def _resolve(self, head: Token) -> Speaker | None:
        low = head.lower_
        if head.pos_ == "PRON" and head.text.isupper() and len(head.text) > 1:
            actor = self.actors.find(head.text)  # "WHO say ...": an acronym, not a pronoun
            if actor is None:
                actor = self.actors.add(head.text, "organization", head.idx,
                                        head.idx + len(head), head.text)
            return self._speaker(actor, head.idx, head.idx + len(head))
        if low in ("i", "me") and self.document.kind == "transcript":
            return self._turn_speaker(head)
        if low in ("i", "me", "we", "us") and self.document.kind in ("statement", "readout"):
            return self._issuer_speaker(head)
        if head.pos_ == "PRON" or is_pronoun(low):
            if is_pronoun(low):
                return self._pronoun(head)
            return None
        aged = self._by_antecedent(aged_person(self.text, self.actors, head), head)
        if aged is not None:
            return aged
        if head.ent_type_ in NOT_AGENTS:  # "as of Friday ..., wrote": a parse slip, no speaker
            return None
        if head.lemma_.lower() in self._reports:
            source = self._report_source(head)
            if source is not None:
                return source
        people = self._person_nouns | self._anon
        named = next((c for c in head.children if c.dep_ == "appos" and (
            c.ent_type_ == "PERSON" or c.ent_type_ == "ORG"  # "The security firm Secunia.com"
            and head.lemma_.lower() not in people)), None)
        if named is not None and head.ent_type_ == "":
            found = self._entity(named)  # "The secretary general of CEI, Nunzio Galantino"
            if found is not None:
                return found
        titled = self._titled_name(head)
        if titled is not None:
            return titled
        entity = self._entity(head)
        if entity is not None:
            return entity
        if head.pos_ == "PROPN" and head.is_title:  # "Special Envoy Lenderking", untagged
            person = self._person_by_surname(head.text, head.idx)
            if person is not None:
                start, end, _ = self._phrase(head)
                return self._speaker(person, start, end)
        return self._description(head)

    def _turn_speaker(self, head: Token) -> Speaker | None:
        """"I" in a transcript is whoever holds the turn ("MR. KIRBY: As I said, ...")."""
        self._load_turns()
        for turn in self._turns or []:
            if any(s <= head.idx < e for s, e in turn.paragraphs) and turn.kind != "other":
                country, sector = turn_official(self.actors, turn.name, turn.kind)
                actor = self.actors.add(turn.name, turn.kind, turn.label_start, turn.label_end,
                                        self.text[turn.label_start:turn.label_end],
                                        key=f"{turn.kind}:{turn.name.lower()}",
                                        country=country, sector=sector)
                return self._speaker(actor, head.idx, head.idx + len(head))
        return None

    def _issuer_speaker(self, head: Token) -> Speaker | None:
        """"I said ..." in a statement is its issuer speaking ("Statement from President Joe
        Biden"); "we" may be a group or organization issuer too. An issuer the title does not
        name (the site's fallback) speaks for no one's "I"."""
        name, kind = issuer(self.document)
        if kind == "other" or (head.lower_ in ("i", "me") and kind != "person"):
            return None
        actor = self.actors.add(name, kind, head.idx, head.idx + len(head), name)
        return self._speaker(actor, head.idx, head.idx + len(head))

    def _load_turns(self) -> None:
        if self._turns is None:
            try:
                self._turns = turns(self.document)
            except Exception:  # a transcript the turn reader cannot split: no turn speakers
                self._turns = []

    def _speaker(self, actor: Actor, start: int, end: int) -> Speaker:
        self.actors.attach(actor, start, end, self.text[start:end])
        return Speaker(actor=actor.id, name=actor.name, kind=actor.kind, start=start, end=end,
                       text=self.text[start:end])

    def _entity_span(self, tok: Token) -> tuple[int, int] | None:
        if not tok.ent_type_:
            return None
        lo = tok.i
        while lo > 0 and self.doc[lo].ent_iob_ == "I":
            lo -= 1
        hi = tok.i + 1
        while hi < len(self.doc) and self.doc[hi].ent_iob_ == "I":
            hi += 1
        return lo, hi

    def _entity(self, head: Token) -> Speaker | None:
        """A named entity heading (or compounded into) the phrase."""
        candidates = [head]
        if head.lemma_.lower() not in self._anon and head.lemma_.lower() not in self._person_nouns:
            candidates += [c for c in head.children if c.dep_ in ("compound", "poss")
                           and c.ent_type_ == "ORG"]
        for tok in candidates:
            if tok.ent_type_ not in ENTITY_KIND:
                continue
            lo, hi = self._entity_span(tok)  # type: ignore[misc]
            span = self.doc[lo:hi]
            while len(span) > 1 and span[0].lower_ in DETERMINERS:
                span = span[1:]
            if len(span) > 1 and span[-1].text in ("’s", "'s"):
                span = span[:-1]
            start, end = span.start_char, span.end_char
            actor = self.actors.actor_at(start, end)
            if actor is None or actor.kind != "person":
                actor = self._person_by_surname(span.text, start) or actor
            if actor is None and not_an_actor(span.text, ENTITY_KIND[tok.ent_type_]):
                continue  # "Medicare", "Budget": a program, not a speaker
            if actor is None:
                actor = self.actors.add(span.text, ENTITY_KIND[tok.ent_type_], start, end,
                                        span.text)
            if tok is head:
                self._role(head, actor)
            return self._speaker(actor, start, end)
        return None

    def _person_by_surname(self, word: str, before: int) -> Actor | None:
        """The one person named earlier whose surname is ``word``: a speaker "Paris" after
        "Valeska Paris" is her, not the city (the tagger often reads a bare surname as a
        place or an organization)."""
        if " " in word.strip() or not word[:1].isupper():
            return None
        hits = [a for a in self.actors.actors if a.kind == "person"
                and len(a.name.split()) >= 2 and a.name.split()[-1] == word
                and any(m.start < before for m in a.mentions)]
        return hits[0] if len(hits) == 1 else None

    def _titled_name(self, head: Token) -> Speaker | None:
        """The person named at the end of a title phrase: "Governor of Washington Chris
        Gregoire", "American academic and professor Marc Lamont Hill". Not a name that is the
        object of a preposition on its own ("the wife of John Smith" is the wife)."""
        if head.ent_type_ or head.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        toks = [t for t in head.subtree if not t.is_punct]
        if not toks or toks[-1].i <= head.i or toks[-1].ent_type_ != "PERSON":
            return None
        last = toks[-1]
        lo, _ = self._entity_span(last)  # type: ignore[misc]
        if lo == 0 or lo <= head.i:
            return None
        before = self.doc[lo - 1]
        linked = last.dep_ in ("conj", "appos") or last.head.i == head.i \
            and last.dep_ == "compound"
        after_name = bool(before.ent_type_) and before.ent_type_ != "PERSON"
        if not (linked or after_name) or before.pos_ in ("ADP", "DET"):
            return None
        return self._entity(last)

    def _role(self, head: Token, actor: Actor) -> None:
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        if appos is None:
            return
        toks = [t for t in appos.subtree if not t.is_punct or t.text in ("’s", "'s")]
        if not toks:
            return
        role = self.doc[toks[0].i:toks[-1].i + 1].text.strip(" ,")
        if actor.role is None and role:
            actor.role = role
        self._descriptions.setdefault(appos.lemma_.lower(), actor)

    def _report_source(self, head: Token) -> Speaker | None:
        """"A report by X said": X speaks; a later "the report" is X again."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in self.lex["source_prepositions"]:
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    found = self.from_token(obj)
                    if found is not None and found.actor:
                        actor = self._actor_by_id(found.actor)
                        if actor is not None:
                            self._descriptions[head.lemma_.lower()] = actor
                        return found
            if child.dep_ == "poss":
                found = self.from_token(child)
                if found is not None:
                    return found
        actor = self._descriptions.get(head.lemma_.lower())
        if actor is None and self._definite(head):
            actor = self._earlier_report(head)
        if actor is not None and self._definite(head):
            return self._speaker(actor, head.idx, head.idx + len(head))
        return None

    def _earlier_report(self, head: Token) -> Actor | None:
        """Who issued "the statement" / "the report": the source of the nearest earlier
        mention of that document ("In a statement, Downing Street said ...", "the IFS
        published a report", "a letter from the minister")."""
        lemma = head.lemma_.lower()
        for k in range(head.i - 1, max(-1, head.i - REPORT_LOOKBACK_TOKENS), -1):
            tok = self.doc[k]
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or self._in_quote(tok.idx):
                continue
            found = self._report_source(tok)
            if found is None:
                verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
                    else tok.head if tok.dep_ == "dobj" else None
                subject = self.subject_of(verb) if verb is not None else None
                found = self.from_token(subject) if subject is not None else None
            actor = self._actor_by_id(found.actor) if found is not None and found.actor \
                else None
            if actor is not None and actor.kind != "other":
                self._descriptions[lemma] = actor
                return actor
            return None  # the nearest mention decides: no older document stands in
        return None

    def _actor_by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors.actors if a.id == actor_id), None)

    def _definite(self, head: Token) -> bool:
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these")
                   for c in head.children)

    def _phrase(self, head: Token) -> tuple[int, int, str]:
        """The phrase from its left edge to the head, without determiners: the description."""
        toks = [t for t in head.subtree if t.i <= head.i]
        breaks = [k for k, t in enumerate(toks) if "\n" in t.text_with_ws and t.i < head.i]
        if breaks:
            toks = toks[breaks[-1] + 1:] or [head]
        start_tok = toks[0]
        while toks and (toks[0].lower_ in DETERMINERS or toks[0].dep_ in ("det", "predet")
                        or toks[0].is_punct):
            toks = toks[1:]
        if not toks:
            toks = [head]
        desc = self.doc[toks[0].i:head.i + 1].text
        return start_tok.idx, head.idx + len(head), desc

    def _description(self, head: Token) -> Speaker | None:
        """Anonymous sources, titles, groups and organizations named by a common noun."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = head.lemma_.lower()
        start, end, desc = self._phrase(head)
        honorific = self._honorific(head)
        if honorific is not None:
            return honorific
        if head.is_title and desc == head.text:  # a bare name the tagger missed: "Rathbun"
            named = self.actors.find(head.text)
            if named is None and head.i == head.sent.start \
                    and not not_an_actor(head.text, "organization"):  # "Q", "Laughter"
                named = self.actors.add(head.text, "organization", start, end, head.text)
            if named is not None:
                return self._speaker(named, start, end)
        fresh = any(c.lower_ in self._fresh for c in head.children)
        plural = head.tag_ in ("NNS", "NNPS")
        known = None if fresh else self._descriptions.get(lemma)
        if known is not None:
            if desc.lower() != known.name.lower() and desc not in known.aliases:
                known.aliases.append(desc)
            return self._speaker(known, start, end)
        if not plural and self._definite(head) and lemma in self._institutions | GENERIC:
            named_org = self._named_organization(head)
            if named_org is not None:
                return named_org
        headline = self.document.region_at(head.idx) in HEADLINE_REGIONS
        if not plural and lemma in self._person_nouns and (self._definite(head) or headline):
            titled = self._by_antecedent(
                titled_antecedent(self.actors, head, forward=headline), head)
            if titled is not None:
                return titled
        if plural and not self._people_noun(head):  # "The results revealed ...": a text
            actor = self.actors.add(desc, "other", start, end, self.text[start:end],
                                    key=f"other:{desc.lower()}")
        elif plural or head.lower_ in self._groups:
            name = self._fullest_group(head) or desc
            actor = self.actors.add(name, "group", start, end, self.text[start:end],
                                    key=f"group:{name.lower()}")
        elif lemma in self._anon or lemma in self._person_nouns:
            actor = self.actors.add(desc, "anonymous", start, end, self.text[start:end],
                                    key=f"anonymous:{lemma}:{start}")
        else:  # "the ministry said" is an organization; "the statement said", a text
            kind = "other" if lemma in self._reports else "organization"
            if kind == "organization" and not self._org_noun(head):
                return None  # "the husband", "all salt": not an institution, not a source
            if not_an_actor(desc, "other"):  # a description, not a name: no case rules
                return None
            actor = self.actors.add(desc, kind, start, end, self.text[start:end],
                                    key=f"{kind}:{desc.lower()}")
        if desc.lower() != actor.name.lower() and desc not in actor.aliases:
            actor.aliases.append(desc)
        self._descriptions[lemma] = actor
        return self._speaker(actor, start, end)

    def _people_noun(self, head: Token) -> bool:
        """Whether a plural noun names people or institutions ("critics", "officials") by the
        lexicon, the actor dictionaries or a name, not things ("the results", "posts")."""
        lemma = head.lemma_.lower()
        if head.pos_ == "PROPN" or head.ent_type_ or lemma in self._reports:
            return True
        if lemma in self._person_nouns | self._groups | self._anon | self._institutions \
                or lemma in GENERIC or head.lower_ in self._groups:
            return True
        hit = tables().agent(lemma)
        return hit is not None and hit[0] not in ("", "-")

    def _honorific(self, head: Token) -> Speaker | None:
        """"Mr Sunak" the tagger left untagged: a person (the one the document names with that
        surname, else the name as written), never an organization."""
        if head.pos_ != "PROPN" or not any(c.dep_ == "compound" and c.lower_.rstrip(".")
                                           in HONORIFICS for c in head.lefts):
            return None
        start = min(c.idx for c in head.lefts if c.dep_ == "compound")
        written = self.text[start:head.idx + len(head)]
        actor = self._person_by_surname(head.text, head.idx) or self.actors.find(written)
        if actor is None or actor.kind != "person":
            actor = self.actors.add(written, "person", start, head.idx + len(head), written)
        return self._speaker(actor, start, head.idx + len(head))

    def _named_organization(self, head: Token) -> Speaker | None:
        """"the company said" after "Acme Corp": the organization named before (one whose
        name holds the noun, "the ministry" -> "Health Ministry", else the only one)."""
        orgs = [e for e in self.doc.ents if e.label_ == "ORG" and e.end <= head.i
                and not self._no_antecedent(e.start_char)]
        word = head.lower_
        holding = [e for e in orgs if word in e.text.lower().split()]
        if not holding and head.lemma_.lower() not in self._companies:
            return None  # "the government", "the court": only a name holding the word
        names = {e.text.lower().removeprefix("the ") for e in (holding or orgs)}
        if len(names) != 1:
            return None
        ent = (holding or orgs)[-1]
        actor = self.actors.actor_at(ent.start_char, ent.end_char)
        if actor is None or actor.kind != "organization":
            return None
        return self._speaker(actor, head.idx, head.idx + len(head))

    def _by_antecedent(self, actor: Actor | None, head: Token) -> Speaker | None:
        """A description resolved to an earlier actor speaks as that actor, at its own words."""
        return None if actor is None else self._speaker(actor, head.idx, head.idx + len(head))

    def _org_noun(self, head: Token) -> bool:
        """Whether a common-noun speaker names an institution: a proper noun, an agent noun of
        the dictionaries ("the ministry", "police") or a generic institution word."""
        if head.pos_ == "PROPN" or head.is_title and head.i > head.sent.start or any(
                c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_)
                for c in head.lefts):
            return True  # "the Axios news site"
        lemma = head.lemma_.lower()
        hit = tables().agent(lemma)
        return (hit is not None and hit[0] not in ("", "-")) or lemma in GENERIC \
            or lemma in self._institutions

    def _fullest_group(self, head: Token) -> str | None:
        """The longest earlier phrase with the same plural head ("leaders of G7 nations")."""
        lemma = head.lemma_
        best = None
        for tok in self.doc[max(0, head.i - 600):head.i]:
            if tok.lemma_ != lemma or tok.tag_ not in ("NNS", "NNPS") or self._in_quote(tok.idx):
                continue
            toks = [t for t in tok.subtree if not (t.dep_ == "relcl" or t.dep_ == "acl")]
            toks = [t for t in toks if t.i <= tok.i or t.head.i == tok.i and t.dep_ == "prep"
                    or t.head.dep_ == "prep" and t.head.head.i == tok.i
                    or t.head.head.dep_ == "prep" and t.head.head.head.i == tok.i]
            while toks and (toks[0].lower_ in DETERMINERS or toks[0].is_punct):
                toks = toks[1:]
            if len(toks) > 1:
                name = self.doc[toks[0].i:toks[-1].i + 1].text
                if best is None or len(name) > len(best):
                    best = name
        return best

    # ------------------------------------------------------------ pronouns

    def _in_quote(self, pos: int) -> bool:
        k = bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _no_antecedent(self, pos: int) -> bool:
        """Words a pronoun never refers back to: quoted words, and captions, credits, bylines
        and page furniture ("Evan Vucci/Associated Press" is no one's "he")."""
        return self._in_quote(pos) or self.document.region_at(pos) in NOT_NARRATIVE

    def _turn_start(self, pos: int) -> int:
        """Start of the speaker turn holding ``pos`` (a pronoun never looks past it)."""
        if self.document.kind != "transcript":
            return 0
        self._load_turns()
        if self._turn_starts is None:
            self._turn_starts = sorted(t.label_start for t in self._turns or [])
        k = bisect_right(self._turn_starts, pos) - 1
        return self._turn_starts[k] if k >= 0 else 0

    def _pronoun(self, pron: Token) -> Speaker | None:
        """The actor a third-person pronoun subject refers to (``actors.syntax``), with the
        previous quote's speaker as the salient candidate when it is close."""
        previous = None
        if self.history:
            pos, speaker = self.history[-1]
            if speaker is not None and pron.idx - pos <= PREVIOUS_SPEAKER_CHARS \
                    and speaker.actor:
                previous = self._actor_by_id(speaker.actor)

        said = "m" if pron.lower_ in MALE else "f" if pron.lower_ in FEMALE else None
        people = pron.lower_ in PEOPLE_PRONOUNS

        def excluded(actor: Actor) -> bool:
            learned = self._genders.get(actor.id)
            return named_in(actor, self._quoted_text) or (
                said is not None and learned is not None and learned != said)

        neuter = pron.lower_ in NEUTER_PRONOUNS
        if previous is not None and (excluded(previous) or people and previous.kind == "other"
                                     or neuter and previous.kind not in INSTITUTION_KINDS):
            previous = None

        def resolve(tok: Token) -> Actor | None:
            if neuter and not institution_word(tok, self._institutions | self._companies):
                return None  # "Gun violence ... It is ...": "it" speaks for no abstract noun
            found = self.from_token(tok)
            actor = self._actor_by_id(found.actor) if found is not None and found.actor else None
            if actor is not None and actor.kind == "other" and people:
                return None  # "the results" are no one's "they"
            if neuter and actor is not None and actor.kind not in INSTITUTION_KINDS:
                return None
            return None if actor is not None and excluded(actor) else actor

        actor = self._pronouns.antecedent(pron, resolve, previous)
        if actor is None:
            return None
        if said is not None and actor.kind == "person":
            self._genders.setdefault(actor.id, said)  # "she" once: never "he" later
        return self._speaker(actor, pron.idx, pron.idx + len(pron))
