"""Quotations: direct, mixed and indirect speech, with their cue and speaker.

Detection works from two cheap signals before touching the parse: quotation marks found by a
character scan of each paragraph, and a regex of reporting-verb forms from the lexicon
(``data/reporting_verbs.json``). Only sentences holding one of them are looked at. Cues and
their reported clauses come from :mod:`newsledger.quotes.cues`; speakers are resolved by
:mod:`newsledger.quotes.speakers`.

Decisions (documented in the README):
- a quoted stretch of one or two words is a scare quote, not a quotation, unless it sits inside
  the complement of a reporting verb (then it makes that reported clause a *mixed* quote);
- titles of works (:mod:`newsledger.quotes.marks`) are never quotations;
- a quote is *direct* when its marks hold the whole report, *mixed* when a reported clause
  holds quoted words, *indirect* for a reporting verb's clause without marks ("said Iran sent
  ..."), "according to X", "told Y that ...", "as X said, ...", "..., it was reported";
- a reporting verb inside another's reported clause is not a new quote: the outer speaker
  reports it all ("the official said Biden told Netanyahu that ...");
- a quote without a cue continues the speech of the previous quote of the same or the
  previous paragraph (an unattributed quote ends that run); "Speaker: 'quote'" forms in
  headlines and decks name their speaker; a short title-cased or verbless stretch with no
  cue of its own is a name or label, not speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from newsledger.actors.index import ActorIndex
from newsledger.actors.syntax import subject_of
from newsledger.quotes.cues import Cue, find_cues, lexicon
from newsledger.quotes.marks import (
    FUNCTION_WORDS,
    MARKS,
    WORD,
    Marked,
    find_marked,
    paragraphs,
)
from newsledger.quotes.speakers import SpeakerResolver
from newsledger.records import Document, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

REGION_OUT = {"title": "title", "deck": "deck", "caption": "caption"}
SKIP_REGIONS = {"boilerplate", "byline"}
TITLE_MAX_WORDS = 6
"""A quoted stretch up to this long may be a title or label rather than speech."""
CLOSING = (".", "!", "?", ",", "…", "—")
"""How quoted speech ends inside its marks ("We will win," he said)."""
LEAD_IN_MARKS = ",:"
FIRST_PERSON = {"i", "we"}
"""Subjects by which a text outside quotation marks speaks for itself."""
LABEL_MAX_WORDS = 6
"""A "Speaker: 'quote'" label up to this long may name its speaker by a title or a name."""
NAMED_LABEL_MAX_WORDS = 12
"""A longer label names its speaker only when it ends in or is headed by a person's name
("House Ways & Means Committee Chair Jason Smith: '...'", "President Trump on the America
First agenda: '...'")."""
SIGNATURE = re.compile(r"[ \t]*(?:\n[ \t]*){0,2}[-—–][ \t]*([^\n,;]+)")
"""A dash signing a pull quote after its closing mark, on the same line or the next one."""
SIGNATURE_MAX_CHARS = 80
SIGNATURE_MAX_WORDS = 8
"""A pull quote's signature is a name with a short title, not a clause."""
SIGNED_MIN_WORDS = 3





# ---------------------------------------------------------------- assembly


def _sentence_bounds(parsed: Doc) -> list[int]:
    return [s.start_char for s in parsed.sents]


def extract_quotes(parsed: Doc, document: Document, actors: ActorIndex) -> list[Quote]:
    """Quotes of one parsed document in text order (ids q1, q2, ...)."""
    text = document.text
    marked = [m for m in find_marked(text) if document.region_at(m.start) not in SKIP_REGIONS]
    cues = [c for c in find_cues(parsed, text, marked)
            if document.region_at(c.start) not in SKIP_REGIONS]
    if not marked and not cues:
        return []
    resolver = SpeakerResolver(parsed, document, actors, [(m.open, m.end + 1) for m in marked])
    cues = _outermost(cues)
    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]
    drafts: list[dict] = []
    claimed: set[int] = set()
    for cue in cues:
        if cue.comp is None:
            continue
        inner = [m for m in marked if m.start < cue.comp[1] and cue.comp[0] < m.end]
        inner += _trailing(text, cue, marked, cues, inner)
        for m in inner:
            claimed.add(m.start)
        if not inner:
            drafts.append(dict(type="indirect", start=cue.comp[0], end=cue.comp[1], cue=cue))
            continue
        lo = min([cue.comp[0]] + [m.start for m in inner])
        hi = max([cue.comp[1]] + [m.end for m in inner])
        whole = [m for m in inner if not m.title]
        outside = _outside_text(text, lo, hi, whole)
        if whole and not outside and all(m.direct_shape for m in whole):
            for m in whole:
                drafts.append(dict(type="direct", start=m.start, end=m.end, cue=cue))
        elif whole or outside:
            drafts.append(dict(type="mixed" if whole else "indirect",
                               start=lo, end=hi, cue=cue))
    drafts += _marked_drafts(parsed, document, [m for m in marked if m.start not in claimed],
                             cues, paras)
    drafts = _dedupe(sorted(drafts, key=lambda d: (d["start"], -d["end"])))
    quotes: list[Quote] = []
    last: tuple[int, Speaker | None] = (-9, None)
    for d in drafts:
        para = bisect_right(para_starts, d["start"]) - 1
        cue: Cue | None = d.get("cue")
        if _own_voice(document, resolver, cue):
            continue
        speaker: Speaker | None = None
        if cue is not None and cue.speaker_tokens is not None:
            speaker = resolver.from_token(parsed[cue.speaker_tokens[0]])
        elif cue is not None and cue.token is not None:
            speaker = resolver.from_cue(cue.token, text[d["start"]:d["end"]])
        elif "speaker_span" in d:
            speaker = resolver.from_phrase(*d["speaker_span"])
        elif "speaker_token" in d:
            speaker = resolver.from_token(parsed[d["speaker_token"]])
        elif last[1] is not None and _continues(text, d["start"], para, last[0]):
            speaker = last[1]
        # an unattributed quote ends the previous speaker's run; a quote running over lines
        # hands over from the line where it ends
        last = (bisect_right(para_starts, max(d["start"], d["end"] - 1)) - 1, speaker)
        resolver.remember(speaker, d["start"])
        start, end = _strip(text, d["start"], d["end"])
        cue_span = Span(cue.start, cue.end, text[cue.start:cue.end]) if cue else None
        quotes.append(Quote(id=f"q{len(quotes) + 1}", type=d["type"], start=start, end=end,
                            text=text[start:end], speaker=speaker, cue=cue_span,
                            region=REGION_OUT.get(document.region_at(start), "body")))
    return quotes


