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

from newsledger.actors.filters import not_an_actor
from newsledger.actors.names import PersonNames, compatible, name_words, surname
from newsledger.actors.nationality import (
    country_word,
    mistagged_country,
    possessor_country,
    several_countries,
)
from newsledger.actors.offices import office_holder
from newsledger.actors.registry import ledger_key, local_key
from newsledger.actors.tables import (
    TITLE_WORDS,
    OrgInfo,
    PersonInfo,
    Tables,
    clean_name,
    person_role,
    tables,
)
from newsledger.records import Actor, Document, Mention, Participant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
LOCATIVE = {"in", "at", "near", "over", "across", "inside", "outside", "from", "to", "into",
            "throughout", "around", "within"}
ROLE_PREPOSITIONS = {"to", "for"}  # "ambassador to", "envoy for": the country of a brief
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
GENERIC = {"council", "committee", "office", "department", "ministry", "agency", "government",
           "administration", "bureau", "commission", "terrorism", "embassy", "mission"}
INSTITUTIONS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "MED", "BUS", "IGO", "NGO", "EDU",
                "HLH", "DEV"}
SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
    "COP": "police", "SPY": "intelligence services", "MED": "media", "OPP": "opposition",
    "REB": "rebels", "UAF": "armed groups", "BUS": "business", "CVL": "civilians",
    "PPL": "people", "EDU": "education", "HLH": "health sector", "LAB": "labor",
    "ELI": "elites", "REF": "refugees", "CRM": "criminals", "DEV": "development agencies",
}


def _published(document: Document) -> str | None:
    return document.published.date if document.published else None


