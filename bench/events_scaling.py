"""Does the event stage stay linear on event-dense text?

Builds texts of about 17, 35 and 69 KB from the seed article's body (repeated paragraphs:
the same events and actors many times, the worst case for all-pairs loops), parses each
once, then times the actor index, the quotation stage and the event stage separately. A
linear stage keeps its time per KB flat as the text doubles.

Run: nice python bench/events_scaling.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newsledger.actors.index import ActorIndex
from newsledger.events.extract import extract_events
from newsledger.nlp.model import load_nlp
from newsledger.pipeline import prepare
from newsledger.quotes.extract import extract_quotes
from newsledger.records import Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
SIZES_KB = (17, 35, 69)


def _text(body: str, kb: int) -> str:
    out = []
    while sum(len(p) for p in out) < kb * 1000:
        out.append(body)
    return "\n\n".join(out)[: kb * 1000]


def main() -> int:
    if not SEED.exists():
        print(f"needs {SEED}", file=sys.stderr)
        return 1
    body = SEED.read_text(encoding="utf-8")
    nlp = load_nlp()
    print(f"{'KB':>4} {'actors s':>9} {'quotes s':>9} {'events s':>9} {'events ms/KB':>13} "
          f"{'records':>8}")
    for kb in SIZES_KB:
        document = prepare(Document(text=_text(body, kb), source=f"bench:{kb}"),
                           published="2024-04-14")
        parsed = nlp(document.text)
        t0 = time.process_time()
        actors = ActorIndex.from_doc(parsed, document)
        t1 = time.process_time()
        quotes = extract_quotes(parsed, document, actors)
        t2 = time.process_time()
        events = extract_events(parsed, document, actors, quotes)
        t3 = time.process_time()
        print(f"{kb:>4} {t1 - t0:>9.2f} {t2 - t1:>9.2f} {t3 - t2:>9.2f} "
              f"{1000 * (t3 - t2) / kb:>13.1f} {len(events):>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