def _own_voice(document: Document, resolver: SpeakerResolver, cue: Cue | None) -> bool:
    """Whether a cue is the document speaking for itself: "We urge Georgia's authorities to
    ...", "we pledge that ..." outside quotation marks in a press release or a presidential
    message read as news. That is the text's own statement, not a quotation of anyone
    (statements, readouts and transcripts give their "we" and "I" an issuer or a turn)."""
    if document.kind != "news" or cue is None or cue.token is None \
            or cue.speaker_tokens is not None:
        return False
    subject = resolver.subject_of(cue.token)
    return subject is not None and subject.lower_ in FIRST_PERSON


def _continues(text: str, start: int, para: int, last_para: int) -> bool:
    """Whether an uncued quote carries on the previous quote's speech: in the same paragraph,
    or opening the next one. A quote after words of its own paragraph ("The Guardian cited
    examples, including: '...'", "Committee Chair Jason Smith: '...'") belongs to whoever
    those words name, never to the previous speaker."""
    if para == last_para:
        return True
    if para - last_para != 1:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t" + MARKS)


def _marked_drafts(parsed: Doc, document: Document, marked: list[Marked], cues: list[Cue],
                   paras: list[tuple[int, int]]) -> list[dict]:
    """Drafts for quoted stretches no reported clause took: headline forms, quotes framed by
    a cue of their sentence, and uncued speech (continued quotes, lead-in lines)."""
    text = document.text
    sent_starts = _sentence_bounds(parsed)
    drafts: list[dict] = []
    for m in marked:
        signed = _dash_signature(text, m, parsed)
        if signed is not None:
            drafts.append(dict(type="direct", start=m.start, end=m.end, cue=None,
                               speaker_token=signed))
            continue
        if m.title:
            continue
        head = _headline_form(text, m, paras[m.para], parsed)
        if head is not None:
            drafts.append(head)
            continue
        in_title = document.region_at(m.start) == "title"
        if not in_title and _title_cased(text, m):
            continue  # "On a new website, "The Internet Explorer 6 Countdown", ..."
        cue = _frame_cue(m, cues, parsed, sent_starts, text)
        if cue is not None:
            if m.words <= 2 and not m.direct_shape:
                continue
            drafts.append(dict(type="direct" if m.direct_shape else "mixed", start=m.start,
                               end=m.end, cue=cue))
            continue
        if m.direct_shape and m.words >= 3 and (in_title or _speech_like(text, m, parsed)):
            lead = _lead_in(text, m, parsed)
            drafts.append(dict(type="direct", start=m.start, end=m.end, cue=None,
                               **({"speaker_token": lead} if lead is not None else {})))
    return drafts


