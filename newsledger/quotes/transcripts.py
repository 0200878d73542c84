"""Primary sources as quotes: briefing transcripts by speaker turn, statements by issuer.

A White House transcript is a sequence of turns ("MR. KIRBY:", "THE PRESIDENT:",
"SENIOR ADMINISTRATION OFFICIAL:", "Q"); each paragraph of a turn becomes a direct quote of
its speaker, so provenance can cite a paragraph. Reporters' questions are kept as quotes of
the speaker named ``REPORTER`` (kind ``other``) and are never used as sources. Statements,
joint statements and readouts become quotes of their issuer, one per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from newsledger.actors.index import ActorIndex
from newsledger.actors.offices import office_holder
from newsledger.data import word_class
from newsledger.quotes.sources import (
    default_issuer,
    kind_by_path,
    presidential,
    profile_for,
    uses_us_offices,
)
from newsledger.records import Document, Quote, Speaker

REPORTER = "Reporter"
# Subjects by which an issuer speaks in its own statement ("We condemn ...", "I have directed").
ISSUER_PRONOUNS = {"we", "i"}
KINDS = ("news", "transcript", "statement", "readout")

# Speakers that run the call rather than speak for the government.
PROCEDURAL = {"MODERATOR", "OPERATOR", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS",
              "PARTICIPANT", "PARTICIPANTS", "AIDE", "STAFF", "CROWD", "INTERPRETER"}
HONORIFICS = ("MR.", "MS.", "MRS.", "DR.", "PRIME MINISTER", "PRESIDENT", "SECRETARY",
              "AMBASSADOR", "GENERAL", "ADMIRAL", "SENATOR", "GOVERNOR", "MAYOR", "CHANCELLOR",
              "KING", "QUEEN", "CHAIR", "CHAIRMAN", "ADMINISTRATOR", "DIRECTOR", "DEPUTY",
              "REPRESENTATIVE", "CONGRESSMAN", "CONGRESSWOMAN", "LEADER", "SPEAKER", "MINISTER",
              "FOREIGN MINISTER", "CROWN PRINCE", "EMIR", "SHEIKH", "POPE", "COMMANDER")
ROLE_WORDS = {"President", "Vice", "Press", "Secretary", "National", "Security", "Advisor",
              "Adviser", "First", "Lady", "Second", "Gentleman", "Director", "Chief", "Staff",
              "White", "House", "Counsel", "Ambassador", "Deputy", "Special", "Envoy", "Senior",
              "Administrator", "Communications", "Principal", "Assistant", "Coordinator",
              "Council", "Domestic", "Policy", "Economic", "Chair", "Spokesperson", "The",
              "Minister", "Prime", "Mr", "Ms", "Mrs", "Dr", "General", "Admiral", "Leader",
              "Office", "Management", "Budget", "Homeland", "Climate", "Cabinet", "Acting"}

TITLE_WORDS = {w.rstrip(".") for h in HONORIFICS for w in h.split()} | {
    "OFFICIAL", "SPOKESPERSON", "SPOKESMAN", "SPOKESWOMAN", "LADY", "COMMISSIONER", "ENVOY"}
"""Words of a label that names a person speaking ("MR PRICE", "UNDER SECRETARY ZEYA")."""
MIN_UNTITLED_TURNS = 4
"""Labelled turns that make a document a transcript when its title does not say so."""

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_MARKER = re.compile(
    r"""(?:(?P<q>Q)(?:[^\S\n]*:[^\S\n]*|[^\S\n]+|$)
        |(?P<label>[A-Z][A-Z.'’\-]*(?:[^\S\n]+[A-Z][A-Z.'’\-]*){0,5})
         (?:[^\S\n]*\((?:[^)\n]{0,40})\))?[^\S\n]*:[^\S\n]*)""",
    re.X,
)
_SKIP = re.compile(r"^(?:\\?#+|END\b.*|\d{1,2}:\d{2}\s*[AP]\.?M\.?.*|\\?\[[^\]]*\\?\]\.?|\(.*\))$",
                   re.S)
_TRANSCRIPT_TITLE = re.compile(
    r"^(?:Press Briefing|Background Press Call|Background Briefing|On-the-Record Press|"
    r"Press Gaggle|Press Call|Remarks (?:by|of|as)|Readout-free|Interview|"
    r".*\bPress Briefing\b|.*\bPress Gaggle\b|.*\bPress Call\b|.*\bRemarks by\b|"
    # State Department remarks: "Secretary Blinken And X Before Their Meeting"
    r".*\b(?:Before|After) (?:Their|the|His|Her) Meeting\b|.*\bPress Availability\b|"
    r"Briefing with\b)", re.I)
_STATEMENT_TITLE = re.compile(
    r"(?:^Statement\b|^Joint Statement\b|Leaders[’']? Statement\b|\bJoint Statement\b|"
    r"^Statement (?:from|by|of)\b|^Declaration\b|Communiqu[eé]\b|^Proclamation\b|"
    r"^Executive Order\b|^Memorandum\b|^Message\b|^FACT SHEET\b|^Letter\b)", re.I)
_READOUT_TITLE = re.compile(r"^(?:Readout|Joint Readout)\b", re.I)
HEADING_MAX_WORDS = 6
"""A statement paragraph shorter than this without closing punctuation is a heading/byline."""
GROUP_ISSUER_WORDS = 8
"""A "<who> Statement" title names a group issuer only when <who> is this short."""
INSTITUTION_WORDS = {"street", "house", "office", "ministry", "department", "embassy",
                     "government", "council", "commission", "secretariat", "mission",
                     "cabinet", "palace", "kremlin", "agency", "bureau", "service"}


@dataclass
class Turn:
    """One speaker's paragraphs in a transcript: label as printed, resolved name and kind."""

    label: str
    name: str
    kind: str
    label_start: int
    label_end: int
    paragraphs: list[tuple[int, int]]


