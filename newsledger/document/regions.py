"""Splitting a document into title, deck, body, caption, byline and boilerplate regions.

Every non-blank line is a paragraph and gets one region (offsets exact, no overlaps; the
blank space between paragraphs belongs to none, which ``Document.region_at`` reads as body).
The rules are general cues, with their phrases in ``data/regions.json``:

- title: the first paragraph (unless a reader already knows the title);
- deck: headline-like paragraphs (no final full stop) right after the title, before the body;
- caption: a paragraph ending in a photo credit, "... 2024. (Name/Agency)", "(Agency)",
  "Photo: ...", "Credit: ..."; a paragraph repeated right after itself keeps its kind;
- byline: "By NAME", "NAME, Reuters", "Published <date>" near the top or the end, and
  "NAME, Role" right under the title;
- boilerplate: "... contributed to this report", "Reporting by ...; Editing by ...",
  short navigation lines ("Most Popular", "Read more", "Related", "Share this"), lines
  without letters ("###"), and the run of short unpunctuated lines that ends a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.data import load_json
from newsledger.records import Document, Region

SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
CAPTION_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:19|20)\d\d\b")
NAME_SLASH = re.compile(r"[^\W\d_.]\.?\s*/\s*[^\W\d_]")  # "Vucci/AP", not "10/12/24"
CLOSERS = "\"'”’»)]*"


@dataclass
class Paragraph:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def sentence_end(self) -> bool:
        return bool(SENTENCE_END.search(self.text))


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    data = load_json("regions.json")

    def starts(phrases: list[str]) -> str:
        return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))

    labels = starts(data["caption_labels"])
    single = [p for p in data["navigation"] if " " not in p]
    multi = [p for p in data["navigation"] if " " in p]
    lead = r"[\s*_#>•·|\[(\-–—]*"  # list marks and brackets, but not quotation marks
    agencies = starts(data["agencies"])
    name = r"[A-Z][\w.'’\-]*"
    particle = r"(?:de|van|von|der|den|bin|al|la|le|da|di|du|del|and|&)"
    return {
        # one-word cues ("Related", "Tags") only alone or before a colon: not "Related Programs"
        "navigation": re.compile(
            rf"^{lead}(?:(?:{starts(multi)})(?![\w'’])|(?:{starts(single)})\s*(?::.*|\W*)$)",
            re.IGNORECASE),
        "short_boilerplate": re.compile(rf"^{lead}(?:{starts(data['short_boilerplate'])})",
                                        re.IGNORECASE),
        "credits": re.compile(rf"^{lead}(?:{starts(data['credits'])})\s", re.IGNORECASE),
        "contributed": re.compile(rf"(?:{starts(data['contributed'])})", re.IGNORECASE),
        "credit_paren": re.compile(r"(?:^|[.!?…\"”’)]\s*)\((?P<credit>[^()]{2,80})\)\s*$"),
        "credit_label": re.compile(
            rf"(?:^|[.!?…\"”’)]\s+|\s[|/]\s*)(?:{labels})\s*(?:by\b|:)\s*\S.{{0,100}}$",
            re.IGNORECASE),
        "label_start": re.compile(rf"^(?:{labels})\s*:\s*\S", re.IGNORECASE),
        "by": re.compile(
            rf"^(?:By|BY|Written by|Story by|Words by)\s+(?!(?:THE|The|A|An|AN|OUR|Our)\b){name}(?:\s+(?:{name}|{particle}),?)*"
            r"\s*(?:(?:,|\||—|–|-|/)\s*.{0,60})?$"),
        "agency_byline": re.compile(
            rf"^{name}(?:\s+{name}){{0,3}}\s*[,|/—–-]\s*(?:{agencies})\s*$"),
        # "Antony J. Blinken, Secretary of State" under a statement's title
        "name_role": re.compile(
            rf"^{name}(?:\s+{name}){{1,4}},\s+{name}(?:\s+(?:{name}|of|for|the|and|on|to|&))*$"),
        "dated_line": re.compile(
            r"^(?:Published|Posted|First published|Updated|Last updated)\b(?:\s*on)?\s*:?\s*"
            r"(?=.*\d)", re.IGNORECASE),
    }


def _credit_strength(credit: str) -> int:
    """2 for "Evan Vucci/AP", "Photo: Jane Doe", "AFP"; 1 for "Israel Defense Forces"; else 0.

    Dates ("10/12/24"), US state codes ("(SD)") and editorial notes ("(New Position)") are
    not credits.
    """
    credit = credit.strip()
    if not credit or credit[-1] in ".!?" or any(q in credit for q in "\"“”"):
        return 0
    if re.match(r"(?i)(photo|image|credit|courtesy|file|screenshot|screengrab|handout|"
                r"illustration)\b", credit):
        return 2
    if credit.lower() in _not_credits():
        return 0
    if NAME_SLASH.search(credit) and len(credit.split()) <= 10:
        return 2
    words = credit.split()
    if any(ch.isdigit() for ch in credit):
        return 0
    if len(words) == 1:
        return 2 if credit in _agencies() else 0
    small = {"of", "the", "for", "and", "via", "de", "al", "&"}
    capitalized = all(w[0].isupper() or w in small or not w[0].isalpha() for w in words)
    return 1 if len(words) <= 6 and capitalized else 0


@cache
def _not_credits() -> frozenset[str]:
    return frozenset(x.lower() for x in load_json("regions.json")["not_credits"])


@cache
def _agencies() -> frozenset[str]:
    return frozenset(load_json("regions.json")["agencies"])


def is_caption(p: Paragraph) -> bool:
    if len(p.text) > 600 or p.words < 3 or p.text[0] in "\"“‘'«(":
        return False
    cues = _cues()
    m = cues["credit_paren"].search(p.text)
    if m and p.text[:m.start("credit")].strip(" ("):
        strength = _credit_strength(m.group("credit"))
        # a credit of plain capitalized words ("White House") needs a caption's dateline
        if strength == 2 or (strength == 1 and CAPTION_DATE.search(p.text[:m.start()])):
            return True
    return bool(cues["credit_label"].search(p.text) or cues["label_start"].search(p.text))


def is_navigation(p: Paragraph) -> bool:
    return p.words <= 8 and not p.sentence_end and bool(_cues()["navigation"].search(p.text))


def is_boilerplate(p: Paragraph) -> bool:
    cues = _cues()
    if not any(ch.isalnum() for ch in p.text):
        return True
    if is_navigation(p):
        return True
    if p.words <= 25 and cues["short_boilerplate"].search(p.text):
        return True
    if p.words <= 40 and cues["credits"].search(p.text):
        return True
    return p.words <= 25 and bool(cues["contributed"].search(p.text))


def is_byline(p: Paragraph) -> bool:
    if p.words > 15:
        return False
    cues = _cues()
    text = p.text.strip()
    return bool(cues["by"].match(text) or cues["agency_byline"].match(text)
                or (cues["dated_line"].match(text) and p.words <= 12))


def is_headline_like(p: Paragraph) -> bool:
    return 5 <= p.words <= 60 and not p.sentence_end and not p.text.rstrip(CLOSERS).endswith(":")


def paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line with its exact span (surrounding whitespace left out)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        stripped = line.strip()
        if stripped:
            start = m.start() + (len(line) - len(line.lstrip()))
            out.append(Paragraph(start, start + len(stripped), stripped))
    return out


def segment(document: Document, known: list[Region] | None = None) -> list[Region]:
    """Regions for every paragraph of ``document.text``; ``known`` regions (from a reader) win."""
    paras = paragraphs(document.text)
    known = known or []
    kinds: list[str] = []
    known_title = any(r.kind == "title" for r in known)
    in_header = True
    for i, p in enumerate(paras):
        kind = next((r.kind for r in known if r.start <= p.start and p.end <= r.end), None)
        if kind is None:
            kind = _classify(p, i, paras, kinds, known_title, in_header)
        if kind not in ("title", "deck", "caption", "byline"):
            in_header = False
        kinds.append(kind)
    _trailing_navigation(paras, kinds)
    return [Region(kind, p.start, p.end) for kind, p in zip(kinds, paras, strict=True)]


def _classify(p: Paragraph, i: int, paras: list[Paragraph], kinds: list[str],
              known_title: bool, in_header: bool) -> str:
    if i == 0 and not known_title:
        return "title"
    if i > 0 and p.text == paras[i - 1].text:
        return kinds[i - 1]
    if is_caption(p):
        return "caption"
    if is_boilerplate(p):
        return "boilerplate"
    near_edge = i <= 8 or i >= len(paras) - 3
    if near_edge and is_byline(p):
        return "byline"
    if in_header and p.words <= 15 and _cues()["name_role"].match(p.text):
        return "byline"
    if in_header and i > 0 and "title" in kinds and is_headline_like(p):
        return "deck"
    return "body"


def _trailing_navigation(paras: list[Paragraph], kinds: list[str]) -> None:
    """Short unpunctuated lines around trailing navigation ("Most Popular", "Latest") join it."""
    run: list[int] = []
    for i in range(len(paras) - 1, 0, -1):
        p = paras[i]
        if kinds[i] == "boilerplate" or (kinds[i] == "body" and p.words <= 4
                                         and not p.sentence_end and not p.text.endswith(",")):
            run.append(i)
            if len(run) > 6:
                return
            continue
        break
    if any(kinds[i] == "boilerplate" and is_navigation(paras[i]) for i in run):
        for i in run:
            kinds[i] = "boilerplate"


# A wire dateline opening a paragraph: a place in capitals, maybe its state or country, a
# date and an agency, then a dash ("CAIRO, May 3 (Reuters) -", "KYIV (AP) --",
# "WASHINGTON --").
WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3}(?:, [A-Z][A-Za-z.' ]{1,30})?"
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"
    r"(?:,? \d{4})?(?: ?\([A-Za-z .]+\))? ?(?:-{1,2}|\u2013|\u2014) ")
# A transcript's speaker label opening a paragraph: words in capitals and a colon
# ("SECRETARY BLINKEN:", "MR. KIRBY:", "Q:", "QUESTION:").
SPEAKER_LABEL = re.compile(r"(?:[A-Z][A-Z.'\-]* ){0,3}[A-Z][A-Z.'\-]*: ")
OPENING_CHARS = 80  # how far into a paragraph a dateline's dash or a label's colon may be


def _opening(pattern: re.Pattern[str], text: str, start: int) -> int | None:
    m = pattern.match(text, start, start + OPENING_CHARS)
    return m.end() if m else None


def wire_dateline(text: str, start: int) -> int | None:
    """The end of the wire dateline opening a paragraph at ``start`` (the offset of the
    lead's first word), or None: its place is where the story was filed, no party to it."""
    return _opening(WIRE_DATELINE, text, start)


def speaker_label(text: str, start: int) -> int | None:
    """The end of the speaker label opening a paragraph at ``start``, or None: parsed
    with the turn, the label's name becomes a party to the turn's first sentence."""
    return _opening(SPEAKER_LABEL, text, start)


def datelines(document: Document) -> list[tuple[int, int]]:
    """(start, end) of every wire dateline opening one of the document's paragraphs."""
    found = []
    for region in document.regions or segment(document):
        end = wire_dateline(document.text, region.start)
        if end is not None:
            found.append((region.start, end))
    return found
