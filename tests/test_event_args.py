"""Event arguments on hand-built parses (no model): who performs a clause (passives,
relative clauses, control, coordination, purpose clauses), pronouns through the shared
``actors.syntax.PronounResolver``, and places that are (not) parties to an event."""

from __future__ import annotations

import pytest

from newsledger.actors.index import ActorIndex
from newsledger.actors.tables import tables
from newsledger.events.arguments import ArgResolver, controller, passive_patient
from newsledger.events.clauses import clause_performer
from newsledger.events.roles import is_joint, noun_args, performers, verb_args
from newsledger.events.triggers import Candidate
from newsledger.records import Document, Quote, Speaker
from tests.docs import make_doc


def _resolver(doc, quotes: list[Quote] | None = None) -> ArgResolver:
    document = Document(text=doc.text, source="test")
    return ArgResolver(doc, ActorIndex.from_doc(doc, document), quotes or [])


# who performs a clause ----------------------------------------------------------------------


def test_agentless_passive_has_no_source():
    # The President said the team was denied visas .  -> nobody named denied them
    doc = make_doc(["The", "President", "said", "the", "team", "was", "denied", "visas", "."],
                   [1, 2, 2, 4, 6, 6, 2, 6, 2],
                   ["det", "nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "dobj",
                    "punct"],
                   ["DET", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "NOUN", "PUNCT"],
                   tags=["DT", "NNP", "VBD", "DT", "NN", "VBD", "VBN", "NNS", "."],
                   lemmas=["the", "president", "say", "the", "team", "be", "deny", "visa", "."])
    assert controller(doc[6]) is None


