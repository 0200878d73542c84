"""Modality rules on hand-built parses (no model): one test per rule of
``newsledger.events.modality``, each with the contrast that must stay asserted where the
rule has one."""

from __future__ import annotations

from newsledger.events.modality import modality
from tests.docs import make_doc


def _doc(rows: list[tuple], ents: list[str] | None = None):
    """A Doc from rows of (word, head, dep, pos, tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = (list(x) for x in zip(*rows, strict=True))
    return make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas, ents=ents)


def _claims(verb: str, lemma: str):
    # Paris <verb> the Church imprisoned her .
    return _doc([("Paris", 1, "nsubj", "PROPN", "NNP", "paris"),
                 (verb, 1, "ROOT", "VERB", "VBZ", lemma),
                 ("the", 3, "det", "DET", "DT", "the"),
                 ("Church", 4, "nsubj", "PROPN", "NNP", "church"),
                 ("imprisoned", 1, "ccomp", "VERB", "VBD", "imprison"),
                 ("her", 4, "dobj", "PRON", "PRP", "she"),
                 (".", 1, "punct", "PUNCT", ".", ".")])


def test_a_claim_makes_its_content_alleged_a_report_does_not():
    assert modality(_claims("claims", "claim")[4]) == "alleged"
    assert modality(_claims("says", "say")[4]) == "asserted"


def test_charged_with_is_alleged_but_a_time_adjunct_is_background():
    # He was charged with taking drives after leaving the group .
    doc = _doc([("He", 2, "nsubjpass", "PRON", "PRP", "he"),
                ("was", 2, "auxpass", "AUX", "VBD", "be"),
                ("charged", 2, "ROOT", "VERB", "VBN", "charge"),
                ("with", 2, "prep", "ADP", "IN", "with"),
                ("taking", 3, "pcomp", "VERB", "VBG", "take"),
                ("drives", 4, "dobj", "NOUN", "NNS", "drive"),
                ("after", 4, "prep", "ADP", "IN", "after"),
                ("leaving", 6, "pcomp", "VERB", "VBG", "leave"),
                ("the", 9, "det", "DET", "DT", "the"),
                ("group", 7, "dobj", "NOUN", "NN", "group"),
                (".", 2, "punct", "PUNCT", ".", ".")])
    assert modality(doc[4]) == "alleged"
    assert modality(doc[7]) == "asserted"


def test_the_consequent_of_a_condition_is_hypothetical():
    # If Iran attacks , Israel responds .
    doc = _doc([("If", 2, "mark", "SCONJ", "IN", "if"),
                ("Iran", 2, "nsubj", "PROPN", "NNP", "iran"),
                ("attacks", 5, "advcl", "VERB", "VBZ", "attack"),
                (",", 5, "punct", "PUNCT", ",", ","),
                ("Israel", 5, "nsubj", "PROPN", "NNP", "israel"),
                ("responds", 5, "ROOT", "VERB", "VBZ", "respond"),
                (".", 5, "punct", "PUNCT", ".", ".")])
    assert modality(doc[2]) == "hypothetical"
    assert modality(doc[5]) == "hypothetical"


def test_a_conjunct_shares_its_partners_modal():
    # We will deepen ties and strengthen cooperation .
    doc = _doc([("We", 2, "nsubj", "PRON", "PRP", "we"),
                ("will", 2, "aux", "AUX", "MD", "will"),
                ("deepen", 2, "ROOT", "VERB", "VB", "deepen"),
                ("ties", 2, "dobj", "NOUN", "NNS", "tie"),
                ("and", 2, "cc", "CCONJ", "CC", "and"),
                ("strengthen", 2, "conj", "VERB", "VB", "strengthen"),
                ("cooperation", 5, "dobj", "NOUN", "NN", "cooperation"),
                (".", 2, "punct", "PUNCT", ".", ".")])
    assert modality(doc[5]) == "future"
    # ... but a conjunct with a subject of its own keeps its own tense
    doc = _doc([("We", 2, "nsubj", "PRON", "PRP", "we"),
                ("will", 2, "aux", "AUX", "MD", "will"),
                ("deepen", 2, "ROOT", "VERB", "VB", "deepen"),
                ("ties", 2, "dobj", "NOUN", "NNS", "tie"),
                ("and", 2, "cc", "CCONJ", "CC", "and"),
                ("they", 6, "nsubj", "PRON", "PRP", "they"),
                ("met", 2, "conj", "VERB", "VBD", "meet"),
                (".", 2, "punct", "PUNCT", ".", ".")])
    assert modality(doc[6]) == "asserted"


def test_a_purpose_shares_the_modal_of_its_clause():
    # Fernandez will meet Castro to discuss trade .
    doc = _doc([("Fernandez", 2, "nsubj", "PROPN", "NNP", "fernandez"),
                ("will", 2, "aux", "AUX", "MD", "will"),
                ("meet", 2, "ROOT", "VERB", "VB", "meet"),
                ("Castro", 2, "dobj", "PROPN", "NNP", "castro"),
                ("to", 5, "aux", "PART", "TO", "to"),
                ("discuss", 2, "advcl", "VERB", "VB", "discuss"),
                ("trade", 5, "dobj", "NOUN", "NN", "trade"),
                (".", 2, "punct", "PUNCT", ".", ".")])
    assert modality(doc[5]) == "future"
    past = _doc([("Fernandez", 1, "nsubj", "PROPN", "NNP", "fernandez"),
                 ("met", 1, "ROOT", "VERB", "VBD", "meet"),
                 ("Castro", 1, "dobj", "PROPN", "NNP", "castro"),
                 ("to", 4, "aux", "PART", "TO", "to"),
                 ("discuss", 1, "advcl", "VERB", "VB", "discuss"),
                 ("trade", 4, "dobj", "NOUN", "NN", "trade"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(past[4]) == "asserted"


def _would(with_condition: bool):
    # He told Montalvo he would assist him [if he returned] .
    rows = [("He", 1, "nsubj", "PRON", "PRP", "he"),
            ("told", 1, "ROOT", "VERB", "VBD", "tell"),
            ("Montalvo", 1, "dobj", "PROPN", "NNP", "montalvo"),
            ("he", 5, "nsubj", "PRON", "PRP", "he"),
            ("would", 5, "aux", "AUX", "MD", "would"),
            ("assist", 1, "ccomp", "VERB", "VB", "assist"),
            ("him", 5, "dobj", "PRON", "PRP", "he")]
    if with_condition:
        rows += [("if", 9, "mark", "SCONJ", "IN", "if"),
                 ("he", 9, "nsubj", "PRON", "PRP", "he"),
                 ("returned", 5, "advcl", "VERB", "VBD", "return")]
    rows.append((".", 1, "punct", "PUNCT", ".", "."))
    return _doc(rows)


def test_reported_would_is_the_future_of_the_past_unless_conditioned():
    assert modality(_would(False)[5]) == "future"
    assert modality(_would(True)[5]) == "hypothetical"


def test_a_participle_describing_a_noun_keeps_its_own_reality():
    # We urge the release of hostages held by Hamas .
    doc = _doc([("We", 1, "nsubj", "PRON", "PRP", "we"),
                ("urge", 1, "ROOT", "VERB", "VBP", "urge"),
                ("the", 3, "det", "DET", "DT", "the"),
                ("release", 1, "dobj", "NOUN", "NN", "release"),
                ("of", 3, "prep", "ADP", "IN", "of"),
                ("hostages", 4, "pobj", "NOUN", "NNS", "hostage"),
                ("held", 5, "acl", "VERB", "VBN", "hold"),
                ("by", 6, "agent", "ADP", "IN", "by"),
                ("Hamas", 7, "pobj", "PROPN", "NNP", "hamas"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(doc[6]) == "asserted"
    # a definite noun that is asked for is a new event, not one referred back to
    assert modality(doc[3]) == "hypothetical"


def test_a_requested_noun_is_unasserted_a_condemned_one_is_not():
    # We condemned the attack .
    doc = _doc([("We", 1, "nsubj", "PRON", "PRP", "we"),
                ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
                ("the", 3, "det", "DET", "DT", "the"),
                ("attack", 1, "dobj", "NOUN", "NN", "attack"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(doc[3]) == "asserted"


def test_a_question_word_presupposes_its_clause_whether_does_not():
    def doc(word: str):
        # Officials have not said <why|whether> the team was denied visas .
        return _doc([("Officials", 3, "nsubj", "NOUN", "NNS", "official"),
                     ("have", 3, "aux", "AUX", "VBP", "have"),
                     ("not", 3, "neg", "PART", "RB", "not"),
                     ("said", 3, "ROOT", "VERB", "VBN", "say"),
                     (word, 8, "advmod" if word == "why" else "mark", "SCONJ", "WRB", word),
                     ("the", 6, "det", "DET", "DT", "the"),
                     ("team", 8, "nsubjpass", "NOUN", "NN", "team"),
                     ("was", 8, "auxpass", "AUX", "VBD", "be"),
                     ("denied", 3, "ccomp", "VERB", "VBN", "deny"),
                     ("visas", 8, "dobj", "NOUN", "NNS", "visa"),
                     (".", 3, "punct", "PUNCT", ".", ".")])
    assert modality(doc("why")[8]) == "asserted"
    assert modality(doc("whether")[8]) == "hypothetical"


def test_a_negation_inside_a_request_is_hypothetical_not_negated():
    # Rathke asked the governments not to turn away boats .
    doc = _doc([("Rathke", 1, "nsubj", "PROPN", "NNP", "rathke"),
                ("asked", 1, "ROOT", "VERB", "VBD", "ask"),
                ("the", 3, "det", "DET", "DT", "the"),
                ("governments", 1, "dobj", "NOUN", "NNS", "government"),
                ("not", 6, "neg", "PART", "RB", "not"),
                ("to", 6, "aux", "PART", "TO", "to"),
                ("turn", 1, "xcomp", "VERB", "VB", "turn"),
                ("away", 6, "prt", "ADP", "RP", "away"),
                ("boats", 6, "dobj", "NOUN", "NNS", "boat"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(doc[6]) == "hypothetical"
    # a plain negation is negated
    plain = _doc([("Israel", 3, "nsubj", "PROPN", "NNP", "israel"),
                  ("did", 3, "aux", "AUX", "VBD", "do"),
                  ("not", 3, "neg", "PART", "RB", "not"),
                  ("attack", 3, "ROOT", "VERB", "VB", "attack"),
                  (".", 3, "punct", "PUNCT", ".", ".")])
    assert modality(plain[3]) == "negated"


def test_a_dateline_or_the_present_year_is_no_schedule():
    # Politicians step down \n Friday , September 9 , 2016
    rows = [("Politicians", 1, "nsubj", "NOUN", "NNS", "politician"),
            ("step", 1, "ROOT", "VERB", "VBP", "step"),
            ("down", 1, "prt", "ADP", "RP", "down"),
            ("\n", 2, "dep", "SPACE", "_SP", "\n"),
            ("Friday", 1, "npadvmod", "PROPN", "NNP", "friday")]
    doc = _doc(rows, ents=["O", "O", "O", "O", "B-DATE"])
    assert modality(doc[1]) == "asserted"
    rows[3] = ("on", 1, "prep", "ADP", "IN", "on")
    rows[4] = ("Friday", 3, "pobj", "PROPN", "NNP", "friday")
    doc = _doc(rows, ents=["O", "O", "O", "O", "B-DATE"])
    assert modality(doc[1]) == "future"  # "step down on Friday": a schedule
    # This year , I send congratulations .
    doc = _doc([("This", 1, "det", "DET", "DT", "this"),
                ("year", 4, "npadvmod", "NOUN", "NN", "year"),
                (",", 4, "punct", "PUNCT", ",", ","),
                ("I", 4, "nsubj", "PRON", "PRP", "i"),
                ("send", 4, "ROOT", "VERB", "VBP", "send"),
                ("congratulations", 4, "dobj", "NOUN", "NNS", "congratulation"),
                (".", 4, "punct", "PUNCT", ".", ".")],
               ents=["B-DATE", "I-DATE", "O", "O", "O", "O", "O"])
    assert modality(doc[4]) == "asserted"


def test_a_scheduled_or_pledged_noun_is_future():
    # the first meeting set to take place
    doc = _doc([("the", 2, "det", "DET", "DT", "the"),
                ("first", 2, "amod", "ADJ", "JJ", "first"),
                ("meeting", 2, "ROOT", "NOUN", "NN", "meeting"),
                ("set", 2, "acl", "VERB", "VBN", "set"),
                ("to", 5, "aux", "PART", "TO", "to"),
                ("take", 3, "xcomp", "VERB", "VB", "take"),
                ("place", 5, "dobj", "NOUN", "NN", "place")])
    assert modality(doc[2]) == "future"
    # Germany 's pledge of aid
    doc = _doc([("Germany", 2, "poss", "PROPN", "NNP", "germany"),
                ("'s", 0, "case", "PART", "POS", "'s"),
                ("pledge", 2, "ROOT", "NOUN", "NN", "pledge"),
                ("of", 2, "prep", "ADP", "IN", "of"),
                ("aid", 3, "pobj", "NOUN", "NN", "aid")])
    assert modality(doc[2]) == "future"


def _committed():
    # We are committed to defending Israel .
    return _doc([("We", 1, "nsubj", "PRON", "PRP", "we"),
                 ("are", 1, "ROOT", "AUX", "VBP", "be"),
                 ("committed", 1, "acomp", "ADJ", "JJ", "committed"),
                 ("to", 2, "prep", "ADP", "IN", "to"),
                 ("defending", 3, "pcomp", "VERB", "VBG", "defend"),
                 ("Israel", 4, "dobj", "PROPN", "NNP", "israel"),
                 (".", 1, "punct", "PUNCT", ".", ".")])


def test_a_commitment_to_support_is_support_now_to_other_acts_a_promise():
    doc = _committed()
    assert modality(doc[4], etype="SUPPORT") == "asserted"
    assert modality(doc[4], etype="SANCTION") == "future"
    assert modality(doc[4]) == "future"


def test_a_clause_hung_across_a_comma_on_a_later_one_stands_alone():
    # We are committed to defending Israel , we would not join .
    doc = _doc([("We", 1, "nsubj", "PRON", "PRP", "we"),
                ("are", 10, "ccomp", "AUX", "VBP", "be"),
                ("committed", 1, "acomp", "ADJ", "JJ", "committed"),
                ("to", 2, "prep", "ADP", "IN", "to"),
                ("defending", 3, "pcomp", "VERB", "VBG", "defend"),
                ("Israel", 4, "dobj", "PROPN", "NNP", "israel"),
                (",", 10, "punct", "PUNCT", ",", ","),
                ("we", 10, "nsubj", "PRON", "PRP", "we"),
                ("would", 10, "aux", "AUX", "MD", "would"),
                ("not", 10, "neg", "PART", "RB", "not"),
                ("join", 10, "ROOT", "VERB", "VB", "join"),
                (".", 10, "punct", "PUNCT", ".", ".")])
    assert modality(doc[4], etype="SUPPORT") == "asserted"
    assert modality(doc[10]) == "negated"


def test_a_topic_phrase_the_parser_hangs_on_the_verb_is_talked_about():
    # Fetterman criticized the stance on an Israeli response .
    doc = _doc([("Fetterman", 1, "nsubj", "PROPN", "NNP", "fetterman"),
                ("criticized", 1, "ROOT", "VERB", "VBD", "criticize"),
                ("the", 3, "det", "DET", "DT", "the"),
                ("stance", 1, "dobj", "NOUN", "NN", "stance"),
                ("on", 1, "prep", "ADP", "IN", "on"),
                ("an", 7, "det", "DET", "DT", "an"),
                ("Israeli", 7, "amod", "ADJ", "JJ", "israeli"),
                ("response", 4, "pobj", "NOUN", "NN", "response"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(doc[7]) == "hypothetical"
    # Police reported on an attack .  (no noun object before the phrase: no topic)
    doc = _doc([("Police", 1, "nsubj", "NOUN", "NNS", "police"),
                ("reported", 1, "ROOT", "VERB", "VBD", "report"),
                ("on", 1, "prep", "ADP", "IN", "on"),
                ("an", 4, "det", "DET", "DT", "an"),
                ("attack", 2, "pobj", "NOUN", "NN", "attack"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(doc[4]) == "asserted"


def test_an_alleging_adverb_over_an_open_complement():
    # Ethiopians reportedly continue to be detained .
    doc = _doc([("Ethiopians", 2, "nsubj", "PROPN", "NNPS", "ethiopians"),
                ("reportedly", 2, "advmod", "ADV", "RB", "reportedly"),
                ("continue", 2, "ROOT", "VERB", "VBP", "continue"),
                ("to", 5, "aux", "PART", "TO", "to"),
                ("be", 5, "auxpass", "AUX", "VB", "be"),
                ("detained", 2, "xcomp", "VERB", "VBN", "detain"),
                (".", 2, "punct", "PUNCT", ".", ".")])
    assert modality(doc[5]) == "alleged"


def test_fear_that_something_will_happen_is_hypothetical():
    # Associations are concerned the Government will modify the law .
    doc = _doc([("Associations", 1, "nsubj", "NOUN", "NNS", "association"),
                ("are", 1, "ROOT", "AUX", "VBP", "be"),
                ("concerned", 1, "acomp", "ADJ", "JJ", "concerned"),
                ("the", 4, "det", "DET", "DT", "the"),
                ("Government", 6, "nsubj", "PROPN", "NNP", "government"),
                ("will", 6, "aux", "AUX", "MD", "will"),
                ("modify", 2, "ccomp", "VERB", "VB", "modify"),
                ("the", 8, "det", "DET", "DT", "the"),
                ("law", 6, "dobj", "NOUN", "NN", "law"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(doc[6]) == "hypothetical"


def test_a_planned_object_is_future_a_committed_one_is_not():
    def doc(verb: str, lemma: str):
        # The project <verb> conferences .
        return _doc([("The", 1, "det", "DET", "DT", "the"),
                     ("project", 2, "nsubj", "NOUN", "NN", "project"),
                     (verb, 2, "ROOT", "VERB", "VBD", lemma),
                     ("conferences", 2, "dobj", "NOUN", "NNS", "conference"),
                     (".", 2, "punct", "PUNCT", ".", ".")])
    assert modality(doc("planned", "plan")[3]) == "future"
    assert modality(doc("committed", "commit")[3]) == "asserted"


def test_a_hedged_passive_tie_is_alleged():
    # MMI has been linked to al-Qaida .
    doc = _doc([("MMI", 3, "nsubjpass", "PROPN", "NNP", "mmi"),
                ("has", 3, "aux", "AUX", "VBZ", "have"),
                ("been", 3, "auxpass", "AUX", "VBN", "be"),
                ("linked", 3, "ROOT", "VERB", "VBN", "link"),
                ("to", 3, "prep", "ADP", "IN", "to"),
                ("al-Qaida", 4, "pobj", "PROPN", "NNP", "al-qaida"),
                (".", 3, "punct", "PUNCT", ".", ".")])
    assert modality(doc[3]) == "alleged"
    active = _doc([("MMI", 1, "nsubj", "PROPN", "NNP", "mmi"),
                   ("joined", 1, "ROOT", "VERB", "VBD", "join"),
                   ("al-Qaida", 1, "dobj", "PROPN", "NNP", "al-qaida"),
                   (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(active[1]) == "asserted"


def test_a_meeting_that_will_do_something_is_future_an_attack_is_not():
    def doc(noun: str):
        # The <noun> will feature a panel .
        return _doc([("The", 1, "det", "DET", "DT", "the"),
                     (noun, 3, "nsubj", "NOUN", "NN", noun),
                     ("will", 3, "aux", "AUX", "MD", "will"),
                     ("feature", 3, "ROOT", "VERB", "VB", "feature"),
                     ("a", 5, "det", "DET", "DT", "a"),
                     ("panel", 3, "dobj", "NOUN", "NN", "panel"),
                     (".", 3, "punct", "PUNCT", ".", ".")])
    assert modality(doc("meeting")[1], etype="CONSULT") == "future"
    assert modality(doc("attack")[1], etype="ASSAULT") == "asserted"


def test_not_only_adds_it_does_not_negate():
    # Putin is not only attacking Ukraine .
    doc = _doc([("Putin", 4, "nsubj", "PROPN", "NNP", "putin"),
                ("is", 4, "aux", "AUX", "VBZ", "be"),
                ("not", 4, "neg", "PART", "RB", "not"),
                ("only", 4, "advmod", "ADV", "RB", "only"),
                ("attacking", 4, "ROOT", "VERB", "VBG", "attack"),
                ("Ukraine", 4, "dobj", "PROPN", "NNP", "ukraine"),
                (".", 4, "punct", "PUNCT", ".", ".")])
    assert modality(doc[4]) == "asserted"
    doc = _doc([("Putin", 3, "nsubj", "PROPN", "NNP", "putin"),
                ("is", 3, "aux", "AUX", "VBZ", "be"),
                ("not", 3, "neg", "PART", "RB", "not"),
                ("attacking", 3, "ROOT", "VERB", "VBG", "attack"),
                ("Ukraine", 3, "dobj", "PROPN", "NNP", "ukraine"),
                (".", 3, "punct", "PUNCT", ".", ".")])
    assert modality(doc[3]) == "negated"


def test_a_goal_worked_towards_is_not_asserted_even_when_definite():
    # They work towards a ceasefire and the release of hostages .
    doc = _doc([("They", 1, "nsubj", "PRON", "PRP", "they"),
                ("work", 1, "ROOT", "VERB", "VBP", "work"),
                ("towards", 1, "prep", "ADP", "IN", "towards"),
                ("a", 4, "det", "DET", "DT", "a"),
                ("ceasefire", 2, "pobj", "NOUN", "NN", "ceasefire"),
                ("and", 4, "cc", "CCONJ", "CC", "and"),
                ("the", 7, "det", "DET", "DT", "the"),
                ("release", 4, "conj", "NOUN", "NN", "release"),
                ("of", 7, "prep", "ADP", "IN", "of"),
                ("hostages", 8, "pobj", "NOUN", "NNS", "hostage"),
                (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(doc[7]) != "asserted"
    # They welcomed the release of hostages . (a definite noun under a stance verb stays)
    said = _doc([("They", 1, "nsubj", "PRON", "PRP", "they"),
                 ("welcomed", 1, "ROOT", "VERB", "VBD", "welcome"),
                 ("the", 3, "det", "DET", "DT", "the"),
                 ("release", 1, "dobj", "NOUN", "NN", "release"),
                 ("of", 3, "prep", "ADP", "IN", "of"),
                 ("hostages", 4, "pobj", "NOUN", "NNS", "hostage"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    assert modality(said[3]) == "asserted"


def _be_to(subject: str, lemma: str, pos: str, be: str, tag: str):
    # <subject> <be> to meet Macron .
    return _doc([(subject, 1, "nsubj", pos, "NN" if pos == "NOUN" else "NNP", lemma),
                 (be, 1, "ROOT", "AUX", tag, "be"),
                 ("to", 3, "aux", "PART", "TO", "to"),
                 ("meet", 1, "xcomp", "VERB", "VB", "meet"),
                 ("Macron", 3, "dobj", "PROPN", "NNP", "Macron"),
                 (".", 1, "punct", "PUNCT", ".", ".")])


def test_be_to_states_an_arrangement_for_later_unless_an_aim():
    # "the minister is to meet Macron": arranged, future
    assert modality(_be_to("Blinken", "Blinken", "PROPN", "is", "VBZ")[3]) == "future"
    # "was to meet": an arrangement the text does not say was kept
    assert modality(_be_to("Blinken", "Blinken", "PROPN", "was", "VBD")[3]) == "hypothetical"
    # "the goal is to meet", "our priority is to meet": an aim, not an arrangement
    assert modality(_be_to("goal", "goal", "NOUN", "is", "VBZ")[3]) == "hypothetical"
    assert modality(_be_to("priority", "priority", "NOUN", "is", "VBZ")[3]) == "hypothetical"
