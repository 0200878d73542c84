"""Numbers attached to an event: weapons fired, dead, injured, crowd sizes.

A number belongs to an event when it sits in the event's phrase (the trigger's subtree, not
crossing into another event's trigger). Its role comes from the counted noun and the verb
governing it: weapon nouns -> ``weapon``; objects of killing verbs or "dead/killed" ->
``dead``; injuring -> ``injured``; people counted in a protest -> ``size``.
Vague plurals ("hundreds of", "dozens of") and hedges ("about", "more than") are
``approximate``; their value is the lower bound the words commit to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsledger.data import load_json
from newsledger.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
         "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
VAGUE = {"hundreds": 100, "dozens": 24, "thousands": 1000, "scores": 20, "tens": 10,
         "millions": 1_000_000}
HEDGES = {"about", "around", "nearly", "approximately", "roughly", "some", "over", "almost",
          "least", "than", "up", "estimated", "upwards", "more", "less", "fewer", "several"}
DEAD = {"kill", "dead", "die", "death", "fatality", "slay", "execute", "massacre", "murder"}
INJURED = {"injure", "wound", "injured", "wounded", "hurt", "injury", "casualty"}
PEOPLE = {"people", "protester", "demonstrator", "supporter", "marcher", "participant",
          "person", "crowd", "student", "worker", "resident", "activist", "man", "woman"}
SKIP_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL")


def parse_number(text: str) -> float | None:
    """Digits ("1,200", "3.5"), number words ("seven", "two hundred") -> value, else None."""
    clean = text.lower().replace(",", "").strip()
    try:
        return float(clean)
    except ValueError:
        pass
    total, current = 0.0, 0.0
    parts = clean.replace("-", " ").split()
    if not parts:
        return None
    for word in parts:
        if word == "and":
            continue
        if word not in WORDS:
            try:
                current += float(word)
                continue
            except ValueError:
                return None
        value = WORDS[word]
        if value >= 100:
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return total + current


def _weapons() -> frozenset[str]:
    return frozenset(load_json("event_triggers.json")["weapons"])


def _unit_of(num: Token) -> Token | None:
    """The counted noun: the head of "seven members", the "of" object of "hundreds of"."""
    if num.lower_ in VAGUE or num.pos_ == "NOUN" and num.lower_ in WORDS:
        for prep in num.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None
    if num.dep_ in ("nummod", "quantmod") and num.head.pos_ in ("NOUN", "PROPN"):
        return num.head
    return None


def _role(unit: Token | None, anchor: Token, event_type: str) -> str:
    lemmas = {unit.lemma_.lower()} if unit is not None else set()
    if unit is not None:
        lemmas |= {c.lemma_.lower() for c in unit.conjuncts}
    if lemmas & _weapons():
        return "weapon"
    context = [anchor, *list(anchor.ancestors)[:3]]
    for tok in [*context, *(c for c in anchor.children if c.dep_ in ("amod", "acl"))]:
        if tok.lemma_.lower() in DEAD:
            return "dead"
        if tok.lemma_.lower() in INJURED:
            return "injured"
    if event_type == "PROTEST" and lemmas & PEOPLE:
        return "size"
    return "other"


def _approximate(num: Token) -> bool:
    if num.lower_ in VAGUE:
        return True
    return any(c.dep_ in ("advmod", "quantmod", "amod") and c.lower_ in HEDGES
               for c in num.children)


def event_quantities(tokens: Iterable[Token], event_type: str) -> list[Quantity]:
    """Quantities among ``tokens`` (the event's own phrase)."""
    out: list[Quantity] = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in seen or tok.ent_type_ in SKIP_ENTS:
            continue
        vague = tok.lower_ in VAGUE
        if not (tok.like_num or vague) or tok.dep_ == "compound" and tok.head.like_num:
            continue
        words = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.like_num)]
        words.sort(key=lambda t: t.i)
        seen.update(t.i for t in words)
        value = VAGUE[tok.lower_] if vague else parse_number(" ".join(t.text for t in words))
        if value is None:
            continue
        unit = _unit_of(tok)
        anchor = unit if unit is not None else tok
        phrase_end = unit if unit is not None and unit.i > tok.i else tok
        conj_end = max([phrase_end, *(c for c in phrase_end.conjuncts if c.i > phrase_end.i)],
                       key=lambda t: t.i)
        start_tok = min([words[0], *(c for c in tok.children if c.lower_ in HEDGES)],
                        key=lambda t: t.i)
        doc = tok.doc
        text = doc[start_tok.i:conj_end.i + 1].text
        unit_text = doc[unit.i:conj_end.i + 1].text if unit is not None else None
        if unit is not None and unit.i < tok.i:
            unit_text = unit.text
        out.append(Quantity(value=value, approximate=_approximate(tok), unit=unit_text,
                            role=_role(unit, anchor, event_type), text=text))
    return out
