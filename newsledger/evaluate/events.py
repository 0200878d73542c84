"""Score predicted events against a gold file in the seed's format (``gold.json``).

A gold event matches a predicted one whose evidence (or one of its ``mentions``' evidence:
the same event referred to elsewhere) overlaps the gold ``evidence_span`` and
whose source and target agree: same name after normalising (articles, case, curly quotes),
one name's words inside the other's ("administration" / "Joe Biden administration", "G7" /
"leaders of G7 nations"), the same last name, or the same ISO country (gold ``*_iso`` or a
country name/code). CONSULT is reciprocal in PLOVER, so its two sides may come in either
order. A gold event may list ``alternatives`` (other acceptable type + modality codings).

``forbidden`` counts predicted *asserted* events that match a gold event marked negated or
hypothetical: the error the project exists to avoid.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsledger.errors import GoldFormatError
from newsledger.pipeline import analyze_document
from newsledger.records import Analysis, Document, Event, Participant

ARTICLES = ("the ", "a ", "an ")
COUNTRY_ALIASES = {"us": "USA", "u.s.": "USA", "united states": "USA", "america": "USA",
                   "uk": "GBR", "britain": "GBR", "united kingdom": "GBR"}
RECIPROCAL = {"CONSULT"}


@dataclass
class GoldEvent:
    index: int
    data: dict[str, Any]
    start: int
    end: int

    def codings(self) -> list[tuple[str, str]]:
        out = [(self.data["type"], self.data["modality"])]
        for alt in self.data.get("alternatives") or []:
            out.append((alt.get("type", self.data["type"]),
                        alt.get("modality", self.data["modality"])))
        return out


@dataclass
class EventScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0  # gold events with an overlapping prediction whose actors agree
    type_ok: int = 0
    source_ok: int = 0
    target_ok: int = 0
    modality_ok: int = 0
    full: int = 0  # right type, source, target and modality (one coding)
    dates_given: int = 0
    dates_ok: int = 0
    forbidden: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in (
            "gold", "predicted", "matched", "type_ok", "source_ok", "target_ok",
            "modality_ok", "full", "dates_given", "dates_ok", "forbidden", "details")}


def _norm(name: str | None) -> str:
    name = " ".join((name or "").replace("’", "'").lower().split())
    name = name[:-2] if name.endswith("'s") else name
    for article in ARTICLES:
        if name.startswith(article):
            name = name[len(article):]
    return name


def _iso(name: str | None) -> str | None:
    n = _norm(name)
    if n in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[n]
    if len(n) == 3 and n.isalpha():
        return n.upper()
    import pycountry

    try:
        found = pycountry.countries.get(name=n.title()) or pycountry.countries.get(alpha_2=n.upper())
    except (KeyError, LookupError):
        found = None
    return found.alpha_3 if found else None


def agrees(gold_name: str | None, gold_iso: str | None, p: Participant | None) -> bool:
    """Whether a predicted participant names the gold actor."""
    if gold_name is None:
        return p is None
    if p is None:
        return False
    g, n = _norm(gold_name), _norm(p.name)
    if g == n or (p.text and _norm(p.text) == g):
        return True
    gw, nw = set(g.split()), set(n.split())
    if gw and nw and (gw <= nw or nw <= gw):
        return True
    if g.split()[-1:] == n.split()[-1:] and len(g.split()[-1]) > 3:
        return True
    iso = gold_iso or _iso(gold_name)
    return bool(iso and p.country and iso == p.country and (gold_iso or _iso(p.name)))


def _actors_ok(g: GoldEvent, e: Event) -> tuple[bool, bool]:
    d = g.data
    src = agrees(d.get("source"), d.get("source_iso"), e.source)
    tgt = agrees(d.get("target"), d.get("target_iso"), e.target)
    if d["type"] in RECIPROCAL and e.type in RECIPROCAL and not (src and tgt):
        if agrees(d.get("source"), d.get("source_iso"), e.target) and \
                agrees(d.get("target"), d.get("target_iso"), e.source):
            return True, True
    return src, tgt


def load_gold(path: Path) -> tuple[dict[str, Any], Document, list[GoldEvent]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GoldFormatError(f"{path}: cannot read gold file ({e})") from e
    if not isinstance(data, dict) or "article" not in data or "events" not in data:
        raise GoldFormatError(f"{path}: a gold file needs 'article' and 'events' keys")
    article = (path.parent / data["article"]).resolve()
    if not article.exists():
        raise GoldFormatError(f"{path}: the annotated article {article} does not exist")
    text = article.read_text(encoding="utf-8")
    document = Document(text=text, source=str(article))
    events = []
    for i, ev in enumerate(data["events"]):
        for key in ("type", "modality", "evidence"):
            if key not in ev:
                raise GoldFormatError(f"{path} event {i + 1}: missing {key!r}")
        span = ev.get("evidence_span")
        if span and text[span[0]:span[1]] == ev["evidence"]:
            start = span[0]
        else:
            start = text.find(ev["evidence"])
            if start < 0:
                raise GoldFormatError(f"{path} event {i + 1}: evidence is not in the article")
        events.append(GoldEvent(i, ev, start, start + len(ev["evidence"])))
    return data, document, events


def score(gold: list[GoldEvent], events: list[Event]) -> EventScores:
    s = EventScores(gold=len(gold), predicted=len(events))
    for g in gold:
        d = g.data
        overlapping = [e for e in events if any(
            ev.start < g.end and g.start < ev.end
            for ev in [e.evidence, *(m.evidence for m in e.mentions)])]
        candidates = []
        for e in overlapping:
            src, tgt = _actors_ok(g, e)
            right = (e.type, e.modality) in g.codings()
            candidates.append(((src and tgt, right, e.type == d["type"], src + tgt), e, src, tgt))
        if d.get("date"):
            s.dates_given += 1
        if d["modality"] in ("negated", "hypothetical"):
            s.forbidden += sum(1 for (ok, *_), e, *_ in candidates
                               if ok and e.modality == "asserted" and
                               ("asserted" not in {m for t, m in g.codings() if t == e.type}))
        if not candidates:
            s.details.append({"gold": g.index + 1, "problem": "no overlapping event",
                              "evidence": d["evidence"]})
            continue
        key, e, src, tgt = max(candidates, key=lambda c: c[0])
        if not key[0]:
            s.details.append({"gold": g.index + 1, "problem": "actors disagree",
                              "evidence": d["evidence"], "predicted": _brief(e)})
            s.source_ok += src
            s.target_ok += tgt
            continue
        s.matched += 1
        s.source_ok += 1
        s.target_ok += 1
        s.type_ok += e.type in {t for t, _ in g.codings()}
        s.modality_ok += e.modality in {m for _, m in g.codings()}
        s.full += key[1]
        if not key[1]:
            s.details.append({"gold": g.index + 1, "problem": "type/modality",
                              "gold_coding": f"{d['type']}/{d['modality']}",
                              "predicted": _brief(e)})
        if d.get("date"):
            ok = e.date is not None and e.date.value == d["date"]
            s.dates_ok += ok
            if not ok:
                s.details.append({"gold": g.index + 1, "problem": "date", "gold_date": d["date"],
                                  "predicted": e.date.value if e.date else None})
    return s


def _brief(e: Event) -> str:
    src = e.source.name if e.source else "-"
    tgt = e.target.name if e.target else "-"
    return f"{e.id} {e.type}/{e.modality} {src} -> {tgt} [{e.trigger.text}]"


def evaluate_events(gold_path: str | Path, predicted: Analysis | None = None) -> EventScores:
    """Score ``predicted`` (or a fresh analysis of the gold file's article) against a gold file."""
    path = Path(gold_path)
    data, document, gold = load_gold(path)
    if predicted is None:
        predicted = analyze_document(document, published=data.get("published"))
    return score(gold, predicted.events)