def front_matter(document: Document) -> tuple[dict, int]:
    """Metadata and body offset: the reader's ``meta`` when it parsed the front matter, else
    the YAML block still at the head of the text (plain-text reads of the Markdown files)."""
    meta = dict(document.meta or {})
    text = document.text
    body = 0
    if text.startswith("---\n"):
        close = text.find("\n---", 4)
        if close > 0:
            try:
                parsed = yaml.safe_load(text[4:close])
            except yaml.YAMLError:
                parsed = None
            if isinstance(parsed, dict):
                for key, value in parsed.items():
                    meta.setdefault(str(key), value)
            line_end = text.find("\n", close + 4)
            body = len(text) if line_end < 0 else line_end + 1
    return meta, body


def _title(document: Document, meta: dict) -> str:
    title = meta.get("title") or document.title or ""
    return " ".join(str(title).replace("\u00a0", " ").split())


def _where(document: Document, meta: dict) -> str:
    parts = [document.url or "", str(meta.get("source_url") or ""), str(meta.get("tags") or ""),
             str(meta.get("category") or ""), document.source or ""]
    return " ".join(parts).lower()


def document_date(document: Document) -> str | None:
    if document.published and document.published.date:
        return document.published.date[:10]
    meta, _ = front_matter(document)
    value = meta.get("date") or meta.get("published_time")
    return str(value)[:10] if value else None


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every blank-line-separated paragraph, whitespace trimmed."""
    spans = []
    for m in _PARAGRAPH.finditer(text, start):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _marker(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The speaker label opening a paragraph ("Q" for questions) and where the speech starts."""
    m = _MARKER.match(text, start, end)
    if not m:
        return None
    if m.group("q"):
        return "Q", m.end()
    label = " ".join(m.group("label").split())
    letters = [c for c in label if c.isalpha()]
    if len(letters) < 2 or len(label) > 60:
        return None
    return label, m.end()


def count_turns(document: Document, people_only: bool = False) -> int:
    """Paragraphs opening with a speaker label; with ``people_only``, only labels that name a
    person, a reporter or a moderator (see ``person_label``)."""
    _, body = front_matter(document)
    markers = (_marker(document.text, s, e) for s, e in paragraphs(document.text, body))
    return sum(1 for m in markers if m and (not people_only or person_label(m[0])))


def person_label(label: str) -> bool:
    """Whether a turn label names someone speaking: "Q", "QUESTION", "MODERATOR", a title
    ("MR. KIRBY", "MR PRICE", "THE PRESIDENT", "SENIOR ADMINISTRATION OFFICIAL"). A news page
    also opens paragraphs with capitals and a colon, but those name outlets or rubrics
    ("KAAL-TV:", "AP (9/28/25):", "FACT:", "PROMISE MADE:") and make no transcript."""
    if label in ("Q", "QUESTION") or label in PROCEDURAL:
        return True
    return any(w.rstrip(".") in TITLE_WORDS for w in label.split())