def test_passive_agent_is_the_source():
    # Montalvo was arrested by police .
    doc = make_doc(["Montalvo", "was", "arrested", "by", "police", "."],
                   [2, 2, 2, 2, 3, 2],
                   ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
                   ["PROPN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "VBN", "IN", "NNS", "."])
    assert controller(doc[2]).text == "police"


def test_relative_clause_performer_is_the_head_noun():
    # Montalvo contacted former members , who helped him .
    doc = make_doc(["Montalvo", "contacted", "former", "members", ",", "who", "helped", "him",
                    "."],
                   [1, 1, 3, 1, 3, 6, 3, 6, 1],
                   ["nsubj", "ROOT", "amod", "dobj", "punct", "nsubj", "relcl", "dobj", "punct"],
                   ["PROPN", "VERB", "ADJ", "NOUN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"],
                   tags=["NNP", "VBD", "JJ", "NNS", ",", "WP", "VBD", "PRP", "."])
    assert controller(doc[6]).text == "members"


def test_control_by_a_passive_subject():
    # Iran was urged to stop .
    doc = make_doc(["Iran", "was", "urged", "to", "stop", "."],
                   [2, 2, 2, 4, 2, 2],
                   ["nsubjpass", "auxpass", "ROOT", "aux", "xcomp", "punct"],
                   ["PROPN", "AUX", "VERB", "PART", "VERB", "PUNCT"],
                   tags=["NNP", "VBD", "VBN", "TO", "VB", "."],
                   lemmas=["iran", "be", "urge", "to", "stop", "."])
    assert controller(doc[4]).text == "Iran"


def test_object_control():
    # Germany urged Iran to stop .
    doc = make_doc(["Germany", "urged", "Iran", "to", "stop", "."],
                   [1, 1, 1, 4, 1, 1],
                   ["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"],
                   ["PROPN", "VERB", "PROPN", "PART", "VERB", "PUNCT"],
                   lemmas=["germany", "urge", "iran", "to", "stop", "."])
    assert controller(doc[4]).text == "Iran"


def _series(tag: str):
    # The US encouraged Bangladesh to consider joining , urge countries to act .
    # (the parser hangs "urge" on "encouraged", not on "consider")
    return make_doc(["The", "US", "encouraged", "Bangladesh", "to", "consider", "joining", ",",
                     "urge", "countries", "to", "act", "."],
                    [1, 2, 2, 2, 5, 2, 5, 2, 2, 8, 11, 8, 2],
                    ["det", "nsubj", "ROOT", "dobj", "aux", "xcomp", "xcomp", "punct", "conj",
                     "dobj", "aux", "xcomp", "punct"],
                    ["DET", "PROPN", "VERB", "PROPN", "PART", "VERB", "VERB", "PUNCT", "VERB",
                     "NOUN", "PART", "VERB", "PUNCT"],
                    tags=["DT", "NNP", tag, "NNP", "TO", "VB", "VBG", ",", "VB", "NNS", "TO",
                          "VB", "."],
                    lemmas=["the", "us", "encourage", "bangladesh", "to", "consider", "join",
                            ",", "urge", "country", "to", "act", "."])


def test_bare_infinitive_hung_on_a_control_verb_takes_its_object():
    doc = _series("VBD")
    assert controller(doc[8]).text == "Bangladesh"  # who urges: Bangladesh, not the US
    assert controller(doc[11]).text == "countries"  # the urged act stays with its object


def test_base_form_conjunct_of_a_base_form_verb_keeps_its_subject():
    # "They encourage X to consider ..., urge ...": both present tense, both the subject's
    assert controller(_series("VBP")[8]).text == "US"


def _coordinated(second: str, tag: str):
    # Wong was defeated and resigned .  /  Montalvo was arrested and charged .
    return make_doc(["Wong", "was", "defeated", "and", second, "."],
                    [2, 2, 2, 2, 2, 2],
                    ["nsubjpass", "auxpass", "ROOT", "cc", "conj", "punct"],
                    ["PROPN", "AUX", "VERB", "CCONJ", "VERB", "PUNCT"],
                    tags=["NNP", "VBD", "VBN", "CC", tag, "."])


def test_active_verb_coordinated_with_a_passive_shares_its_subject():
    assert controller(_coordinated("resigned", "VBD")[4]).text == "Wong"


def test_participle_coordinated_with_an_agentless_passive_has_no_source():
    assert controller(_coordinated("charged", "VBN")[4]) is None


def test_in_order_to_takes_the_performer_of_the_main_clause():
    # Rathbun requested donations in order to help Montalvo .
    doc = make_doc(["Rathbun", "requested", "donations", "in", "order", "to", "help",
                    "Montalvo", "."],
                   [1, 1, 1, 1, 3, 6, 4, 6, 1],
                   ["nsubj", "ROOT", "dobj", "prep", "pobj", "aux", "acl", "dobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "PART", "VERB", "PROPN", "PUNCT"],
                   lemmas=["rathbun", "request", "donation", "in", "order", "to", "help",
                           "montalvo", "."])
    assert controller(doc[6]).text == "Rathbun"


# pronouns -----------------------------------------------------------------------------------

def test_object_pronoun_prefers_the_main_clause_subject():
    # Montalvo said Devocht met him .  -> "him" is not Devocht, the subject of its own clause
    doc = make_doc(["Montalvo", "said", "Devocht", "met", "him", "."],
                   [1, 1, 3, 1, 3, 1],
                   ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
                   ["PROPN", "VERB", "PROPN", "VERB", "PRON", "PUNCT"],
                   tags=["NNP", "VBD", "NNP", "VBD", "PRP", "."],
                   ents=["B-PERSON", "O", "B-PERSON", "O", "O", "O"])
    found = _resolver(doc).resolve(doc[4])
    assert [a.actor.name for a in found] == ["Montalvo"]


def test_pronoun_inside_a_quote_is_not_its_speaker():
    # Rathbun wrote , " Daniel would be jailed unless he cooperated . "
    words = ["Rathbun", "wrote", ",", '"', "Daniel", "would", "be", "jailed", "unless", "he",
             "cooperated", ".", '"']
    doc = make_doc(words, [1, 1, 1, 1, 7, 7, 7, 1, 10, 10, 7, 1, 1],
                   ["nsubj", "ROOT", "punct", "punct", "nsubjpass", "aux", "auxpass", "ccomp",
                    "mark", "nsubj", "advcl", "punct", "punct"],
                   ["PROPN", "VERB", "PUNCT", "PUNCT", "PROPN", "AUX", "AUX", "VERB", "SCONJ",
                    "PRON", "VERB", "PUNCT", "PUNCT"],
                   tags=["NNP", "VBD", ",", "``", "NNP", "MD", "VB", "VBN", "IN", "PRP", "VBD",
                         ".", "''"],
                   ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O",
                         "O", "O"])
    document = Document(text=doc.text, source="test")
    actors = ActorIndex.from_doc(doc, document)
    writer = actors.find("Rathbun")
    start, end = doc[4].idx, doc[11].idx + 1
    quote = Quote(id="q1", type="direct", start=start, end=end, text=doc.text[start:end],
                  speaker=Speaker(actor=writer.id, name=writer.name, kind="person"))
    found = ArgResolver(doc, actors, [quote]).resolve(doc[9])
    assert [a.actor.name for a in found] == ["Daniel"]


# places -------------------------------------------------------------------------------------

def _consult(doc, head: int, words: list[int]) -> Candidate:
    args = _resolver(doc)
    c = Candidate(head=doc[head], words=[doc[i] for i in words], type="CONSULT", mode=None)
    verb_args(c, args, {c.head.i: c})
    return c


def test_a_city_named_with_its_country_stands_for_the_state():
    # Fernandez will travel to Tegucigalpa , Honduras .
    doc = make_doc(["Fernandez", "will", "travel", "to", "Tegucigalpa", ",", "Honduras", "."],
                   [2, 2, 2, 2, 3, 4, 4, 2],
                   ["nsubj", "aux", "ROOT", "prep", "pobj", "punct", "appos", "punct"],
                   ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"],
                   lemmas=["fernandez", "will", "travel", "to", "tegucigalpa", ",",
                           "honduras", "."],
                   ents=["B-PERSON", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"])
    c = _consult(doc, 2, [2, 3])
    assert [a.actor.name for a in c.sources] == ["Fernandez"]
    assert [a.actor.name for a in c.targets] == ["Honduras"]


def test_a_bare_place_is_no_counterpart_but_the_purpose_clause_names_one():
    # Montalvo traveled to Florida to meet with Devocht .
    doc = make_doc(["Montalvo", "traveled", "to", "Florida", "to", "meet", "with", "Devocht",
                    "."],
                   [1, 1, 1, 2, 5, 1, 5, 6, 1],
                   ["nsubj", "ROOT", "prep", "pobj", "aux", "advcl", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "ADP", "PROPN", "PUNCT"],
                   lemmas=["montalvo", "travel", "to", "florida", "to", "meet", "with",
                           "devocht", "."],
                   ents=["B-PERSON", "O", "O", "B-GPE", "O", "O", "O", "B-PERSON", "O"])
    c = _consult(doc, 1, [1, 2])
    assert [a.actor.name for a in c.targets] == ["Devocht"]


def test_infinitive_on_a_possessed_noun_is_performed_by_the_possessor():
    # The leaders reviewed their efforts to provide assistance .
    doc = make_doc(["The", "leaders", "reviewed", "their", "efforts", "to", "provide",
                    "assistance", "."],
                   [1, 2, 2, 4, 2, 6, 4, 6, 2],
                   ["det", "nsubj", "ROOT", "poss", "dobj", "aux", "acl", "dobj", "punct"],
                   ["DET", "NOUN", "VERB", "PRON", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
                   tags=["DT", "NNS", "VBD", "PRP$", "NNS", "TO", "VB", "NN", "."])
    assert controller(doc[6]).text == "their"


def test_infinitive_on_a_bare_noun_names_no_performer():
    # Germany condemned the decision to attack .  -> Germany did not decide to attack
    doc = make_doc(["Germany", "condemned", "the", "decision", "to", "attack", "."],
                   [1, 1, 3, 1, 5, 3, 1],
                   ["nsubj", "ROOT", "det", "dobj", "aux", "acl", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PUNCT"])
    assert controller(doc[5]) is None


def test_mobilized_forces_name_the_source_not_the_target():
    # Commanders of Hamas were dispatched to the front .
    doc = make_doc(["Commanders", "of", "Hamas", "were", "dispatched", "to", "the", "front",
                    "."],
                   [4, 0, 1, 4, 4, 4, 7, 5, 4],
                   ["nsubjpass", "prep", "pobj", "auxpass", "ROOT", "prep", "det", "pobj",
                    "punct"],
                   ["NOUN", "ADP", "PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
                   tags=["NNS", "IN", "NNP", "VBD", "VBN", "IN", "DT", "NN", "."],
                   lemmas=["commander", "of", "hamas", "be", "dispatch", "to", "the", "front",
                           "."],
                   ents=["O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[4], words=[doc[4]], type="MOBILIZE", mode=None)
    verb_args(c, args, {4: c})
    assert [a.actor.name for a in c.sources] == ["Hamas"]
    assert c.targets == []


def test_a_surname_tagged_as_a_common_noun_is_still_the_person():
    # Mark Rathbun wrote . Rathbun requested donations .
    doc = make_doc(["Mark", "Rathbun", "wrote", ".", "Rathbun", "requested", "donations", "."],
                   [1, 2, 2, 2, 5, 5, 5, 5],
                   ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
                   ["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "NOUN", "PUNCT"],
                   tags=["NNP", "NNP", "VBD", ".", "NN", "VBD", "NNS", "."],
                   ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
                   sent_starts=[True, False, False, False, True, False, False, False])
    found = _resolver(doc).resolve(doc[4])
    assert [a.actor.name for a in found] == ["Mark Rathbun"]


def test_the_performer_of_an_event_noun_through_a_verb_of_taking_part():
    # Fernandez will participate in meetings with Honduras .
    doc = make_doc(["Fernandez", "will", "participate", "in", "meetings", "with", "Honduras",
                    "."],
                   [2, 2, 2, 2, 3, 4, 5, 2],
                   ["nsubj", "aux", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
                   ["PROPN", "AUX", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
                   lemmas=["fernandez", "will", "participate", "in", "meeting", "with",
                           "honduras", "."],
                   ents=["B-PERSON", "O", "O", "O", "O", "O", "B-GPE", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[4], words=[doc[4]], type="CONSULT", mode=None)
    noun_args(c, args, {4: c})
    assert [a.actor.name for a in c.sources] == ["Fernandez"]
    assert [a.actor.name for a in c.targets] == ["Honduras"]


def test_we_in_an_unnamed_officials_quote_is_the_state_the_description_names():
    # The US backs Israel . We defend Israel .   (the second sentence quoted from
    # "a senior US official")
    doc = make_doc(["The", "US", "backs", "Israel", ".", "We", "defend", "Israel", "."],
                   [1, 2, 2, 2, 2, 6, 6, 6, 6],
                   ["det", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
                   ["DET", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT"],
                   tags=["DT", "NNP", "VBZ", "NNP", ".", "PRP", "VBP", "NNP", "."],
                   ents=["O", "B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"],
                   sent_starts=[True, False, False, False, False, True, False, False, False])
    document = Document(text=doc.text, source="test")
    actors = ActorIndex.from_doc(doc, document)
    official = actors.add("senior US official", "anonymous", 0, 3, "The")
    start, end = doc[5].idx, len(doc.text)
    quote = Quote(id="q1", type="direct", start=start, end=end, text=doc.text[start:end],
                  speaker=Speaker(actor=official.id, name=official.name, kind="anonymous"))
    found = ArgResolver(doc, actors, [quote]).resolve(doc[5])
    assert [a.actor.name for a in found] == ["United States"]


def test_a_place_is_never_the_performer():
    # Rockets were fired from Florida .  -> where they came from, not who fired them
    doc = make_doc(["Rockets", "were", "fired", "from", "Florida", "."],
                   [2, 2, 2, 2, 3, 2],
                   ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
                   ["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                   tags=["NNS", "VBD", "VBN", "IN", "NNP", "."],
                   ents=["O", "O", "O", "O", "B-GPE", "O"])
    args = _resolver(doc)
    florida = args.resolve(doc[4])
    assert [a.actor.kind for a in florida] == ["other"]
    assert performers(florida) == []


def _according_to(quote_type: str):
    # Rubio criticized the plan . According to Biden , he would " coordinate " .
    # ("he" in Biden's quote is Biden, not the salient subject before it)
    words = ["Rubio", "criticized", "the", "plan", ".", "According", "to", "Biden", ",", "he",
             "would", '"', "coordinate", '"', "."]
    doc = make_doc(words, [1, 1, 3, 1, 1, 12, 5, 6, 12, 12, 12, 12, 12, 12, 12],
                   ["nsubj", "ROOT", "det", "dobj", "punct", "prep", "prep", "pobj", "punct",
                    "nsubj", "aux", "punct", "ROOT", "punct", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT",
                    "PRON", "AUX", "PUNCT", "VERB", "PUNCT", "PUNCT"],
                   tags=["NNP", "VBD", "DT", "NN", ".", "VBG", "IN", "NNP", ",", "PRP", "MD",
                         "``", "VB", "''", "."],
                   ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O",
                         "O", "O", "O", "O"],
                   sent_starts=[True, False, False, False, False, True] + [False] * 9)
    document = Document(text=doc.text, source="test")
    actors = ActorIndex.from_doc(doc, document)
    biden = actors.find("Biden")
    start, end = doc[9].idx, doc[13].idx + 1
    quote = Quote(id="q1", type=quote_type, start=start, end=end, text=doc.text[start:end],
                  speaker=Speaker(actor=biden.id, name=biden.name, kind="person"))
    return ArgResolver(doc, actors, [quote]).resolve(doc[9])


def test_he_in_an_indirect_quote_is_its_speaker():
    assert [a.actor.name for a in _according_to("indirect")] == ["Biden"]


def test_he_outside_the_marks_of_a_mixed_quote_is_its_speaker():
    assert [a.actor.name for a in _according_to("mixed")] == ["Biden"]


def test_he_inside_the_marks_is_not_the_speaker():
    assert [a.actor.name for a in _according_to("direct")] == ["Rubio"]


def test_at_a_place_is_where_a_meeting_happens_not_with_whom():
    # Biden met at the White House .
    doc = make_doc(["Biden", "met", "at", "the", "White", "House", "."],
                   [1, 1, 1, 5, 5, 2, 1],
                   ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct"],
                   ["PROPN", "VERB", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
                   lemmas=["biden", "meet", "at", "the", "white", "house", "."],
                   ents=["B-PERSON", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"])
    assert _consult(doc, 1, [1]).targets == []
    args = _resolver(doc)
    c = Candidate(head=doc[1], words=[doc[1]], type="ASSAULT", mode=None)
    verb_args(c, args, {1: c})
    assert [a.actor.name for a in c.targets] == ["White House"]  # "fired at" does aim at it


def test_a_possessive_pronoun_is_who_performs_its_clause():
    # Washington urged Israel to deconflict their operations .
    doc = make_doc(["Washington", "urged", "Israel", "to", "deconflict", "their", "operations",
                    "."],
                   [1, 1, 1, 4, 1, 6, 4, 1],
                   ["nsubj", "ROOT", "dobj", "aux", "xcomp", "poss", "dobj", "punct"],
                   ["PROPN", "VERB", "PROPN", "PART", "VERB", "PRON", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "NNP", "TO", "VB", "PRP$", "NNS", "."],
                   lemmas=["washington", "urge", "israel", "to", "deconflict", "their",
                           "operation", "."],
                   ents=["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O"])
    found = _resolver(doc).resolve(doc[5])
    assert [a.actor.name for a in found] == ["Israel"]


def test_the_visitor_of_a_visit_is_its_source():
    # the visit of Marcos to Japan
    doc = make_doc(["the", "visit", "of", "Marcos", "to", "Japan"],
                   [1, 1, 1, 2, 1, 4],
                   ["det", "ROOT", "prep", "pobj", "prep", "pobj"],
                   ["DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN"],
                   ents=["O", "O", "O", "B-PERSON", "O", "B-GPE"])
    args = _resolver(doc)
    c = Candidate(head=doc[1], words=[doc[1]], type="CONSULT", mode=None)
    noun_args(c, args, {1: c})
    assert [a.actor.name for a in c.sources] == ["Marcos"]
    assert [a.actor.name for a in c.targets] == ["Japan"]


def test_it_does_not_refer_to_a_plural():
    # All Americans reject violence . We must condemn it .
    doc = make_doc(["All", "Americans", "reject", "violence", ".", "We", "must", "condemn", "it",
                    "."],
                   [1, 2, 2, 2, 2, 7, 7, 7, 7, 7],
                   ["det", "nsubj", "ROOT", "dobj", "punct", "nsubj", "aux", "ROOT", "dobj",
                    "punct"],
                   ["DET", "PROPN", "VERB", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "PRON",
                    "PUNCT"],
                   tags=["DT", "NNPS", "VBP", "NN", ".", "PRP", "MD", "VB", "PRP", "."],
                   ents=["O", "B-NORP", "O", "O", "O", "O", "O", "O", "O", "O"],
                   sent_starts=[True, False, False, False, False, True, False, False, False,
                                False])
    args = _resolver(doc)
    assert [a.actor.kind for a in args.resolve(doc[1])] == ["state"]  # Americans: the US
    assert args.resolve(doc[8]) == []


def _statement(first: str):
    # title "Statement from President Joe Biden", body: "I spoke with Netanyahu ." as the
    # issuer's own statement (a quote of type statement whose speaker has no mention)
    words = ["Statement", "from", "President", "Joe", "Biden", "\n\n", first, "spoke", "with",
             "Netanyahu", "."]
    doc = make_doc(words, [0, 0, 4, 4, 1, 4, 7, 7, 7, 8, 7],
                   ["ROOT", "prep", "compound", "compound", "pobj", "dep", "nsubj", "ROOT",
                    "prep", "pobj", "punct"],
                   ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "SPACE", "PRON", "VERB", "ADP",
                    "PROPN", "PUNCT"],
                   tags=["NN", "IN", "NNP", "NNP", "NNP", "_SP", "PRP", "VBD", "IN", "NNP",
                         "."],
                   ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O",
                         "B-PERSON", "O"],
                   spaces=[True, True, True, True, False, False, True, True, True, False,
                           False],
                   sent_starts=[True] + [False] * 5 + [True] + [False] * 4)
    title = "Statement from President Joe Biden"
    document = Document(text=doc.text, source="test", title=title)
    actors = ActorIndex(document)  # the body names no one but Netanyahu
    start = doc[6].idx
    quote = Quote(id="q1", type="statement", start=start, end=len(doc.text),
                  text=doc.text[start:], speaker=Speaker(actor=None, name="Joe Biden",
                                                         kind="person"))
    return ArgResolver(doc, actors, [quote]).resolve(doc[6])


def test_i_in_an_issuers_statement_is_the_issuer_named_in_the_title():
    assert [a.actor.name for a in _statement("I")] == ["Joe Biden"]


def test_we_in_an_issuers_statement_stays_unresolved():
    assert _statement("We") == []


# more governors, issuers, people-groups and nominal arguments ------------------------------


def _policy(verb: str, lemma: str):
    # Malaysia <verb> a policy of turning away boats .
    return make_doc(["Malaysia", verb, "a", "policy", "of", "turning", "away", "boats", "."],
                    [1, 1, 3, 1, 3, 4, 5, 5, 1],
                    ["nsubj", "ROOT", "det", "dobj", "prep", "pcomp", "prt", "dobj", "punct"],
                    ["PROPN", "VERB", "DET", "NOUN", "ADP", "VERB", "ADP", "NOUN", "PUNCT"],
                    tags=["NNP", "VBD", "DT", "NN", "IN", "VBG", "RP", "NNS", "."],
                    lemmas=["malaysia", lemma, "a", "policy", "of", "turn", "away", "boat",
                            "."],
                    ents=["B-GPE", "O", "O", "O", "O", "O", "O", "O", "O"])


def test_a_policy_held_by_the_subject_is_performed_by_it():
    assert controller(_policy("maintained", "maintain")[5]).text == "Malaysia"


def test_a_policy_criticised_is_not_performed_by_the_critic():
    assert controller(_policy("criticised", "criticise")[5]) is None


def test_purpose_clause_of_a_verb_whose_subject_the_parser_missed():
    # Australia is coordinating to provide help .   ("Australia" left without a subject arc)
    doc = make_doc(["Australia", "is", "coordinating", "to", "provide", "help", "."],
                   [2, 2, 2, 4, 2, 4, 2],
                   ["dep", "aux", "ROOT", "aux", "advcl", "dobj", "punct"],
                   ["PROPN", "AUX", "VERB", "PART", "VERB", "NOUN", "PUNCT"],
                   tags=["NNP", "VBZ", "VBG", "TO", "VB", "NN", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "O"])
    assert controller(doc[4]).text == "Australia"


def test_we_in_a_presidential_statement_is_the_administration_it_names():
    # My Administration delivered care . We will honor veterans .  (a statement by Joe Biden)
    doc = make_doc(["My", "Administration", "delivered", "care", ".", "We", "will", "honor",
                    "veterans", "."],
                   [1, 2, 2, 2, 2, 7, 7, 7, 7, 7],
                   ["poss", "nsubj", "ROOT", "dobj", "punct", "nsubj", "aux", "ROOT", "dobj",
                    "punct"],
                   ["PRON", "PROPN", "VERB", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "NOUN",
                    "PUNCT"],
                   tags=["PRP$", "NNP", "VBD", "NN", ".", "PRP", "MD", "VB", "NNS", "."],
                   lemmas=["my", "administration", "deliver", "care", ".", "we", "will",
                           "honor", "veteran", "."],
                   sent_starts=[True, False, False, False, False, True, False, False, False,
                                False])
    quote = Quote(id="q1", type="statement", start=0, end=len(doc.text), text=doc.text,
                  speaker=Speaker(actor=None, name="Joe Biden", kind="person"))
    args = _resolver(doc, [quote])
    found = args.resolve(doc[5])
    assert [a.actor.name.lower() for a in found] == ["my administration"]
    # the veterans honored are a people-group actor
    assert [a.actor.kind for a in args.resolve(doc[8])] == ["group"]


def test_our_inside_a_capitalised_title_names_no_one():
    # the Honoring our Promise Act   ("our" is a word of the law's name)
    doc = make_doc(["the", "Honoring", "our", "Promise", "Act"],
                   [4, 4, 3, 1, 4],
                   ["det", "compound", "poss", "dobj", "ROOT"],
                   ["DET", "VERB", "PRON", "NOUN", "PROPN"],
                   tags=["DT", "VBG", "PRP$", "NN", "NNP"])
    quote = Quote(id="q1", type="statement", start=0, end=len(doc.text), text=doc.text,
                  speaker=Speaker(actor=None, name="Joe Biden", kind="person"))
    assert _resolver(doc, [quote]).resolve(doc[2]) == []


def test_boats_of_migrants_are_the_migrants():
    # Thailand turned away boats of migrants .
    doc = make_doc(["Thailand", "turned", "away", "boats", "of", "migrants", "."],
                   [1, 1, 1, 1, 3, 4, 1],
                   ["nsubj", "ROOT", "prt", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "ADP", "NOUN", "ADP", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "RP", "NNS", "IN", "NNS", "."],
                   lemmas=["thailand", "turn", "away", "boat", "of", "migrant", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[1], words=[doc[1], doc[2]], type="REJECT", mode=None)
    verb_args(c, args, {1: c})
    assert [a.actor.name for a in c.sources] == ["Thailand"]
    assert [a.actor.name for a in c.targets] == ["migrants"]


def test_a_bare_number_object_counts_the_first_conjuncts_object():
    # Fishermen rescued 700 migrants and the Navy saved 200 more .
    doc = make_doc(["Fishermen", "rescued", "700", "migrants", "and", "the", "Navy", "saved",
                    "200", "more", "."],
                   [1, 1, 3, 1, 1, 6, 7, 1, 7, 8, 1],
                   ["nsubj", "ROOT", "nummod", "dobj", "cc", "det", "nsubj", "conj", "dobj",
                    "amod", "punct"],
                   ["NOUN", "VERB", "NUM", "NOUN", "CCONJ", "DET", "PROPN", "VERB", "NUM",
                    "ADJ", "PUNCT"],
                   tags=["NNS", "VBD", "CD", "NNS", "CC", "DT", "NNP", "VBD", "CD", "JJR", "."],
                   lemmas=["fisherman", "rescue", "700", "migrant", "and", "the", "navy",
                           "save", "200", "more", "."])
    args = _resolver(doc)
    c = Candidate(head=doc[7], words=[doc[7]], type="AID", mode=None)
    verb_args(c, args, {7: c})
    assert [a.actor.name.lower() for a in c.targets] == ["700 migrants"]


def test_a_noun_of_giving_lends_its_possessor_to_the_aid_it_gives():
    # Germany 's provision of assistance
    doc = make_doc(["Germany", "'s", "provision", "of", "assistance"],
                   [2, 0, 2, 2, 3],
                   ["poss", "case", "ROOT", "prep", "pobj"],
                   ["PROPN", "PART", "NOUN", "ADP", "NOUN"],
                   tags=["NNP", "POS", "NN", "IN", "NN"],
                   ents=["B-GPE", "O", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[4], words=[doc[4]], type="AID", mode=None)
    noun_args(c, args, {4: c})
    assert [a.actor.name for a in c.sources] == ["Germany"]


def test_a_noun_that_is_not_giving_lends_nothing():
    # Germany 's criticism of assistance
    doc = make_doc(["Germany", "'s", "criticism", "of", "assistance"],
                   [2, 0, 2, 2, 3],
                   ["poss", "case", "ROOT", "prep", "pobj"],
                   ["PROPN", "PART", "NOUN", "ADP", "NOUN"],
                   tags=["NNP", "POS", "NN", "IN", "NN"],
                   ents=["B-GPE", "O", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[4], words=[doc[4]], type="AID", mode=None)
    noun_args(c, args, {4: c})
    assert c.sources == []


def test_the_release_of_hostages_is_done_by_their_holder():
    # the release of hostages held by Hamas
    doc = make_doc(["the", "release", "of", "hostages", "held", "by", "Hamas"],
                   [1, 1, 1, 2, 3, 4, 5],
                   ["det", "ROOT", "prep", "pobj", "acl", "agent", "pobj"],
                   ["DET", "NOUN", "ADP", "NOUN", "VERB", "ADP", "PROPN"],
                   tags=["DT", "NN", "IN", "NNS", "VBN", "IN", "NNP"],
                   lemmas=["the", "release", "of", "hostage", "hold", "by", "hamas"],
                   ents=["O", "O", "O", "O", "O", "O", "B-ORG"])
    args = _resolver(doc)
    c = Candidate(head=doc[1], words=[doc[1]], type="RETREAT", mode=None)
    noun_args(c, args, {1: c})
    assert [a.actor.name for a in c.sources] == ["Hamas"]
    assert [a.actor.name for a in c.targets] == ["hostages"]


def test_the_issuers_our_owns_nothing_that_is_a_party():
    # We will protect our partners .   (a statement's own voice: "we" acts, "our partners"
    # are not the issuer)
    doc = make_doc(["We", "will", "protect", "our", "partners", "."],
                   [2, 2, 2, 4, 2, 2],
                   ["nsubj", "aux", "ROOT", "poss", "dobj", "punct"],
                   ["PRON", "AUX", "VERB", "PRON", "NOUN", "PUNCT"],
                   tags=["PRP", "MD", "VB", "PRP$", "NNS", "."],
                   lemmas=["we", "will", "protect", "our", "partner", "."])
    quote = Quote(id="q1", type="statement", start=0, end=len(doc.text), text=doc.text,
                  speaker=Speaker(actor=None, name="Joe Biden", kind="person"))
    assert _resolver(doc, [quote]).resolve(doc[4]) == []


def test_we_in_a_joint_statement_is_no_single_issuer():
    doc = make_doc(["Our", "Administration", "acts", ".", "We", "condemn", "it", "."],
                   [1, 2, 2, 2, 5, 5, 5, 5],
                   ["poss", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
                   ["PRON", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"],
                   tags=["PRP$", "NNP", "VBZ", ".", "PRP", "VBP", "PRP", "."],
                   sent_starts=[True, False, False, False, True, False, False, False])
    document = Document(text=doc.text, source="test", title="Joint Statement by X and Y",
                        kind="statement")
    quote = Quote(id="q1", type="statement", start=0, end=len(doc.text), text=doc.text,
                  speaker=Speaker(actor=None, name="Joe Biden", kind="person"))
    args = ArgResolver(doc, ActorIndex.from_doc(doc, document), [quote])
    assert args.resolve(doc[4]) == []


def test_the_president_is_the_holder_the_text_made_subject_not_the_nearest():
    # Joseph Biden , Jr. spoke with President Sisi . The President thanked Sisi .
    words = ["Joseph", "Biden", ",", "Jr.", "spoke", "with", "President", "Sisi", ".", "The",
             "President", "thanked", "Sisi", "."]
    doc = make_doc(words, [1, 4, 4, 4, 4, 4, 7, 5, 4, 10, 11, 11, 11, 11],
                   ["compound", "dep", "punct", "nsubj", "ROOT", "prep", "compound", "pobj",
                    "punct", "det", "nsubj", "ROOT", "dobj", "punct"],
                   ["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "ADP", "PROPN", "PROPN",
                    "PUNCT", "DET", "PROPN", "VERB", "PROPN", "PUNCT"],
                   tags=["NNP", "NNP", ",", "NNP", "VBD", "IN", "NNP", "NNP", ".", "DT", "NNP",
                         "VBD", "NNP", "."],
                   ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "O",
                         "O", "O", "O", "B-PERSON", "O"],
                   sent_starts=[True] + [False] * 8 + [True] + [False] * 4)
    args = _resolver(doc)
    for name in ("Joseph Biden", "Sisi"):
        args.actors.find(name).role = "President"
    assert [a.actor.name for a in args.resolve(doc[10])] == ["Joseph Biden"]


def test_a_name_read_as_two_places_is_a_person_with_a_person_noun_in_apposition():
    # Valeska Paris , an Australian woman , left .
    doc = make_doc(["Valeska", "Paris", ",", "an", "Australian", "woman", ",", "left", "."],
                   [1, 7, 1, 5, 5, 1, 1, 7, 7],
                   ["compound", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT",
                    "punct"],
                   ["PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB", "PUNCT"],
                   tags=["NNP", "NNP", ",", "DT", "JJ", "NN", ",", "VBD", "."],
                   lemmas=["valeska", "paris", ",", "an", "australian", "woman", ",", "leave",
                           "."],
                   ents=["B-GPE", "B-GPE", "O", "O", "B-NORP", "O", "O", "O", "O"])
    found = _resolver(doc).resolve(doc[1])
    assert [(a.actor.name, a.actor.kind) for a in found] == [("Valeska Paris", "person")]


def test_the_city_stays_a_city_without_a_person_noun():
    # Metro Paris , the capital , grew .
    doc = make_doc(["Metro", "Paris", ",", "the", "capital", ",", "grew", "."],
                   [1, 6, 1, 4, 1, 1, 6, 6],
                   ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"],
                   ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
                   lemmas=["metro", "paris", ",", "the", "capital", ",", "grow", "."],
                   ents=["O", "B-GPE", "O", "O", "O", "O", "O", "O"])
    found = _resolver(doc).resolve(doc[1])
    assert all(a.actor.kind != "person" for a in found)


def test_who_undergoes_a_subjectless_passive_is_the_governing_performer():
    # Iran sought to be included .  -> Iran is who is included, not who includes
    doc = make_doc(["Iran", "sought", "to", "be", "included", "."],
                   [1, 1, 4, 4, 1, 1],
                   ["nsubj", "ROOT", "aux", "auxpass", "xcomp", "punct"],
                   ["PROPN", "VERB", "PART", "AUX", "VERB", "PUNCT"],
                   tags=["NNP", "VBD", "TO", "VB", "VBN", "."],
                   lemmas=["iran", "seek", "to", "be", "include", "."])
    assert controller(doc[4]) is None
    assert passive_patient(doc[4]).text == "Iran"


def test_a_relative_clause_on_a_description_is_performed_by_the_name_it_describes():
    # WHC , an organization that provided support
    doc = make_doc(["WHC", ",", "an", "organization", "that", "provided", "support"],
                   [0, 0, 3, 0, 5, 3, 5],
                   ["ROOT", "punct", "det", "appos", "nsubj", "relcl", "dobj"],
                   ["PROPN", "PUNCT", "DET", "NOUN", "PRON", "VERB", "NOUN"],
                   tags=["NNP", ",", "DT", "NN", "WDT", "VBD", "NN"])
    assert controller(doc[5]).text == "WHC"


def test_a_hyphenated_given_name_stays_in_the_persons_name():
    # Wong Yeung-tat resigned .
    doc = make_doc(["Wong", "Yeung", "-", "tat", "resigned", "."],
                   [3, 3, 3, 4, 4, 4],
                   ["compound", "compound", "punct", "nsubj", "ROOT", "punct"],
                   ["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
                   ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"],
                   spaces=[True, False, False, True, False, False])
    found = _resolver(doc).resolve(doc[3])
    assert [a.actor.name for a in found] == ["Wong Yeung-tat"]


def test_an_adjective_that_is_no_nationality_owns_no_group():
    # veteran politicians resigned .
    doc = make_doc(["veteran", "politicians", "resigned", "."],
                   [1, 2, 2, 2],
                   ["amod", "nsubj", "ROOT", "punct"],
                   ["ADJ", "NOUN", "VERB", "PUNCT"],
                   tags=["JJ", "NNS", "VBD", "."],
                   lemmas=["veteran", "politician", "resign", "."])
    found = _resolver(doc).resolve(doc[1])
    assert [a.actor.name for a in found] == ["veteran politicians"]


def test_representatives_from_a_state_stand_for_it():
    # representatives from Panama met .
    doc = make_doc(["representatives", "from", "Panama", "met", "."],
                   [3, 0, 1, 3, 3],
                   ["nsubj", "prep", "pobj", "ROOT", "punct"],
                   ["NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
                   tags=["NNS", "IN", "NNP", "VBD", "."],
                   lemmas=["representative", "from", "panama", "meet", "."],
                   ents=["O", "O", "B-GPE", "O", "O"])
    assert [a.actor.name for a in _resolver(doc).resolve(doc[0])] == ["Panama"]


def _returned(body: str, ent: str):
    # <body> left . He returned the files to the organization .
    words = [body, "left", ".", "He", "returned", "the", "files", "to", "the", "organization",
             "."]
    return make_doc(words, [1, 1, 1, 4, 4, 6, 4, 4, 9, 7, 4],
                    ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "det", "dobj", "prep", "det",
                     "pobj", "punct"],
                    ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "DET", "NOUN", "ADP", "DET",
                     "NOUN", "PUNCT"],
                    tags=["NNP", "VBD", ".", "PRP", "VBD", "DT", "NNS", "IN", "DT", "NN", "."],
                    lemmas=[body.lower(), "leave", ".", "he", "return", "the", "file", "to",
                            "the", "organization", "."],
                    ents=[ent, "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
                    sent_starts=[True, False, False, True] + [False] * 7)


def test_the_organization_is_the_body_named_just_before():
    doc = _returned("Scientology", "B-ORG")
    assert [a.actor.name for a in _resolver(doc).resolve(doc[9])] == ["Scientology"]


def test_the_organization_is_no_person_named_before():
    doc = _returned("Montalvo", "B-PERSON")
    assert _resolver(doc).resolve(doc[9]) == []


def test_restricted_plural_is_not_the_meeting_pair() -> None:
    """"the two leaders" refers back to a meeting's parties; "the governments of the region"
    names its own."""
    pair = make_doc(["the", "two", "leaders", "met"], [2, 2, 3, 3],
                    ["det", "nummod", "nsubj", "ROOT"], ["DET", "NUM", "NOUN", "VERB"],
                    tags=["DT", "CD", "NNS", "VBD"], lemmas=["the", "two", "leader", "meet"])
    assert is_joint(pair[2])
    region = make_doc(["the", "governments", "of", "the", "region", "work"],
                      [1, 5, 1, 4, 2, 5], ["det", "nsubj", "prep", "det", "pobj", "ROOT"],
                      ["DET", "NOUN", "ADP", "DET", "NOUN", "VERB"],
                      tags=["DT", "NNS", "IN", "DT", "NN", "VBP"],
                      lemmas=["the", "government", "of", "the", "region", "work"])
    assert not is_joint(region[1])


def test_collective_noun_takes_the_agent_its_modifiers_name() -> None:
    """"civil society groups" are civil society; a collective noun alone names nobody."""
    t = tables()
    assert t.agent("civil society group") is None
    assert t.collective_agent("civil society groups") == t.agent("civil society")
    assert t.collective_agent("opposition groups") == t.agent("opposition")
    assert t.collective_agent("groups") is None
    assert t.collective_agent("the groups") is None


def test_possessive_under_for_is_the_object() -> None:
    """"thank Norway for its leadership": its = Norway, not the thanking "we"; "hold Russia
    accountable for its war": its = Russia."""
    thank = make_doc(["We", "thank", "Norway", "for", "its", "leadership"],
                     [1, 1, 1, 1, 5, 3], ["nsubj", "ROOT", "dobj", "prep", "poss", "pobj"],
                     ["PRON", "VERB", "PROPN", "ADP", "PRON", "NOUN"],
                     tags=["PRP", "VBP", "NNP", "IN", "PRP$", "NN"])
    assert clause_performer(thank[4]).text == "Norway"
    hold = make_doc(["we", "hold", "Russia", "accountable", "for", "its", "war"],
                    [1, 1, 3, 1, 3, 6, 4],
                    ["nsubj", "ROOT", "nsubj", "ccomp", "prep", "poss", "pobj"],
                    ["PRON", "VERB", "PROPN", "ADJ", "ADP", "PRON", "NOUN"],
                    tags=["PRP", "VBP", "NNP", "JJ", "IN", "PRP$", "NN"])
    assert clause_performer(hold[5]).text == "Russia"
    plain = make_doc(["We", "announced", "its", "plan"], [1, 1, 3, 1],
                     ["nsubj", "ROOT", "poss", "dobj"], ["PRON", "VERB", "PRON", "NOUN"],
                     tags=["PRP", "VBD", "PRP$", "NN"])
    assert clause_performer(plain[2]).text == "We"


@pytest.mark.parametrize("verb,lemma,giver,recipients", [
    ("sought", "seek", "U.S.", ["Bangladesh"]),      # asks for the aid: receives it
    ("welcomed", "welcome", "U.S.", ["Bangladesh"]),
    ("sought", "seek", "more", []),                  # no giver named: no aid given
])
def test_who_seeks_or_welcomes_a_givers_aid_receives_it(verb, lemma, giver, recipients):
    # Bangladesh sought U.S. assistance .
    doc = make_doc(["Bangladesh", verb, giver, "assistance", "."],
                   [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", "compound" if giver == "U.S." else "amod", "dobj",
                    "punct"],
                   ["PROPN", "VERB", "PROPN" if giver == "U.S." else "ADJ", "NOUN", "PUNCT"],
                   lemmas=["bangladesh", lemma, giver.lower(), "assistance", "."],
                   ents=["B-GPE", "O", "B-GPE" if giver == "U.S." else "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[3], words=[doc[3]], type="AID", mode=None)
    noun_args(c, args, {3: c})
    assert [a.actor.name for a in c.targets] == recipients
