"""Primary sources as quotes: turns of briefings, issuers of statements, kinds of documents."""

from __future__ import annotations

import pytest

from newsledger.actors.index import ActorIndex
from newsledger.ingest import read_path
from newsledger.pipeline import analyze_documents, analyze_primary, prepare
from newsledger.quotes.transcripts import (
    REPORTER,
    infer_kind,
    issuer,
    merge_quotes,
    resolve_label,
    transcript_quotes,
    turns,
)
from newsledger.records import Document, Published, Quote, Span, Speaker
from tests.conftest import FIXTURES, shared_path

CALL = ("press-briefings/2024-04/2024-04-14-background-press-call-by-senior-administration-"
        "officials-on-irans-attacks-against-the-state-of-israel.md")
BRIEFING_0415 = ("press-briefings/2024-04/2024-04-15-press-briefing-by-press-secretary-karine-"
                 "jean-pierre-and-national-security-communications-advisor-john-kirby-2.md")


def _read(path) -> Document:
    document = next(read_path(str(path)))
    assert isinstance(document, Document), document
    return document


def test_fixture_briefing_turns() -> None:
    analysis = analyze_primary(_read(FIXTURES / "transcripts" / "briefing.md"))
    document = analysis.document
    assert document.kind == "transcript"
    speakers = [(q.speaker.name, q.speaker.kind) for q in analysis.quotes]
    assert speakers == [
        ("Karine Jean-Pierre", "person"), ("Karine Jean-Pierre", "person"),
        ("John Kirby", "person"), ("John Kirby", "person"), (REPORTER, "other"),
        ("John Kirby", "person"), (REPORTER, "other"), ("Karine Jean-Pierre", "person"),
    ]
    for q in analysis.quotes:
        assert document.text[q.start:q.end] == q.text
        assert document.text[q.speaker.start:q.speaker.end] == q.speaker.text
        assert q.type == "direct"
    assert [q.id for q in analysis.quotes] == [f"q{i}" for i in range(1, 9)]
    assert analysis.quotes[2].text.startswith("Thanks, Karine.")
    assert analysis.quotes[6].text.startswith("And on the port")  # "Q:" form
    assert not any("Inaudible" in q.text or q.text.startswith("END") for q in analysis.quotes)
    kirby = [a for a in analysis.actors if a.name == "John Kirby"]
    assert len(kirby) == 1 and analysis.quotes[2].speaker.actor == kirby[0].id


def test_fixture_statement_is_quote_of_the_president() -> None:
    analysis = analyze_primary(_read(FIXTURES / "transcripts" / "statement.md"))
    assert analysis.document.kind == "statement"
    assert {q.speaker.name for q in analysis.quotes} == {"Joe Biden"}
    texts = [q.text for q in analysis.quotes]
    assert texts[0].startswith("The harbor bridge is open again")
    assert not any("Statement from" in t or "###" in t for t in texts)


def _doc(title: str, text: str = "Some text.", url: str | None = None, tags: str | None = None,
         date: str = "2024-04-14") -> Document:
    meta = {"tags": tags} if tags else {}
    return Document(text=f"{title}\n\n{text}", source="x.md", title=title, url=url, meta=meta,
                    published=Published(date=date))


TURNS = "MR. KIRBY: Thanks.\n\nQ Why?\n\nMR. KIRBY: Because.\n\nQ And then?\n\nMR. KIRBY: No."


@pytest.mark.parametrize(("title", "text", "url", "tags", "kind"), [
    ("Readout of President Joe Biden’s Call with King Abdullah II", "Text.", None, None,
     "readout"),
    ("Statement from President Joe Biden on the Jobs Report", "Text.", None,
     "statements-releases", "statement"),
    ("G7 Leaders’ Statement on Iran’s Attack Against Israel", "We, the Leaders.", None, None,
     "statement"),
    ("Joint Statement from the Leaders of the United States and Iraq", "Text.", None, None,
     "statement"),
    ("Press Briefing by Press Secretary Karine Jean-Pierre", TURNS, None, "press-briefings",
     "transcript"),
    ("Background Press Call on Venezuela", TURNS, None, None, "transcript"),
    ("Some gaggle", TURNS, "https://www.whitehouse.gov/briefing-room/press-briefings/x/", None,
     "transcript"),
    ("Iran launches drones at Israel", "TEL AVIV — Iran fired drones on Saturday.", None, None,
     "news"),
    ("Senior US official: 'The Israelis came out very much on top'", "Text.", None, None,
     "news"),
])
def test_infer_kind(title: str, text: str, url: str | None, tags: str | None,
                    kind: str) -> None:
    assert infer_kind(_doc(title, text, url, tags)) == kind


