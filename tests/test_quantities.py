"""Numbers attached to events."""

from __future__ import annotations

import pytest

from newsledger.events.quantities import event_quantities, parse_number


@pytest.mark.parametrize("text,value", [("seven", 7), ("1,200", 1200), ("two hundred", 200),
                                        ("3.5", 3.5), ("forty-two", 42), ("banana", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


CASES = [
    ("Iran launched hundreds of drones and missiles at Israel.", "ASSAULT", 100, True,
     "weapon"),
    ("The militia fired 100 ballistic missiles at the city.", "ASSAULT", 100, False, "weapon"),
    ("The strike killed seven soldiers.", "ASSAULT", 7, False, "dead"),
    ("The blast injured about 30 people.", "ASSAULT", 30, True, "injured"),
    ("More than 5,000 protesters marched in Tbilisi.", "PROTEST", 5000, True, "size"),
    ("Dozens of demonstrators rallied outside parliament.", "PROTEST", 24, True, "size"),
]


@pytest.mark.parametrize("text,etype,value,approx,role", CASES)
def test_quantities(model, text, etype, value, approx, role):
    doc = model(text)
    found = event_quantities(list(doc), etype)
    assert any(q.value == value and q.approximate == approx and q.role == role
               for q in found), found


def test_dates_are_not_quantities(model):
    doc = model("The attack on April 1 lasted 72 hours in 2024.")
    assert all(q.value not in (1, 2024) for q in event_quantities(list(doc), "ASSAULT"))