class ActorIndex:
    """The actors of one document and their mentions, with lookups by span and by name."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._actors: list[Actor] = []
        self._by_key: dict[str, Actor] = {}
        self._tables: Tables = tables()
        self._names = PersonNames([])  # the people the document names, clustered
        self._ents: tuple[int, dict[int, Span]] | None = None  # (id of doc, token -> entity)
        self._antecedent: Actor | None = None  # "Iran and its proxies": what "its" refers to

    @classmethod
    def from_doc(cls, parsed: Doc, document: Document) -> ActorIndex:
        """Register every entity and agent phrase of the document, in order of first mention."""
        index = cls(document)
        index._learn_fullnames(parsed)
        candidates: list[tuple[int, int, Span]] = []
        taken: set[int] = set()
        for ent in index._entities(parsed):
            if ent.label_ in ENTITY_KINDS:
                candidates.append((ent.start_char, 0, ent))
        for chunk in parsed.noun_chunks:
            if chunk.root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            if index._tables.agent(_head_phrase(chunk.root)) is not None:
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
    def actors(self) -> list[Actor]:
        return self._actors

    def _key(self, name: str, kind: str) -> str:
        return f"{kind}:{' '.join(name.lower().split())}"

    def find(self, name: str) -> Actor | None:
        """The actor whose name or alias is ``name`` (case-insensitive), or the one person a
        partial name can denote ("Kirby" -> John Kirby, never Jill Biden for "Joe Biden")."""
        wanted = " ".join(name.lower().split())
        for actor in self._actors:
            names = [actor.name, *actor.aliases]
            if any(" ".join(n.lower().split()) == wanted for n in names):
                return actor
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
            sub = [t for t in sub if not _under_conj(t, token)]
            if not sub:
                continue
            piece = doc[min(t.i for t in sub):max(t.i for t in sub) + 1]
            self._antecedent = out[-1] if out else None
            actor = self._resolve(piece, register=True)
            self._antecedent = None
            if actor is not None and actor not in out:
                out.append(actor)
        return out

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
                    self._tables, ent, self._tables.person(_ent_text(ent)) is not None):
                name = self._tables.strip_title(_ent_text(ent))
                if name and not not_an_actor(name, "person"):
                    full.append(name)
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
            return self._resolve_entity(head_ent, span, from_doc)
        if root.pos_ == "PROPN" or root.tag_ == "JJ":
            actor = self._untagged(span, root)
            if actor is not None:
                return actor
        phrase = _head_phrase(root)
        agent = self._tables.agent(phrase) or self._tables.agent(root.lemma_.lower())
        owner = self._owner(root, span)
        if agent is None:
            if owner is not None and root.lemma_.lower() in self._tables.org_like:
                return owner
            return None
        sector, needs_modifier = agent
        if sector == "-" or (from_doc and owner is None):
            return None
        return self._agent_actor(span, root, sector, needs_modifier, owner)

    def _untagged(self, span: Span, root: Token) -> Actor | None:
        """Known names the tagger missed: "Houthi" in "Houthi rebels", "IRGC"."""
        doc = span.doc
        first = root.i
        while first > span.start and doc[first - 1].dep_ == "compound" \
                and doc[first - 1].pos_ == "PROPN":
            first -= 1
        words = doc[first:root.i + 1]
        text = _ent_text(words)
        org = self._tables.org(text)
        if org is not None:
            return self._org(org, words.start_char, words.end_char, words.text)
        country = self._tables.country(text)
        if country is not None and country[1] != "capital":
            iso3 = country[0]
            return self.add(self._tables.country_name(iso3), "state", words.start_char,
                            words.end_char, words.text, country=iso3, key=f"state:{iso3}")
        return None

    def _ent_at(self, doc: Doc) -> dict[int, Span]:
        """Token index -> the actor-like entity covering it, computed once per parsed doc."""
        if self._ents is None or self._ents[0] != id(doc):
            table = {}
            for ent in doc.ents:
                if ent.label_ in ENTITY_KINDS or ent.label_ in ("LOC", "FAC"):
                    ent = self._repair(ent)
                    if ent is None:
                        continue
                    for i in range(ent.start, ent.end):
                        table[i] = ent
            self._ents = (id(doc), table)
        return self._ents[1]

    def _entities(self, doc: Doc) -> list[Span]:
        """The document's actor-like entities, repaired (see ``_repair``), in order."""
        seen: dict[int, Span] = {}
        for ent in self._ent_at(doc).values():
            seen.setdefault(ent.start, ent)
        return [seen[k] for k in sorted(seen)]

    def _repair(self, ent: Span) -> Span | None:
        """Fix common tagger slips: entities running over a line break or a possessive
        ("Jake Sullivan's Meeting"), first names left out ("Antony" of "Antony J. Blinken"),
        titles tagged as organizations ("Spokesperson Ned Price"), lone title words ("State")."""
        doc = ent.doc
        start, end, label = ent.start, ent.end, ent.label_
        for i in range(start, end):
            if "\n" in doc[i].text_with_ws.rstrip(" ") and i + 1 < end:
                end = i + (0 if doc[i].is_space else 1)
                break
        for i in range(start, end):
            if doc[i].lower_ in ("'s", "’s"):
                whole = doc[start:end - 1 if doc[end - 1].lower_ in ("'s", "’s") else end].text
                if self._tables.country(whole) is None and self._tables.org(whole) is None:
                    end = i  # "Jake Sullivan's Meeting", not "Democratic People's Republic"
                break
        while start < end and (doc[start].is_space or doc[start].is_punct):
            start += 1
        if start >= end:
            return None
        t = self._tables
        first = doc[start].lower_
        if label == "ORG" and end - start == 1 and (first in TITLE_WORDS or first in GENERIC):
            if t.org(doc[start].text) is None:
                return None
        if label == "ORG" and first in TITLE_WORDS and 2 <= end - start - 1 <= 3:
            rest = doc[start + 1:end]
            if all(tok.is_title for tok in rest) and t.org(rest.text) is None and not any(
                    t.agent(tok.lower_) or tok.lower_ in GENERIC for tok in rest):
                label = "PERSON"
        if label == "PERSON" and start > 0:
            prev = doc[start - 1]
            if prev.pos_ == "PROPN" and prev.is_title and prev.lower_ not in TITLE_WORDS \
                    and prev.dep_ == "compound" and prev.ent_type_ in ("", "PERSON") \
                    and t.agent(prev.lower_) is None and "\n" not in prev.text_with_ws:
                start -= 1  # "Antony" of "Antony J. Blinken"
        if label == "PERSON" and end < len(doc):
            nxt = doc[end]
            if nxt.pos_ == "PROPN" and nxt.is_title and doc[end - 1].head == nxt \
                    and doc[end - 1].dep_ == "compound" and not nxt.ent_type_ \
                    and "\n" not in doc[end - 1].text_with_ws:
                end += 1  # "Yeol" of "Yoon Suk Yeol"
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent
        return Span(doc, start, end, label=label)

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
                if child.ent_type_ or child.pos_ == "PROPN" or child.tag_ == "JJ":
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

    def _where(self, root: Token) -> str | None:
        """Country of a group placed by a preposition: "protesters in Berlin" -> DEU."""
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                for pobj in prep.children:
                    ent = self._ent_at(root.doc).get(pobj.i)
                    if pobj.dep_ == "pobj" and ent is not None and ent.label_ == "GPE":
                        return self._tables.place_country(_ent_text(ent))
        return None

    def _agent_actor(self, span: Span, root: Token, sector: str, needs_modifier: bool,
                     owner: Actor | None) -> Actor | None:
        text = _phrase_text(span)
        if owner is None:
            if needs_modifier or not sector:
                return None
            cc = self._where(root)
            # a generic group ("protesters", "the Administration") is not one actor ledger-wide
            key = local_key(self.document.id,
                            f"group:{root.lemma_.lower()}" + (f":{cc}" if cc else ""))
            return self.add(text, "group", span.start_char, span.end_char, span.text,
                            country=cc, sector=sector, key=key)
        if not sector or owner.kind in ("organization", "group", "person"):
            if owner.kind == "person":
                return None  # "Biden's drones" is not Biden
            self.attach(owner, span.start_char, span.end_char, span.text)
            return owner
        cc = owner.country
        key = f"state:{cc}/{sector}" if cc else f"{owner.key}/{sector}"
        label = SECTOR_LABELS.get(sector)
        if cc and label and key not in self._by_key:
            demonym = self._tables.demonym(cc)
            text = f"{demonym} {label}" if demonym else text
        kind = "organization" if sector in INSTITUTIONS else "group"
        return self.add(text, kind, span.start_char, span.end_char, span.text,
                        country=cc, sector=sector, key=key)

    def _resolve_entity(self, ent: Span, span: Span, from_doc: bool) -> Actor | None:
        t = self._tables
        text = _ent_text(ent)
        start, end = ent.start_char, ent.end_char
        if not_an_actor(text, ENTITY_KINDS.get(ent.label_, "other")) and t.org(text) is None:
            return None
        if ent.label_ == "ORG" and t.org(text) is None and _not_an_org(ent):
            return None
        if ent.label_ in ("GPE", "NORP", "LOC") and len(name_words(text)) == 1 \
                and len(self._names.candidates(text)) == 1:
            return self._person(ent, text)  # "Paris" of "Valeska Paris", tagged as a city
        if ent.label_ == "ORG" and t.org(text) is None and self._names.candidates(text):
            return self._person(ent, text)  # "Israeli Defense Minister Gantz" tagged ORG
        if mistagged_country(t, ent, t.person(text) is not None
                             or bool(self._names.candidates(text))):
            ent = Span(ent.doc, ent.start, ent.end, label="NORP" if ent.root.pos_ == "ADJ"
                       or ent.root.dep_ == "amod" else "GPE")
        if ent.label_ == "PERSON":
            org = t.org(text)
            if org is not None and clean_name(text) in t.curated_orgs:
                return self._org(org, start, end, ent.text)
            return self._person(ent, text)
        country = t.country(text)
        if country is not None:
            iso3, kind = country
            if kind == "capital":
                if from_doc and _locative(ent):
                    return None
                return self.add(text, "organization", start, end, ent.text, country=iso3,
                                sector="GOV", key=f"state:{iso3}/GOV")
            if from_doc and ent.label_ == "GPE" and _locative(ent):
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
        title = _title_tokens(ent)
        title_text = (ent.doc[title[0].i:title[-1].i + 1].text if title else None)
        written = ent.doc[title[0].i:ent.end].text if title else text
        full = self._full(name, written) or name
        country, sector, title_org = None, None, False
        if title:
            country, sector, title_org = self._title_codes(title)
        if country is None:
            country = self._of_country(ent) or possessor_country(t, [*title, *ent])
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

    def _of_country(self, ent: Span) -> str | None:
        """"President Yoon Suk Yeol of the Republic of Korea" -> KOR."""
        heads = dict.fromkeys((ent.root, ent[-1]))  # "Omar al-Bashir of Sudan", parsed flat
        for prep in (p for head in heads for p in head.rights):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    place = self._ent_at(ent.doc).get(pobj.i)
                    if pobj.dep_ == "pobj" and place is not None and place.label_ == "GPE":
                        hit = self._tables.country(_ent_text(place))
                        return hit[0] if hit else None
        return None

    def _title_codes(self, title: list[Token]) -> tuple[str | None, str | None, bool]:
        """Country and sector from a title: "US President", "European Commission President"."""
        t = self._tables
        words = " ".join(tok.text for tok in title)
        ents = {id(e): e for e in (self._ent_at(title[0].doc).get(tok.i) for tok in title) if e}
        for ent in ents.values():
            if ent.start >= title[0].i and ent.end <= title[-1].i + 1:
                org = t.org(_ent_text(ent))
                if org is not None:
                    # "U.S. deputy UN ambassador": a country before the organization is his
                    before = " ".join(tok.text for tok in title if tok.i < ent.start)
                    own = t.compose(before)[0] if before else None
                    if own is not None:
                        return own, t.compose(words)[1] or org.sector or None, False
                    return org.country or None, org.sector or None, True
        iso3, sector = t.compose(words)
        return iso3, sector, False


