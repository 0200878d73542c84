"""Person names of one document clustered into people (within-document entity resolution).

Two written names are one person only when they can be: the same surname and compatible
given names ("Joe Biden" ~ "Joseph R. Biden, Jr.", "J. Biden"; never "Jill Biden" ~ "Joe
Biden"). A bare surname or a partial name ("Biden", "Yoon Suk") joins the ONE compatible full
name of the document; when several people share it, it stays unresolved unless the caller
can break the tie (a title naming an office holder, the actor tables at the document's date).
Clustering is blocked by surname, so the work is linear in the number of names.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsledger.data import load_tsv

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
PARTICLES = {"al", "el", "de", "da", "di", "van", "von", "der", "bin", "ibn", "la", "le", "du"}


@cache
def nicknames() -> dict[str, frozenset[str]]:
    """Given name -> the set of its equivalent forms ("joe" -> {"joe", "joseph"})."""
    groups: dict[str, set[str]] = {}
    for row in load_tsv("actors/nicknames.tsv"):
        forms = {row["name"].lower(), *(n.strip().lower() for n in row["forms"].split("|"))}
        for form in forms:
            groups.setdefault(form, set()).update(forms)
    return {k: frozenset(v) for k, v in groups.items()}


@lru_cache(maxsize=1 << 16)
def name_words(name: str) -> tuple[str, ...]:
    """Words of a person name without generational suffixes and stray punctuation (cached:
    clustering asks for the same names over and over)."""
    words = [w.strip(",") for w in re.split(r"\s+", name.replace("’", "'").strip()) if w.strip(",")]
    while len(words) > 1 and words[-1].lower() in SUFFIXES:
        words.pop()
    return tuple(words)


def _given_compatible(a: str, b: str) -> bool:
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: "J." ~ "Joe"
        return a[0] == b[0]
    return b in nicknames().get(a, frozenset())


def compatible(a: str, b: str) -> bool:
    """Whether two full names can denote one person: same surname, compatible given names."""
    wa, wb = name_words(a), name_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    if wa[-1].lower() != wb[-1].lower():
        return False
    return _given_compatible(wa[0], wb[0])


def surname(name: str) -> str:
    words = name_words(name)
    return words[-1].lower() if words else ""


class PersonNames:
    """The people a document names, each a cluster of compatible written names."""

    def __init__(self, names: list[str]) -> None:
        self._clusters: list[list[str]] = []
        self._by_surname: dict[str, list[int]] = {}
        for name in dict.fromkeys(n for n in names if len(name_words(n)) >= 2):
            self._place(name)
        singles = [n for n in dict.fromkeys(names) if len(name_words(n)) == 1]
        self._singles = {n.lower() for n in singles}
        # clusters are fixed from here on: their fullest forms are computed once
        self._fullest = [max(c, key=lambda n: (len(name_words(n)), len(n)))
                         for c in self._clusters]
        self._fullest_words = [tuple(w.lower() for w in name_words(f)) for f in self._fullest]

    def _place(self, name: str) -> None:
        block = self._by_surname.setdefault(surname(name), [])
        for k in block:
            if any(compatible(name, other) for other in self._clusters[k]):
                self._clusters[k].append(name)
                return
        block.append(len(self._clusters))
        self._clusters.append([name])

    def fullest(self, name: str) -> str:
        """The fullest form of the cluster a full name belongs to (itself when alone)."""
        for k in self._by_surname.get(surname(name), []):
            cluster = self._clusters[k]
            if name in cluster or any(compatible(name, other) for other in cluster):
                return self._fullest[k]
        return name

    def candidates(self, partial: str) -> list[str]:
        """Fullest forms of every person a partial name ("Biden", "Yoon Suk") may be."""
        words = name_words(partial)
        if not words:
            return []
        low = tuple(w.lower() for w in words)
        out = []
        if len(words) == 1:
            for k in self._by_surname.get(low[0], []):
                out.append(self._fullest[k])
        for full, fw in zip(self._fullest, self._fullest_words, strict=True):
            if len(fw) > len(low) and fw[:len(low)] == low and full not in out:
                out.append(full)  # "Yoon Suk" -> "Yoon Suk Yeol"; "Antony" -> "Antony Blinken"
        return out

    def resolve(self, name: str, prefer: list[str] | None = None) -> str | None:
        """The full name a written name stands for, or None when it is ambiguous.

        ``prefer`` breaks ties: names the caller knows the bare form denotes here (an office
        holder at the document's date); the first of them compatible with one candidate wins.
        """
        if len(name_words(name)) >= 2 and not self.candidates(name):
            return self.fullest(name)
        found = self.candidates(name)
        if len(found) == 1 and (not prefer or len(name_words(name)) >= 2 or any(
                compatible(found[0], w) for w in prefer)):
            return found[0]
        for wanted in prefer or []:
            hits = [f for f in found if compatible(f, wanted) or f.lower() == wanted.lower()]
            if len(hits) == 1:
                return hits[0]
        if len(name_words(name)) >= 2:
            return self.fullest(name)
        return None
