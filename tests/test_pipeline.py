"""The driver and the registered components: one way to run the stages, failures isolated."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsledger.nlp import components
from newsledger.nlp.components import ACTORS, EVENTS, PARAGRAPHS, QUOTES, STAGES
from newsledger.pipeline import analyze_documents, make_doc, prepare
from newsledger.records import Document
from newsledger.settings import Settings

TEXT = (
    "Iran launched drones at Israel on Saturday, the military said.\n\n"
    "\u201cWe will defend ourselves,\u201d Prime Minister Benjamin Netanyahu said on Sunday.\n"
)


def _document() -> Document:
    return prepare(Document(text=TEXT, source="test.txt"))


def test_every_stage_is_a_registered_factory_declaring_requires_and_assigns():
    for name in STAGES:
        meta = Language.get_factory_meta(name)
        assert meta.assigns, name
        assert meta.requires, name
        assert all(a.startswith("doc._.") for a in meta.assigns)


def test_the_pipeline_runs_the_stages_after_the_model_in_order(nlp):
    names = nlp.pipe_names
    assert [n for n in names if n in STAGES] == list(STAGES)
    assert names.index(ACTORS) > names.index("ner")
    problems = nlp.analyze_pipes()["problems"]
    assert not any(problems.values()), problems


def test_a_failing_stage_keeps_the_other_stages_results(nlp, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(components, "extract_events", broken)
    analysis = next(analyze_documents([_document()], nlp))
    assert analysis.actors, "actors survive a failing event stage"
    assert analysis.quotes, "quotes survive a failing event stage"
    assert analysis.events == []
    assert analysis.document.meta["stage_errors"] == {EVENTS: "RuntimeError: boom"}


def test_a_failing_actor_stage_still_yields_quotes(nlp, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("bad parse")

    monkeypatch.setattr(components.ActorIndex, "from_doc", broken)
    analysis = next(analyze_documents([_document()], nlp))
    assert any("defend ourselves" in q.text for q in analysis.quotes)
    assert set(analysis.document.meta["stage_errors"]) == {ACTORS}


def test_stages_past_the_time_budget_are_skipped_and_said(nlp):
    analysis = next(analyze_documents([_document()], nlp, Settings(max_seconds=-1)))
    assert analysis.document.meta["analysis_skipped"] == list(STAGES)
    assert analysis.actors == [] and analysis.quotes == [] and analysis.events == []


def test_documents_over_the_size_budget_are_stored_without_records(nlp):
    big, small = _document(), prepare(Document(text="Iran attacked Israel.", source="s"))
    results = list(analyze_documents([big, small], nlp, Settings(max_analysis_chars=100)))
    assert [r.document.source for r in results] == ["test.txt", "s"]
    assert "analysis_skipped" in results[0].document.meta and not results[0].quotes
    assert "analysis_skipped" not in results[1].document.meta


def test_select_pipes_runs_a_stage_alone(nlp):
    with nlp.select_pipes(disable=[QUOTES, EVENTS]):
        doc = nlp(make_doc(nlp, _document()))
    assert doc._.actors is not None and doc._.quotes is None and doc._.events is None


def test_a_stage_refuses_a_doc_without_its_document(nlp):
    with pytest.raises(ValueError, match="doc._.document is not set"):
        nlp("Iran attacked Israel.")


def test_a_blank_line_starts_a_sentence_and_one_newline_does_not():
    blank = spacy.blank("en")
    blank.add_pipe(PARAGRAPHS)
    doc = blank("Biden signs bill\n\nWASHINGTON \u2014 The president\nsaid so.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "WASHINGTON" in starts and "said" not in starts


@pytest.mark.parametrize("text,starts", [
    ("Truce\n\nCAIRO, May 3 (Reuters) - Israel and Hamas agreed.", ["Truce", "CAIRO", "Israel"]),
    ("KYIV (AP) -- Russia attacked.", ["KYIV", "Russia"]),
    ("Biden signs bill\n\nWASHINGTON \u2014 The president said so.",
     ["Biden", "WASHINGTON", "The"]),
    # no dateline: a name or an acronym and a dash opens no new sentence
    ("Israel and Hamas - the two sides - agreed.", ["Israel"]),
    ("UN - The council met.", ["UN"]),
    # a transcript's speaker label is no part of the turn's first sentence
    ("Q\n\nSECRETARY BLINKEN: We have provided aid.", ["Q", "SECRETARY", "We"]),
    ("Note: the council met.", ["Note"]),
])
def test_a_wire_dateline_or_speaker_label_is_a_sentence_of_its_own(text, starts):
    blank = spacy.blank("en")
    blank.add_pipe(PARAGRAPHS)
    assert [t.text for t in blank(text) if t.is_sent_start] == starts


def test_a_dateline_place_is_no_actor_of_the_lead(nlp):
    from newsledger.pipeline import analyze_document
    a = analyze_document(Document(
        text="Order to leave\n\nNIAMEY (Reuters) - Niger's junta ordered French troops to "
             "leave the country.", source="test"), nlp=nlp)
    assert all(x.name != "NIAMEY" for x in a.actors)
    expel = [e for e in a.events if e.type == "SANCTION"]
    assert expel and expel[0].source is not None and expel[0].source.country == "NER"
    assert expel[0].source.name == "Nigerien government"


def test_the_parser_keeps_paragraph_starts(nlp):
    assert nlp.pipe_names.index(PARAGRAPHS) < nlp.pipe_names.index("parser")
    doc = nlp.get_pipe(PARAGRAPHS)(nlp.make_doc("Senator says bill is dead\n\nThe bill, "
                                                 "officials said on Monday, will pass."))
    for name in ("tok2vec", "parser"):
        doc = nlp.get_pipe(name)(doc)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Senator says bill is dead", sents
