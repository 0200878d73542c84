"""Quotes on real-news-style text (model-based): continued quotes, runs of quotes by one
speaker, document-sourced quotes, title phrases naming a person, parses across paragraphs."""

from __future__ import annotations

from newsledger.nlp.components import EVENTS, QUOTES, configured
from newsledger.pipeline import make_doc
from newsledger.records import Document, Region


def run(nlp, text: str, regions=None):
    document = Document(text=text, source="test",
                        regions=regions or [Region("body", 0, len(text))])
    with nlp.select_pipes(disable=[EVENTS]), configured(nlp, QUOTES, transcript_turns=False):
        doc = nlp(make_doc(nlp, document))
    assert not doc._.stage_errors
    return doc._.quotes


def quote_with(quotes, words):
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def speaker(quotes, words):
    q = quote_with(quotes, words)
    return q.speaker.name if q.speaker else None


def test_continued_paragraphs_take_the_previous_speaker(nlp):
    text = ('"I am not going to play politics with people\'s livelihoods," Chancellor Jeremy'
            ' Hunt said.\n\n"The fundamentals are strong and wages are rising."\n\n'
            '"Unemployment remains low across the country."')
    quotes = run(nlp, text)
    assert len(quotes) == 3
    assert all(q.speaker is not None and q.speaker.name == "Jeremy Hunt" for q in quotes)


def test_quote_open_across_paragraphs_is_one_quote(nlp):
    text = ('Chancellor Jeremy Hunt said: "The fundamentals are strong.\n\n'
            '"Wages are rising faster than prices, and unemployment remains low."')
    quotes = run(nlp, text)
    assert len(quotes) == 1
    assert "fundamentals" in quotes[0].text and "unemployment" in quotes[0].text
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Jeremy Hunt"


def test_unattributed_quote_is_not_continued_after_narrative(nlp):
    text = ('"We will win this election," Labour leader Keir Starmer said.\n\n'
            'The party has led in the polls for two years.\n\n'
            'Voters remain unconvinced by both main parties.\n\n'
            '"Nobody has asked us what we want from this government."')
    quotes = run(nlp, text)
    last = quote_with(quotes, "Nobody has asked")
    assert last.speaker is None


def test_the_statement_said_is_its_issuer(nlp):
    text = ('In a statement, Downing Street said the prime minister was focused on the'
            ' economy.\n\n"We have halved inflation and the economy is turning a corner,"'
            ' the statement said.')
    quotes = run(nlp, text)
    assert speaker(quotes, "halved inflation") == "Downing Street"


def test_according_to_a_report_by_names_the_author(nlp):
    text = ("According to a report by the Institute for Fiscal Studies, households will be"
            " worse off by next year. The report said that the poorest families would be hit"
            " hardest.")
    quotes = run(nlp, text)
    assert "Institute for Fiscal Studies" in speaker(quotes, "worse off")
    assert "Institute for Fiscal Studies" in speaker(quotes, "poorest families")


def test_title_phrase_ending_in_a_name(nlp):
    text = ('In a statement, Governor of Washington Chris Gregoire said, "The museum put a'
            ' tremendous amount of effort into landing a retired shuttle."')
    quotes = run(nlp, text)
    assert speaker(quotes, "tremendous amount") == "Chris Gregoire"


def test_pronoun_is_not_the_person_the_quote_names(nlp):
    text = ("For Kevin Allton, a lecturer in English, Warhol was also a legend.\n"
            'He said, "Andy Warhol was the center of the Zeitgeist for the 20th century."')
    quotes = run(nlp, text)
    assert speaker(quotes, "Zeitgeist") != "Andy Warhol"
    assert speaker(quotes, "Zeitgeist") != "Warhol"


def test_headline_and_lead_parsed_as_one_sentence(nlp):
    text = ("Biden says he will veto Republican border bill\n\nWASHINGTON (AP) — President Joe"
            " Biden said Tuesday he would veto a Republican border bill, calling it \"a"
            " political stunt\" that would do nothing to secure the border.")
    quotes = run(nlp, text)
    lead = quote_with(quotes, "political stunt")
    assert "WASHINGTON" not in lead.text
    assert lead.speaker is not None and lead.speaker.name == "Joe Biden"


def test_photo_credit_is_never_a_speaker(nlp):
    text = ("Evan Vucci/Associated Press\nPresident Joe Biden speaks in the Roosevelt Room.\n\n"
            '"It\'s cruel and it\'s unworkable," he said.')
    cut = text.index("\n\n") + 2
    quotes = run(nlp, text, [Region("caption", 0, cut), Region("body", cut, len(text))])
    name = speaker(quotes, "unworkable")
    assert name is None or "Vucci" not in name


def test_headline_with_inverted_cue_names_its_speaker(nlp):
    text = ("Ceasefire talks will fail without hostages deal, says Howard\n\n"
            "The former minister spoke to reporters in London on Monday.")
    quotes = run(nlp, text)
    assert speaker(quotes, "Ceasefire talks") == "Howard"


def test_titles_and_verbless_labels_are_not_quotations(nlp):
    text = ('On a new website, "The Internet Explorer 6 Countdown", Microsoft has launched a'
            ' campaign.\n\nThe film, "Gone With the Wind", was shown again on Friday.\n\n'
            'The site\'s banner now reads "a war on the open internet, part two".')
    assert run(nlp, text) == []


