"""Actor resolution: entities, demonyms, metonymy, agent phrases, titles and dated roles."""

from __future__ import annotations

import pytest

from newsledger.actors.index import ActorIndex
from newsledger.records import Document, Published


def index_for(model, text: str, date: str | None = "2024-04-14"):
    document = Document(text=text, source="test",
                        published=Published(date=date) if date else None)
    parsed = model(text)
    return parsed, ActorIndex.from_doc(parsed, document)


def phrase(parsed, text: str, words: str):
    start = text.index(words)
    return parsed.char_span(start, start + len(words), alignment_mode="expand")


# (sentence, phrase, name, country, sector, kind)
PHRASES = [
    ("Iranian drones were shot down over Jordan.", "Iranian drones",
     "Iranian military", "IRN", "MIL", "organization"),
    ("Several members of Israel's war cabinet favored a response.", "Israel's war cabinet",
     None, "ISR", "GOV", "organization"),
    ("Israel took out the IRGC leadership in the Levant.", "the IRGC leadership",
     "Islamic Revolutionary Guard Corps", "IRN", "MIL", "organization"),
    ("On Sunday, leaders of G7 nations condemned the attack.", "leaders of G7 nations",
     "G7", None, "IGO", "organization"),
    ("The United States would not take part in the operation.", "The United States",
     "United States", "USA", None, "state"),
    ("The US sent two destroyers to the region.", "The US",
     "United States", "USA", None, "state"),
    ("Washington imposed new sanctions on the company.", "Washington",
     None, "USA", "GOV", "organization"),
    ("Tehran warned that it would respond.", "Tehran", None, "IRN", "GOV", "organization"),
    ("Russian forces shelled Kharkiv overnight.", "Russian forces",
     "Russian military", "RUS", "MIL", "organization"),
    ("Polish officials met the delegation in Warsaw.", "Polish officials",
     None, "POL", "GOV", "organization"),
    ("Hamas militants crossed the border fence.", "Hamas militants",
     "Hamas", "PSE", "REB", "group"),
    ("Houthi rebels fired a missile at a tanker.", "Houthi rebels",
     "Houthis", "YEM", "REB", "group"),
    ("The Kremlin denied the report.", "The Kremlin", "Kremlin", "RUS", "GOV", "organization"),
    ("NATO allies pledged more air defense systems.", "NATO", "NATO", None, "IGO",
     "organization"),
    ("The Israeli military said it hit Hezbollah targets.", "Hezbollah targets",
     "Hezbollah", "LBN", "REB", "group"),
    ("Protesters in Berlin burned a flag.", "Protesters in Berlin",
     None, "DEU", "OPP", "group"),
    ("The Iranian Foreign Ministry summoned the ambassador.", "The Iranian Foreign Ministry",
     None, "IRN", "GOV", "organization"),
]


@pytest.mark.parametrize(("sentence", "words", "name", "country", "sector", "kind"), PHRASES)
def test_resolve_phrase(model, sentence, words, name, country, sector, kind):
    parsed, index = index_for(model, sentence)
    actor = index.resolve_phrase(phrase(parsed, sentence, words))
    assert actor is not None, words
    if name:
        assert actor.name == name
    assert (actor.country, actor.sector, actor.kind) == (country, sector, kind)
    assert any(m.start < sentence.index(words) + len(words) for m in actor.mentions)


@pytest.mark.parametrize(("sentence", "words"), [
    ("The attack caused little damage.", "The attack"),
    ("Missiles were fired from the south.", "Missiles"),
    ("He told us the talks had ended.", "us"),
    ("The decision was made late on Friday.", "The decision"),
    ("Its allies stayed silent.", "Its allies"),
])
def test_non_actors_resolve_to_none(model, sentence, words):
    parsed, index = index_for(model, sentence)
    assert index.resolve_phrase(phrase(parsed, sentence, words)) is None


@pytest.mark.parametrize(("sentence", "words", "expected"), [
    ("The US and Israel intercepted most of the drones.", "The US and Israel",
     [("USA", None), ("ISR", None)]),
    ("We demand that Iran and its proxies cease their attacks.", "Iran and its proxies",
     [("IRN", None), ("IRN", "UAF")]),
    ("France, Britain and Germany issued a joint statement.", "France, Britain and Germany",
     [("FRA", None), ("GBR", None), ("DEU", None)]),
])
def test_resolve_phrases_coordination(model, sentence, words, expected):
    parsed, index = index_for(model, sentence)
    actors = index.resolve_phrases(phrase(parsed, sentence, words))
    assert [(a.country, a.sector) for a in actors] == expected


