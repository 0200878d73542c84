"""Entity spans of the small model, repaired, and the phrase helpers actor resolution uses.

The tagger runs names into headline verbs ("Biden Announces Key Nominees"), over line breaks
and possessives, and tags titles as organizations; these functions fix the span before any
lookup, and read titles, heads and places off the parse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsledger.actors.filters import headline_verb
from newsledger.actors.nationality import country_word
from newsledger.actors.tables import TITLE_WORDS, Tables, tables
from newsledger.data import word_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LOCATIVE = {"in", "at", "near", "over", "across", "inside", "outside", "from", "to", "into",
            "throughout", "around", "within"}
ROLE_PREPOSITIONS = {"to", "for"}  # "ambassador to", "envoy for": the country of a brief
FULL_NAME_WORDS = 2  # capitalised words before a headline verb that make a full name
TITLE_CASE_MIN_WORDS = 4  # words of a line that can be told to be in Title Case
TITLE_FUNCTION_WORDS = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "by",
                        "with", "from", "as", "vs"}
TURN_LABELS = {"Q", "Q.", "QUESTION"}  # a reporter's turn in White House / State transcripts
GENERIC = {"council", "committee", "office", "department", "ministry", "agency", "government",
           "administration", "bureau", "commission", "terrorism", "embassy", "mission"}


def _headline_cut(doc: Doc, start: int, end: int, known: Callable[[str], bool]) -> int:
    """End of a name before a headline verb glued to it, when what precedes is a name the
    tables or the document know ("Biden" of "Biden Marks"; never "Peter" of "Peter Marks"),
    or a full name ("Jill Biden" of "Jill Biden Unveils")."""
    for i in range(start + 1, end):
        if headline_verb(doc[i].text) and (known(doc[start:i].text) or (
                i - start >= FULL_NAME_WORDS and all(tok.is_title for tok in doc[start:i]))):
            return i
    return end


def repair_entity(ent: Span, t: Tables, known: Callable[[str], bool]) -> Span | None:
    """Fix common tagger slips: entities running over a line break or a possessive
    ("Jake Sullivan's Meeting"), first names left out ("Antony" of "Antony J. Blinken"),
    titles tagged as organizations ("Spokesperson Ned Price"), lone title words ("State"),
    headline verbs glued to a name ``known`` accepts ("Biden Marks", "Biden-Harris
    Administration Announces New Actions") or before it ("Supporting Wisconsin Families")."""
    doc = ent.doc
    start, end, label = ent.start, ent.end, ent.label_
    for i in range(start, end):
        if "\n" in doc[i].text_with_ws.rstrip(" ") and i + 1 < end:
            end = i + (0 if doc[i].is_space else 1)
            break
    for i in range(start, end):
        if doc[i].lower_ in ("'s", "’s"):
            whole = doc[start:end - 1 if doc[end - 1].lower_ in ("'s", "’s") else end].text
            if t.country(whole) is None and t.org(whole) is None and \
                    doc[i - 1].text != "People":
                end = i  # "Jake Sullivan's Meeting", not "Democratic People's Republic"
                # nor "Korean People's Army", "People's Party"
            break
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while start < end - 1 and doc[start].text in TURN_LABELS \
            and "\n" not in doc[start].text_with_ws:
        start += 1  # "Q John, ...": the question label of a transcript turn
    if start >= end:
        return None
    while start < end - 1 and doc[start].tag_ == "VBG" and doc[start].is_title:
        start += 1  # a heading's verb glued to a name: "Supporting America's Entrepreneurs"
        if t.country(ent_text(doc[start:end])) is not None:
            label = "GPE"  # "Welcoming Israel to the Visa Waiver Program"
    end = _headline_cut(doc, start, end, known)
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
                and prev.text not in TURN_LABELS and prev.dep_ == "compound" and prev.ent_type_ in ("", "PERSON") \
                and t.agent(prev.lower_) is None and "\n" not in prev.text_with_ws:
            start -= 1  # "Antony" of "Antony J. Blinken"
    if label == "PERSON" and end < len(doc):
        nxt = doc[end]
        if nxt.pos_ == "PROPN" and nxt.is_title and doc[end - 1].head == nxt \
                and not headline_verb(nxt.text) \
                and doc[end - 1].dep_ == "compound" and not nxt.ent_type_ \
                and "\n" not in doc[end - 1].text_with_ws:
            end += 1  # "Yeol" of "Yoon Suk Yeol"
    if label == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and \
            not doc[end - 1].whitespace_ and not doc[end].whitespace_ and \
            doc[end + 1].is_alpha and doc[end + 1].is_lower:
        end += 2  # "Wong Yeung-tat": the hyphenated given name the tagger cut
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    return Span(doc, start, end, label=label)


def not_an_org(ent: Span) -> bool:
    """ORG tags on what is no organization: a title ("National Security Advisor") or one
    common word the tagger capitalised ("Federal", "Nation")."""
    words = [t for t in ent if not t.is_punct]
    if not words:
        return True
    if words[-1].lower_ in TITLE_WORDS:
        return True
    return len(words) == 1 and words[0].pos_ in ("ADJ", "NOUN") and not words[0].is_upper


def under_conj(token: Token, top: Token) -> bool:
    """Whether ``token`` hangs below another conjunct of ``top`` (so belongs to that one)."""
    node = token
    while node != top and node.head != node:
        if node.dep_ in ("conj", "cc") and node.head == top:
            return True
        node = node.head
    return False


def ent_text(ent: Span) -> str:
    text = ent.text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).strip(" ,.'\"")