def _not_an_org(ent: Span) -> bool:
    """ORG tags on what is no organization: a title ("National Security Advisor") or one
    common word the tagger capitalised ("Federal", "Nation")."""
    words = [t for t in ent if not t.is_punct]
    if not words:
        return True
    if words[-1].lower_ in TITLE_WORDS:
        return True
    return len(words) == 1 and words[0].pos_ in ("ADJ", "NOUN") and not words[0].is_upper


def _under_conj(token: Token, top: Token) -> bool:
    """Whether ``token`` hangs below another conjunct of ``top`` (so belongs to that one)."""
    node = token
    while node != top and node.head != node:
        if node.dep_ in ("conj", "cc") and node.head == top:
            return True
        node = node.head
    return False


def _ent_text(ent: Span) -> str:
    text = ent.text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).strip(" ,.'\"")


def _phrase_text(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].dep_ in ("det", "punct"):
        tokens = tokens[1:]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


def _head_phrase(root: Token) -> str:
    """Head noun lemma with its compound/adjective modifiers: "war cabinet", "air force"."""
    doc = root.doc
    near = (doc[i] for i in range(max(root.left_edge.i, root.i - 4), root.i))
    mods = [c for c in near if c.head.i == root.i and c.dep_ in ("compound", "amod")
            and not c.ent_type_]
    words = [c.lower_ for c in mods[-2:]] + [root.lemma_.lower()]
    return " ".join(words)