def test_uncued_speech_is_still_a_quotation(nlp):
    text = ('"We will never give up," Labour leader Keir Starmer said.\n\n'
            '"Working people deserve better."')
    quotes = run(nlp, text)
    assert len(quotes) == 2 and speaker(quotes, "deserve better") == "Keir Starmer"


def test_fronted_clause_of_a_lead_joined_to_its_headline(nlp):
    text = ("Ottawa to expand dental care program, health minister says\n\n"
            "The federal government will expand its dental care program to cover children"
            " under 12 by the end of the year, Health Minister Mark Holland announced"
            " Thursday.")
    cut = text.index("\n")
    quotes = run(nlp, text, [Region("title", 0, cut), Region("body", cut, len(text))])
    assert speaker(quotes, "cover children") == "Mark Holland"
    # the headline's "health minister" is the minister the article names
    assert speaker(quotes, "Ottawa to expand") == "Mark Holland"


def test_the_company_is_the_organization_named_before(nlp):
    text = ("Acme Corp will cut 500 jobs, the company said in a statement on Monday.")
    quotes = run(nlp, text)
    assert speaker(quotes, "cut 500 jobs") == "Acme Corp"


def test_the_company_stays_a_description_when_two_were_named(nlp):
    text = ("Acme Corp bought Globex Inc. from Initech on Monday. The deal closed in May, the"
            " company said.")
    quotes = run(nlp, text)
    assert speaker(quotes, "closed in May") not in ("Acme Corp", "Globex Inc.", "Initech")


def test_an_age_description_is_the_person_given_that_age(nlp):
    text = ('Jane Doe, 45, said she learned about the layoffs from a news report. "Nobody told'
            ' us anything," the 45-year-old said.')
    quotes = run(nlp, text)
    assert speaker(quotes, "Nobody told us") == "Jane Doe"


def test_according_to_inside_a_relative_clause_attributes_the_clause(nlp):
    text = ("Malaysia and Indonesia have maintained a policy of turning away boats of migrants"
            " which, according to AFP, the United Nations and the United States have both"
            " criticised.")
    quotes = run(nlp, text)
    q = quote_with(quotes, "have both criticised")
    assert "maintained a policy" not in q.text
    assert q.speaker is not None and q.speaker.name == "AFP"


def test_agreeing_to_act_is_not_reported_speech(nlp):
    text = ("The two leaders agreed to continue their close coordination to increase"
            " humanitarian assistance to Gaza.")
    assert run(nlp, text) == []


def test_a_poll_found_reports_the_poll(nlp):
    text = ("The government intends to hold two referendums, although a recent poll found only"
            " a quarter of citizens favoured changing the flag.")
    q = quote_with(run(nlp, text), "quarter of citizens")
    assert q.type == "indirect" and q.speaker is not None and "poll" in q.speaker.text


def test_a_person_finding_something_is_not_a_quote(nlp):
    text = "Rescuers found the missing hikers alive near the summit on Sunday morning."
    assert run(nlp, text) == []


def test_told_someone_in_a_statement_that(nlp):
    text = ("Steve Whitmore, a representative for the sheriff's office, told LA Weekly in a"
            " statement that the case was being dealt with as grand theft.")
    q = quote_with(run(nlp, text), "grand theft")
    assert q.speaker is not None and q.speaker.name == "Steve Whitmore"


def test_headline_rubrics_are_not_speakers(nlp):
    for text, who in (("Analysis: 'We are not seeking war', says Iran\n\nIran spoke on Sunday.",
                       "Iran"),
                      ("Watch: 'We will rebuild the bridge', mayor vows\n\nThe mayor spoke.",
                       None)):
        cut = text.index("\n")
        quotes = run(nlp, text, [Region("title", 0, cut), Region("body", cut, len(text))])
        q = quotes[0]
        assert not q.text.startswith(("Analysis", "Watch")), q.text
        assert q.speaker is None or q.speaker.name not in ("Analysis", "Watch")
        if who:
            assert q.speaker is not None and q.speaker.name == who


def test_a_he_never_takes_a_speaker_already_called_she(nlp):
    text = ("Labour's Yvette Cooper said both of them had failed. \"They have lost control,\""
            " she said.\n\nMr Sunak later told reporters he would not resign. \"I have a job"
            " to do,\" he said.")
    quotes = run(nlp, text)
    assert speaker(quotes, "job to do") not in (None, "Yvette Cooper")
    assert "Sunak" in speaker(quotes, "job to do")


def test_a_fronted_clause_never_swallows_a_quotation(nlp):
    text = ('"We will win the vote." Voters are tired of waiting for a decision, Smith said.')
    quotes = run(nlp, text)
    assert all(not (q.start < text.index("We will") < q.end and "Voters" in q.text)
               for q in quotes), [q.text for q in quotes]


def test_the_government_is_not_the_only_organization_named_before(nlp):
    text = ("Hamas fired rockets at Israel on Monday. The attacks would be answered, the"
            " government said.")
    name = speaker(run(nlp, text), "would be answered")
    assert name != "Hamas"