@pytest.mark.parametrize(("title", "date", "expected"), [
    ("Statement from President Joe Biden on the Jobs Report", "2024-04-05",
     ("Joe Biden", "person")),
    ("Statement by National Security Advisor Jake Sullivan on FISA", "2024-04-15",
     ("Jake Sullivan", "person")),
    ("Statement from NSC Spokesperson Adrienne Watson on Attacks Against Israel", "2024-04-13",
     ("Adrienne Watson", "person")),
    ("G7 Leaders’ Statement on Iran’s Attack Against Israel", "2024-04-14",
     ("G7 Leaders", "group")),
    ("Joint Statement from the United States and Norway on Critical Minerals", "2024-04-17",
     ("United States and Norway", "group")),
    ("Statement from 10 Downing Street on Iran", "2024-04-14",
     ("10 Downing Street", "organization")),
    ("Statement from White House Press Secretary Karine Jean-Pierre on the Visit of NATO",
     "2023-06-12", ("Karine Jean-Pierre", "person")),
    ("Joint Statement on the Strategic Dialogue Between the United States and Poland",
     "2022-02-04", ("United States and Poland", "group")),
])
def test_issuer(title: str, date: str, expected: tuple[str, str]) -> None:
    document = _doc(title, date=date)
    document.kind = infer_kind(document)
    assert issuer(document) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.whitehouse.gov/briefing-room/statements-releases/2024/04/15/readout-x/",
     ("White House", "organization")),
    ("https://www.state.gov/readout-of-secretary-blinkens-call/",
     ("State Department", "organization")),
    ("https://www.gov.uk/government/news/pm-call-with-chancellor-scholz", ("gov.uk", "organization")),
    (None, ("unknown issuer", "other")),
])
def test_readout_issuer_comes_from_the_site_profile(url: str | None,
                                                    expected: tuple[str, str]) -> None:
    """A readout is its publisher's: the matched site profile, else its own host, never a
    fallback to the White House."""
    document = _doc("Readout of President Biden’s Meeting with Prime Minister Fiala", url=url,
                    date="2024-04-15")
    document.kind = infer_kind(document)
    assert document.kind == "readout"
    assert issuer(document) == expected


def test_statement_paragraphs_are_statements_not_quotes() -> None:
    document = _doc("Statement from President Joe Biden on Small Business",
                    "Small businesses are the engine of our economy.\n\nWe will keep going.",
                    url="https://www.whitehouse.gov/briefing-room/statements-releases/x/",
                    date="2024-04-05")
    document.kind = infer_kind(document)
    quotes = transcript_quotes(document, ActorIndex(document))
    assert [q.type for q in quotes] == ["statement", "statement"]
    assert {q.speaker.name for q in quotes} == {"Joe Biden"}


def test_release_bylines_and_headings_are_not_statements() -> None:
    document = _doc("Joint Statement on the Strategic Dialogue Between the United States and"
                    " Poland", "Office of the Spokesperson\n\nBegin Text:\n\nThe parties held"
                    " the dialogue in Washington.\n\nEnergy Security\n\nBoth sides plan to"
                    " meet again in 2023.", date="2022-02-04")
    document.kind = infer_kind(document)
    quotes = transcript_quotes(document, ActorIndex(document))
    assert [q.text[:10] for q in quotes] == ["The partie", "Both sides"]
    assert {q.speaker.name for q in quotes} == {"United States and Poland"}


def test_the_president_resolves_by_date() -> None:
    text = "THE PRESIDENT: Hello, everybody.\n\nQ Mr. President?\n\nTHE PRESIDENT: Yes."
    biden = _doc("Remarks by President Biden", text, tags="speeches-remarks", date="2024-04-17")
    trump = _doc("Remarks by President Trump", text, tags="speeches-remarks", date="2025-03-01")
    for document, name in ((biden, "Joe Biden"), (trump, "Donald Trump")):
        document.kind = infer_kind(document)
        names = {q.speaker.name for q in transcript_quotes(document, ActorIndex(document))}
        assert names == {name, REPORTER}


