"""Quotations: direct, mixed and indirect speech, with their cue and speaker.

Detection works from two cheap signals before touching the parse: quotation marks found by a
character scan of each paragraph, and a regex of reporting-verb forms from the lexicon
(``data/reporting_verbs.json``). Only sentences holding one of them are looked at. Speakers are
resolved by :mod:`newsledger.quotes.speakers`.

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
  previous paragraph; "Speaker: 'quote'" forms in headlines and decks name their speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newsledger.actors.index import ActorIndex
from newsledger.actors.syntax import subject_of
from newsledger.data import load_json
from newsledger.quotes.marks import (
    DOUBLE_CLOSE,
    FUNCTION_WORDS,
    MARKS,
    SINGLE_CLOSE,
    WORD,
    Marked,
    find_marked,
    paragraphs,
)
from newsledger.quotes.speakers import SpeakerResolver
from newsledger.records import Document, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REGION_OUT = {"title": "title", "deck": "deck", "caption": "caption"}
SKIP_REGIONS = {"boilerplate", "byline"}
SOURCE_PHRASES = ("according", "words")
"""Heads of source phrases: "according to X", "in the words of X"."""
RUBRIC = re.compile(r"\s*([A-Za-z&' ]{1,24}):\s*")
THAT_END = re.compile(r"\b(?:that|which|who|whom)\s*$")
MIN_ATTRIBUTED_CHARS = 10
"""A source phrase attributes a clause only if it is longer than this."""
MIN_FRONTED_TOKENS = 4
"""A fronted clause the parser left unattached must be at least this long."""
TITLE_MAX_WORDS = 6
"""A quoted stretch up to this long may be a title or label rather than speech."""
CLOSING = (".", "!", "?", ",", "…", "—")
"""How quoted speech ends inside its marks ("We will win," he said)."""
LEAD_IN_MARKS = ",:"
"""A line ending with one of these hands over to the quotation that opens the next one."""



@cache
def lexicon() -> dict:
    """The cue lexicon with derived sets and the surface-form regex."""
    data = dict(load_json("reporting_verbs.json"))
    verbs = set(data["verbs"])
    forms: set[str] = set()
    for lemma in verbs:
        forms.update(_inflect(lemma))
        forms.update(data["forms"].get(lemma, ()))
    forms.update(SOURCE_PHRASES)
    for lemma in data["phrasal"]:
        forms.update(_inflect(lemma))
        forms.update(data["forms"].get(lemma, ()))
    data["phrasal_set"] = {k: set(v) for k, v in data["phrasal"].items()}
    data["verb_set"] = verbs
    data["complement_only_set"] = set(data["complement_only"])
    data["xcomp_set"] = set(data["xcomp_verbs"])
    data["report_set"] = set(data["report_nouns"])
    data["rubric_set"] = set(data["rubric_labels"])
    data["finding_set"] = set(data["finding_verbs"])
    for lemma in data["finding_verbs"]:
        forms.update(_inflect(lemma))
        forms.update(data["forms"].get(lemma, ()))
    data["question_set"] = set(data["question_words"])
    data["work_set"] = set(data["work_nouns"])
    data["cue_forms"] = frozenset(f.lower() for f in forms)
    return data


LETTERS = re.compile(r"[A-Za-z]+")


def cue_candidates(text: str) -> list[tuple[int, int]]:
    """Offsets of words that are surface forms of a cue (a set lookup per word: about 25 times
    faster than one alternation regex over the lexicon)."""
    forms = lexicon()["cue_forms"]
    return [m.span() for m in LETTERS.finditer(text) if m.group().lower() in forms]


def _inflect(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma):
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        out.add(lemma + "es")
    return out


@dataclass
class Cue:
    token: Token | None
    start: int
    end: int
    comp: tuple[int, int] | None  # the reported clause, char offsets
    speaker_tokens: tuple[int, int] | None = None  # for "according to X"


# ---------------------------------------------------------------- cues


def _inside(pos: int, marked: list[Marked], starts: list[int]) -> Marked | None:
    k = bisect_right(starts, pos) - 1
    if k >= 0 and marked[k].start <= pos < marked[k].end:
        return marked[k]
    return None


def _subtree_span(tok: Token, skip_mark: bool = True) -> tuple[int, int]:
    toks = [t for t in tok.subtree]
    while skip_mark and toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in DOUBLE_CLOSE + SINGLE_CLOSE + '"':
        toks.pop()
    if not toks:
        return tok.idx, tok.idx + len(tok)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _complement(tok: Token, lex: dict, marked: list[Marked],
                starts: list[int]) -> list[Token] | None:
    """The clause(s) a reporting verb reports: ccomp, xcomp of pledge-like verbs, "told X that"."""
    found = [c for c in tok.children if c.dep_ == "ccomp"]
    if not found:
        found = [c for c in tok.children if c.dep_ == "xcomp" and tok.lemma_ in lex["xcomp_set"]]
    if not found:  # "told ABC's program that ...": the parser hangs the clause on the object
        for obj in tok.children:
            objs = [obj] if obj.dep_ in ("dobj", "dative") else []
            if obj.dep_ == "prep":  # "told LA Weekly in a statement that ..."
                objs = [o for o in obj.children if o.dep_ == "pobj"
                        and o.lemma_.lower() in lex["report_set"]]
            for o in objs:
                found += [c for c in o.children if c.dep_ in ("acl", "relcl")
                          and next(iter(c.subtree)).lower_ == "that"]
    if not found and tok.dep_ == "parataxis" and tok.head.i < tok.i \
            and _inside(tok.head.idx, marked, starts):
        return [tok.head]
    first = next(iter(found[0].subtree)) if found else None
    if first is not None and first.lower_ in lex["question_set"] \
            and (first.lower_ != "if" or tok.lemma_ == "ask"):  # "said if ..." is conditional
        return None
    return found


def find_cues(parsed: Doc, text: str, marked: list[Marked]) -> list[Cue]:
    """Reporting verbs (and "according to") found by the surface-form regex, checked on the
    parse: lemma in the lexicon, a verb, not negated, not inside quotation marks."""
    lex = lexicon()
    starts = [m.start for m in marked]
    cues: list[Cue] = []
    for start, end in cue_candidates(text):
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if _inside(tok.idx, marked, starts):
            continue
        if tok.lower_ in SOURCE_PHRASES:
            cue = _source_phrase(tok, text)
            if cue is not None:
                cues.append(cue)
            continue
        phrasal = tok.lemma_ in lex["phrasal_set"] and any(
            c.lower_ in lex["phrasal_set"][tok.lemma_] for c in tok.children)
        verb_like = tok.pos_ in ("VERB", "AUX") or tok.pos_ == "NOUN" and tok.lower_.endswith(
            "s") and any(c.dep_ == "ccomp" for c in tok.children)  # "X notes, '...'"
        lemma = tok.lower_[:-1] if tok.pos_ == "NOUN" else tok.lemma_
        finding = lemma in lex["finding_set"] and _report_subject(tok, lex)
        if (lemma not in lex["verb_set"] and not phrasal and not finding) or not verb_like \
                or _negated(tok):
            continue
        comps = _complement(tok, lex, marked, starts)
        if comps is None:  # a question ("asked whether ..."), not a report
            continue
        comps = [c for c in comps if _same_paragraph(text, c.idx, tok.idx)]
        if phrasal:
            comps = [c for c in comps if c.lower_ not in lex["phrasal_set"][tok.lemma_]]
        comp = None
        if comps:
            spans = [_subtree_span(c) for c in comps]
            comp = (min(a for a, _ in spans), max(b for _, b in spans))
            if comps[0].i < tok.i:
                comp = (comp[0], min(comp[1], _left_of_cue(tok)))
            comp = _clip(text, comp, tok.idx)
        elif tok.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark"
                                         for c in tok.children):
            comp = _as_clause(tok)  # "As Karine said, the President convened ..."
            comp = _clip(text, comp, tok.idx) if comp is not None else None
        else:
            comp = _fronted_clause(tok, text, marked, starts)
        if comp is None and (tok.lemma_ in lex["complement_only_set"] or phrasal):
            continue
        cues.append(Cue(token=tok, start=tok.idx, end=tok.idx + len(tok), comp=comp))
    return cues


def _report_subject(tok: Token, lex: dict) -> bool:
    """Whether a verb's subject is a document ("a recent poll found ...", "the report
    shows ..."): then finding verbs report its content."""
    subject = subject_of(tok)
    return subject is not None and subject.lemma_.lower() in lex["report_set"]


