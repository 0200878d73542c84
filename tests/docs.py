"""Hand-built spaCy ``Doc``s for rule tests, so a model update cannot change what they check.

spaCy's own tests build their inputs the same way (``tests/lang/en/test_noun_chunks.py``):
words, heads (absolute token indices), dependency labels and coarse tags, optionally lemmas,
fine tags and entities. Only a blank English vocabulary is loaded, never the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab


@lru_cache(maxsize=1)
def _vocab() -> Vocab:
    import spacy

    return spacy.blank("en").vocab


def make_doc(
    words: Sequence[str],
    heads: Sequence[int],
    deps: Sequence[str],
    pos: Sequence[str],
    *,
    tags: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    ents: Sequence[str] | None = None,
    spaces: Sequence[bool] | None = None,
    sent_starts: Sequence[bool] | None = None,
) -> Doc:
    """A parsed ``Doc`` from explicit annotations.

    ``heads`` are absolute indices (a root is its own head); ``ents`` are IOB strings such as
    ``"B-PERSON"``, ``"I-PERSON"``, ``"O"``; lemmas default to the lower-cased word.
    """
    n = len(words)
    for name, seq in (("heads", heads), ("deps", deps), ("pos", pos)):
        if len(seq) != n:
            raise ValueError(f"{name} has {len(seq)} items for {n} words")
    if spaces is None:
        spaces = [
            i + 1 < n and words[i + 1] not in {".", ",", ":", ";", "?", "!", "'s", "n't", "%"}
            for i in range(n)
        ]
    return Doc(
        _vocab(),
        words=list(words),
        spaces=list(spaces),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
        tags=list(tags) if tags is not None else None,
        lemmas=list(lemmas) if lemmas is not None else [w.lower() for w in words],
        ents=list(ents) if ents is not None else None,
        sent_starts=list(sent_starts) if sent_starts is not None else None,
    )


def arg_resolver(doc: Doc, url: str | None = None):
    """The event stage's argument resolver over a hand-built ``Doc``: its actors registered
    as the pipeline registers them, for a document published 2023-02-10 at ``url``."""
    from newsledger.actors.index import ActorIndex
    from newsledger.events.arguments import ArgResolver
    from newsledger.records import Document, Published

    document = Document(text=doc.text, source="test", url=url,
                        published=Published(date="2023-02-10", method="metadata"))
    return ArgResolver(doc, ActorIndex.from_doc(doc, document), [])
