"""The quotation stage on short real-news-style sentences: marks, cues, types, speakers."""

from __future__ import annotations

import pytest

from newsledger.nlp.components import EVENTS, QUOTES, configured
from newsledger.pipeline import make_doc
from newsledger.quotes.extract import find_marked
from newsledger.records import Document, Region


def run(nlp, text: str, **fields):
    """The quotation stage's own output (no transcript turns) and the actors it resolved
    against, on one parse."""
    fields.setdefault("regions", [Region("body", 0, len(text))])
    document = Document(text=text, source="test", **fields)
    with nlp.select_pipes(disable=[EVENTS]), configured(nlp, QUOTES, transcript_turns=False):
        doc = nlp(make_doc(nlp, document))
    assert not doc._.stage_errors
    return doc._.quotes, doc._.actors


CASES = [
    # (text, [(type, words inside the quote, part of the speaker's name or None)])
    ('Mayor Karen Bass said: "We will rebuild the bridge by spring."',
     [("direct", "rebuild the bridge", "Bass")]),
    ("“The talks were productive,” Foreign Minister Sergey Lavrov told reporters.",
     [("direct", "talks were productive", "Lavrov")]),
    ("‘We are ready to negotiate,’ President Volodymyr Zelensky said on Friday.",
     [("direct", "ready to negotiate", "Zelensky")]),
    ("“The strike hit a school. Twelve children were killed,” said Ahmed Hassan, a hospital"
     " director in Khan Younis.",
     [("direct", "Twelve children were killed", "Hassan")]),
    ("Senator Lindsey Graham said that Iran’s actions were “an act of war” and demanded a"
     " response.",
     [("mixed", "an act of war", "Graham")]),
    ("Defense Secretary Lloyd Austin said the United States would send more troops to the"
     " region.",
     [("indirect", "would send more troops", "Austin")]),
    ("According to the Health Ministry, at least 30 people were killed in the strike.",
     [("indirect", "30 people were killed", "Health Ministry")]),
    ("Prime Minister Rishi Sunak told parliament that Britain would not join the strikes.",
     [("indirect", "Britain would not join", "Sunak")]),
    ("Admiral John Kirby told NBC’s “Meet the Press” program that the talks would resume next"
     " week.",
     [("indirect", "the talks would resume", "Kirby")]),
    ("At least five soldiers were wounded in the attack, it was reported.",
     [("indirect", "five soldiers were wounded", None)]),
    ("It was reported that the embassy would close on Friday.",
     [("indirect", "the embassy would close", None)]),
    ('Police said two suspects had been arrested. "We are confident we have the people'
     ' responsible," Chief Michel Moore told reporters.',
     [("indirect", "two suspects had been arrested", "Police"),
      ("direct", "We are confident", "Michel Moore")]),
    ("As the president said yesterday, the border will stay closed until further notice.",
     [("indirect", "border will stay closed", "president")]),
    ("Senator Elizabeth Warren criticized the merger on Tuesday. “This deal will raise prices"
     " for families,” she said.",
     [("direct", "raise prices", "Elizabeth Warren")]),
    ("The foreign ministers met in Rome on Monday. “We stand united against aggression,” they"
     " said in a joint statement.",
     [("direct", "stand united", "foreign ministers")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quote_cases(nlp, text, expected):
    quotes, _ = run(nlp, text)
    assert len(quotes) == len(expected), [q.text for q in quotes]
    for quote, (kind, words, speaker) in zip(quotes, expected, strict=True):
        assert quote.type == kind
        assert words in quote.text
        assert quote.text == text[quote.start:quote.end]
        if speaker is None:
            assert quote.speaker is None
        else:
            assert quote.speaker is not None and speaker.lower() in quote.speaker.name.lower()


NOT_QUOTES = [
    "Officials condemned the “reckless” attack on the convoy on Sunday.",
    "The opposition called the budget a “political stunt” on Wednesday.",
    "The minister did not say whether the talks would resume in Geneva.",
    "Reporters asked whether the ceasefire would hold through the weekend.",
    '"Storm batters the northern coast" — Daily Herald, May 2, 2019',
    "She appeared on CBS’s “Face the Nation” on Sunday morning.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(nlp, text):
    quotes, _ = run(nlp, text)
    assert quotes == [], [q.text for q in quotes]


def test_headline_form(nlp):
    text = "Zelensky: 'We are ready to negotiate'\n\nKyiv is preparing for talks, officials said."
    quotes, _ = run(nlp, text)
    first = quotes[0]
    assert first.type == "direct" and first.text == "We are ready to negotiate"
    assert first.speaker is not None and first.speaker.name == "Zelensky"


def test_continued_paragraphs_are_one_quote(nlp):
    text = ("Jane Smith, a spokeswoman for the airline, said the company would appeal.\n\n"
            "“We disagree with the ruling and we will fight it.\n\n"
            "“We will take this to the Supreme Court if we must,” Smith added.")
    quotes, _ = run(nlp, text)
    direct = [q for q in quotes if q.type == "direct"]
    assert len(direct) == 1
    assert "disagree" in direct[0].text and "Supreme Court" in direct[0].text
    assert direct[0].speaker is not None and direct[0].speaker.name.endswith("Smith")


def test_stray_marks_are_contained(nlp):
    text = ("The minister said the plan was “final and would not change.\n\n"
            "In other news, the river flooded the lower town on Monday, officials said.\n\n"
            "He said the deal was done.” Markets rose sharply.")
    marked = find_marked(text)
    assert all("In other news" not in text[m.start:m.end] for m in marked)
    quotes, _ = run(nlp, text)
    assert all("In other news" not in q.text or q.type == "indirect" for q in quotes)
    assert all("Markets rose" not in q.text for q in quotes)


def test_anonymous_official_is_one_actor(nlp):
    text = ("A senior State Department official said the talks had stalled over prisoner"
            " exchanges. The official added that a new round was possible in May.")
    quotes, actors = run(nlp, text)
    assert len(quotes) == 2
    first, second = (q.speaker for q in quotes)
    assert first is not None and second is not None
    assert first.kind == "anonymous" and first.actor == second.actor
    assert "official" in first.name and not first.name.lower().startswith("a ")
    assert any(a.id == first.actor and a.kind == "anonymous" for a in actors.actors)


def test_speakers_are_actors_with_roles(nlp):
    text = ("Earlier Sunday, Antony Blinken, the US secretary of state, told reporters that the"
            " aid would arrive within days. “We are moving as fast as we can,” Blinken said.")
    quotes, actors = run(nlp, text)
    ids = {q.speaker.actor for q in quotes if q.speaker}
    assert len(ids) == 1
    actor = next(a for a in actors.actors if a.id in ids)
    assert actor.name == "Antony Blinken"
    assert actor.role and "secretary of state" in actor.role


@pytest.mark.parametrize("text", [
    "He said “yes.",
    "“",
    "'",
    "No quotes here at all.",
    "“One” “two” “three” “four” “five” “six”",
])
def test_odd_inputs_do_not_crash(nlp, text):
    quotes, _ = run(nlp, text)
    for q in quotes:
        assert q.text == text[q.start:q.end]


def test_first_person_in_a_transcript_is_the_turn_speaker(nlp):
    text = ("Press Briefing by Press Secretary Karine Jean-Pierre\n\nMS. JEAN-PIERRE: Good"
            " afternoon.\n\nQ Thank you.\n\nMR. KIRBY: As I said earlier, the President believes"
            " that Iraq is critical to regional stability.")
    quotes, _ = run(nlp, text, kind="transcript",
                    regions=[Region("title", 0, 52), Region("body", 52, len(text))])
    assert len(quotes) == 1
    assert quotes[0].type == "indirect" and quotes[0].text.startswith("the President believes")
    assert quotes[0].speaker is not None and "kirby" in quotes[0].speaker.name.lower()


def test_quote_broken_over_lines_of_one_paragraph_is_one_stretch():
    """One sentence a line (Wikinews/GUM style): the quote closes on a later line."""
    text = ('"War maniacs made another grave provocation.\n'
            "They fired 36 shells at the posts.\n"
            'Six shells hit the area", said KCNA.\n\n'
            '"A stray mark opens here.\n\nNothing closes it on the next paragraph."')
    marked = find_marked(text)
    assert text[marked[0].start:marked[0].end].endswith("Six shells hit the area")
    assert all("Nothing closes" not in text[m.start:m.end] for m in marked)


def test_lead_in_line_and_inverted_subject_name_the_speaker(nlp):
    text = ("Rathbun stated,\n\n"
            "\u201cDaniel was picked up by an investigator in a black car.\u201d\n\n"
            "\u201cFoolhardy provocation deserves harsh punishment for the enemy\u201d, added KCNA.")
    quotes, _ = run(nlp, text)
    by_text = {q.text[:10]: q for q in quotes}
    assert by_text["Daniel was"].speaker is not None
    assert by_text["Daniel was"].speaker.name.endswith("Rathbun")
    assert by_text["Foolhardy "].speaker is not None
    assert by_text["Foolhardy "].speaker.name == "KCNA"
