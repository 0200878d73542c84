"""Score the pipeline against an exhaustive news gold set (``shared/gold/news-dev`` format).

A gold file is a JSON list of documents ``{"id", "path", "quotes": [...], "events": [...]}``
whose ``path`` (relative to the gold file) holds the text; offsets are Python ``str``
indices into it. The figures are those of news-dev's ``score.py``:

- events: a record matches the gold mentions its trigger (or one of its ``mentions``'
  triggers) overlaps. *Real-event precision* counts records matching any mention, *typed*
  those whose type is one of the mention's codings (its type or an alternative), *full*
  those whose modality, source and target are also right (a gold null needs a null; a gold
  "X and Y" accepts either member; CONSULT and COOPERATE accept the two sides swapped).
  *Recall* counts distinct gold events found with the right type; *records per found
  event* how many records land on one gold event (1.0 = no duplicates).
- quotes: a predicted quote (statements excluded) matches a gold one when they overlap by
  at least 30% of the longer span; the speaker is right when its name or one of the gold
  aliases agree (a longer predicted name ending in the gold name counts).

Scoring is a pure function over analyses (``score_news``), so it can be tested without the
model; ``evaluate_news`` runs the pipeline over the gold texts first.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsledger.errors import GoldFormatError
from newsledger.ingest.text import first_line
from newsledger.pipeline import analyze_documents, prepare
from newsledger.records import Analysis, Document, Event, Participant, Quote

QUOTE_OVERLAP = 0.3  # share of the longer span two quotes must share to match
MIN_SUFFIX_NAME = 4  # shortest name that may match as the tail of a longer one
SYMMETRIC = {"CONSULT", "COOPERATE"}
PART_SPLIT = re.compile(r",\s*|\s+and\s+|\s*&\s*")


@dataclass
class GoldDoc:
    """One gold document with its text."""

    id: str
    text: str
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]

    @property
    def alias_groups(self) -> list[set[str]]:
        """Speaker name groups from the quote annotation (all forms of one speaker)."""
        return [{_norm(n) for n in [q["speaker"], *q.get("speaker_aliases", [])]} - {""}
                for q in self.quotes if q.get("speaker")]


@dataclass
class NewsScores:
    """The figures of one run (``counts`` keeps the raw numbers)."""

    documents: int = 0
    counts: Counter = field(default_factory=Counter)
    records_per_event: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    details: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        c = self.counts
        pe, typed = c["predicted_events"] or 1, c["predicted_typed"] or 1
        full_p = _ratio(c["predicted_full"], pe)
        recall = _ratio(c["gold_events_found"], c["gold_events"] or 1)
        per = self.records_per_event
        out: dict[str, Any] = {
            "documents": self.documents,
            "events": {
                "gold_events": c["gold_events"], "gold_mentions": c["gold_mentions"],
                "predicted": c["predicted_events"],
                "real_event_precision": _ratio(c["predicted_real"], pe),
                "typed_precision": _ratio(c["predicted_typed"], pe),
                "full_precision": full_p,
                "recall_events_typed": recall,
                "of_typed_modality_ok": _ratio(c["predicted_modality_ok"], typed),
                "of_typed_source_ok": _ratio(c["predicted_source_ok"], typed),
                "of_typed_target_ok": _ratio(c["predicted_target_ok"], typed),
                "without_actors_share": _ratio(c["predicted_without_actors"], pe),
                "records_per_found_event": round(
                    sum(len(v) for v in per.values()) / (len(per) or 1), 2),
                "full_f1": round(2 * full_p * recall / (full_p + recall), 3)
                if full_p + recall else 0.0,
            },
            "quotes": {
                "gold": c["gold_quotes"], "predicted": c["predicted_quotes"],
                "precision": _ratio(c["predicted_quotes_real"], c["predicted_quotes"] or 1),
                "recall": _ratio(c["gold_quotes_found"], c["gold_quotes"] or 1),
                "speaker_accuracy": _ratio(c["speaker_ok"], c["gold_quotes_found"] or 1),
            },
        }
        if details:
            out["details"] = self.details
        return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3)


# names -------------------------------------------------------------------------------------

def _norm(s: str | None) -> str:
    s = (s or "").lower().replace("’", "'")
    return re.sub(r"[^a-z0-9 ]", "", s).strip()


def _name_ok(pred: dict[str, Any] | None, names: set[str]) -> bool:
    """A predicted name matches one of ``names`` exactly or as a word-boundary tail ("President
    Joe Biden" ~ "Joe Biden")."""
    pred = pred or {}
    cands = {_norm(pred.get("name")), _norm(pred.get("text"))} - {""}
    names = names - {""}
    if cands & names:
        return True
    return any(c.endswith(" " + n) or n.endswith(" " + c)
               for c in cands for n in names if min(len(c), len(n)) >= MIN_SUFFIX_NAME)


def _arg_ok(pred: Participant | None, gold_name: str | None, groups: list[set[str]]) -> bool:
    """Source/target agreement: a gold null needs a null; a compound gold actor accepts any
    member; a member listed among a speaker's aliases accepts that speaker's other names."""
    if not gold_name:
        return pred is None or not (pred.name or pred.text)
    if pred is None:
        return False
    got = {"name": pred.name, "text": pred.text}
    for part in [gold_name, *(p for p in PART_SPLIT.split(gold_name) if p)]:
        names = {_norm(part)}
        for group in groups:
            if _norm(part) in group:
                names |= group
        if _name_ok(got, names):
            return True
    return False


# scoring -----------------------------------------------------------------------------------

def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _codings(m: dict[str, Any]) -> list[tuple[str, str]]:
    return [(m["type"], m["modality"])] + [
        (a["type"], a.get("modality", m["modality"])) for a in m.get("alternatives") or []]


def _score_event(e: Event, gold: GoldDoc, scores: NewsScores, found: set[str]) -> None:
    c = scores.counts
    c["predicted_events"] += 1
    spans = [(e.trigger.start, e.trigger.end)] + [(m.trigger.start, m.trigger.end)
                                                  for m in e.mentions]
    hits = [m for m in gold.events
            if any(_overlaps(s, (m["trigger_start"], m["trigger_end"])) for s in spans)]
    if e.source is None and e.target is None:
        c["predicted_without_actors"] += 1
    row = {"doc": gold.id, "type": e.type, "modality": e.modality, "trigger": e.trigger.text,
           "evidence": e.evidence.text,
           "source": e.source.name if e.source else None,
           "target": e.target.name if e.target else None}
    if not hits:
        scores.details.append({"error": "not_an_event", **row})
        return
    c["predicted_real"] += 1
    same = [m for m in hits if e.type in {t for t, _ in _codings(m)}]
    if not same:
        scores.details.append({"error": "wrong_type", "gold": hits[0]["type"], **row})
        return
    m = same[0]
    c["predicted_typed"] += 1
    scores.records_per_event.setdefault((gold.id, m["event"]), set()).add(e.id)
    found.add(m["event"])
    groups = gold.alias_groups
    mod = (e.type, e.modality) in _codings(m)
    src = _arg_ok(e.source, m.get("source"), groups)
    tgt = _arg_ok(e.target, m.get("target"), groups)
    if not (src and tgt) and e.type in SYMMETRIC and _arg_ok(e.target, m.get("source"), groups) \
            and _arg_ok(e.source, m.get("target"), groups):
        src = tgt = True
    c["predicted_modality_ok"] += mod
    c["predicted_source_ok"] += src
    c["predicted_target_ok"] += tgt
    c["predicted_full"] += mod and src and tgt
    if not (mod and src and tgt):
        scores.details.append({"error": "wrong_args", "gold_modality": m["modality"],
                               "gold_source": m.get("source"), "gold_target": m.get("target"),
                               **row})


def _span_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    return _overlaps(a, b) / max(a[1] - a[0], b[1] - b[0], 1)


def _score_quotes(quotes: list[Quote], gold: GoldDoc, scores: NewsScores) -> None:
    c = scores.counts
    qs = [q for q in quotes if q.type != "statement"]
    c["gold_quotes"] += len(gold.quotes)
    c["predicted_quotes"] += len(qs)
    golds = [(g["start"], g["end"]) for g in gold.quotes]
    for q in qs:
        if any(_span_ratio((q.start, q.end), g) >= QUOTE_OVERLAP for g in golds):
            c["predicted_quotes_real"] += 1
    for g in gold.quotes:
        span = (g["start"], g["end"])
        best = max(qs, key=lambda q: _span_ratio((q.start, q.end), span), default=None)
        if best is None or _span_ratio((best.start, best.end), span) < QUOTE_OVERLAP:
            continue
        c["gold_quotes_found"] += 1
        names = {_norm(n) for n in [g["speaker"], *g.get("speaker_aliases", [])]}
        speaker = best.speaker
        pred = {"name": speaker.name, "text": speaker.text} if speaker else {}
        c["speaker_ok"] += _name_ok(pred, names)


def score_news(gold: list[GoldDoc], analyses: list[Analysis]) -> NewsScores:
    """Score analyses (paired with ``gold`` by position) against the gold documents."""
    scores = NewsScores(documents=len(gold))
    for g, analysis in zip(gold, analyses, strict=True):
        c = scores.counts
        c["gold_mentions"] += len(g.events)
        c["gold_events"] += len({m["event"] for m in g.events})
        found: set[str] = set()
        for e in analysis.events:
            _score_event(e, g, scores, found)
        c["gold_events_found"] += len(found)
        missed: set[str] = set()
        for m in g.events:
            if m["event"] not in found and m["event"] not in missed:
                missed.add(m["event"])
                scores.details.append({"error": "missed", "doc": g.id, "gold_event": m["event"],
                                       "type": m["type"], "trigger": m.get("trigger")})
        _score_quotes(analysis.quotes, g, scores)
    return scores


# loading -----------------------------------------------------------------------------------

def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read a news gold file and its texts; a problem is one error naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GoldFormatError(f"{path}: cannot read gold file ({e})") from e
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: expected a JSON list of documents")
    docs = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict) or "path" not in entry:
            raise GoldFormatError(f"{path}: document {i} has no 'path'")
        text_path = path.parent / entry["path"]
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise GoldFormatError(f"{path}: text {text_path} cannot be read ({e})") from e
        events, quotes = entry.get("events") or [], entry.get("quotes") or []
        for m in events:
            missing = {"event", "type", "modality", "trigger_start", "trigger_end"} - set(m)
            if missing:
                raise GoldFormatError(f"{path}: an event of {entry.get('id', i)} lacks "
                                      f"{', '.join(sorted(missing))}")
        for q in quotes:
            if not {"start", "end", "speaker"} <= set(q):
                raise GoldFormatError(f"{path}: a quote of {entry.get('id', i)} lacks "
                                      "start, end or speaker")
        docs.append(GoldDoc(id=str(entry.get("id", entry["path"])), text=text, quotes=quotes,
                            events=events))
    return docs


def evaluate_news(path: str | Path) -> NewsScores:
    """Run the pipeline over a gold file's texts and score it. Texts are read as a plain
    text is ingested (first line as title, then ``prepare``), so the figures equal those of
    news-dev's ``score.py`` over a ledger export of the same texts."""
    gold = load_gold(path)
    documents = [prepare(Document(text=g.text, source=f"gold:{g.id}", title=first_line(g.text)))
                 for g in gold]
    analyses = list(analyze_documents(documents))
    return score_news(gold, analyses)
