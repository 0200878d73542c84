"""The document view's evidence layers, displaCy style: inline labels, a toggle per layer,
transcripts as turns.

The toggles are plain checkboxes the style sheet reads (``:has``), so they work without
scripts; ``document.js`` only adds the hover link between the side list and the text.
"""

from __future__ import annotations

from typing import Any

from newsledger.records import Analysis
from newsledger.web.highlight import marks_for, render

# Layer name → (label, the highlight kinds it shows).
LAYERS = {
    "actors": ("actors", ("actor", "participant")),
    "quotes": ("quotes", ("quote", "speaker", "cue")),
    "statements": ("statements", ("statement",)),
    "events": ("events", ("evidence", "trigger")),
    "dates": ("dates", ("date",)),
    "places": ("places", ("place",)),
}


def evidence_view(analysis: Analysis) -> dict[str, Any]:
    """The highlighted body, the layers present (with counts) and whether to show turns."""
    marks = marks_for(analysis)
    counts = {name: len({m.ref + str(m.start) for m in marks if m.kind in kinds})
              for name, (_, kinds) in LAYERS.items()}
    layers = [{"name": name, "label": label, "count": counts[name]}
              for name, (label, _) in LAYERS.items()]
    return {"body": render(analysis.document.text, marks), "layers": layers,
            "turns": analysis.document.kind == "transcript"}