def test_state_department_remarks_before_a_meeting_are_turns() -> None:
    # Two turns and a State Department remarks title: a transcript, each turn the words of
    # the printed full name (middle initial kept, as actors name him).
    text = ("SECRETARY BLINKEN: Good afternoon. It is a pleasure to welcome the minister.\n\n"
            "FOREIGN MINISTER KAMILOV: Thank you very much for inviting us.")
    document = _doc("Secretary Antony J. Blinken And Uzbekistan Foreign Minister Abdulaziz "
                    "Kamilov Before Their Meeting", text, date="2022-03-14")
    document.kind = infer_kind(document)
    assert document.kind == "transcript"
    quotes = transcript_quotes(document, ActorIndex(document))
    assert [(q.type, q.speaker.name) for q in quotes] == [
        ("direct", "Antony J. Blinken"), ("direct", "Abdulaziz Kamilov")]


def test_question_label_is_the_reporter() -> None:
    # State Department transcripts print "QUESTION:" where the White House prints "Q"
    document = _doc("Secretary Blinken At a Joint Press Availability", date="2022-03-14")
    assert resolve_label("QUESTION", document, "2022-03-14") == (REPORTER, "other")


def test_two_labels_in_a_news_story_are_no_transcript() -> None:
    text = "MOSCOW: Talks resumed.\n\nKYIV: Shelling continued."
    assert infer_kind(_doc("Talks resume as shelling goes on", text)) == "news"


def test_news_documents_get_no_transcript_quotes() -> None:
    document = _doc("Iran launches drones", "MR. KIRBY: this is not a transcript.")
    assert transcript_quotes(document, ActorIndex(document)) == []


def test_prepare_sets_kind_and_merge_renumbers() -> None:
    document = prepare(_read(FIXTURES / "transcripts" / "briefing.md"))
    assert document.kind == "transcript"
    primary = transcript_quotes(document, ActorIndex(document))
    merged = merge_quotes([], primary)
    assert [q.id for q in merged] == [f"q{i}" for i in range(1, len(primary) + 1)]


def test_the_issuers_own_words_in_its_statement_are_not_a_second_quote() -> None:
    text = ("We emphasize that the award is final. I have always said that hope wins. "
            "President Biden underscored that the alliance is strong.")
    issuer = Speaker(None, "United States-Japan Joint Leaders", "group")
    statement = Quote("s", "statement", 0, len(text), text, issuer)

    def quote(qid: str, phrase: str, subject: str, cue: str, name: str) -> Quote:
        start = text.index(phrase)
        who, verb = text.index(subject), text.index(cue)
        return Quote(qid, "indirect", start, start + len(phrase), phrase,
                     Speaker("a1", name, "group", who, who + len(subject), subject),
                     Span(verb, verb + len(cue), cue))

    ours = quote("a", "the award is final", "We", "emphasize", issuer.name)
    earlier = quote("b", "hope wins", "I", "said", issuer.name)
    named = quote("c", "the alliance is strong", "Biden", "underscored", "Joe Biden")
    merged = merge_quotes([ours, earlier, named], [statement])
    assert [(q.type, q.text) for q in merged] == [
        ("statement", text), ("indirect", "hope wins"), ("indirect", "the alliance is strong")]


@pytest.mark.shared
def test_background_call_turns() -> None:
    document = prepare(_read(shared_path("corpora", "whitehouse", CALL)))
    assert document.kind == "transcript"
    found = turns(document)
    labels = {t.label: (t.name, t.kind) for t in found}
    assert labels["SENIOR ADMINISTRATION OFFICIAL"] == ("senior administration official",
                                                         "anonymous")
    assert labels["SENIOR DEFENSE OFFICIAL"][1] == "anonymous"
    assert labels["Q"] == (REPORTER, "other")
    assert labels["MODERATOR"][1] == "other"
    quotes = transcript_quotes(document, ActorIndex(document))
    official = [q for q in quotes if q.speaker.name == "senior administration official"]
    assert any("came out clearly very much on top" in q.text for q in official)
    questions = [q for q in quotes if q.speaker.name == REPORTER]
    assert len(questions) >= 10
    assert any("take the defensive success as the win" in q.text for q in questions)
    assert not any("take the defensive success" in q.text for q in official)
    # Every turn opens with its label and the quote text never contains it.
    assert not any(q.text.startswith(("SENIOR ", "Q ", "MODERATOR")) for q in quotes)


