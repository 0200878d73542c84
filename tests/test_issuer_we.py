"""A government release's own "we" on hand-built parses (no model): the signer's or the
site's government, never a senator's, a joint byline's, a speaker turn's or a shared "we"
("Together, we", "As partners, we", "we Americans"); and "they" never refers back to "we"."""

from __future__ import annotations

from newsledger.actors.index import ActorIndex
from newsledger.actors.offices import has_turns, signer_country
from newsledger.actors.voice import shared_we
from newsledger.events.arguments import ArgResolver
from newsledger.records import Document, Published, Region
from tests.docs import make_doc

STATE = "https://www.state.gov/designation-of-an-organization/"


def _release(byline: str, tail: list[tuple], url: str | None = None, kind: str = "news",
             extra: str = ""):
    """"<byline> . <tail>" with the byline as its region; tail rows are (word, head offset
    within the tail, dep, pos, tag, lemma)."""
    head = byline.replace(",", " ,").split()
    n = len(head) + 1
    words = [*head, "."] + [r[0] for r in tail]
    heads = [0] * n + [n + r[1] for r in tail]
    deps = ["dep"] * (n - 1) + ["punct"] + [r[2] for r in tail]
    deps[0] = "ROOT"
    pos = ["PROPN"] * (n - 1) + ["PUNCT"] + [r[3] for r in tail]
    tags = ["NNP"] * (n - 1) + ["."] + [r[4] for r in tail]
    lemmas = [w.lower() for w in words[:n]] + [r[5] for r in tail]
    starts = [i in (0, n) for i in range(len(words))]
    doc = make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas, sent_starts=starts)
    end = doc[n - 2].idx + len(doc[n - 2])
    document = Document(text=doc.text + extra, source="test", url=url, kind=kind,
                        title="Designation of an Organization",
                        regions=[Region(kind="byline", start=0, end=end)],
                        published=Published(date="2022-02-03", method="metadata"))
    actors = ActorIndex.from_doc(doc, document)
    actors.add("United States", "state", 0, 0, "", country="USA", key="state:USA")
    return doc, ArgResolver(doc, actors, []), n


# We will work with Japan .
WORK = [("We", 2, "nsubj", "PRON", "PRP", "we"), ("will", 2, "aux", "AUX", "MD", "will"),
        ("work", 2, "ROOT", "VERB", "VB", "work"), ("with", 2, "prep", "ADP", "IN", "with"),
        ("Japan", 3, "pobj", "PROPN", "NNP", "Japan"), (".", 2, "punct", "PUNCT", ".", ".")]


def _we(byline: str, **kw) -> str | None:
    doc, args, n = _release(byline, WORK, **kw)
    found = args.pronoun(doc[n])
    return found.actor.name if found else None


def test_an_executive_signers_we_is_their_government_even_without_a_site():
    assert _we("Ned Price, Department Spokesperson") == "United States"
    assert _we("Antony Blinken, Secretary of State") == "United States"


def test_a_senators_or_a_joint_bylines_we_is_no_government():
    assert _we("Jane Roe, Senator") is None
    assert _we("Antony Blinken, Secretary of State, French Foreign Minister Le Drian") is None


def test_a_signer_in_a_text_of_speaker_turns_is_not_its_voice():
    assert _we("Ned Price, Department Spokesperson", extra="\nQUESTION: Do we?") is None


def test_an_office_byline_speaks_for_the_sites_government_only():
    assert _we("Office of the Spokesperson", url=STATE) == "United States"
    assert _we("Office of the Spokesperson") is None  # no site, no country
    assert _we("Office of the Spokesperson", url=STATE, kind="transcript") is None


def test_signer_country_reads_the_whole_title():
    assert signer_country("Department Spokesperson", None) == "USA"
    assert signer_country("Spokesperson", None) is None  # whose? the site must say
    assert signer_country("Spokesperson", "USA") == "USA"
    assert signer_country("Senator", "USA") is None
    assert signer_country("Secretary of State, Mexican Foreign Secretary", None) is None


def test_speaker_turns_are_label_lines():
    assert has_turns("Thanks.\nQUESTION: Will you?\nSECRETARY BLINKEN: Yes.")
    assert not has_turns("Ned Price, Department Spokesperson\nNote: the U.S. is designating.")


def _doc(rows: list[tuple]):
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    return make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas)


