"""Date expressions resolved against a frozen publication date."""

from __future__ import annotations

import pytest

from newsledger.document.dates import (
    date_mentions,
    full_dates,
    period_start_after,
    resolve_expression,
    verb_direction,
)
from tests.docs import make_doc

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
    ("mid-2019", SUNDAY, "2019-01-01", "year"),
    ("4/13/2024", None, "2024-04-13", "day"),
    ("last April", SUNDAY, "2023-04-01", "month"),
    ("in May", SUNDAY, "2023-05-01", "month"),
    ("tomorrow", SUNDAY, "2024-04-15", "day"),
    ("next Tuesday", SUNDAY, "2024-04-16", "day"),
    ("next week", SUNDAY, "2024-04-15", "week"),
    ("last year", SUNDAY, "2023-01-01", "year"),
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


@pytest.mark.parametrize(("text", "direction", "value"), [
    ("Tuesday", "past", "2024-04-09"),
    ("Tuesday", "future", "2024-04-16"),
    ("Tuesday", "nearest", "2024-04-16"),
    ("Friday", "nearest", "2024-04-12"),
    ("Sunday", "future", "2024-04-14"),
    ("April 20", "past", "2023-04-20"),
    ("April 20", "future", "2024-04-20"),
    ("April 20", "nearest", "2024-04-20"),
    ("March 3", "nearest", "2024-03-03"),
    ("in May", "future", "2024-05-01"),
    ("last Tuesday", "future", "2024-04-09"),  # the words outrank the verb
    ("next Friday", "past", "2024-04-19"),
])
def test_direction(text, direction, value):
    assert resolve_expression(text, SUNDAY, direction)[0] == value


@pytest.mark.parametrize("text", ["150 years ago", "two years ago", "30 months ago"])
def test_far_dates_need_an_explicit_year(text):
    assert resolve_expression(text, SUNDAY) is None


def test_explicit_years_resolve_however_far():
    assert resolve_expression("in 1998", SUNDAY)[:2] == ("1998-01-01", "year")
    assert resolve_expression("October 7, 1973", SUNDAY)[:2] == ("1973-10-07", "day")


def test_period_start_after_publication():
    assert period_start_after("2024-04-15", SUNDAY)
    assert not period_start_after("2024-04-14", SUNDAY)
    assert not period_start_after("2024-04-01", SUNDAY)  # "this month"
    assert not period_start_after("2024-04-15", None)


def test_full_dates_are_the_shared_ones():
    from newsledger.document import pubdate

    assert pubdate.full_dates is full_dates
    assert [d.isoformat() for d, _, _ in full_dates("On 3 Sept. 2023 and May 2, 2022.")] == [
        "2023-09-03", "2022-05-02"]


def _sentence(words, heads, deps, pos, tags, ents):
    doc = make_doc(words, heads, deps, pos, tags=tags, ents=ents,
                   lemmas=[w.lower() for w in words])
    return doc, doc[:]


def test_tense_sets_direction_on_a_parse():
    # "Ministers met on Tuesday ." / "Ministers will meet on Tuesday ." / "Ministers meet ..."
    past, _ = _sentence(["Ministers", "met", "on", "Tuesday", "."], [1, 1, 1, 2, 1],
                        ["nsubj", "ROOT", "prep", "pobj", "punct"],
                        ["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
                        ["NNS", "VBD", "IN", "NNP", "."], ["O", "O", "O", "B-DATE", "O"])
    future, _ = _sentence(["Ministers", "will", "meet", "on", "Tuesday", "."],
                          [2, 2, 2, 2, 3, 2], ["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
                          ["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                          ["NNS", "MD", "VB", "IN", "NNP", "."],
                          ["O", "O", "O", "O", "B-DATE", "O"])
    present, sent = _sentence(["Ministers", "meet", "on", "Tuesday", "."], [1, 1, 1, 2, 1],
                              ["nsubj", "ROOT", "prep", "pobj", "punct"],
                              ["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
                              ["NNS", "VBP", "IN", "NNP", "."], ["O", "O", "O", "B-DATE", "O"])
    assert verb_direction(past[3]) == "past"
    assert verb_direction(future[4]) == "future"
    assert verb_direction(present[3]) == "nearest"
    assert [m.value for m in date_mentions(past[:], SUNDAY)] == ["2024-04-09"]
    assert [m.value for m in date_mentions(future[:], SUNDAY)] == ["2024-04-16"]
    assert [m.value for m in date_mentions(sent, SUNDAY)] == ["2024-04-16"]


def test_a_number_that_counts_troops_is_not_a_year():
    # "They sent in 2000 troops ." with "in 2000" tagged DATE by a confused model
    _, sent = _sentence(["They", "sent", "in", "2000", "troops", "."], [1, 1, 1, 4, 2, 1],
                          ["nsubj", "ROOT", "prt", "nummod", "pobj", "punct"],
                          ["PRON", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
                          ["PRP", "VBD", "RP", "CD", "NNS", "."],
                          ["O", "O", "B-DATE", "I-DATE", "O", "O"])
    assert date_mentions(sent, SUNDAY) == []


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