def _fronted_clause(tok: Token, text: str, marked: list[Marked],
                   starts: list[int]) -> tuple[int, int] | None:
    """"The government will expand the program, Health Minister Mark Holland announced."
    when the parser left the fronted clause unattached (often because it joined the line to
    the paragraph before): the clause from the paragraph's start to the comma before the
    cue's subject. Only for a cue with nothing after it but adverbs and the full stop."""
    subject = subject_of(tok)
    if subject is None or subject.i > tok.i or any(
            c.dep_ in ("dobj", "dative", "ccomp", "xcomp") and _same_paragraph(text, c.idx, tok.idx)
            for c in tok.children):
        return None
    doc = tok.doc
    left = subject.left_edge.i
    if left == 0 or doc[left - 1].text != ",":
        return None
    comma = doc[left - 1].idx
    lo = max(text.rfind("\n", 0, comma) + 1, tok.sent.start_char)
    if _inside(comma, marked, starts) or _inside(lo, marked, starts):
        return None  # a quotation's own marks decide its span
    span = doc.char_span(lo, comma, alignment_mode="expand")
    if span is None or len(span) < MIN_FRONTED_TOKENS or not any(
            t.pos_ in ("VERB", "AUX") for t in span):
        return None
    return _clip(text, (lo, comma), tok.idx)