def infer_kind(document: Document) -> str:
    """news, transcript, statement or readout, from title, URL path/tags and turn structure."""
    meta, _ = front_matter(document)
    title = _title(document, meta)
    where = _where(document, meta)
    by_path = kind_by_path(document, where)
    if _READOUT_TITLE.search(title) or by_path == "readout":
        return "readout"
    if by_path == "transcript":
        return "transcript"
    if _TRANSCRIPT_TITLE.search(title) and count_turns(document) >= 2:
        return "transcript"
    if _STATEMENT_TITLE.search(title) or by_path == "statement":
        return "statement"
    if profile_for(document, where) is not None and _TRANSCRIPT_TITLE.search(title):
        return "transcript"
    if count_turns(document, people_only=True) >= MIN_UNTITLED_TURNS:
        return "transcript"
    return "news"


def _full_name(surname: str, document: Document) -> str:
    """'Kirby' -> 'John Kirby' (or 'Antony J. Blinken') when the title or opening of the
    document prints the full name."""
    meta, body = front_matter(document)
    haystack = _title(document, meta) + "\n" + document.text[body: body + 4000]
    pattern = re.compile(r"\b([A-Z][a-z]+)(?: [A-Z]\.)? (?i:" + re.escape(surname) + r")\b")
    for m in pattern.finditer(haystack):
        if m.group(1) not in ROLE_WORDS:  # the middle initial stays: "Antony J. Blinken"
            return f"{m.group(0).rsplit(' ', 1)[0]} {m.group(0).rsplit(' ', 1)[-1]}"
    return surname


def _titlecase(label: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if not w[:2].isupper() or len(w) > 1 else w
                    for w in label.split())


def resolve_label(label: str, document: Document, date: str | None) -> tuple[str, str]:
    """(name, kind) of a printed speaker label, e.g. 'MR. KIRBY' -> ('John Kirby', 'person')."""
    if label in ("Q", "QUESTION"):  # "QUESTION:" in State Department transcripts
        return REPORTER, "other"
    if label in PROCEDURAL:
        return _titlecase(label), "other"
    if "OFFICIAL" in label or "SPOKESPERSON" in label and "WHITE HOUSE" not in label:
        return label.lower(), "anonymous"
    for office in ("vice president", "first lady", "president"):
        holder = office_holder(office, date)
        if label == f"THE {office.upper()}" or (
            holder and label.startswith(office.upper() + " ")
            and label.split()[-1].lower() == holder["name"].split()[-1].lower()
        ):
            if holder:
                return holder["name"], "person"
            return f"the {office}", "person"
    rest = label
    for honorific in sorted(HONORIFICS, key=len, reverse=True):
        for form in {honorific, honorific.rstrip(".")}:  # State prints "MR PRICE:"
            if rest.startswith(form + " "):
                rest = rest[len(form) + 1:]
                break
        if rest != label:
            break
    surname = " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-"))
                       for w in (rest or label).split())
    return _full_name(surname, document), "person"


def turns(document: Document) -> list[Turn]:
    """The speaker turns of a transcript, each with its paragraphs (speech only, labels cut)."""
    text = document.text
    _, body = front_matter(document)
    date = document_date(document)
    found: list[Turn] = []
    resolved: dict[str, tuple[str, str]] = {}
    for s, e in paragraphs(text, body):
        marker = _marker(text, s, e)
        if marker:
            label, speech = marker
            if label not in resolved:
                resolved[label] = resolve_label(label, document, date)
            name, kind = resolved[label]
            label_end = speech
            while label_end > s and (text[label_end - 1].isspace()
                                     or text[label_end - 1] == ":"):
                label_end -= 1
            found.append(Turn(label=label, name=name, kind=kind, label_start=s,
                              label_end=label_end, paragraphs=[]))
            s = speech
            while s < e and text[s].isspace():
                s += 1
        if not found or s >= e or _SKIP.match(text[s:e]) or document.region_at(s) == "title":
            continue
        found[-1].paragraphs.append((s, e))
    return found


