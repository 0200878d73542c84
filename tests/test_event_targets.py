"""Targets of events the gate would drop as one-sided, on hand-built parses (no model): the
recipient named by an event noun in the phrase ("provide help on assistance to Tonga", "$50
million in assistance to Ethiopia"), counted people ("aid to millions of Ukrainians"), the
party complied with ("complying with Hamas's demands"), a gift's purpose ("donated vaccines
to help Vietnam") and an agent placed by "in" ("local authorities in Maine")."""

from __future__ import annotations

from newsledger.actors.index import ActorIndex
from newsledger.events.arguments import ArgResolver
from newsledger.events.roles import noun_args, verb_args
from newsledger.events.triggers import Candidate, noun_code
from newsledger.records import Document, Published
from tests.docs import make_doc

WH = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/02/10/statement/"


def _resolver(doc, url: str | None = None) -> ArgResolver:
    document = Document(text=doc.text, source="test", url=url,
                        published=Published(date="2023-02-10", method="metadata"))
    return ArgResolver(doc, ActorIndex.from_doc(doc, document), [])


def _names(args) -> list[str]:
    return [a.actor.name for a in args]


# an event noun of the same type names the recipient ---------------------------------------


def _help_on(inner_lemma: str):
    # Australia will provide help on assistance to Tonga .
    return make_doc(["Australia", "will", "provide", "help", "on", inner_lemma, "to", "Tonga", "."],
                    [2, 2, 2, 2, 3, 4, 5, 6, 2],
                    ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
                    ["PROPN", "AUX", "VERB", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
                    tags=["NNP", "MD", "VB", "NN", "IN", "NN", "IN", "NNP", "."],
                    lemmas=["Australia", "will", "provide", "help", "on", inner_lemma, "to",
                            "Tonga", "."],
                    ents=["B-GPE", "O", "O", "O", "O", "O", "O", "B-GPE", "O"])


def test_a_same_type_event_noun_in_the_phrase_names_the_recipient():
    doc = _help_on("assistance")
    help_ = Candidate(head=doc[3], words=[doc[2], doc[3]], type="AID", mode=None, light=doc[2])
    inner = Candidate(head=doc[5], words=[doc[5]], type="AID", mode=None)
    noun_args(help_, _resolver(doc), {3: help_, 5: inner})
    assert _names(help_.sources) == ["Australia"]
    assert _names(help_.targets) == ["Tonga"]


def test_an_event_noun_of_another_type_lends_no_recipient():
    doc = _help_on("talks")
    help_ = Candidate(head=doc[3], words=[doc[2], doc[3]], type="AID", mode=None, light=doc[2])
    inner = Candidate(head=doc[5], words=[doc[5]], type="CONSULT", mode=None)
    noun_args(help_, _resolver(doc), {3: help_, 5: inner})
    assert help_.targets == []


def _amount(verb: str, lemma: str):
    # Japan provided $ 50 million in assistance to Ethiopia .
    return make_doc(["Japan", verb, "$", "50", "million", "in", "assistance", "to", "Ethiopia",
                     "."],
                    [1, 1, 4, 4, 1, 4, 5, 6, 7, 1],
                    ["nsubj", "ROOT", "quantmod", "compound", "dobj", "prep", "pobj", "prep",
                     "pobj", "punct"],
                    ["PROPN", "VERB", "SYM", "NUM", "NUM", "ADP", "NOUN", "ADP", "PROPN",
                     "PUNCT"],
                    tags=["NNP", "VBD", "$", "CD", "CD", "IN", "NN", "IN", "NNP", "."],
                    lemmas=["Japan", lemma, "$", "50", "million", "in", "assistance", "to",
                            "Ethiopia", "."],
                    ents=["B-GPE", "O", "B-MONEY", "I-MONEY", "I-MONEY", "O", "O", "O",
                          "B-GPE", "O"])


def test_an_amounts_event_noun_names_the_recipient_of_the_giving_verb():
    doc = _amount("provided", "provide")
    verb = Candidate(head=doc[1], words=[doc[1]], type="AID", mode=None)
    noun = Candidate(head=doc[6], words=[doc[6]], type="AID", mode=None)
    verb_args(verb, _resolver(doc), {1: verb, 6: noun})
    assert _names(verb.sources) == ["Japan"]
    assert _names(verb.targets) == ["Ethiopia"]


def test_an_amounts_event_noun_with_its_own_giver_is_another_gift():
    # Japan provided $ 50 million in Germany 's assistance to Ethiopia: not Japan's gift
    doc = _amount("provided", "provide")
    verb = Candidate(head=doc[1], words=[doc[1]], type="AID", mode=None)
    noun = Candidate(head=doc[6], words=[doc[6]], type="AID", mode=None)
    noun.sources = _resolver(doc).resolve(doc[0])  # a giver of its own
    verb_args(verb, _resolver(doc), {1: verb, 6: noun})
    assert verb.targets == []


# counted people -----------------------------------------------------------------------------


def _counted(people: str, ent: str, url: str | None):
    # Germany sent aid to millions of Ukrainians .
    doc = make_doc(["Germany", "sent", "aid", "to", "millions", "of", people, "."],
                   [1, 1, 1, 1, 3, 4, 5, 1],
                   ["nsubj", "ROOT", "dobj", "dative", "pobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
                   tags=["NNP", "VBD", "NN", "IN", "NNS", "IN", "NNPS", "."],
                   lemmas=["Germany", "send", "aid", "to", "million", "of", people, "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", ent, "O"])
    return doc, _resolver(doc, url)


def test_counted_people_are_the_people_counted():
    doc, args = _counted("Ukrainians", "B-NORP", None)
    found = args.resolve(doc[4])
    assert [a.actor.country for a in found] == ["UKR"]
    c = Candidate(head=doc[2], words=[doc[1], doc[2]], type="AID", mode=None, light=doc[1])
    noun_args(c, args, {2: c})
    assert [a.actor.country for a in c.targets] == ["UKR"]


def test_a_releases_own_public_counted_is_no_party():
    doc, args = _counted("Americans", "B-NORP", WH)
    assert args.resolve(doc[4]) == []


def test_a_count_word_as_subject_names_no_counted_agent():
    # Millions of Ukrainians fled .
    doc = make_doc(["Millions", "of", "Ukrainians", "fled", "."], [3, 0, 1, 3, 3],
                   ["nsubj", "prep", "pobj", "ROOT", "punct"],
                   ["NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
                   tags=["NNS", "IN", "NNPS", "VBD", "."],
                   lemmas=["million", "of", "Ukrainians", "flee", "."],
                   ents=["O", "O", "B-NORP", "O", "O"])
    assert _resolver(doc).resolve(doc[0]) == []


# the party complied with --------------------------------------------------------------------


def test_complying_with_a_demand_concedes_to_who_demanded():
    # Israel is complying with Hamas 's demands .
    doc = make_doc(["Israel", "is", "complying", "with", "Hamas", "'s", "demands", "."],
                   [2, 2, 2, 2, 6, 4, 3, 2],
                   ["nsubj", "aux", "ROOT", "prep", "poss", "case", "pobj", "punct"],
                   ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PART", "NOUN", "PUNCT"],
                   tags=["NNP", "VBZ", "VBG", "IN", "NNP", "POS", "NNS", "."],
                   lemmas=["Israel", "be", "comply", "with", "Hamas", "'s", "demand", "."],
                   ents=["B-GPE", "O", "O", "O", "B-ORG", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[2], words=[doc[2]], type="CONCEDE", mode=None)
    demand = Candidate(head=doc[6], words=[doc[6]], type="REQUEST", mode=None)
    verb_args(c, args, {2: c, 6: demand})
    assert _names(c.sources) == ["Israel"]
    assert _names(c.targets) == ["Hamas"]


# a gift's purpose ---------------------------------------------------------------------------


def _donated(purpose: str, lemma: str):
    # Japan donated vaccines to help Vietnam .
    return make_doc(["Japan", "donated", "vaccines", "to", purpose, "Vietnam", "."],
                    [1, 1, 1, 4, 1, 4, 1],
                    ["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj", "punct"],
                    ["PROPN", "VERB", "NOUN", "PART", "VERB", "PROPN", "PUNCT"],
                    tags=["NNP", "VBD", "NNS", "TO", "VB", "NNP", "."],
                    lemmas=["Japan", "donate", "vaccine", "to", lemma, "Vietnam", "."],
                    ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O"])


def test_a_gifts_purpose_clause_names_whom_it_helps():
    doc = _donated("help", "help")
    c = Candidate(head=doc[1], words=[doc[1]], type="AID", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert _names(c.targets) == ["Vietnam"]


def test_a_purpose_that_helps_no_one_names_no_recipient():
    doc = _donated("strengthen", "strengthen")
    c = Candidate(head=doc[1], words=[doc[1]], type="AID", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert c.targets == []


def test_the_gift_that_helps_names_whom_it_helps():
    # The doses Japan donated are helping to support Vietnam 's response .
    doc = make_doc(["The", "doses", "Japan", "donated", "are", "helping", "to", "support",
                    "Vietnam", "'s", "response", "."],
                   [1, 5, 3, 1, 5, 5, 7, 5, 10, 8, 7, 5],
                   ["det", "nsubj", "nsubj", "relcl", "aux", "ROOT", "aux", "xcomp", "poss",
                    "case", "dobj", "punct"],
                   ["DET", "NOUN", "PROPN", "VERB", "AUX", "VERB", "PART", "VERB", "PROPN",
                    "PART", "NOUN", "PUNCT"],
                   tags=["DT", "NNS", "NNP", "VBD", "VBP", "VBG", "TO", "VB", "NNP", "POS",
                         "NN", "."],
                   lemmas=["the", "dose", "Japan", "donate", "be", "help", "to", "support",
                           "Vietnam", "'s", "response", "."],
                   ents=["O", "O", "B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O"])
    c = Candidate(head=doc[3], words=[doc[3]], type="AID", mode=None)
    verb_args(c, _resolver(doc), {3: c})
    assert _names(c.sources) == ["Japan"]
    assert _names(c.targets) == ["Vietnam"]


# an agent placed by "in" --------------------------------------------------------------------


def _authorities_in(place: str):
    # Canada sent aid to local authorities in <place> .
    return make_doc(["Canada", "sent", "aid", "to", "local", "authorities", "in", place, "."],
                    [1, 1, 1, 1, 5, 3, 5, 6, 1],
                    ["nsubj", "ROOT", "dobj", "dative", "amod", "pobj", "prep", "pobj",
                     "punct"],
                    ["PROPN", "VERB", "NOUN", "ADP", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
                    tags=["NNP", "VBD", "NN", "IN", "JJ", "NNS", "IN", "NNP", "."],
                    lemmas=["Canada", "send", "aid", "to", "local", "authority", "in", place,
                            "."],
                    ents=["B-GPE", "O", "O", "O", "O", "O", "O", "B-GPE", "O"])


def test_authorities_in_a_place_are_the_places_government():
    doc = _authorities_in("Maine")
    found = _resolver(doc).resolve(doc[5])
    assert [(a.actor.country, a.actor.sector) for a in found] == [("USA", "GOV")]
    assert doc.text[found[0].start:found[0].end] == "local authorities in Maine"
    # a US state's own government, not the federal one: an act of the Administration
    # towards it is one between two parties
    assert found[0].actor.name == "Maine government"
    assert found[0].actor.key == "state:USA/GOV/ME"


def test_authorities_in_a_country_are_its_government():
    doc = _authorities_in("Mali")
    found = _resolver(doc).resolve(doc[5])
    assert [a.actor.key for a in found] == ["state:MLI/GOV"]


def test_authorities_without_a_place_are_no_one():
    # Canada sent aid to local authorities .
    doc = make_doc(["Canada", "sent", "aid", "to", "local", "authorities", "."],
                   [1, 1, 1, 1, 5, 3, 1],
                   ["nsubj", "ROOT", "dobj", "dative", "amod", "pobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", "ADJ", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "NN", "IN", "JJ", "NNS", "."],
                   lemmas=["Canada", "send", "aid", "to", "local", "authority", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "O"])
    assert _resolver(doc).resolve(doc[5]) == []


# support provided with help is material -----------------------------------------------------


def test_support_coordinated_with_provided_help_is_aid():
    # will provide help and support to Tonga
    doc = make_doc(["They", "will", "provide", "help", "and", "support", "to", "Tonga", "."],
                   [2, 2, 2, 2, 3, 3, 2, 6, 2],
                   ["nsubj", "aux", "ROOT", "dobj", "cc", "conj", "dative", "pobj", "punct"],
                   ["PRON", "AUX", "VERB", "NOUN", "CCONJ", "NOUN", "ADP", "PROPN", "PUNCT"],
                   tags=["PRP", "MD", "VB", "NN", "CC", "NN", "IN", "NNP", "."],
                   lemmas=["they", "will", "provide", "help", "and", "support", "to", "Tonga",
                           "."])
    assert noun_code(doc[5]) == "AID"


def test_a_releases_own_kind_of_people_counted_is_no_party():
    # (in a White House release) help save millions of small businesses
    doc = make_doc(["SBA", "helped", "save", "millions", "of", "small", "businesses", "."],
                   [1, 1, 1, 2, 3, 6, 4, 1],
                   ["nsubj", "ROOT", "xcomp", "dobj", "prep", "amod", "pobj", "punct"],
                   ["PROPN", "VERB", "VERB", "NOUN", "ADP", "ADJ", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "VB", "NNS", "IN", "JJ", "NNS", "."],
                   lemmas=["SBA", "help", "save", "million", "of", "small", "business", "."],
                   ents=["B-ORG", "O", "O", "O", "O", "O", "O", "O"])
    assert _resolver(doc).resolve(doc[6]) != []  # a group of its own
    assert _resolver(doc, WH).resolve(doc[3]) == []
    assert _resolver(doc).resolve(doc[3]) != []  # outside a release: the people counted


def test_a_purpose_that_helps_a_kind_of_people_names_no_recipient():
    # Japan funded navigators to support small businesses .
    doc = make_doc(["Japan", "funded", "navigators", "to", "support", "small", "businesses",
                    "."],
                   [1, 1, 1, 4, 1, 6, 4, 1],
                   ["nsubj", "ROOT", "dobj", "aux", "advcl", "amod", "dobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "PART", "VERB", "ADJ", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "NNS", "TO", "VB", "JJ", "NNS", "."],
                   lemmas=["Japan", "fund", "navigator", "to", "support", "small", "business",
                           "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "O", "O"])
    c = Candidate(head=doc[1], words=[doc[1]], type="AID", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert c.targets == []


# the owner of a stance's object -------------------------------------------------------------


def _decision_of():
    # Germany welcomed the decision of Kenya .
    return make_doc(["Germany", "welcomed", "the", "decision", "of", "Kenya", "."],
                    [1, 1, 3, 1, 3, 4, 1],
                    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                    ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                    tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
                    lemmas=["Germany", "welcome", "the", "decision", "of", "Kenya", "."],
                    ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O"])


def test_a_stance_toward_a_thing_of_someone_targets_its_owner():
    doc = _decision_of()
    c = Candidate(head=doc[1], words=[doc[1]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert _names(c.targets) == ["Kenya"]


def test_an_act_done_to_a_thing_of_someone_does_not_target_its_owner():
    doc = _decision_of()
    c = Candidate(head=doc[1], words=[doc[1]], type="COERCE", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert c.targets == []


def test_the_noun_of_a_verb_object_trigger_takes_for():
    # Germany expressed support for Ukraine 's sovereignty .
    doc = make_doc(["Germany", "expressed", "support", "for", "Ukraine", "'s", "sovereignty",
                    "."],
                   [1, 1, 1, 2, 6, 4, 3, 1],
                   ["nsubj", "ROOT", "dobj", "prep", "poss", "case", "pobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PART", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "NN", "IN", "NNP", "POS", "NN", "."],
                   lemmas=["Germany", "express", "support", "for", "Ukraine", "'s",
                           "sovereignty", "."],
                   ents=["B-GPE", "O", "O", "O", "B-GPE", "O", "O", "O"])
    c = Candidate(head=doc[1], words=[doc[1], doc[2]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert _names(c.targets) == ["Ukraine"]


def _pledge_of_aid(to_head: int):
    # Germany announced a pledge of aid to Ukraine .  ("to" on the noun or on the verb)
    return make_doc(["Germany", "announced", "a", "pledge", "of", "aid", "to", "Ukraine", "."],
                    [1, 1, 3, 1, 3, 4, to_head, 6, 1],
                    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
                    ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
                    tags=["NNP", "VBD", "DT", "NN", "IN", "NN", "IN", "NNP", "."],
                    lemmas=["Germany", "announce", "a", "pledge", "of", "aid", "to", "Ukraine",
                            "."],
                    ents=["B-GPE", "O", "O", "O", "O", "O", "O", "B-GPE", "O"])


def test_a_pledge_of_aid_to_someone_names_the_aids_recipient():
    doc = _pledge_of_aid(3)
    aid = Candidate(head=doc[5], words=[doc[5]], type="AID", mode=None)
    noun_args(aid, _resolver(doc), {5: aid})
    assert _names(aid.targets) == ["Ukraine"]
    talks = Candidate(head=doc[5], words=[doc[5]], type="CONSULT", mode=None)
    noun_args(talks, _resolver(doc), {5: talks})
    assert talks.targets == []


def test_a_pledge_of_aid_announced_to_someone_names_the_aids_recipient():
    doc = _pledge_of_aid(1)
    aid = Candidate(head=doc[5], words=[doc[5]], type="AID", mode=None)
    noun_args(aid, _resolver(doc), {5: aid})
    assert _names(aid.targets) == ["Ukraine"]


def _decision_of_officials(subject: str):
    # <subject> welcomed the decision of Kenyan officials .
    return make_doc([subject, "welcomed", "the", "decision", "of", "Kenyan", "officials", "."],
                    [1, 1, 3, 1, 3, 6, 4, 1],
                    ["nsubj", "ROOT", "det", "dobj", "prep", "amod", "pobj", "punct"],
                    ["PROPN", "VERB", "DET", "NOUN", "ADP", "ADJ", "NOUN", "PUNCT"],
                    tags=["NNP", "VBD", "DT", "NN", "IN", "JJ", "NNS", "."],
                    lemmas=[subject, "welcome", "the", "decision", "of", "kenyan", "official",
                            "."],
                    ents=["B-GPE", "O", "O", "O", "O", "B-NORP", "O", "O"])


def test_a_stance_toward_the_sources_own_body_names_no_owner():
    doc = _decision_of_officials("Germany")
    c = Candidate(head=doc[1], words=[doc[1]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert [a.actor.country for a in c.targets] == ["KEN"]
    doc = _decision_of_officials("Kenya")
    c = Candidate(head=doc[1], words=[doc[1]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert c.targets == []


def test_concern_over_an_act_of_someone_accuses_its_owner():
    # Japan expressed concern over China 's buildup .
    doc = make_doc(["Japan", "expressed", "concern", "over", "China", "'s", "buildup", "."],
                   [1, 1, 1, 2, 6, 4, 3, 1],
                   ["nsubj", "ROOT", "dobj", "prep", "poss", "case", "pobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PART", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "NN", "IN", "NNP", "POS", "NN", "."],
                   lemmas=["Japan", "express", "concern", "over", "China", "'s", "buildup",
                           "."],
                   ents=["B-GPE", "O", "O", "O", "B-GPE", "O", "O", "O"])
    c = Candidate(head=doc[1], words=[doc[1], doc[2]], type="ACCUSE", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert _names(c.targets) == ["China"]
    support = Candidate(head=doc[1], words=[doc[1], doc[2]], type="SUPPORT", mode=None)
    verb_args(support, _resolver(doc), {1: support})
    assert support.targets == []  # "over" names no one supported


# "between" names both sides of a two-sided act --------------------------------------------


def _talks_between(second: str, second_ent: str, second_pos: str = "PROPN"):
    # Talks between Israel and <second> resumed .
    return make_doc(["Talks", "between", "Israel", "and", second, "resumed", "."],
                    [5, 0, 1, 2, 2, 5, 5],
                    ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"],
                    ["NOUN", "ADP", "PROPN", "CCONJ", second_pos, "VERB", "PUNCT"],
                    tags=["NNS", "IN", "NNP", "CC", "NNP" if second_pos == "PROPN" else "NN",
                          "VBD", "."],
                    lemmas=["talk", "between", "Israel", "and", second.lower(), "resume", "."],
                    ents=["O", "O", "B-GPE", "O", second_ent, "O", "O"])


def test_between_names_both_sides_of_talks():
    doc = _talks_between("Egypt", "B-GPE")
    talks = Candidate(head=doc[0], words=[doc[0]], type="CONSULT", mode=None)
    noun_args(talks, _resolver(doc), {0: talks})
    assert _names(talks.sources) == ["Israel"]
    assert _names(talks.targets) == ["Egypt"]


def test_between_with_one_side_no_actor_names_no_pair():
    # "the dialogue between Israel and reason": one side is no party, so no pair is read
    doc = _talks_between("reason", "O", "NOUN")
    talks = Candidate(head=doc[0], words=[doc[0]], type="CONSULT", mode=None)
    noun_args(talks, _resolver(doc), {0: talks})
    assert talks.targets == []
    # and a standing relation is no two-sided act: "partnership between" reads no pair
    doc = _talks_between("Egypt", "B-GPE")
    ties = Candidate(head=doc[0], words=[doc[0]], type="COOPERATE", mode=None)
    noun_args(ties, _resolver(doc), {0: ties})
    assert ties.targets == []


# a verb that sets forces in a state carries the act ---------------------------------------


def _put_on(verb: str, lemma: str, obj: str):
    # North Korea <verb> its <obj> on alert .
    return make_doc(["North", "Korea", verb, "its", obj, "on", "alert", "."],
                    [1, 2, 2, 4, 2, 2, 5, 2],
                    ["compound", "nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
                    ["PROPN", "PROPN", "VERB", "PRON", "NOUN", "ADP", "NOUN", "PUNCT"],
                    tags=["NNP", "NNP", "VBD", "PRP$", "NN", "IN", "NN", "."],
                    lemmas=["North", "Korea", lemma, "its", obj, "on", "alert", "."],
                    ents=["B-GPE", "I-GPE", "O", "O", "O", "O", "O", "O"])


def test_putting_forces_on_alert_is_the_subjects_mobilization():
    doc = _put_on("put", "put", "military")
    alert = Candidate(head=doc[6], words=[doc[6]], type="MOBILIZE", mode=None)
    noun_args(alert, _resolver(doc), {6: alert})
    assert alert.light is not None and alert.light.i == 2
    assert _names(alert.sources) == ["North Korea"]


def test_a_verb_that_sets_nothing_carries_no_act():
    # "North Korea saw its military on alert": seeing sets nothing
    doc = _put_on("saw", "see", "military")
    alert = Candidate(head=doc[6], words=[doc[6]], type="MOBILIZE", mode=None)
    noun_args(alert, _resolver(doc), {6: alert})
    assert alert.light is None
    assert alert.sources == []


# a name before a thing makes its owner the target of a stance -----------------------------


def _welcomed_a(subject: str, subject_ent: str, modifier: str, modifier_ent: str):
    # <subject> welcomed a <modifier> proposal .
    return make_doc([subject, "welcomed", "a", modifier, "proposal", "."],
                    [1, 1, 4, 4, 1, 1],
                    ["nsubj", "ROOT", "det", "compound", "dobj", "punct"],
                    ["PROPN", "VERB", "DET", "PROPN", "NOUN", "PUNCT"],
                    tags=["NNP", "VBD", "DT", "NNP", "NN", "."],
                    lemmas=[subject, "welcome", "a", modifier, "proposal", "."],
                    ents=[subject_ent, "O", "O", modifier_ent, "O", "O"])


def test_a_stance_toward_a_named_parties_thing_targets_that_party():
    doc = _welcomed_a("Bangladesh", "B-GPE", "Japan", "B-GPE")
    c = Candidate(head=doc[1], words=[doc[1]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert _names(c.targets) == ["Japan"]


def test_a_stance_toward_ones_own_or_by_an_unknown_source_names_no_owner():
    # "Japan welcomed a Japan proposal": its own
    doc = _welcomed_a("Japan", "B-GPE", "Japan", "B-GPE")
    c = Candidate(head=doc[1], words=[doc[1]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert c.targets == []
    # "He welcomed a Japan proposal": whose country the praise comes from is unknown
    doc = _welcomed_a("Smithers", "O", "Japan", "B-GPE")
    c = Candidate(head=doc[1], words=[doc[1]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert c.targets == []


def test_a_stance_toward_a_thing_from_a_party_targets_the_giver():
    # Bangladesh welcomed investment from Japan .
    doc = make_doc(["Bangladesh", "welcomed", "investment", "from", "Japan", "."],
                   [1, 1, 1, 2, 3, 1],
                   ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                   tags=["NNP", "VBD", "NN", "IN", "NNP", "."],
                   lemmas=["Bangladesh", "welcome", "investment", "from", "Japan", "."],
                   ents=["B-GPE", "O", "O", "O", "B-GPE", "O"])
    c = Candidate(head=doc[1], words=[doc[1]], type="SUPPORT", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert _names(c.targets) == ["Japan"]
    # an act done to the thing names no giver as its target
    c = Candidate(head=doc[1], words=[doc[1]], type="COERCE", mode=None)
    verb_args(c, _resolver(doc), {1: c})
    assert c.targets == []
