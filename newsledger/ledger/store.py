"""Writing analysis records into the ledger and reading them back, losslessly."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from newsledger.actors.registry import is_local
from newsledger.records import (
    Actor,
    Analysis,
    Document,
    Event,
    EventDate,
    EventMention,
    Location,
    Mention,
    Participant,
    Published,
    Quantity,
    Quote,
    Region,
    Span,
    Speaker,
)

QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def known_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of these document ids are already stored."""
    ids = list(ids)
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0] for row in conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk)
        )
    return found


def write_analyses(conn: sqlite3.Connection, analyses: Iterable[Analysis]) -> int:
    """Store a batch in one transaction; documents already stored are skipped. Returns stored."""
    stored = 0
    with conn:
        for analysis in analyses:
            if _insert_document(conn, analysis.document):
                _insert_stages(conn, analysis)
                stored += 1
    return stored


def _insert_document(conn: sqlite3.Connection, doc: Document) -> bool:
    pub = doc.published or Published(date=None, precision=None)
    cursor = conn.execute(
        "INSERT OR IGNORE INTO documents (id, source, url, title, text, published_date,"
        " published_precision, published_method, published_evidence, kind, author, site, meta)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.source, doc.url, doc.title, doc.text, pub.date, pub.precision, pub.method,
         pub.evidence, doc.kind, doc.author, doc.site, json.dumps(doc.meta, default=str)),
    )
    if cursor.rowcount == 0:
        return False
    conn.executemany(
        'INSERT INTO regions (document_id, kind, start, "end") VALUES (?, ?, ?, ?)',
        [(doc.id, r.kind, r.start, r.end) for r in doc.regions],
    )
    return True


def _insert_stages(conn: sqlite3.Connection, analysis: Analysis) -> None:
    doc_id = analysis.document.id
    actor_rowid: dict[str, int] = {}
    for actor in analysis.actors:
        cursor = conn.execute(
            "INSERT INTO actors (document_id, local_id, name, kind, country, sector, role, key,"
            " aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, actor.id, actor.name, actor.kind, actor.country, actor.sector, actor.role,
             actor.key, json.dumps(actor.aliases)),
        )
        actor_rowid[actor.id] = cursor.lastrowid
        conn.executemany(
            'INSERT INTO mentions (actor_id, document_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            [(cursor.lastrowid, doc_id, m.start, m.end, m.text) for m in actor.mentions],
        )
        register_actor(conn, actor)
    for q in analysis.quotes:
        s, c = q.speaker, q.cue
        conn.execute(
            'INSERT INTO quotes (document_id, local_id, type, start, "end", text, region,'
            " speaker_actor_id, speaker_name, speaker_kind, speaker_start, speaker_end,"
            " speaker_text, cue_start, cue_end, cue_text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, q.id, q.type, q.start, q.end, q.text, q.region,
             actor_rowid.get(s.actor) if s and s.actor else None,
             s.name if s else None, s.kind if s else None, s.start if s else None,
             s.end if s else None, s.text if s else None,
             c.start if c else None, c.end if c else None, c.text if c else None),
        )
    for e in analysis.events:
        conn.execute(
            f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})",
            _event_row(doc_id, e, actor_rowid),
        )


def register_actor(conn: sqlite3.Connection, actor: Actor) -> None:
    """Add a document's actor to the ledger-wide registry under its key (see
    ``actors.registry``): one more document, its name and aliases merged in. Local keys stay
    out: those actors are not identified beyond their document."""
    if not actor.key or is_local(actor.key):
        return
    row = conn.execute("SELECT name, aliases FROM actor_keys WHERE key = ?",
                       (actor.key,)).fetchone()
    names = [actor.name, *actor.aliases]
    if row is None:
        conn.execute(
            "INSERT INTO actor_keys (key, name, kind, country, sector, aliases, documents)"
            " VALUES (?, ?, ?, ?, ?, ?, 1)",
            (actor.key, actor.name, actor.kind, actor.country, actor.sector,
             json.dumps(sorted(set(actor.aliases) - {actor.name}))),
        )
        return
    aliases = set(json.loads(row[1] or "[]")) | set(names)
    name = row[0]
    if actor.kind == "person" and len(actor.name) > len(name) and not actor.name.isupper():
        name = actor.name  # the fullest form seen names the person
    aliases.discard(name)
    conn.execute(
        "UPDATE actor_keys SET name = ?, aliases = ?, documents = documents + 1,"
        " country = COALESCE(country, ?), sector = COALESCE(sector, ?) WHERE key = ?",
        (name, json.dumps(sorted(aliases)), actor.country, actor.sector, actor.key),
    )