def _dash_signature(text: str, m: Marked, parsed: Doc) -> int | None:
    """The person signing a pull quote with a dash after its closing mark, on the same or
    the next line: '"So far, it's the Internet: 1." - Matthew Ingram', '"..." —Adela de la
    Torre, JAC's Deputy Director'. The quote must close like a sentence and the signature
    (up to a comma or the line's end, a few words) must name a person: a cited headline
    with its publisher ('"Obama Signs Bill" - New York Times') is no quote. A signature the
    tagger misses there counts when the article tags the same words as a person elsewhere.
    Returns the token index of the person's name."""
    if m.words < SIGNED_MIN_WORDS or not _closed(text[m.start:m.end]):
        return None
    sig = SIGNATURE.match(text, m.end + 1, min(len(text), m.end + 1 + SIGNATURE_MAX_CHARS))
    if sig is None:
        return None
    lo, hi = sig.span(1)
    hi = lo + len(text[lo:hi].rstrip(" .*"))
    span = parsed.char_span(lo, hi, alignment_mode="expand")
    if span is None or not len(span) or len(WORD.findall(span.text)) > SIGNATURE_MAX_WORDS \
            or not span[0].is_title:
        return None
    person = next((t for t in span if t.ent_type_ == "PERSON"), None)
    if person is None:
        # untagged under the quote, a person where the article names him again ("Writing
        # in a blog post, Matthew Ingram of The Globe and Mail ...")
        again = any(e.label_ == "PERSON" and e.text == span.text for e in parsed.ents)
        return span[-1].i if again else None
    k = person.i
    while k + 1 < span.end and parsed[k + 1].ent_iob_ == "I" \
            and parsed[k + 1].ent_type_ == "PERSON":
        k += 1
    return k


def _closed(content: str) -> bool:
    return content.rstrip().endswith(CLOSING)


def _title_cased(text: str, m: Marked) -> bool:
    """A short stretch whose every word is capitalized (or a function word or number) and
    that does not close like a sentence names a work, site or slogan: not a quotation."""
    content = text[m.start:m.end]
    words = WORD.findall(content)
    if not 2 <= len(words) <= TITLE_MAX_WORDS or _closed(content):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in FUNCTION_WORDS for w in words)


