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
