"""Finding candidate source passages: the FTS5 index of primary-source quotes, the date
window, and which source speakers may have said what a news speaker is quoted as saying."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from newsledger.provenance.align import Token, stopwords, tokenize
from newsledger.quotes.transcripts import REPORTER, ROLE_WORDS, office_holder

MAX_PHRASES = 24
_GROUP_FILLER = {"the", "of", "and", "leaders", "leader", "nations", "countries", "members",
                 "heads", "state", "government", "governments", "joint", "statement", "s",
                 "foreign", "ministers", "minister", "partners", "we", "they", "their"}


@dataclass
class Passage:
    """A primary-source quote (one paragraph of a turn or statement) in the ledger."""

    id: int
    document_id: str
    start: int
    end: int
    text: str
    speaker_name: str | None
    speaker_kind: str | None
    date: str | None


def window(published: str, days: int) -> tuple[str, str] | None:
    """The dates a source may carry to be the origin of a quote printed on ``published``
    (None when the publication date is not a full day)."""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (day - timedelta(days=days)).isoformat(), day.isoformat()


def _fts_term(words: list[str]) -> str:
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def match_query(tokens: list[Token], phrases: bool = True) -> str | None:
    """An FTS5 query for a quote: its word pairs holding a content word (selective, and what a
    verbatim or lightly altered quote shares with its source), or its content words."""
    stop = stopwords()
    words = [t.norm for t in tokens]
    terms: list[str] = []
    if phrases and len(words) >= 2:
        for a, b in zip(words, words[1:], strict=False):
            if a not in stop or b not in stop:
                terms.append(_fts_term([a, b]))
    elif phrases and words:
        terms.append(_fts_term(words))
    if not phrases:
        terms = [_fts_term([w]) for w in dict.fromkeys(words) if w not in stop and len(w) > 2]
    terms = list(dict.fromkeys(terms))
    if len(terms) > MAX_PHRASES:
        step = len(terms) / MAX_PHRASES
        terms = [terms[int(k * step)] for k in range(MAX_PHRASES)]
    return " OR ".join(terms) if terms else None


DAY = 4294967296  # source_passages_fts rowid = julian day * DAY + quote id


def _julian(day: str) -> int:
    return date.fromisoformat(day[:10]).toordinal() + 1721424  # CAST(julianday(day) AS INT)


def candidates(conn: sqlite3.Connection, query: str, start: str, end: str,
               limit: int = 400) -> list[Passage]:
    """Indexed passages matching ``query`` from sources dated ``start``..``end``, best first.
    The date window is a rowid range of the index, so only those days are searched."""
    sql = (
        'SELECT q.id, q.document_id, q.start, q."end", q.text, q.speaker_name, q.speaker_kind,'
        " d.published_date FROM ("
        "  SELECT rowid AS r, bm25(source_passages_fts) AS rank FROM source_passages_fts"
        "  WHERE source_passages_fts MATCH ? AND rowid BETWEEN ? AND ?"
        "  ORDER BY rank LIMIT ?) f"
        " JOIN quotes q ON q.id = (f.r & 4294967295) JOIN documents d ON d.id = q.document_id"
        " ORDER BY f.rank"
    )
    low, high = _julian(start) * DAY, (_julian(end) + 1) * DAY - 1
    try:
        rows = conn.execute(sql, (query, low, high, limit)).fetchall()
    except sqlite3.OperationalError:
        return []
    return [Passage(*row) for row in rows]


def document_passages(conn: sqlite3.Connection, document_id: str) -> list[Passage]:
    rows = conn.execute(
        'SELECT q.id, q.document_id, q.start, q."end", q.text, q.speaker_name, q.speaker_kind,'
        " d.published_date FROM quotes q JOIN documents d ON d.id = q.document_id"
        " WHERE q.document_id = ? ORDER BY q.start", (document_id,)).fetchall()
    return [Passage(*row) for row in rows]


_TITLES = {w.lower() for w in ROLE_WORDS} | {"us", "u.s", "sen", "senator", "rep", "gov"}


def _name(value: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’\-]+", value.lower().replace("’", "'"))
            if w not in _TITLES]


def same_person(a: str, b: str) -> bool:
    """'John Kirby' ~ 'Kirby' ~ 'MR. KIRBY'; 'Joe Biden' !~ 'Jill Biden'."""
    wa, wb = _name(a), _name(b)
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return len(wa) == 1 or len(wb) == 1 or wa[0] == wb[0] or wa[0][:1] == wb[0][:1] and (
        len(wa[0]) <= 2 or len(wb[0]) <= 2)


def _plain(value: str) -> list[str]:
    return re.findall(r"[\w']+", value.lower().replace("’", "'"))


def _group_words(name: str) -> set[str]:
    return {w for w in _plain(name) if w not in _GROUP_FILLER}


def compatible(kind: str | None, name: str | None, passage: Passage) -> bool:
    """May ``passage``'s speaker be the news speaker (same person, any anonymous official for
    an anonymous one, the joint statement of a group, the same organization)?"""
    if not kind or not name or not passage.speaker_name or passage.speaker_kind == "other" \
            or passage.speaker_name == REPORTER:
        return False
    if kind == "anonymous":
        return passage.speaker_kind == "anonymous"
    if kind == "person":
        return passage.speaker_kind == "person" and same_person(name, passage.speaker_name)
    if kind == "group":
        words = _group_words(name)
        return passage.speaker_kind == "group" and bool(words) \
            and words <= _group_words(passage.speaker_name)
    if kind in ("organization", "state"):
        return passage.speaker_kind in ("organization", "group", "state") and \
            [w for w in _plain(name) if w != "the"] == \
            [w for w in _plain(passage.speaker_name) if w != "the"]
    return False


def relays(kind: str | None, name: str | None, passage: Passage) -> bool:
    """Does ``passage`` (another official's words) report what this person said? It names
    them, or calls them "the President" while they hold the office."""
    if kind != "person" or not name or not passage.speaker_name or \
            passage.speaker_kind == "other" or passage.speaker_name == REPORTER:
        return False
    surname = _name(name)[-1:]
    text = passage.text
    if surname and re.search(r"\b" + re.escape(surname[0]) + r"\b", text, re.I):
        return True
    holder = office_holder("president", passage.date)
    return bool(holder and same_person(name, holder["name"])
                and re.search(r"\bthe President\b", text))


def passage_tokens(passages: list[Passage],
                   cache: dict[int, list[Token]] | None = None) -> list[Token]:
    """Words of passages in document order; ``Token.passage`` is the passage (quote) id."""
    words: list[Token] = []
    for p in passages:
        found = cache.get(p.id) if cache is not None else None
        if found is None:
            found = tokenize(p.text, p.start, p.id)
            if cache is not None:
                cache[p.id] = found
        words.extend(found)
    return words
