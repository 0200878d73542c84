"""Actors of one document: mentions resolved to canonical actors.

``ActorIndex`` is the one place stages register and look up actors, so a speaker found by
the quote stage and a source found by the event stage end up as the same actor. Names are
resolved against the project's actor tables (``newsledger/data/actors/``, built from the
Phoenix and NGEC dictionaries by ``scripts/build_actor_tables.py``): countries, demonyms and
capitals to ISO3, organizations and armed groups to a sector, people to date-bounded roles,
and agent nouns ("cabinet", "drones", "leaders") to CAMEO sectors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsledger.actors.acronyms import acronym_names
from newsledger.actors.codes import (
    INSTITUTIONS,
    SECTOR_LABELS,
    big_place,
    of_country,
    place_not_person,
    placed,
    placed_division,
    serves,
    title_codes,
)
from newsledger.actors.filters import headline_verb, not_an_actor
from newsledger.actors.names import PersonNames, compatible, name_words, surname
from newsledger.actors.nationality import (
    mistagged_country,
    possessor_country,
    several_countries,
)
from newsledger.actors.offices import domestic_office, home_country, office_holder
from newsledger.actors.registry import ledger_key, local_key
from newsledger.actors.spans import GENERIC as GENERIC  # the quote stage's generic nouns
from newsledger.actors.spans import (
    ent_text,
    head_phrase,
    locative,
    not_an_org,
    phrase_text,
    place_named_person,
    repair_entity,
    title_cased,
    title_tokens,
    under_conj,
)
from newsledger.actors.tables import (
    OrgInfo,
    PersonInfo,
    Tables,
    clean_name,
    person_role,
    singular,
    tables,
)
from newsledger.document.regions import datelines
from newsledger.records import Actor, Document, Mention, Participant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


def _published(document: Document) -> str | None:
    return document.published.date if document.published else None


# Kinds of actor whose full name, once the document establishes it, is that actor wherever
# the tagger misses or mislabels it again (not states: their names are in the tables).
ECHO_KINDS = ("organization", "group", "person")


class ActorIndex:
    """The actors of one document and their mentions, with lookups by span and by name."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._actors: list[Actor] = []
        self._by_key: dict[str, Actor] = {}
        self._tables: Tables = tables()
        self._names = PersonNames([])  # the people the document names, clustered
        self._ents: tuple[int, dict[int, Span]] | None = None  # (id of doc, token -> entity)
        self._surnames: set[str] = set()  # of the document's two-word person names
        self._antecedent: Actor | None = None  # "Iran and its proxies": what "its" refers to
        self._acronym_of: dict[int, Span] = {}  # acronym token -> the name it stands for
        self._home = home_country(document)  # a government source's own country

    @classmethod
    def from_doc(cls, parsed: Doc, document: Document) -> ActorIndex:
        """Register every entity and agent phrase of the document, in order of first mention."""
        index = cls(document)
        index._learn_fullnames(parsed)
        candidates: list[tuple[int, int, Span]] = []
        taken: set[int] = set()
        filed = datelines(document)
        for ent in index._entities(parsed):
            if ent.label_ in ENTITY_KINDS and not any(
                    a <= ent.start_char < b for a, b in filed):  # "CAIRO (Reuters) -"
                candidates.append((ent.start_char, 0, ent))
        for chunk in parsed.noun_chunks:
            if chunk.root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            if index._tables.agent(head_phrase(chunk.root)) is not None:
                candidates.append((chunk.start_char, 1, chunk))
        candidates.sort(key=lambda c: (c[0], c[1]))
        for _, _, span in candidates:
            if span.root.i in taken:
                continue
            actor = index._resolve(span, register=True, from_doc=True)
            if actor is not None and span.label_ == "":
                taken.update(t.i for t in span)
        return index

    @property
    def home_country(self) -> str | None:
        """ISO3 of the government whose site issued the document, if its profile says."""
        return self._home

    @property
    def actors(self) -> list[Actor]:
        return self._actors

    def _key(self, name: str, kind: str) -> str:
        return f"{kind}:{' '.join(name.lower().split())}"

    def find(self, name: str) -> Actor | None:
        """The actor whose name or alias is ``name`` (case-insensitive), or the one person a
        partial name can denote ("Kirby" -> John Kirby, never Jill Biden for "Joe Biden")."""
        exact = self._named(name)
        if exact is not None:
            return exact
        bare = self._tables.strip_title(name)
        people = [a for a in self._actors if a.kind == "person"]
        if len(name_words(bare)) >= 2:
            hits = [a for a in people if compatible(a.name, bare)]
        else:
            full = self._full(bare, name)
            hits = [a for a in people if full and a.name.lower() == full.lower()]
            if not full:
                hits = [a for a in people if len(name_words(a.name)) == 1
                        and surname(a.name) == surname(bare)]
        return hits[0] if len(hits) == 1 else None

    def _named(self, name: str) -> Actor | None:
        """The actor whose name or alias is exactly ``name`` (case-insensitive)."""
        wanted = " ".join(name.lower().split())
        return next((a for a in self._actors if any(
            " ".join(n.lower().split()) == wanted for n in (a.name, *a.aliases))), None)

    def _full(self, name: str, written: str | None = None) -> str | None:
        """The document's full name for a person name, None when the bare form is ambiguous."""
        return self._names.resolve(name, prefer=self._prefer(name, written or name))

    def _prefer(self, name: str, written: str) -> list[str]:
        """Office holders at the document's date a bare surname may stand for ("President
        Biden" in 2024 -> Joe Biden; "Dr. Biden", "First Lady" -> Jill Biden)."""
        words = name_words(name)
        if len(words) != 1:
            return []
        low = written.lower()
        female = any(t in low for t in ("mrs", "ms.", "ms ", "first lady", "dr.", "madam"))
        offices = ("first lady",) if female else ("president", "vice president")
        out = []
        for office in offices:
            holder = office_holder(office, _published(self.document))
            if holder and surname(holder["name"]) == words[0].lower():
                out.append(holder["name"])
        return out

    def _known_name(self, text: str) -> bool:
        """Whether a name is one the tables know (person, organization, country) or a bare
        surname of an office holder at the document's date ("Biden" in 2024)."""
        t = self._tables
        bare = t.strip_title(text)
        return bool(t.person(text) or t.person(bare) or t.org(text) or t.country(text)
                    or (bare and self._prefer(bare, text))
                    or bare.lower() in self._surnames)  # "Fagin" of "Steve Fagin" later

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
        """Register a mention, merging it into a known actor with the same key or name.

        Names registered by other stages without codes are looked up in the actor tables.
        """
        if key is None and country is None and sector is None:
            name, kind, country, sector, key = self._enrich(name, kind)
        key = ledger_key(key or self._key(name, kind), kind, name, self.document.id)
        actor = self._by_key.get(key)
        if actor is None and kind in ("person", "organization", "state"):
            actor = self.find(name)
            if actor is not None and actor.kind != kind:
                actor = None
        if actor is None:
            actor = Actor(id=f"a{len(self._actors) + 1}", name=name, kind=kind, country=country,
                          sector=sector, role=role, key=key)
            self._actors.append(actor)
            self._by_key[key] = actor
        else:
            self._by_key.setdefault(key, actor)
            if len(name) > len(actor.name) and kind == actor.kind == "person" \
                    and (len(name_words(actor.name)) < 2 or compatible(name, actor.name)):
                if actor.name not in actor.aliases:
                    actor.aliases.append(actor.name)
                actor.name = name
            actor.country = actor.country or country
            actor.sector = actor.sector or sector
            actor.role = actor.role or role
        if text != actor.name and text not in actor.aliases and kind != "anonymous":
            actor.aliases.append(text)
        self.attach(actor, start, end, text)
        return actor

    def _enrich(self, name: str, kind: str
                ) -> tuple[str, str, str | None, str | None, str | None]:
        t = self._tables
        if kind == "person":
            full = self._full(t.strip_title(name), name)
            known = person_role(t.person(full or t.strip_title(name)), _published(self.document))
            if known is not None:
                return full or name, kind, known[0], known[1], None
            return name, kind, None, None, None
        if kind in ("organization", "state", "group"):
            org = t.org(name)
            if org is not None:
                return org.name, org.kind, org.country or None, org.sector or None, org.key
            hit = t.country(name)
            if hit is not None and hit[1] != "capital":
                return t.country_name(hit[0]), "state", hit[0], None, f"state:{hit[0]}"
        return name, kind, None, None, None

    def attach(self, actor: Actor, start: int, end: int, text: str) -> None:
        if not any(m.start == start and m.end == end for m in actor.mentions):
            actor.mentions.append(Mention(start=start, end=end, text=text))
            actor.mentions.sort(key=lambda m: m.start)

    def resolve_phrase(self, span: Span) -> Actor | None:
        """The actor a noun phrase refers to (entity, demonym, agent noun), registering it if new.

        Coordinated phrases ("Iran and its proxies") resolve to their first conjunct; use
        ``resolve_phrases`` to get every conjunct.
        """
        found = self.resolve_phrases(span)
        return found[0] if found else None

    def resolve_phrases(self, span: Span) -> list[Actor]:
        """The actors of a possibly coordinated noun phrase ("the US and Israel" -> two)."""
        if len(span) == 0:
            return []
        root = span.root
        shared = self._shared_head_states(span)
        if shared:
            return shared
        conjuncts = [root, *[t for t in root.conjuncts if span.start <= t.i < span.end]]
        if len(conjuncts) == 1:
            actor = self._resolve(span, register=True)
            return [actor] if actor else []
        out: list[Actor] = []
        doc = span.doc
        for token in sorted(conjuncts, key=lambda t: t.i):
            sub = [t for t in token.subtree if span.start <= t.i < span.end
                   and not (t.head == token and t.dep_ in ("conj", "cc", "punct", "preconj"))
                   and not any(a.head == token and a.dep_ == "conj" for a in t.ancestors
                               if a != token)]
            sub = [t for t in sub if not under_conj(t, token)]
            if not sub:
                continue
            piece = doc[min(t.i for t in sub):max(t.i for t in sub) + 1]
            self._antecedent = out[-1] if out else None
            actor = self._resolve(piece, register=True)
            self._antecedent = None
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _shared_head_states(self, span: Span) -> list[Actor]:
        """Two countries whose names share their last word, written once ("North and South
        Korea", "North and South Sudan"): both states, when each joined name is a country."""
        root = span.root
        for mod in root.children:
            if mod.i > root.i or mod.dep_ not in ("nmod", "compound", "amod") or \
                    not any(c.dep_ == "conj" for c in mod.children):
                continue
            words = [mod, *(c for c in mod.conjuncts if c.i < root.i)]
            isos = [self._tables.country(f"{w.text} {root.text}") for w in words]
            if len(words) < 2 or any(i is None or i[1] == "capital" for i in isos):
                return []
            out: list[Actor] = []
            for w, (iso3, _kind) in zip(words, isos, strict=True):
                words_span = root.doc[w.i:root.i + 1]
                out.append(self.add(self._tables.country_name(iso3), "state",
                                    words_span.start_char, words_span.end_char,
                                    words_span.text, country=iso3, key=f"state:{iso3}"))
            return out
        return []

    def participant(self, actor: Actor, start: int, end: int) -> Participant:
        return Participant(actor=actor.id, name=actor.name, country=actor.country,
                           sector=actor.sector, start=start, end=end,
                           text=self.document.text[start:end])

    # resolution -------------------------------------------------------------------------

    def _learn_fullnames(self, parsed: Doc) -> None:
        """Cluster the document's person names into people (see ``actors.names``)."""
        full: list[str] = []
        for ent in self._entities(parsed):
            if ent.label_ == "PERSON" and not mistagged_country(
                    self._tables, ent, self._tables.person(ent_text(ent)) is not None):
                name = self._tables.strip_title(ent_text(ent))
                if name and not not_an_actor(name, "person"):
                    full.append(name)
            named = place_named_person(ent, self._tables)
            full += [named] if named else []
        self._names = PersonNames(full)

    def _resolve(self, span: Span, register: bool, from_doc: bool = False) -> Actor | None:
        tokens = [t for t in span if t.dep_ not in ("det", "punct", "case")
                  and t.lower_ not in ("'s", "’s")]
        if not tokens:
            return None
        root = span.root
        if root.pos_ == "PRON" or (root.is_stop and root.pos_ not in ("PROPN", "NOUN")):
            return None
        head_ent = self._ent_at(span.doc).get(root.i)
        if head_ent is not None:
            actor = self._resolve_entity(head_ent, span, from_doc)
            if actor is not None or root.pos_ != "NOUN" or len(head_ent) > 1:
                return actor
            # a common noun the tagger took for a name ("Gunmen killed ...", tagged as a
            # place at a paragraph's start): read as the noun it is
        if root.pos_ == "PROPN" or root.tag_ == "JJ":
            actor = self._untagged(span, root)
            if actor is not None:
                return actor
        phrase = head_phrase(root)
        agent = self._tables.agent(phrase) or self._tables.agent(root.lemma_.lower())
        if agent is None and root.pos_ == "PROPN" and root.is_sent_start and len(span) == 1:
            # a plural the tagger read as a name for its capital ("Protesters clashed")
            agent = self._tables.agent(singular(root.lower_))
        kind_word = root.lemma_.lower()
        if agent is None:  # "civil society groups": the group its modifiers name
            agent = self._tables.collective_agent(
                " ".join(t.lower_ for t in tokens if t.i <= root.i))
            kind_word = span.doc[root.i - 1].lower_ if agent else kind_word
        owner = self._owner(root, span)
        if agent is None:
            if owner is not None and root.lemma_.lower() in self._tables.org_like:
                return owner
            return None
        sector, needs_modifier = agent
        if sector == "-" or (from_doc and owner is None):
            return None
        return self._agent_actor(span, root, sector, needs_modifier, owner, kind_word)

    def _untagged(self, span: Span, root: Token) -> Actor | None:
        """Known names the tagger missed: "Houthi" in "Houthi rebels", "IRGC", and a titled
        surname of a person the document names in full."""
        doc = span.doc
        first = root.i
        while first > span.start and doc[first - 1].dep_ == "compound" \
                and doc[first - 1].pos_ == "PROPN":
            first -= 1
        words = doc[first:root.i + 1]
        text = ent_text(words)
        org = self._tables.org(text)
        if org is not None:
            return self._org(org, words.start_char, words.end_char, words.text)
        acronym = any(doc[i].text == text for i in self._acronym_of)  # "MMI" again
        echo = (len(name_words(text)) >= 2 or acronym) and not title_cased(root.sent)
        known = self._named(text) if echo else None
        if known is not None and known.kind in ECHO_KINDS:
            # a name the document establishes elsewhere, mislabelled here ("designating
            # World Human Care" read as an EVENT): one name, one actor in a document
            self.attach(known, words.start_char, words.end_char, words.text)
            return known
        country = self._tables.country(text)
        if country is not None and country[1] != "capital":
            iso3 = country[0]
            return self.add(self._tables.country_name(iso3), "state", words.start_char,
                            words.end_char, words.text, country=iso3, key=f"state:{iso3}")
        bare = self._tables.strip_title(text)
        if root.pos_ == "PROPN" and bare != text and len(self._names.candidates(bare)) == 1:
            # "Special Envoy Lenderking" after "Tim Lenderking": the person, not an office
            return self._person(Span(doc, first, root.i + 1, label="PERSON"), text)
        return None

    def _ent_at(self, doc: Doc) -> dict[int, Span]:
        """Token index -> the actor-like entity covering it, computed once per parsed doc."""
        if self._ents is None or self._ents[0] != id(doc):
            table = {}
            self._surnames = {name_words(e.text)[-1].lower() for e in doc.ents
                              if e.label_ == "PERSON" and len(name_words(e.text)) == 2
                              and not any(headline_verb(t.text) for t in e)}
            for ent in doc.ents:
                if ent.label_ in ENTITY_KINDS or ent.label_ in ("LOC", "FAC"):
                    ent = repair_entity(ent, self._tables, self._known_name)
                    if ent is None:
                        continue
                    for i in range(ent.start, ent.end):
                        table[i] = ent
            self._acronym_of = acronym_names(doc, table)
            self._ents = (id(doc), table)
        return self._ents[1]

    def _entities(self, doc: Doc) -> list[Span]:
        """The document's actor-like entities, repaired (see ``spans.repair_entity``), in order."""
        seen: dict[int, Span] = {}
        for ent in self._ent_at(doc).values():
            seen.setdefault(ent.start, ent)
        return [seen[k] for k in sorted(seen)]

    def _owner(self, root: Token, span: Span) -> Actor | None:
        """The actor a head noun belongs to: "Iranian drones", "Israel's cabinet", "of G7"."""
        doc = span.doc
        if several_countries(self._tables, root):
            return None
        for child in sorted(root.children, key=lambda t: t.i):
            if child.dep_ == "poss" and child.lower_ in ("its", "their") and self._antecedent:
                return self._antecedent
            if child.dep_ in MODIFIER_DEPS and child.i < root.i:
                sub = doc[child.left_edge.i:child.i + 1]
                if child.ent_type_ or child.pos_ == "PROPN" or child.tag_ == "JJ" and \
                        self._tables.country(child.text) is not None:  # not "veteran"
                    actor = self._resolve(sub, register=True)
                    if actor is not None:
                        return actor
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = self._resolve(doc[pobj.left_edge.i:pobj.right_edge.i + 1],
                                              register=True)
                        if actor is not None:
                            return actor
        return None

    def _agent_actor(self, span: Span, root: Token, sector: str, needs_modifier: bool,
                     owner: Actor | None, kind_word: str = "") -> Actor | None:
        text = phrase_text(span)
        if owner is None:
            place = placed(root, self._ent_at(root.doc), self._tables, ("in",)) \
                if needs_modifier and sector else None
            if place:
                # "local authorities in Maine", "officials in Kenya": the place's own, as
                # "Maine authorities" is ("representatives from Panama" stand for Panama);
                # a state's own authorities are not its country's federal government
                division = placed_division(root, self._ent_at(root.doc), self._tables)
                if division is not None:
                    return self._sector_actor(text, span, place, sector,
                                              f"state:{place}/{sector}/{division.admin1}",
                                              owner_name=division.name)
                return self._sector_actor(text, span, place, sector,
                                          f"state:{place}/{sector}")
            if needs_modifier or not sector:
                return None
            cc = placed(root, self._ent_at(root.doc), self._tables)
            # a generic group ("protesters", "the Administration") is not one actor ledger-wide
            key = local_key(self.document.id,
                            f"group:{kind_word or root.lemma_.lower()}" + (f":{cc}" if cc else ""))
            return self.add(text, "group", span.start_char, span.end_char, span.text,
                            country=cc, sector=sector, key=key)
        if not sector or owner.kind in ("organization", "group", "person"):
            if owner.kind == "person":
                return None  # "Biden's drones" is not Biden
            self.attach(owner, span.start_char, span.end_char, span.text)
            return owner
        cc = owner.country
        key = f"state:{cc}/{sector}" if cc else f"{owner.key}/{sector}"
        return self._sector_actor(text, span, cc, sector, key)

    def _sector_actor(self, text: str, span: Span, cc: str | None, sector: str,
                      key: str, owner_name: str | None = None) -> Actor:
        """A sector of a state or body ("the Israeli government", "Iranian forces"), or of
        a state's division (``owner_name``: "Maine government")."""
        label = SECTOR_LABELS.get(sector)
        if cc and label and key not in self._by_key:
            owner = owner_name or self._tables.demonym(cc)
            text = f"{owner} {label}" if owner else text
        kind = "organization" if sector in INSTITUTIONS else "group"
        return self.add(text, kind, span.start_char, span.end_char, span.text,
                        country=cc, sector=sector, key=key)

    def _resolve_entity(self, ent: Span, span: Span, from_doc: bool) -> Actor | None:
        full = self._acronym_of.get(ent.start) if len(ent) == 1 else None
        if full is not None:  # "(MMI)" after "Majelis Mujahidin Indonesia": that name
            actor = self._resolve_entity(full, full, from_doc)
            if actor is not None:
                self.attach(actor, ent.start_char, ent.end_char, ent.text)
                if ent.text not in actor.aliases:
                    actor.aliases.append(ent.text)
            return actor
        t = self._tables
        text = ent_text(ent)
        start, end = ent.start_char, ent.end_char
        if not_an_actor(text, ENTITY_KINDS.get(ent.label_, "other")) and t.org(text) is None:
            return None
        if ent.label_ == "ORG" and t.org(text) is None and not_an_org(ent):
            return None
        if ent.label_ in ("GPE", "NORP", "LOC") and len(name_words(text)) == 1 \
                and len(self._names.candidates(text)) == 1:
            return self._person(ent, text)  # "Paris" of "Valeska Paris", tagged as a city
        if ent.label_ == "ORG" and t.org(text) is None and (
                self._names.candidates(text) or self._surname_holder(text, text)
                or t.strip_title(text) != text and self._names.candidates(t.strip_title(text))):
            # "Israeli Defense Minister Gantz", "Special Envoy Lenderking" tagged ORG
            return self._person(ent, text)
        listed = t.org(text)
        if ent.label_ == "ORG" and big_place(t, text) and (listed is None
                                                               or not listed.sector):
            ent = Span(ent.doc, ent.start, ent.end, label="GPE")  # "Gaza" tagged ORG
        if mistagged_country(t, ent, t.person(text) is not None
                             or bool(self._names.candidates(text))):
            ent = Span(ent.doc, ent.start, ent.end, label="NORP" if ent.root.pos_ == "ADJ"
                       or ent.root.dep_ == "amod" else "GPE")
        if ent.label_ == "PERSON" and not title_tokens(ent) \
                and place_not_person(t, self._names, t.strip_title(text), text):
            return self._resolve_entity(Span(ent.doc, ent.start, ent.end, label="GPE"), span,
                                        from_doc)  # "Kyiv" tagged PERSON is the city
        if ent.label_ == "PERSON":
            org = t.org(text)
            if org is not None and clean_name(text) in t.curated_orgs:
                return self._org(org, start, end, ent.text)
            return self._person(ent, text)
        country = t.country(text)
        if country is not None:
            iso3, kind = country
            if kind == "capital":
                if from_doc and locative(ent):
                    return None
                return self.add(text, "organization", start, end, ent.text, country=iso3,
                                sector="GOV", key=f"state:{iso3}/GOV")
            if from_doc and ent.label_ == "GPE" and locative(ent):
                return None
            return self.add(t.country_name(iso3), "state", start, end, ent.text,
                            country=iso3, key=f"state:{iso3}")
        if ent.label_ in ("GPE", "LOC"):
            place = t.place_country(text)
            if place is not None or ent.label_ == "LOC":
                if from_doc or (place is None and t.org(text) is None):
                    return None
                if place is not None:
                    return self.add(text, "other", start, end, ent.text, country=place,
                                    key=f"place:{text.lower()}")
        org = t.org(text) or t.inner_org(text)
        if org is not None:
            owner = possessor_country(t, list(ent))
            if owner and org.kind == "organization" and org.country and owner != org.country:
                # "Burundi's National Security Council" is not the US one of the tables
                return self.add(text, "organization", start, end, ent.text, country=owner,
                                sector=org.sector or None, key=f"org:{owner}:{text.lower()}")
            return self._org(org, start, end, ent.text)
        if ent.label_ == "ORG":
            iso3, sector = t.compose(text)
            iso3 = iso3 or possessor_country(t, list(ent))
            if iso3 and sector and t.only_country_and_agents(text):
                key = f"state:{iso3}/{sector}"
                label = SECTOR_LABELS.get(sector)
                name = f"{t.demonym(iso3)} {label}" if label and key not in self._by_key else text
                kind = "organization" if sector in INSTITUTIONS else "group"
                return self.add(name, kind, start, end, ent.text, country=iso3, sector=sector,
                                key=key)
            return self.add(text, "organization", start, end, ent.text, country=iso3,
                            sector=sector, key=f"org:{iso3 or ''}:{text.lower()}")
        if ent.label_ == "NORP":
            if ent.root.pos_ in ("ADJ",) or ent.root.dep_ == "amod":
                return None
            return self.add(text, "group", start, end, ent.text, key=f"group:{text.lower()}")
        return None

    def _org(self, org: OrgInfo, start: int, end: int, text: str) -> Actor:
        return self.add(org.name, org.kind, start, end, text, country=org.country or None,
                        sector=org.sector or None, key=org.key)

    def _person(self, ent: Span, text: str) -> Actor | None:
        t = self._tables
        name = t.strip_title(text)
        if not name or not_an_actor(name, "person"):
            return None
        if len(ent) == 1 and ent[0].pos_ in ("ADJ", "VERB", "ADV"):
            return None  # "Affordable", "Laughs": a word the tagger took for a name
        published = _published(self.document)
        title = title_tokens(ent)
        title_text = (ent.doc[title[0].i:title[-1].i + 1].text if title else None)
        written = ent.doc[title[0].i:ent.end].text if title else text
        full = self._full(name, written) or name
        if not title and place_not_person(self._tables, self._names, full, text):
            return None  # "Rafah" tagged PERSON
        country, sector, title_org = None, None, False
        if title:
            country, sector, title_org = title_codes(title, self._ent_at(ent.doc), t)
        if country is None:
            country = of_country(ent, self._ent_at(ent.doc), t) or \
                possessor_country(t, [*title, *ent]) or serves(ent, lambda sp: self._resolve(sp, register=True))
        prefix = text[: len(text) - len(name)].strip() if text.endswith(name) else ""
        if prefix and not sector:
            sector = t.title_sector(prefix)
        people = t.person(full) or t.person(" ".join(name_words(full)))
        if people is None and len(name_words(full)) == 1 and (
                title or prefix or self.document.kind != "news"):
            people = self._surname_holder(full, written)
        known = person_role(people, published)
        if known is not None and not title_org:
            country = country or known[0]
            sector = sector or known[1]
        if country is None and known is None and not title_org:
            home = domestic_office(self._home, title_text or prefix)
            if home is not None:
                country, sector = self._home, sector or home
        role = title_text or prefix or (f"{known[0]}{known[1]}" if known else None)
        canonical = people[0].name if people and known else full
        return self.add(canonical if len(name_words(full)) == 1 and known else full, "person",
                        ent.start_char, ent.end_char, ent.text, country=country,
                        sector=sector, role=role, key=f"person:{canonical.lower()}")

    def _surname_holder(self, bare: str, written: str) -> list[PersonInfo] | None:
        """The office holder a bare surname names at the document's date, if one does."""
        wanted = self._prefer(bare, written)
        people = [p for p in self._tables.surnames.get(clean_name(bare), [])
                  if p.name in wanted]
        return people or None