def _speech_like(text: str, m: Marked, parsed: Doc) -> bool:
    """Whether a quote with no cue of its own reads as speech: a clause (it holds a verb), a
    closed sentence, or a long stretch. A short verbless phrase ("Scientology vs. the
    Internet, part XVII") is a name or a label."""
    if m.words > TITLE_MAX_WORDS or _closed(text[m.start:m.end]):
        return True
    span = parsed.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _lead_in(text: str, m: Marked, parsed: Doc) -> int | None:
    """The speaker announced by the line before a quote that opens its own paragraph:
    "Rathbun stated," / "Galantino has called the sentence dangerous:" then the quote.
    Returns the token index of the lead-in's subject."""
    line_start = text.rfind("\n", 0, m.open) + 1
    if text[line_start:m.open].strip():
        return None
    k = line_start - 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k <= 0 or text[k - 1] not in LEAD_IN_MARKS:
        return None
    prev_start = text.rfind("\n", 0, k - 1) + 1
    span = parsed.char_span(prev_start, k, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")
             and t.lemma_ in lexicon()["verb_set"] | {"call"}]
    subject = subject_of(verbs[-1]) if verbs else None
    return subject.i if subject is not None else None


def _outermost(cues: list[Cue]) -> list[Cue]:
    """Drop cues inside another cue's reported clause: the outer speaker reports it all."""
    out = []
    for c in cues:
        if any(o is not c and o.comp and o.comp[0] <= c.start < o.comp[1] for o in cues):
            continue
        out.append(c)
    return out


def _trailing(text: str, cue: Cue, marked: list[Marked], cues: list[Cue],
              inner: list[Marked]) -> list[Marked]:
    """Quoted fragments right after a reported clause in the same sentence ("..., but "we'll
    ensure ..."") belong to it when no other cue intervenes."""
    assert cue.comp is not None and cue.token is not None
    sent_end = cue.token.sent.end_char if cue.speaker_tokens is None else cue.comp[1] + 1
    para_end = text.find("\n", cue.comp[1])
    hi = min(sent_end, len(text) if para_end < 0 else para_end)
    semi = text.find(";", cue.comp[1], hi)
    if semi >= 0 and ":" in text[semi:semi + 60]:
        hi = semi
    out = []
    for m in marked:
        if m in inner or m.title or m.direct_shape or not (cue.comp[1] <= m.open < hi):
            continue
        if any(o is not cue and cue.comp[1] <= o.start < m.open for o in cues):
            break
        out.append(m)
    return out


def _outside_text(text: str, lo: int, hi: int, inner: list[Marked]) -> bool:
    """Whether the clause has words outside its quotation marks (then the quote is mixed)."""
    pos = lo
    rest = []
    for m in sorted(inner, key=lambda m: m.start):
        rest.append(text[pos:max(pos, m.open)])
        pos = max(pos, m.end + 1)
    rest.append(text[pos:hi])
    words = WORD.findall(" ".join(rest))
    return bool([w for w in words if w.lower() not in ("that", "s")])


