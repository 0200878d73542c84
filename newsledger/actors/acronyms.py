"""Names introduced with their acronym: "Majelis Mujahidin Indonesia (MMI)", "the
Tehrik-e-Taliban Pakistan (TTP)". The tagger splits such names ("Majelis Mujahidin" a
person, "Indonesia" a country), so a meeting with the group became one with Indonesia and
its designation a sanction on Pakistan; and the acronym later in the text ("MMI has
conducted attacks") was another actor. The words whose initials spell the acronym are one
name, and the acronym is that name again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsledger.data import word_class

if TYPE_CHECKING:
    from spacy.tokens import Doc

ACRONYM_LENGTH = (2, 8)  # letters of an acronym read in parentheses
CONNECTOR_GROUP = "acronym_connectors"  # actors/acronyms.json: words an acronym skips
EVENT_HEADS_GROUP = "occasion_heads"  # actors/acronyms.json: last words of an occasion


def acronyms(doc: Doc) -> list[tuple[Span, Span]]:
    """(name, acronym) pairs of the document: an all-capital word in parentheses right
    after the words whose capital initials spell it, connectors skipped ("Department of
    Homeland Security (DHS)")."""
    out = []
    for tok in doc[:-2]:
        acr = doc[tok.i + 1]
        if tok.text != "(" or doc[tok.i + 2].text != ")" or not _acronym(acr.text):
            continue
        start = _expansion(doc, tok.i, acr.text)
        if start is not None:
            out.append((doc[start:tok.i], doc[acr.i:acr.i + 1]))
    return out


def _acronym(text: str) -> bool:
    low, high = ACRONYM_LENGTH
    return low <= len(text) <= high and text.isalpha() and text.isupper()


def _expansion(doc: Doc, paren: int, acronym: str) -> int | None:
    """Index of the first word of the name an acronym abbreviates, or None when the words
    before the parenthesis do not spell it (within the sentence)."""
    connectors = word_class("actors/acronyms.json", CONNECTOR_GROUP)
    k = len(acronym) - 1
    i = paren - 1
    start = None
    sent_start = doc[paren].sent.start
    while k >= 0 and i >= sent_start:
        tok = doc[i]
        if tok.text in ("-", "–", "&") or tok.lower_ in connectors:
            i -= 1
            continue
        if not tok.text[:1].isupper() or tok.text[0] != acronym[k]:
            return None
        start, k, i = i, k - 1, i - 1
    return start if k < 0 else None


def acronym_names(doc: Doc, table: dict[int, Span]) -> dict[int, Span]:
    """Acronym token -> the name it abbreviates (see ``acronyms``), with the entity table
    (token -> entity) repaired in place: a name the tagger split into pieces becomes one
    organization, and the acronym an entity of the name's kind that stands for it."""
    out = {}
    for name, acr in acronyms(doc):
        if not any(i in table for i in range(name.start, name.end)) or \
                name[-1].lower_ in word_class("actors/acronyms.json", EVENT_HEADS_GROUP):
            # no word of it tagged as a name: a programme ("Enduring Welcome (EW)"); or
            # an occasion ("North American Drug Dialogue (NADD)")
            continue
        whole = table.get(name.start)
        covers = whole is not None and whole.start <= name.start and whole.end >= name.end
        label = whole.label_ if covers and whole is not None else "ORG"
        for piece in {id(e): e for e in (table.get(i) for i in range(
                name.start, name.end)) if e is not None}.values():
            for i in range(piece.start, piece.end):
                table.pop(i, None)  # "Majelis Mujahidin" PERSON + "Indonesia" GPE
        whole = Span(doc, name.start, name.end, label=label)
        for i in range(name.start, name.end):
            table[i] = whole
        table[acr.start] = Span(doc, acr.start, acr.end, label=whole.label_)
        out[acr.start] = whole
    return out
