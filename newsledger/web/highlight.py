"""The document text as HTML with every quote, speaker, trigger, actor and date marked.

Spans may nest or overlap; the text is cut at every span boundary and each piece is wrapped
in the spans covering it, closing and reopening elements so the HTML always nests. Every
piece of text and every attribute is escaped here: document text is untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from newsledger.records import Analysis


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``ref`` ties the pieces of one record together (e.g. "e3")."""

    start: int
    end: int
    kind: str  # quote | speaker | cue | evidence | trigger | actor | date | place | participant
    ref: str
    title: str
    anchor: bool = False  # the first piece carries id=ref so /documents/ID#ref lands on it
    label: str | None = None  # shown inline before the span (displaCy style), first piece only


# Outer spans first when two start together: a quote holds its triggers, not the reverse.
_RANK = {"quote": 0, "statement": 0, "evidence": 1, "speaker": 2, "cue": 3, "participant": 4, "actor": 5,
         "date": 6, "place": 7, "trigger": 8}


def marks_for(analysis: Analysis) -> list[Mark]:
    """Every span of the analysis record that the document view highlights."""
    marks: list[Mark] = []
    for actor in analysis.actors:
        for m in actor.mentions:
            marks.append(Mark(m.start, m.end, "actor", actor.id,
                              f"{actor.name} ({actor.kind})", label=actor.kind.upper()))
    for q in analysis.quotes:
        who = (f"{q.speaker.name} ({q.speaker.kind})" if q.speaker else "speaker unknown")
        kind = "statement" if q.type == "statement" else "quote"
        speaker = q.speaker.name if q.speaker else "unattributed"
        marks.append(Mark(q.start, q.end, kind, q.id, f"{q.type} quote {q.id} — {who}",
                          anchor=True, label=f"{q.type.upper()} · {speaker}"))
        if q.speaker and q.speaker.start is not None and q.speaker.end is not None:
            marks.append(Mark(q.speaker.start, q.speaker.end, "speaker", q.id,
                              f"speaker of {q.id}: {q.speaker.name}"))
        if q.cue:
            marks.append(Mark(q.cue.start, q.cue.end, "cue", q.id, f"cue of {q.id}"))
    for e in analysis.events:
        src = e.source.name if e.source else "?"
        tgt = e.target.name if e.target else "?"
        when = e.date.value if e.date and e.date.value else "undated"
        title = f"{e.id}: {e.type} ({e.modality}) {src} → {tgt}, {when}"
        marks.append(Mark(e.evidence.start, e.evidence.end, "evidence", e.id, title))
        marks.append(Mark(e.trigger.start, e.trigger.end, "trigger", e.id, title, anchor=True,
                          label=e.type if e.modality == "asserted" else f"{e.type} ({e.modality})"))
        for role, p in (("source", e.source), ("target", e.target)):
            if p and p.start is not None and p.end is not None:
                marks.append(Mark(p.start, p.end, "participant", e.id, f"{role} of {e.id}: {p.name}"))
        if e.date and e.date.start is not None and e.date.end is not None:
            marks.append(Mark(e.date.start, e.date.end, "date", e.id,
                              f"date of {e.id}: {e.date.value or '?'}",
                              label=f"DATE {e.date.value or '?'}"))
        loc = e.location
        if loc and loc.start is not None and loc.end is not None:
            marks.append(Mark(loc.start, loc.end, "place", e.id, f"place of {e.id}: {loc.name}",
                              label="PLACE"))
    return marks


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with ``marks`` as nested ``<span>`` elements."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    valid.sort(key=lambda m: (m.start, -m.end, _RANK.get(m.kind, 9), m.ref))
    bounds = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    order = {id(m): i for i, m in enumerate(valid)}
    anchored: set[str] = set()
    labelled: set[tuple] = set()
    out: list[str] = []
    stack: list[Mark] = []
    starting = 0  # index into ``valid`` of the next mark to open
    active: list[Mark] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > left]
        while starting < len(valid) and valid[starting].start <= left:
            if valid[starting].end > left:
                active.append(valid[starting])
            starting += 1
        wanted = sorted(active, key=lambda m: order[id(m)])
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        stack = stack[:keep]
        for m in wanted[keep:]:
            out.append(_open(m, anchored, labelled))
            stack.append(m)
        out.append(str(escape(text[left:right])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def _open(m: Mark, anchored: set[str], labelled: set[tuple]) -> str:
    attrs = (f' class="hl hl-{m.kind}" data-ref="{escape(m.ref)}" title="{escape(m.title)}"'
             f' aria-description="{escape(m.title)}"')
    key = (m.start, m.end, m.kind, m.label)  # several events on one date or place: one label
    if m.label and key not in labelled:
        labelled.add(key)
        attrs += f' data-label="{escape(m.label)}"'
    if m.anchor and m.ref not in anchored:
        anchored.add(m.ref)
        attrs = f' id="{escape(m.ref)}"' + attrs
    return f"<span{attrs}>"


def highlighted(analysis: Analysis) -> Markup:
    return render(analysis.document.text, marks_for(analysis))