@pytest.mark.shared
def test_briefing_reporter_questions_kept_apart() -> None:
    document = prepare(_read(shared_path("corpora", "whitehouse", BRIEFING_0415)))
    quotes = transcript_quotes(document, ActorIndex(document))
    names = {q.speaker.name for q in quotes}
    assert {"Karine Jean-Pierre", "John Kirby", REPORTER} <= names
    win = [q for q in quotes if "take the win" in q.text]
    assert win and all(q.speaker.name == REPORTER for q in win)


@pytest.mark.parametrize(("title", "expected"), [
    ("Remarks by First Lady Jill Biden at the Military Child Event", ("Jill Biden", "person")),
    ("Remarks by Vice President Harris on Reproductive Rights", ("Kamala Harris", "person")),
    ("Remarks by National Security Advisor Jake Sullivan at Brookings",
     ("Jake Sullivan", "person")),
    ("Remarks by President Biden and Prime Minister Kishida", None),
])
def test_remarks_without_turns_name_their_speaker(title, expected):
    from newsledger.quotes.transcripts import _remarks_speaker

    assert _remarks_speaker(title, "2024-04-10") == expected


def test_first_person_in_a_statement_is_its_issuer(nlp) -> None:
    text = ("Statement from President Joe Biden on Small Business\n\n"
            "I have always said that every new small business is an act of hope.")
    document = prepare(Document(
        text=text, source="x.md", title="Statement from President Joe Biden on Small Business",
        url="https://www.whitehouse.gov/briefing-room/statements-releases/x/",
        published=Published(date="2024-04-05")))
    analysis = next(analyze_documents([document], nlp))
    reported = [q for q in analysis.quotes if q.type != "statement"]
    assert reported and reported[0].speaker is not None
    assert reported[0].speaker.name == "Joe Biden"
    assert any(q.type == "statement" for q in analysis.quotes)


def test_outlet_and_rubric_labels_make_no_transcript() -> None:
    # a White House article quoting outlets ("AP (9/28/25): “...”") and rubrics ("FACT:")
    text = ("AP (9/28/25): “Democrats have suggested they are willing.”\n\n"
            "NOTUS (9/29/25): “Such a deal appears unlikely.”\n\n"
            "KAAL-TV: “Gas prices fell.”\n\nFACT: The bill cuts spending.\n\n"
            "PROMISE MADE: Secure the border.")
    assert infer_kind(_doc("Democrats Drive the Shutdown", text)) == "news"


def test_titled_labels_without_a_title_cue_make_a_transcript() -> None:
    # State Department interviews print "SECRETARY BLINKEN:" and "QUESTION:" under a plain title
    text = ("QUESTION: Mr. Secretary, thank you.\n\nSECRETARY BLINKEN: Good to be with you.\n\n"
            "QUESTION: What next?\n\nSECRETARY BLINKEN: We will see.")
    assert infer_kind(_doc("Secretary Antony J. Blinken With Lester Holt of NBC", text)) \
        == "transcript"


def test_honorific_without_a_full_stop_is_cut_from_the_label() -> None:
    # State Department transcripts print "MR PRICE:" where the White House prints "MR. KIRBY:"
    document = _doc("Department Press Briefing", "Ned Price, Department Spokesperson")
    assert resolve_label("MR PRICE", document, "2022-02-08") == ("Ned Price", "person")
    assert resolve_label("MR. PRICE", document, "2022-02-08") == ("Ned Price", "person")


def test_an_unnamed_official_in_a_governments_own_transcript_serves_that_government() -> None:
    from newsledger.quotes.descriptions import turn_official

    url = "https://www.whitehouse.gov/briefing-room/press-briefings/2024/04/14/x/"
    home = ActorIndex(_doc("Background Press Call by Senior Administration Officials", url=url))
    assert turn_official(home, "senior administration official", "anonymous") == ("USA", "GOV")
    assert turn_official(home, "senior military official", "anonymous") == ("USA", "MIL")
    assert turn_official(home, "John Kirby", "person") == (None, None)  # names resolve alone
    elsewhere = ActorIndex(_doc("Background Press Call by Senior Administration Officials"))
    assert turn_official(elsewhere, "senior administration official", "anonymous") == (None, None)