@pytest.mark.parametrize(("sentence", "name", "country", "sector"), [
    ("US President Joe Biden spoke with the king. Biden said the call went well.",
     "Joe Biden", "USA", "GOV"),
    ("Chinese Foreign Ministry spokesperson Mao Ning said the move was unwise.",
     "Mao Ning", "CHN", "GOV"),
    ("Sen. John Fetterman criticized the decision. Fetterman called it weak.",
     "John Fetterman", None, "LEG"),
    ("European Commission President Ursula Von Der Leyen condemned the attack.",
     "Ursula Von Der Leyen", None, "IGO"),
    ("Ukrainian President Volodymyr Zelensky thanked Congress for the aid.",
     "Volodymyr Zelensky", "UKR", "GOV"),
    ("Major general Fuad Basya, spokesman for the Indonesian military, said a ship left.",
     "Fuad Basya", "IDN", "MIL"),
    ("Discussing his concern, Malaysia's Prime Minister, Najib Razak said they would help.",
     "Najib Razak", "MYS", "GOV"),
])
def test_people_titles(model, sentence, name, country, sector):
    _, index = index_for(model, sentence)
    person = next(a for a in index.actors if a.kind == "person")
    assert (person.name, person.sector) == (name, sector)
    if country:
        assert person.country == country
    assert person.role


def test_fullest_name_and_first_mention_order(model):
    text = ("Kirby told reporters the strikes had ended. White House national security "
            "spokesperson John Kirby said Iran was warned. Kirby declined to say more.")
    _, index = index_for(model, text)
    kirby = index.find("Kirby")
    assert kirby is not None and kirby.name == "John Kirby"
    assert kirby.id == "a1"
    assert len(kirby.mentions) == 3
    assert (kirby.country, kirby.sector) == ("USA", "GOV")
    assert [a.id for a in index.actors] == [f"a{i}" for i in range(1, len(index.actors) + 1)]


def test_roles_are_bounded_by_publication_date(model):
    text = "Biden met the prime minister in the afternoon."
    _, index_2024 = index_for(model, "Joe " + text, date="2024-04-14")
    _, index_2005 = index_for(model, "Joe " + text, date="2005-06-01")
    biden_2024 = index_2024.find("Joe Biden")
    biden_2005 = index_2005.find("Joe Biden")
    assert biden_2024.country == biden_2005.country == "USA"
    assert biden_2024.sector == "GOV"
    assert biden_2005.sector != "GOV"


def test_demonym_adjective_counts(model):
    text = "The Iranian attack was launched from three directions."
    _, index = index_for(model, text)
    iran = index.find("Iran")
    assert iran is not None and iran.key == "state:IRN"
    assert iran.mentions[0].text == "Iranian"


def test_unknown_actors_still_become_actors(model):
    text = "Zorblax Holdings sued Mira Quentworth over the contract."
    _, index = index_for(model, text)
    kinds = {a.name: a.kind for a in index.actors}
    assert kinds.get("Mira Quentworth") == "person"
    assert any(k == "organization" and "Zorblax" in n for n, k in kinds.items())


def test_locative_places_are_not_actors(model):
    text = "Thousands rallied in Berlin on Saturday."
    _, index = index_for(model, text)
    assert index.find("Berlin") is None


def test_same_actor_for_quote_and_event_stages(model):
    text = "Israeli Prime Minister Benjamin Netanyahu said Israel would respond."
    parsed, index = index_for(model, text)
    speaker = index.add("Netanyahu", "person", 0, 0, "Netanyahu")
    assert speaker.name == "Benjamin Netanyahu"
    actor = index.resolve_phrase(phrase(parsed, text, "Benjamin Netanyahu"))
    assert actor is speaker
    part = index.participant(actor, actor.mentions[-1].start, actor.mentions[-1].end)
    assert (part.actor, part.country, part.sector) == (actor.id, "ISR", "GOV")


def test_an_envoys_brief_is_not_his_country(model):
    _, index = index_for(model, "The UN envoy for Somalia, James Swan, spoke on Monday.")
    person = next(a for a in index.actors if a.kind == "person")
    assert person.country != "SOM"