_ISSUER_FROM = re.compile(r"^(?P<joint>Joint )?(?:\w+ )?Statement (?:from|by|of|on behalf of) "
                          r"(?P<who>.+?)"
                          r"(?: (?:on|regarding|about|in|to|at|following|marking|after|for|as)"
                          r" .*)?$", re.I)
_JOINT_BETWEEN = re.compile(r"^Joint (?:Statement|Readout|Declaration)\b.*?\b(?:between|among) "
                            r"(?:the )?(?P<who>[^,;:]+? and [^,;:]+?)\.?$", re.I)
_GROUP_STATEMENT = re.compile(r"^(?P<who>.+?)(?:[’']s?)? (?:Joint )?(?:Vision )?Statement\b",
                              re.I)


def issuer(document: Document) -> tuple[str, str]:
    """(name, kind) of whoever issued a statement or readout: named by its title, else the
    site's profile, else the document's own site (never another publisher)."""
    meta, _ = front_matter(document)
    title = _title(document, meta)
    date = document_date(document)
    where = _where(document, meta)
    us_offices = uses_us_offices(document, where)
    if document.kind == "readout" or _READOUT_TITLE.search(title):
        return default_issuer(document, where)
    m = _ISSUER_FROM.match(title)
    if m and (m.group("joint") or re.match(r"(?:the )?Leaders\b", m.group("who"), re.I)):
        who = re.sub(r"^the ", "", m.group("who").strip(), flags=re.I)
        return who, "group"
    if m:
        return _named_issuer(m.group("who").strip(), date if us_offices else None)
    m = _JOINT_BETWEEN.match(title)
    if m:  # "Joint Statement on the Strategic Dialogue Between the United States and Poland"
        return m.group("who").strip(), "group"
    m = _GROUP_STATEMENT.match(title)
    if m and len(m.group("who").split()) <= GROUP_ISSUER_WORDS \
            and m.group("who").strip().lower() != "joint":
        return m.group("who").strip(), "group"
    if "joint" in title.lower() and "statement" in title.lower():
        return "joint statement signatories", "group"
    if us_offices and presidential(document, where):
        holder = office_holder("president", date)
        if holder:
            return holder["name"], "person"
    return default_issuer(document, where)


def _named_issuer(who: str, date: str | None) -> tuple[str, str]:
    """(name, kind) of the issuer a title names: "President Joe Biden", "the President" (the
    office holder at ``date`` when the site's profile gives one), "10 Downing Street"."""
    words = who.replace("the ", "").split()
    if words and words[-1] in {"President"} or who.lower() == "the president":
        holder = office_holder("president", date)
        return (holder["name"] if holder else "the President"), "person"
    name_words_: list[str] = []
    for w in reversed(words):
        if w.strip(",.") in ROLE_WORDS or not w[:1].isupper():
            break
        name_words_.insert(0, w)
    before = words[-len(name_words_) - 1].strip(",.") if len(words) > len(name_words_) else ""
    titled = len(name_words_) >= 2 and before in ROLE_WORDS and not any(
        w.lower() in INSTITUTION_WORDS for w in name_words_)  # "... Press Secretary Karine X"
    if not titled and any(w.lower() in INSTITUTION_WORDS or w[:1].isdigit() for w in words):
        return who, "organization"  # "10 Downing Street", "the Ministry of Defence"
    if name_words_:
        name = " ".join(name_words_)
        holder = office_holder("president", date)
        if holder and name.split()[-1] == holder["name"].split()[-1] and "President" in words:
            return holder["name"], "person"
        return name, "person"
    return who, "organization"


_REMARKS_BY = re.compile(r"Remarks(?: as (?:Prepared for Delivery|Delivered))? (?:by|of|from) "
                         r"(?P<who>.+?)"
                         r"(?: (?:at|on|to|in|before|during|after|for|with|upon|and)\b.*)?$")


def _remarks_speaker(title: str, date: str | None) -> tuple[str, str] | None:
    """Who gives the remarks a transcript without turn labels prints: "Remarks by President
    Biden at ..." -> the office holder; "Remarks by First Lady Jill Biden" -> her name."""
    m = _REMARKS_BY.match(title)
    if not m:
        return None
    who = re.sub(r"^the ", "", m.group("who").strip(), flags=re.I)
    if re.match(r" and [A-Z]", title[m.end("who"):]):
        return None  # joint remarks: no single speaker
    for office in ("vice president", "first lady", "president"):
        if who.lower().startswith(office):
            holder = office_holder(office, date)
            rest = who[len(office):].strip()
            if holder and (not rest or rest.split()[-1] == holder["name"].split()[-1]):
                return holder["name"], "person"
    words = [w for w in who.split() if w.strip(",.") not in ROLE_WORDS]
    if words and all(w[:1].isupper() for w in words) and len(words) <= 4:
        return " ".join(words), "person"
    return None