_EVENT_COLUMNS = [
    "document_id", "local_id", "type", "mode", "modality", "quad_class", "cameo", "intensity",
    "source_actor_id", "source_name", "source_country", "source_sector", "source_start",
    "source_end", "source_text",
    "target_actor_id", "target_name", "target_country", "target_sector", "target_start",
    "target_end", "target_text",
    "trigger_start", "trigger_end", "trigger_text", "evidence_start", "evidence_end",
    "date_value", "date_precision", "date_start", "date_end", "date_text",
    "location_name", "location_country", "location_lat", "location_lon", "location_start",
    "location_end", "quantities", "attributed_to", "mentions",
]
_EVENT_COLUMNS = [f'"{c}"' if c == "end" else c for c in _EVENT_COLUMNS]


def _participant_row(p: Participant | None, actor_rowid: dict[str, int]) -> list:
    if p is None:
        return [None] * 7
    return [actor_rowid.get(p.actor) if p.actor else None, p.name, p.country, p.sector,
            p.start, p.end, p.text]


def _event_row(doc_id: str, e: Event, actor_rowid: dict[str, int]) -> list:
    d = e.date or EventDate(value=None, precision=None)
    loc = e.location
    return [
        doc_id, e.id, e.type, e.mode, e.modality, QUAD_CLASS.get(e.type), e.cameo, e.intensity,
        *_participant_row(e.source, actor_rowid),
        *_participant_row(e.target, actor_rowid),
        e.trigger.start, e.trigger.end, e.trigger.text, e.evidence.start, e.evidence.end,
        d.value, d.precision, d.start, d.end, d.text,
        loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None,
        loc.lon if loc else None, loc.start if loc else None, loc.end if loc else None,
        json.dumps([asdict(x) for x in e.quantities]), e.attributed_to,
        json.dumps([asdict(m) for m in e.mentions]),
    ]


def load_document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    regions = [
        Region(kind=r["kind"], start=r["start"], end=r["end"])
        for r in conn.execute(
            'SELECT kind, start, "end" FROM regions WHERE document_id = ? ORDER BY start', (doc_id,)
        )
    ]
    published = None
    if row["published_date"] or row["published_method"]:
        published = Published(date=row["published_date"], precision=row["published_precision"],
                              method=row["published_method"], evidence=row["published_evidence"])
    return Document(text=row["text"], source=row["source"], title=row["title"],
                    published=published, regions=regions, url=row["url"], author=row["author"],
                    site=row["site"], kind=row["kind"], meta=json.loads(row["meta"] or "{}"),
                    id=row["id"])


def load_analysis(conn: sqlite3.Connection, doc_id: str) -> Analysis | None:
    """Rebuild the analysis record of a stored document."""
    document = load_document(conn, doc_id)
    if document is None:
        return None
    actors = []
    for a in conn.execute("SELECT * FROM actors WHERE document_id = ? ORDER BY id", (doc_id,)):
        mentions = [Mention(start=m["start"], end=m["end"], text=m["text"]) for m in conn.execute(
            'SELECT start, "end", text FROM mentions WHERE actor_id = ? ORDER BY start', (a["id"],))]
        actors.append(Actor(id=a["local_id"], name=a["name"], kind=a["kind"], country=a["country"],
                            sector=a["sector"], role=a["role"], mentions=mentions,
                            aliases=json.loads(a["aliases"] or "[]"), key=a["key"]))
    local = {
        r["id"]: r["local_id"]
        for r in conn.execute("SELECT id, local_id FROM actors WHERE document_id = ?", (doc_id,))
    }
    quotes = [_quote_from_row(r, local) for r in conn.execute(
        "SELECT * FROM quotes WHERE document_id = ? ORDER BY id", (doc_id,))]
    events = [_event_from_row(r, local, document.text) for r in conn.execute(
        "SELECT * FROM events WHERE document_id = ? ORDER BY id", (doc_id,))]
    incidents = _incident_ids(conn, doc_id)
    for event in events:
        event.incident = incidents.get(event.id)
    return Analysis(document=document, actors=actors, quotes=quotes, events=events)