def test_together_or_as_partners_we_is_shared():
    # Together , we will work .
    doc = _doc([("Together", 4, "advmod", "ADV", "RB", "together"),
                (",", 4, "punct", "PUNCT", ",", ","), ("we", 4, "nsubj", "PRON", "PRP", "we"),
                ("will", 4, "aux", "AUX", "MD", "will"), ("work", 4, "ROOT", "VERB", "VB", "work"),
                (".", 4, "punct", "PUNCT", ".", ".")])
    assert shared_we(doc[2])
    # As partners , we will deepen our collaboration .
    doc = _doc([("As", 5, "prep", "ADP", "IN", "as"), ("partners", 0, "pobj", "NOUN", "NNS", "partner"),
                (",", 5, "punct", "PUNCT", ",", ","), ("we", 5, "nsubj", "PRON", "PRP", "we"),
                ("will", 5, "aux", "AUX", "MD", "will"), ("deepen", 5, "ROOT", "VERB", "VB", "deepen"),
                ("our", 7, "poss", "PRON", "PRP$", "our"),
                ("collaboration", 5, "dobj", "NOUN", "NN", "collaboration"),
                (".", 5, "punct", "PUNCT", ".", ".")])
    assert shared_we(doc[3]) and shared_we(doc[6])


def test_as_a_nation_or_we_americans_is_a_people_but_as_a_result_is_not():
    # As a nation , we must act .  /  As a result , we must act .
    def as_(noun: str):
        return _doc([("As", 6, "prep", "ADP", "IN", "as"), ("a", 2, "det", "DET", "DT", "a"),
                     (noun, 0, "pobj", "NOUN", "NN", noun), (",", 6, "punct", "PUNCT", ",", ","),
                     ("we", 6, "nsubj", "PRON", "PRP", "we"), ("must", 6, "aux", "AUX", "MD", "must"),
                     ("act", 6, "ROOT", "VERB", "VB", "act"), (".", 6, "punct", "PUNCT", ".", ".")])
    assert shared_we(as_("nation")[4])
    assert not shared_we(as_("result")[4])
    # We Americans must act .
    doc = _doc([("We", 3, "nsubj", "PRON", "PRP", "we"),
                ("Americans", 0, "appos", "PROPN", "NNPS", "Americans"),
                ("must", 3, "aux", "AUX", "MD", "must"), ("act", 3, "ROOT", "VERB", "VB", "act"),
                (".", 3, "punct", "PUNCT", ".", ".")])
    assert shared_we(doc[0])
    assert not shared_we(_doc(WORK)[0])
    # we as a nation must act .
    doc = _doc([("we", 5, "nsubj", "PRON", "PRP", "we"), ("as", 0, "prep", "ADP", "IN", "as"),
                ("a", 3, "det", "DET", "DT", "a"), ("nation", 1, "pobj", "NOUN", "NN", "nation"),
                ("must", 5, "aux", "AUX", "MD", "must"), ("act", 5, "ROOT", "VERB", "VB", "act"),
                (".", 5, "punct", "PUNCT", ".", ".")])
    assert shared_we(doc[0])


def test_they_never_refers_back_to_we():
    # We spend funds if you support them .
    tail = [("We", 1, "nsubj", "PRON", "PRP", "we"), ("spend", 1, "ROOT", "VERB", "VBP", "spend"),
            ("funds", 1, "dobj", "NOUN", "NNS", "fund"), ("if", 5, "mark", "SCONJ", "IN", "if"),
            ("you", 5, "nsubj", "PRON", "PRP", "you"),
            ("support", 1, "advcl", "VERB", "VBP", "support"),
            ("them", 5, "dobj", "PRON", "PRP", "they"), (".", 1, "punct", "PUNCT", ".", ".")]
    doc, args, n = _release("Ned Price, Department Spokesperson", tail)
    assert args.pronoun(doc[n]).actor.name == "United States"  # the signer's "we"
    assert args.pronoun(doc[n + 6]) is None  # "them": the funds, no party


RELEASE = """Designation of an Indonesia-Based Organization for Support to Terrorism

Ned Price, Department Spokesperson

The United States is designating World Human Care, an Indonesia-based organization.

We will continue to work with foreign partners to protect legitimate non-profit organizations from abuse by terrorist groups.
"""


def test_model_a_spokespersons_release_we_cooperates_as_the_united_states(nlp):
    from newsledger.evaluate.news import first_line
    from newsledger.pipeline import analyze_documents, prepare

    document = prepare(Document(text=RELEASE, source="t", title=first_line(RELEASE)))
    analysis = next(iter(analyze_documents([document], nlp=nlp)))
    work = [e for e in analysis.events if e.type == "COOPERATE" and e.trigger.text.startswith("work")]
    assert [e.source.name for e in work] == ["United States"]
