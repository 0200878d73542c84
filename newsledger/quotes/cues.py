"""Cues of reported speech: reporting verbs, source phrases and the clauses they report.

A regex of reporting-verb forms from the lexicon (``data/reporting_verbs.json``) finds the
candidate words; the parse confirms them (a verb of the lexicon, not negated, outside quotation
marks) and gives each its reported clause: a clausal complement, the infinitive of a
pledge-like verb, "told X that ...", "as X said, ...", "according to X" / "in the words of X",
a finding of a document ("a recent poll found ..."), or a fronted clause the parser left
unattached ("..., Minister X announced Thursday."). Clauses never leave the cue's paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newsledger.actors.syntax import subject_of
from newsledger.data import load_json
from newsledger.quotes.marks import DOUBLE_CLOSE, SINGLE_CLOSE, Marked

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SOURCE_PHRASES = ("according", "words")
"""Heads of source phrases: "according to X", "in the words of X"."""
RUBRIC = re.compile(r"\s*([A-Za-z&' ]{1,24}):\s*")
"""A headline rubric before a reported clause ("Watch: ...")."""
THAT_END = re.compile(r"\b(?:that|which|who|whom)\s*$")
MIN_ATTRIBUTED_CHARS = 10
"""A source phrase attributes a clause only if it is longer than this."""
MIN_FRONTED_TOKENS = 4
"""A fronted clause the parser left unattached must be at least this long."""
MIN_CONTENT_TOKENS = 3
"""The object an emphasis verb reports ("stressed the need to ...") is at least this long:
"stressed the point" states nothing."""
SPEAKER_ENTS = ("PERSON", "ORG", "GPE", "NORP")
PEOPLE_PRONOUNS = {"i", "we", "he", "she", "they"}


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
    data["content_object_set"] = set(data["content_object_verbs"])
    data["person_set"] = set(data["person_nouns"]) | set(data["group_heads"]) | \
        set(data["anonymous_heads"]) - {"one"}
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
    """Not said ("did not say"), or not said yet ("He will underscore that ...", "may
    announce"): a modal before the cue reports no speech."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _expletive_frame(tok: Token) -> bool:
    """An infinitive cue in an expletive frame ("It is a false choice to suggest we must
    ...", "It is wrong to say that ...", "It would be a mistake to claim ..."): the verb has
    no subject of its own and "it" stands for no one, so nothing is reported."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    gov = tok.head if tok.dep_ == "xcomp" else None
    if tok.dep_ in ("acl", "relcl") and tok.head.dep_ in ("attr", "acomp"):
        gov = tok.head.head  # "It is a false choice [to suggest]" parsed under the noun
    return gov is not None and gov is not tok and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in gov.children)


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
            for o in objs:  # "that" must open a clause, not stand as a relative pronoun
                found += [c for c in o.children if c.dep_ in ("acl", "relcl")
                          and (first := next(iter(c.subtree))).lower_ == "that"
                          and first.dep_ == "mark"]
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
                or _negated(tok) or _expletive_frame(tok):
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
        elif lemma in lex["content_object_set"] and (obj := _content_object(tok)) is not None:
            comp = _clip(text, _subtree_span(obj), tok.idx)
        elif tok.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark"
                                         for c in tok.children) and not _acting(tok):
            comp = _as_clause(tok)  # "As Karine said, the President convened ..."
            comp = _clip(text, comp, tok.idx) if comp is not None else None
        else:
            comp = _fronted_clause(tok, text, marked, starts)
        if comp is None and (tok.lemma_ in lex["complement_only_set"] or phrasal):
            continue
        cues.append(Cue(token=tok, start=tok.idx, end=tok.idx + len(tok), comp=comp))
    return cues


def _content_object(tok: Token) -> Token | None:
    """The object of an emphasis verb when it is a stated position, the report's content:
    "underscored the United States' commitment to the security of Poland", "emphasized the
    need to open roads". Not a pronoun or a name ("acknowledged the crowd", "stressed it"),
    and only with a subject to speak it."""
    if not _speaking_subject(subject_of(tok)) or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        return None  # "will reaffirm their commitment" is not said yet
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ in SPEAKER_ENTS:
        return None
    return obj if len(list(obj.subtree)) >= MIN_CONTENT_TOKENS else None


def _speaking_subject(subj: Token | None) -> bool:
    """A subject that can hold a position: a name, a pronoun of people, a title or a group
    ("the two leaders"); not a thing ("This visit underscored ...")."""
    if subj is None:
        return False
    lex = lexicon()
    heads = lex["person_set"]
    return subj.pos_ == "PROPN" or subj.ent_type_ in SPEAKER_ENTS \
        or subj.lower_ in PEOPLE_PRONOUNS or subj.lemma_.lower() in heads \
        or subj.lower_ in heads


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
    if _inside(comma, marked, starts) or _inside(lo, marked, starts) or any(
            lo <= m.open < comma for m in marked):
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


def _acting(tok: Token) -> bool:
    """Whether a verb names an act rather than a saying: "as the administration continues to
    make progress", "as Democrats insist on shutting down the government". An infinitive
    after a comma belongs to the main clause ("..., as Luigi said, to ensure that ...")."""
    doc = tok.doc
    return any(c.dep_ == "xcomp" and c.i > tok.i
               and not any(t.is_punct for t in doc[tok.i + 1:c.left_edge.i])
               or c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children)
               for c in tok.children)


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