def _same_paragraph(text: str, a: int, b: int) -> bool:
    """Whether two offsets share a line: the parser's sentences may run across a paragraph
    break ("... border bill\n\nWASHINGTON (AP) — Biden said ..."), a report never does."""
    return "\n" not in text[min(a, b):max(a, b)]


def _as_clause(tok: Token) -> tuple[int, int] | None:
    """The main clause an "as X said" clause attributes, without the as-clause itself."""
    inner = {t.i for t in tok.subtree}
    rest = [t for t in tok.head.subtree if t.i not in inner]
    if tok.i < tok.head.i:  # fronted: the attributed clause is what follows the as-clause
        rest = [t for t in rest if t.i > max(inner)]
    while rest and (rest[0].is_punct or rest[0].dep_ in ("cc", "advmod") and rest[0].i < tok.i):
        rest.pop(0)
    while rest and rest[-1].is_punct:
        rest.pop()
    if len(rest) < 3:
        return None
    return rest[0].idx, rest[-1].idx + len(rest[-1])


def _clip(text: str, comp: tuple[int, int], anchor: int) -> tuple[int, int] | None:
    """Keep a reported clause inside the cue's paragraph (the parser's sentences may not),
    without a headline rubric before it ("Watch: ...")."""
    rubric = RUBRIC.match(text, comp[0], comp[1])
    if rubric and rubric.group(1).lower() in lexicon()["rubric_set"]:
        comp = (rubric.end(), comp[1])
    lo = text.rfind("\n", 0, anchor) + 1
    hi = text.find("\n", anchor)
    hi = len(text) if hi < 0 else hi
    semi = text.find(";", anchor, hi)
    if semi >= 0 and ":" in text[semi:semi + 60]:  # "...; senior official: 'quote'" in decks
        hi = semi
    start, end = max(comp[0], lo), min(comp[1], hi)
    return (start, end) if end - start > 2 else None