def _speaker(actors: ActorIndex, name: str, kind: str, start: int, end: int,
             text: str) -> Speaker:
    actor_id = None
    if name != REPORTER and kind != "other":
        actor = actors.add(name, kind, start, end, text, key=f"{kind}:{name.lower()}")
        actor_id = actor.id
    return Speaker(actor=actor_id, name=name, kind=kind, start=start, end=end, text=text)


def transcript_quotes(document: Document, actors: ActorIndex) -> list[Quote]:
    """Direct quotes of a primary source: one per paragraph of each turn, or of the issuer."""
    if document.kind == "news":
        return []
    text = document.text
    quotes: list[Quote] = []
    found = turns(document) if document.kind == "transcript" else []
    if found:
        for turn in found:
            label_text = text[turn.label_start:turn.label_end]
            for s, e in turn.paragraphs:
                speaker = _speaker(actors, turn.name, turn.kind, turn.label_start,
                                   turn.label_end, label_text)
                quotes.append(Quote(id=f"q{len(quotes) + 1}", type="direct", start=s, end=e,
                                    text=text[s:e], speaker=speaker))
        return quotes
    name, kind = issuer(document)
    if document.kind == "transcript":
        name, kind = _remarks_speaker(_title(document, front_matter(document)[0]),
                                      document_date(document)) or (name, kind)
    # a statement's or readout's own paragraphs are its issuer's statements, not quotations
    qtype = "direct" if document.kind == "transcript" else "statement"
    _, body = front_matter(document)
    for s, e in paragraphs(text, body):
        if _SKIP.match(text[s:e]) or document.region_at(s) == "title" \
                or text[s:e] == (document.title or "").strip():
            continue
        if qtype == "statement" and _heading(text[s:e]):
            continue
        speaker = Speaker(actor=None, name=name, kind=kind)
        quotes.append(Quote(id=f"q{len(quotes) + 1}", type=qtype, start=s, end=e,
                            text=text[s:e], speaker=speaker))
    return quotes


def _heading(paragraph: str) -> bool:
    """A byline or heading of a release ("Office of the Spokesperson", "Begin Text:"): a few
    words without a sentence's closing punctuation say nothing the issuer states."""
    words = paragraph.split()
    return len(words) < HEADING_MAX_WORDS and not paragraph.rstrip().endswith((".", "!", "?",
                                                                               "”", '"'))


def _issuer_speaks(quote: Quote, statement: Quote) -> bool:
    """"We emphasize that ...", "I urge ...": the issuer's own words inside its statement
    paragraph are that statement, not a second quotation of the issuer."""
    speaker, cue = quote.speaker, quote.cue
    if speaker is None or cue is None:
        return False
    # performative present ("we emphasize", "I urge"), not a report of an earlier saying
    # ("I've always said that ..."), which is a quotation of the issuer like any other
    words = cue.text.lower().split()
    if not words or words[0] not in word_class("reporting_verbs.json", "verbs"):
        return False
    if (speaker.text or "").lower() in ISSUER_PRONOUNS:
        return True
    own = statement.speaker
    return own is not None and speaker.name == own.name


def merge_quotes(stage: list[Quote], primary: list[Quote]) -> list[Quote]:
    """Primary-source quotes plus stage quotes outside transcript turns, renumbered q1, q2, ...
    in order. Reported speech inside a statement or readout ("President Biden underscored
    that ...") is kept beside the issuer's statement paragraph: it is a quotation of its own
    speaker, the paragraph a statement of the issuer. The issuer's own "we emphasize that"
    is the statement itself and is not kept twice."""
    kept = [q for q in stage if not any(q.start < p.end and p.start < q.end
                                        and (p.type != "statement" or _issuer_speaks(q, p))
                                        for p in primary)]
    merged = sorted([*primary, *kept], key=lambda q: (q.start, q.end))
    for i, q in enumerate(merged, 1):
        q.id = f"q{i}"
    return merged
