"""Event locations: places the sentence ties to the trigger, located offline; no capital default."""

from __future__ import annotations

import pytest

from newsledger.actors.places import gazetteer_lookup, locate
from newsledger.records import Document


def where(model, sentence: str, trigger: str):
    parsed = model(sentence)
    return locate(parsed, Document(text=sentence, source="test"), (0, len(sentence)),
                  sentence.index(trigger))


@pytest.mark.parametrize(("sentence", "trigger", "name", "country"), [
    ("A suspected Israel attack on Iran's Syria consulate on April 1 killed seven members.",
     "attack", "Syria", "SYR"),
    ("Interceptor missiles are fired at Iranian drones, as seen over Tel Aviv, on April 14.",
     "fired", "Tel Aviv", "ISR"),
    ("Protesters in Berlin rallied against the war.", "rallied", "Berlin", "DEU"),
    ("An airstrike in Gaza City killed five people.", "airstrike", "Gaza City", "PSE"),
    ("A drone struck a US base in northeastern Syria.", "struck", "Syria", "SYR"),
    ("Police arrested 20 people at a protest near the embassy in London.", "arrested",
     "London", "GBR"),
    ("The foreign ministers met in Tokyo on Wednesday.", "met", "Tokyo", "JPN"),
])
def test_locate(model, sentence, trigger, name, country):
    loc = where(model, sentence, trigger)
    assert loc is not None
    assert (loc.name, loc.country) == (name, country)
    assert loc.lat is not None and loc.lon is not None
    assert sentence[loc.start:loc.end] == name


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Iran launched hundreds of drones and missiles at Israel on Saturday night.", "launched"),
    ("Biden said in Washington that Iran attacked Israel.", "attacked"),
    ("Secretary Blinken spoke with Turkish Foreign Minister Hakan Fidan.", "spoke"),
    ("The United States condemned the strike.", "condemned"),
    ("Washington imposed new sanctions on Tehran.", "imposed"),
])
def test_no_location_without_a_place_tied_to_the_event(model, sentence, trigger):
    assert where(model, sentence, trigger) is None


def test_country_gets_centroid_not_capital():
    iran = gazetteer_lookup("Iran")
    tehran = gazetteer_lookup("Tehran")
    assert iran.country == tehran.country == "IRN"
    assert iran.is_country and not tehran.is_country
    assert (iran.lat, iran.lon) != (tehran.lat, tehran.lon)


def test_city_lookup_prefers_the_most_populous():
    assert gazetteer_lookup("Damascus").country == "SYR"
    assert gazetteer_lookup("Washington").country == "USA"
    assert gazetteer_lookup("Nowhereville Qx") is None


def _place(model, text: str, name: str):
    from newsledger.actors.places import place_in_context

    parsed = model(text)
    ent = next(e for e in parsed.ents if e.text == name and e.label_ == "GPE")
    return place_in_context(parsed, ent)


@pytest.mark.parametrize(("text", "kind", "country"), [
    ("Delmira Jennings and her husband live in Athens, Georgia.", "state", "USA"),
    ("In states like Georgia, they passed a law to restrict voting.", "state", "USA"),
    ("The governor of Georgia signed that law.", "state", "USA"),
    ("Biden campaigned in Pennsylvania and Michigan on Monday. On Tuesday he spoke in Georgia.",
     "state", "USA"),
    ("Russian troops massed on the border of Georgia, officials in Tbilisi said.",
     "country", "GEO"),
    ("The European Union granted candidate status to Georgia.", "country", "GEO"),
])
def test_georgia_by_context(model, text, kind, country):
    hit = _place(model, text, "Georgia")
    assert hit is not None and (hit.kind, hit.country) == (kind, country)
    assert hit.lat is not None


def test_city_qualified_by_its_state(model):
    hit = _place(model, "A storm hit Paris, Texas, on Monday.", "Paris")
    assert (hit.country, hit.admin1) == ("USA", "TX")
    assert _place(model, "Ministers met in Paris on Monday.", "Paris").country == "FRA"


def test_white_house_is_not_casablanca(model):
    sentence = "Biden met the leaders at the White House on Friday."
    loc = where(model, sentence, "met")
    assert loc is None or (loc.country is None and "Casablanca" not in loc.name)


def test_no_place_across_a_line_or_from_a_relative_clause(model):
    text = ("Senator Fetterman, who has defended Israel throughout the fighting in Gaza, "
            "criticized the administration.")
    assert where(model, text, "criticized") is None
    text = "Leaders condemned the attack.\nA man holds a flag in Berlin."
    assert where(model, text, "condemned") is None