def _locative(ent: Span) -> bool:
    """Whether a place name is governed by a locative preposition ("in Berlin")."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in LOCATIVE


def _title_tokens(ent: Span) -> list[Token]:
    """Tokens of a title before or in apposition to a person's name."""
    doc = ent.doc
    root = ent.root
    left = [c for c in root.lefts if c.i < ent.start and c.dep_ in ("compound", "amod", "nmod")]
    if left and root.dep_ == "pobj" and root.head.lower_ in ROLE_PREPOSITIONS \
            and min(c.left_edge.i for c in left) == root.head.i + 1:
        return []  # "the UN envoy for Somalia James Swan": Somalia is his brief, not his own
    if left:
        first = min(c.left_edge.i for c in left)
        toks = [doc[i] for i in range(first, ent.start) if doc[i].dep_ not in ("det", "punct")]
        if toks:
            return toks
    for child in root.rights:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            toks = [t for t in child.subtree if t.dep_ not in ("det", "punct", "relcl")]
            return toks[:8]
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and head.pos_ == "NOUN":
        # "his Pakistani counterpart Imran Khan", "the Russian ambassador, Anatoly Antonov"
        toks = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod", "poss")
                and t.pos_ != "PRON" and t.ent_type_ != "PERSON"
                and (t.dep_ != "poss" or country_word(tables(), t.text))]  # "Paris's father"
        toks = [doc[i] for t in toks for i in range(t.left_edge.i, t.i + 1)]
        return [t for t in toks if t.dep_ not in ("det", "punct", "case")] + [head]
    return _capitalized_run(ent)


def _capitalized_run(ent: Span) -> list[Token]:
    """Capitalized words right before a name when the parse gives no title ("Yemeni
    Presidential Leadership Council President Rashad al-Alimi"); kept only if it has a title
    word."""
    doc = ent.doc
    i = ent.start - 1
    run: list[Token] = []
    while i >= 0 and len(run) < 8:
        tok = doc[i]
        if "\n" in tok.text_with_ws or not (tok.is_title or tok.is_upper) or tok.is_punct:
            break
        run.insert(0, tok)
        i -= 1
    if any(tok.lower_ in TITLE_WORDS for tok in run):
        return run
    return []