def _left_of_cue(tok: Token) -> int:
    """Where the reporting frame of a fronted complement starts ("..., the official said")."""
    left = min([tok.i] + [c.left_edge.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")])
    k = left - 1
    doc = tok.doc
    while k >= 0 and doc[k].is_punct and doc[k].text not in DOUBLE_CLOSE + "\"'’":
        k -= 1
    return doc[k].idx + len(doc[k]) if k >= 0 else tok.idx


def _source_phrase(tok: Token, text: str) -> Cue | None:
    """"according to X" / "in the words of X": X is the source of the clause around it."""
    if tok.lower_ == "according":
        link = next((c for c in tok.children if c.lower_ == "to"), None)
        frame = tok
    else:  # "words" of "in the words of X"
        link = next((c for c in tok.children if c.lower_ == "of"), None)
        frame = tok.head
        if frame.lower_ != "in" or tok.dep_ != "pobj":
            return None
    objs = [c for c in link.children if c.dep_ == "pobj"] if link else []
    if not objs:
        return None
    obj = next((c for c in objs if c.ent_type_), objs[0])  # "to curator Elaine Gustafon"
    phrase = _subtree_span(frame, skip_mark=False)
    comp = _according_clause(frame, phrase, text, after_only=frame is not tok)
    comp = _clip(text, comp, tok.idx) if comp is not None else None
    if comp is None:
        return None
    return Cue(token=obj, start=frame.idx, end=link.idx + len(link), comp=comp,
               speaker_tokens=(obj.i, obj.i + 1))


def _according_clause(tok: Token, phrase: tuple[int, int], text: str,
                      after_only: bool = False) -> tuple[int, int] | None:
    """The clause a source phrase attributes: the rest of the sentence after a fronted
    phrase (or after "... that, according to X, ..."), else the sentence before it."""
    sent = tok.sent
    s0, s1 = sent.start_char, sent.end_char
    while s1 > s0 and text[s1 - 1] in ".!? \n":
        s1 -= 1
    k = phrase[0]
    while k > s0 and text[k - 1] in ", ":
        k -= 1
    if phrase[0] - s0 <= 2 or after_only or THAT_END.search(text, s0, k):
        j = phrase[1]
        while j < s1 and text[j] in ", ":
            j += 1
        return (j, s1) if s1 - j > MIN_ATTRIBUTED_CHARS else None
    return (s0, k) if k - s0 > MIN_ATTRIBUTED_CHARS else None


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
    sent_starts = _sentence_bounds(parsed)
    for m in marked:
        if m.start in claimed or m.title:
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
    drafts = _dedupe(sorted(drafts, key=lambda d: (d["start"], -d["end"])))
    quotes: list[Quote] = []
    last: tuple[int, Speaker | None] = (-9, None)
    for d in drafts:
        para = bisect_right(para_starts, d["start"]) - 1
        cue: Cue | None = d.get("cue")
        speaker: Speaker | None = None
        if cue is not None and cue.speaker_tokens is not None:
            speaker = resolver.from_token(parsed[cue.speaker_tokens[0]])
        elif cue is not None and cue.token is not None:
            speaker = resolver.from_cue(cue.token, text[d["start"]:d["end"]])
        elif "speaker_span" in d:
            speaker = resolver.from_phrase(*d["speaker_span"])
        elif "speaker_token" in d:
            speaker = resolver.from_token(parsed[d["speaker_token"]])
        elif last[1] is not None and para - last[0] <= 1:
            speaker = last[1]
        last = (para, speaker)  # an unattributed quote ends the previous speaker's run
        resolver.remember(speaker, d["start"])
        start, end = _strip(text, d["start"], d["end"])
        cue_span = Span(cue.start, cue.end, text[cue.start:cue.end]) if cue else None
        quotes.append(Quote(id=f"q{len(quotes) + 1}", type=d["type"], start=start, end=end,
                            text=text[start:end], speaker=speaker, cue=cue_span,
                            region=REGION_OUT.get(document.region_at(start), "body")))
    return quotes


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
    if not 1 <= len(words) <= 6 or '"' in label or any(ch in label for ch in MARKS[:6]):
        return None
    if label.lower() in lexicon()["rubric_set"]:
        return None  # "Analysis: 'We are not seeking war'" is a rubric, not a speaker
    lstart = seg_start + (len(text[seg_start:colon]) - len(text[seg_start:colon].lstrip()))
    label_span = parsed.char_span(lstart, colon, alignment_mode="expand")
    if label_span is None or any(t.pos_ in ("VERB", "AUX") for t in label_span) \
            or label_span.root.pos_ not in ("NOUN", "PROPN"):
        return None
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
