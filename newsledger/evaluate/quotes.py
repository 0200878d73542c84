"""Scoring quotations against a gold file in the seed's format.

A gold file names its document (``article``, a path relative to the gold file, and the
``reader`` that turns it into text: ``text`` verbatim, ``newsledger`` for the project's
readers, ``gum`` for a GUM ``.conllu`` file), an optional ``scope`` (``from``/``to`` fragments
of an excerpt), ``not_quotes`` and ``quotes``. Each gold quote has a ``fragment`` (a few words
of its content, located by ``span`` when that still matches the text, else by search), an
optional ``until`` (the last words of the quote, giving its full extent), a ``type``, a
``cue`` and a ``speaker`` with ``name``, ``kind`` and ``aliases``.

Scoring (decided here, documented in the README):
- a gold quote is *found* when a predicted quote's span contains its fragment; it is
  *attributed* when the smallest such predicted quote has a speaker whose name, or one of the
  speaker actor's aliases, equals the gold name or one of its aliases (case-insensitive,
  leading article and apostrophe style ignored; a predicted name may carry a title in front
  of a gold name of two or more words); attribution accuracy is
  attributed / found;
- a predicted quote (inside the scope) is *correct* when it overlaps the extent of some gold
  quote, whatever the types: a quote split in two or typed differently is still a quotation
  that the gold has; precision per type uses the predicted type, recall the gold type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsledger.errors import GoldFormatError
from newsledger.ingest import read_path
from newsledger.nlp.components import EVENTS, QUOTES, configured
from newsledger.nlp.model import load_nlp
from newsledger.pipeline import analyze_document, analyze_documents, prepare
from newsledger.records import QUOTE_TYPES, Analysis, Document, Quote

ARTICLES = ("the ", "a ", "an ")


@dataclass
class GoldQuote:
    fragment: str
    start: int
    end: int  # end of the fragment
    extent: tuple[int, int]
    type: str
    speaker: dict[str, Any]
    cue: str | None = None


@dataclass
class Gold:
    path: Path
    document: Document
    quotes: list[GoldQuote]
    not_quotes: list[str]
    scope: tuple[int, int]


@dataclass
class TypeScore:
    gold: int = 0
    found: int = 0
    attributed: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def attribution(self) -> float | None:
        return self.attributed / self.found if self.found else None

    def add(self, other: TypeScore) -> None:
        for name in ("gold", "found", "attributed", "predicted", "correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "attributed": self.attributed,
                "predicted": self.predicted, "correct": self.correct,
                "precision": _round(self.precision), "recall": _round(self.recall),
                "attribution": _round(self.attribution)}


@dataclass
class QuoteScores:
    """Scores of one or more gold files; ``details`` lists misses and errors for reading."""

    files: list[str] = field(default_factory=list)
    by_type: dict[str, TypeScore] = field(
        default_factory=lambda: {t: TypeScore() for t in QUOTE_TYPES})
    not_quote_hits: list[str] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def overall(self) -> TypeScore:
        total = TypeScore()
        for score in self.by_type.values():
            total.add(score)
        return total

    def merge(self, other: QuoteScores) -> None:
        self.files += other.files
        for t, score in other.by_type.items():
            self.by_type[t].add(score)
        self.not_quote_hits += other.not_quote_hits
        self.details += other.details

    def to_dict(self) -> dict[str, Any]:
        return {"files": self.files,
                "by_type": {t: s.to_dict() for t, s in self.by_type.items()},
                "overall": self.overall.to_dict(),
                "not_quote_hits": self.not_quote_hits, "details": self.details}


def _round(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None


# ---------------------------------------------------------------- reading gold files


def gum_document(path: Path) -> Document:
    """A GUM ``.conllu`` file as text: sentences of a paragraph joined by spaces, paragraphs
    by blank lines (the ``# text`` lines verbatim)."""
    paras: list[str] = []
    current: list[str] = []
    title = None
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# newpar") and not line.startswith("# newpar_"):
                if current:
                    paras.append(" ".join(current))
                    current = []
            elif line.startswith("# text = "):
                current.append(line[len("# text = "):].rstrip("\n"))
            elif line.startswith("# meta::title = "):
                title = line[len("# meta::title = "):].strip()
    if current:
        paras.append(" ".join(current))
    if not paras:
        raise GoldFormatError(f"{path}: no '# text' lines (is it a CoNLL-U file?)")
    return Document(text="\n\n".join(paras), source=str(path), title=title)


def read_document(path: Path, reader: str) -> Document:
    """The document a gold file annotates, read the way its annotator read it."""
    if not path.exists():
        raise GoldFormatError(f"{path}: the annotated article does not exist")
    if reader == "text":
        return Document(text=path.read_text(encoding="utf-8"), source=str(path))
    if reader == "gum":
        return gum_document(path)
    if reader == "newsledger":
        for item in read_path(str(path)):
            if isinstance(item, Document):
                return item
            raise GoldFormatError(f"{path}: {item}")
        raise GoldFormatError(f"{path}: no document read")
    raise GoldFormatError(f"unknown reader {reader!r} (use text, newsledger or gum)")


def _locate(text: str, fragment: str, span: list[int] | None, lo: int, where: str) -> int:
    if span and len(span) == 2 and text[span[0]:span[1]] == fragment:
        return span[0]
    pos = text.find(fragment, lo)
    if pos < 0:
        pos = text.find(fragment)
    if pos < 0:
        raise GoldFormatError(f"{where}: fragment {fragment[:60]!r} is not in the article text")
    return pos


def load_gold(path: str | Path) -> Gold:
    """Read a gold file and locate its quotes in the article's text."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GoldFormatError(f"{path}: cannot read gold file ({e})") from e
    if not isinstance(data, dict) or "article" not in data or "quotes" not in data:
        raise GoldFormatError(f"{path}: a gold file needs 'article' and 'quotes' keys")
    article = (path.parent / data["article"]).resolve()
    reader = data.get("reader") or ("text" if article.suffix == ".txt" else "newsledger")
    document = read_document(article, reader)
    text = document.text
    scope = (0, len(text))
    if data.get("scope"):
        s = _locate(text, data["scope"]["from"], None, 0, str(path))
        e = _locate(text, data["scope"]["to"], None, s, str(path))
        scope = (s, e + len(data["scope"]["to"]))
    quotes = []
    cursor = scope[0]
    for i, q in enumerate(data["quotes"]):
        where = f"{path} quote {i + 1}"
        for key in ("fragment", "type", "speaker"):
            if key not in q:
                raise GoldFormatError(f"{where}: missing {key!r}")
        start = _locate(text, q["fragment"], q.get("span"), cursor, where)
        end = start + len(q["fragment"])
        extent_end = end
        if q.get("until"):
            extent_end = _locate(text, q["until"], None, start, where) + len(q["until"])
        quotes.append(GoldQuote(fragment=q["fragment"], start=start, end=end,
                                extent=(start, max(end, extent_end)), type=q["type"],
                                speaker=q["speaker"], cue=q.get("cue")))
        cursor = start
    return Gold(path=path, document=document, quotes=quotes,
                not_quotes=list(data.get("not_quotes") or []), scope=scope)


# ---------------------------------------------------------------- scoring


def normalize_name(name: str) -> str:
    name = " ".join(name.replace("’", "'").lower().split())
    for article in ARTICLES:
        if name.startswith(article):
            name = name[len(article):]
    return name


def names_match(gold: set[str], predicted: set[str]) -> bool:
    """Equal names, or a predicted name that is a gold name of two or more words with a title
    or stray word in front ("Advisor Sara Carter" for "Sara Carter")."""
    if gold & predicted:
        return True
    return any(len(g.split()) >= 2 and p.endswith(" " + g) for g in gold for p in predicted)


def _predicted_names(quote: Quote, analysis: Analysis) -> set[str]:
    if quote.speaker is None:
        return set()
    names = {quote.speaker.name}
    for actor in analysis.actors:
        if actor.id == quote.speaker.actor:
            names.add(actor.name)
            names.update(actor.aliases)
    return {normalize_name(n) for n in names if n}


def predict(document: Document, stage_only: bool = False) -> Analysis:
    """Run the pipeline over a gold file's document; ``stage_only`` runs the quotation stage
    as the parse and actors give it, without the transcript turns merged in."""
    if not stage_only:
        return analyze_document(document)
    prepare(document)
    nlp = load_nlp()
    with nlp.select_pipes(disable=[EVENTS]), configured(nlp, QUOTES, transcript_turns=False):
        return next(analyze_documents([document], nlp=nlp))


def score(gold: Gold, analysis: Analysis) -> QuoteScores:
    """Compare one analysis with one gold file."""
    scores = QuoteScores(files=[str(gold.path)])
    lo, hi = gold.scope
    predicted = [q for q in analysis.quotes if lo <= q.start < hi or lo < q.end <= hi]
    for g in gold.quotes:
        ts = scores.by_type.setdefault(g.type, TypeScore())
        ts.gold += 1
        hits = [q for q in predicted if q.start <= g.start and g.end <= q.end]
        if not hits:
            scores.details.append({"file": str(gold.path), "problem": "missed", "type": g.type,
                                   "fragment": g.fragment})
            continue
        ts.found += 1
        best = min(hits, key=lambda q: q.end - q.start)
        wanted = {normalize_name(n) for n in [g.speaker["name"], *g.speaker.get("aliases", [])]}
        if names_match(wanted, _predicted_names(best, analysis)):
            ts.attributed += 1
        else:
            scores.details.append({"file": str(gold.path), "problem": "wrong speaker",
                                   "type": g.type, "fragment": g.fragment,
                                   "gold": g.speaker["name"],
                                   "predicted": best.speaker.name if best.speaker else None})
    for q in predicted:
        ts = scores.by_type.setdefault(q.type, TypeScore())
        ts.predicted += 1
        if any(q.start < g.extent[1] and g.extent[0] < q.end for g in gold.quotes):
            ts.correct += 1
        else:
            scores.details.append({"file": str(gold.path), "problem": "not in gold",
                                   "type": q.type, "text": q.text[:80]})
        if q.text.strip(" ,.") in gold.not_quotes:
            scores.not_quote_hits.append(q.text)
    return scores


def evaluate_quotes(gold_path: Path, predicted: Analysis | None = None, *,
                    stage_only: bool = False) -> QuoteScores:
    """Score ``predicted`` (or a fresh analysis of the gold file's document) against a gold file.

    ``gold_path`` may be a directory: every ``*.json`` in it is scored and the counts summed.
    """
    gold_path = Path(gold_path)
    if gold_path.is_dir():
        files = sorted(gold_path.glob("*.json"))
        if not files:
            raise GoldFormatError(f"{gold_path}: no *.json gold files in this directory")
        total = QuoteScores()
        for f in files:
            total.merge(evaluate_quotes(f, stage_only=stage_only))
        return total
    gold = load_gold(gold_path)
    analysis = predicted if predicted is not None else predict(gold.document, stage_only)
    return score(gold, analysis)