def phrase_text(span: Span) -> str:
    tokens = list(span)
    while tokens and tokens[0].dep_ in ("det", "punct"):
        tokens = tokens[1:]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


def head_phrase(root: Token) -> str:
    """Head noun lemma with its compound/adjective modifiers: "war cabinet", "air force"."""
    doc = root.doc
    near = (doc[i] for i in range(max(root.left_edge.i, root.i - 4), root.i))
    mods = [c for c in near if c.head.i == root.i and c.dep_ in ("compound", "amod")
            and not c.ent_type_]
    words = [c.lower_ for c in mods[-2:]] + [root.lemma_.lower()]
    return " ".join(words)


def locative(ent: Span) -> bool:
    """Whether a place name is governed by a locative preposition ("in Berlin")."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ in LOCATIVE


def title_tokens(ent: Span) -> list[Token]:
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
    return capitalized_run(ent)


def capitalized_run(ent: Span) -> list[Token]:
    """Capitalized words right before a name when the parse gives no title ("Yemeni
    Presidential Leadership Council President Rashad al-Alimi"); kept only if it has a title
    word. A comma may part them when the run ends in a title word ("Malaysia's Prime
    Minister, Najib Razak")."""
    doc = ent.doc
    i = ent.start - 1
    comma = i >= 1 and doc[i].text == "," and doc[i - 1].lower_ in TITLE_WORDS
    if comma:
        i -= 1
    run: list[Token] = []
    while i >= 0 and len(run) < 8:
        tok = doc[i]
        if "\n" in tok.text_with_ws or not (tok.is_title or tok.is_upper) or tok.is_punct:
            break
        run.insert(0, tok)
        i -= 1
    if any(tok.lower_ in TITLE_WORDS for tok in run) and not (comma and _listed(run[0])):
        return run
    return []


def _listed(first: Token) -> bool:
    """Whether a title run follows another name and a comma ("Smith, Foreign Minister, Jones"):
    then the title belongs to the name before it."""
    doc = first.doc
    return first.i >= 2 and doc[first.i - 1].text == "," and bool(doc[first.i - 2].ent_type_)


def place_named_person(ent: Span, t: Tables) -> str | None:
    """"Valeska Paris, an Australian woman": a one-word place entity with an untagged
    capitalised word before it and a person noun in apposition is a person's full name
    (returned), not the city."""
    if ent.label_ not in ("GPE", "LOC") or len(ent) != 1:
        return None
    tok = ent[0]
    given = [c for c in tok.lefts if c.dep_ == "compound"]
    if len(given) != 1 or given[0].i != tok.i - 1 or given[0].pos_ != "PROPN" or \
            given[0].ent_type_ not in ("", "GPE", "LOC") or not given[0].is_title or \
            t.place(given[0].text) or \
            t.country(given[0].text) or t.org(given[0].text):
        return None
    persons = word_class("actors/person_nouns.json", "person_nouns")
    if not any(c.dep_ == "appos" and c.lemma_.lower() in persons for c in tok.rights):
        return None
    return f"{given[0].text} {tok.text}"


def title_cased(sent: Span) -> bool:
    """A headline in Title Case ("San Diego Chargers Defensive Tackle Faces DUI Charges"):
    every word capitalized but function words, so capitals there do not mark names."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False
    return all(t.text[0].isupper() or t.lower_ in TITLE_FUNCTION_WORDS for t in words) and \
        sum(t.text[0].isupper() for t in words) > len(words) // 2
