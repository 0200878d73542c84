"""Date expressions resolved against a frozen publication date."""

from __future__ import annotations

import pytest

from newsledger.document.dates import resolve_expression

SUNDAY = "2024-04-14"  # a Sunday

CASES = [
    ("Saturday night", SUNDAY, "2024-04-13", "day"),
    ("on Sunday", SUNDAY, "2024-04-14", "day"),
    ("last Sunday", SUNDAY, "2024-04-07", "day"),
    ("Wednesday", "2023-11-02", "2023-11-01", "day"),
    ("April 1", SUNDAY, "2024-04-01", "day"),
    ("October 7", SUNDAY, "2023-10-07", "day"),
    ("Dec. 24", "2024-01-03", "2023-12-24", "day"),
    ("5 March", SUNDAY, "2024-03-05", "day"),
    ("April 14, 2024", None, "2024-04-14", "day"),
    ("2022-02-24", None, "2022-02-24", "day"),
    ("yesterday", SUNDAY, "2024-04-13", "day"),
    ("today", SUNDAY, "2024-04-14", "day"),
    ("last week", SUNDAY, "2024-04-01", "week"),
    ("earlier this week", "2024-04-11", "2024-04-08", "week"),
    ("last month", SUNDAY, "2024-03-01", "month"),
    ("two days ago", SUNDAY, "2024-04-12", "day"),
    ("March 2022", None, "2022-03-01", "month"),
    ("in 2019", SUNDAY, "2019-01-01", "year"),
]


@pytest.mark.parametrize("text,published,value,precision", CASES)
def test_resolve(text, published, value, precision):
    found = resolve_expression(text, published)
    assert found is not None
    assert found[:2] == (value, precision)
    assert text[found[2]:found[3]].strip()


@pytest.mark.parametrize("text", ["Saturday", "yesterday", "last week", "April 1"])
def test_relative_dates_need_a_publication_date(text):
    assert resolve_expression(text, None) is None


@pytest.mark.parametrize("text", ["the seventh month", "72-hour", "decades", "recently"])
def test_not_a_date(text):
    assert resolve_expression(text, SUNDAY) is None


def test_event_dates_in_context(nlp):
    from newsledger.pipeline import analyze_document
    from newsledger.records import Document

    text = ("Russia launched missiles at Kyiv on Saturday night. "
            "A spokesman said on Sunday that Poland would not join any counteroffensive.")
    a = analyze_document(Document(text=text, source="t"), published=SUNDAY, nlp=nlp)
    launch = next(e for e in a.events if e.trigger.text == "launched")
    assert launch.date.value == "2024-04-13" and launch.date.text == "Saturday"
    join = next(e for e in a.events if e.trigger.text == "join")
    assert join.modality == "negated" and join.date is None