def _incident_ids(conn: sqlite3.Connection, doc_id: str) -> dict[str, str]:
    """Local event id -> ledger-wide incident id ("i42"); empty for ledgers before 006."""
    try:
        rows = conn.execute(
            "SELECT e.local_id, ie.incident_id FROM events e JOIN incident_events ie"
            " ON ie.event_id = e.id WHERE e.document_id = ?", (doc_id,)).fetchall()
    except sqlite3.OperationalError:  # opened read-only before the incidents migration
        return {}
    return {row[0]: f"i{row[1]}" for row in rows}


def _quote_from_row(r: sqlite3.Row, local: dict[int, str]) -> Quote:
    speaker = None
    if r["speaker_name"] is not None:
        speaker = Speaker(actor=local.get(r["speaker_actor_id"]), name=r["speaker_name"],
                          kind=r["speaker_kind"], start=r["speaker_start"], end=r["speaker_end"],
                          text=r["speaker_text"])
    cue = None
    if r["cue_start"] is not None:
        cue = Span(start=r["cue_start"], end=r["cue_end"], text=r["cue_text"])
    return Quote(id=r["local_id"], type=r["type"], start=r["start"], end=r["end"], text=r["text"],
                 speaker=speaker, cue=cue, region=r["region"])


def _participant_from_row(r: sqlite3.Row, prefix: str, local: dict[int, str]) -> Participant | None:
    if r[f"{prefix}_name"] is None:
        return None
    return Participant(actor=local.get(r[f"{prefix}_actor_id"]), name=r[f"{prefix}_name"],
                       country=r[f"{prefix}_country"], sector=r[f"{prefix}_sector"],
                       start=r[f"{prefix}_start"], end=r[f"{prefix}_end"], text=r[f"{prefix}_text"])


def _event_from_row(r: sqlite3.Row, local: dict[int, str], text: str) -> Event:
    date = None
    if r["date_value"] is not None or r["date_text"] is not None:
        date = EventDate(value=r["date_value"], precision=r["date_precision"],
                         start=r["date_start"], end=r["date_end"], text=r["date_text"])
    location = None
    if r["location_name"] is not None:
        location = Location(name=r["location_name"], country=r["location_country"],
                            lat=r["location_lat"], lon=r["location_lon"],
                            start=r["location_start"], end=r["location_end"])
    return Event(
        id=r["local_id"], type=r["type"], modality=r["modality"], mode=r["mode"],
        trigger=Span(start=r["trigger_start"], end=r["trigger_end"], text=r["trigger_text"]),
        evidence=Span(start=r["evidence_start"], end=r["evidence_end"],
                      text=text[r["evidence_start"]:r["evidence_end"]]),
        source=_participant_from_row(r, "source", local),
        target=_participant_from_row(r, "target", local),
        date=date, location=location,
        quantities=[Quantity(**q) for q in json.loads(r["quantities"] or "[]")],
        intensity=r["intensity"], cameo=r["cameo"], attributed_to=r["attributed_to"],
        mentions=_mentions_from_json(r["mentions"], text),
    )


def _mentions_from_json(raw: str | None, text: str) -> list[EventMention]:
    """Mentions are stored as JSON; evidence text is sliced from the document again."""
    out = []
    for m in json.loads(raw or "[]"):
        t, ev = m["trigger"], m["evidence"]
        out.append(EventMention(
            trigger=Span(start=t["start"], end=t["end"], text=t["text"]),
            evidence=Span(start=ev["start"], end=ev["end"], text=text[ev["start"]:ev["end"]])))
    return out


def iter_document_ids(conn: sqlite3.Connection) -> Iterator[str]:
    for row in conn.execute("SELECT id FROM documents ORDER BY rowid"):
        yield row[0]


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts of the main tables."""
    return {
        table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("documents", "regions", "actors", "mentions", "quotes", "events")
    }