def _frame_cue(m: Marked, cues: list[Cue], parsed: Doc, sent_starts: list[int],
               text: str) -> Cue | None:
    """The reporting verb framing a quote: in its sentence(s), outside the marks.

    A verb the quote hangs from syntactically wins over a nearer one; a quote followed by a
    colon ("'Not seeking war': White House stresses ...") takes the first cue after it.
    """
    para_end = text.find("\n", m.end)
    para_end = len(text) if para_end < 0 else para_end
    para_start = text.rfind("\n", 0, m.open) + 1
    after = text[m.end + 1:m.end + 3].lstrip()
    if after.startswith(":"):
        seg_end = text.find(";", m.end, para_end)
        seg_end = para_end if seg_end < 0 else seg_end
        later = [c for c in cues if c.token is not None and c.speaker_tokens is None
                 and m.end < c.start < seg_end]
        if later:
            return later[0]
    first = bisect_right(sent_starts, m.open) - 1
    last = bisect_right(sent_starts, max(m.end - 1, m.start)) - 1
    lo = sent_starts[first] if first >= 0 else 0
    hi = sent_starts[last + 1] if last + 1 < len(sent_starts) else len(text)
    tail = text[m.end + 1:m.end + 4].lstrip(" ,")
    if hi <= m.end + 2 and tail[:1].islower():
        hi = sent_starts[last + 2] if last + 2 < len(sent_starts) else len(text)
    lo, hi = max(lo, para_start), min(hi, para_end)
    span = parsed.char_span(m.start, m.end, alignment_mode="expand")
    governors = set()
    if span is not None and len(span):
        governors = {t.i for t in span.root.ancestors}
    best: Cue | None = None
    for c in cues:
        if c.token is None or not (lo <= c.start < hi) or c.speaker_tokens is not None:
            continue
        if c.comp is not None and not (c.comp[0] < m.end and m.start < c.comp[1]):
            if not (m.start <= c.comp[0] and c.comp[1] <= m.end + 2) \
                    and c.token.i not in governors:
                continue
        if best is None or _rank(c, m, governors) < _rank(best, m, governors):
            best = c
    return best


def _rank(c: Cue, m: Marked, governors: set[int]) -> tuple[int, int]:
    return (0 if c.token is not None and c.token.i in governors else 1, _distance(c, m))


def _distance(c: Cue, m: Marked) -> int:
    return m.open - c.end if c.end <= m.open else c.start - m.end


def _headline_form(text: str, m: Marked, para: tuple[int, int], parsed: Doc) -> dict | None:
    """"Speaker: 'quote'" in headlines and decks (segments split at semicolons)."""
    seg_start = max(text.rfind(";", para[0], m.open) + 1, para[0])
    colon = text.rfind(":", seg_start, m.open)
    if colon < 0:
        return None
    label = text[seg_start:colon].strip()
    words = WORD.findall(label)
    if not 1 <= len(words) <= NAMED_LABEL_MAX_WORDS or '"' in label \
            or any(ch in label for ch in MARKS[:6]):
        return None
    if label.lower() in lexicon()["rubric_set"]:
        return None  # "Analysis: 'We are not seeking war'" is a rubric, not a speaker
    lstart = seg_start + (len(text[seg_start:colon]) - len(text[seg_start:colon].lstrip()))
    label_span = parsed.char_span(lstart, colon, alignment_mode="expand")
    if label_span is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "pcomp"
                                 for t in label_span) \
            or label_span.root.pos_ not in ("NOUN", "PROPN"):  # "X on deporting ...": a topic
        return None
    if len(words) > LABEL_MAX_WORDS and "PERSON" not in (label_span[-1].ent_type_,
                                                         label_span.root.ent_type_):
        return None  # a long label must end in, or be headed by, the speaker's name
    seg_end = text.find(";", m.end, para[1])
    seg_end = para[1] if seg_end < 0 else seg_end
    content_start = colon + 1
    while text[content_start] == " ":
        content_start += 1
    whole = text[content_start] in MARKS and text[seg_end - 1:seg_end] in MARKS
    return dict(type="direct" if whole and content_start == m.open else "mixed",
                start=m.start if whole else content_start, end=m.end if whole else seg_end,
                cue=None, speaker_span=(lstart, colon))


def _dedupe(drafts: list[dict]) -> list[dict]:
    """One quote per stretch: a draft inside an earlier, larger draft is dropped."""
    out: list[dict] = []
    for d in drafts:
        if out and d["start"] < out[-1]["end"] and d["end"] <= out[-1]["end"]:
            continue
        if out and d["start"] < out[-1]["end"]:
            d = dict(d, start=out[-1]["end"])
        out.append(d)
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding space and the comma that hands over to the cue ("...," he said)."""
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return start, end
