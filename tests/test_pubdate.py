"""Publication dates: metadata first, then the text (datelines, dated lines, latest date)."""

from __future__ import annotations

import pytest

from newsledger.document.pubdate import full_dates, infer_published, metadata_date
from newsledger.ingest import read_path
from newsledger.pipeline import prepare
from newsledger.records import Document, Published
from tests.conftest import EXAMPLES, FIXTURES


def inferred(text: str) -> Published | None:
    return infer_published(Document(text=text, source="test"))


@pytest.mark.shared
def test_seed_is_2024_04_14_from_its_text(seed_text, seed_gold):
    published = inferred(seed_text)
    assert published.date == seed_gold["published"] == "2024-04-14"
    assert published.method == "text"
    assert published.precision == "day"
    assert "April 14, 2024" in published.evidence and "Sunday" in published.evidence


@pytest.mark.parametrize(("text", "date", "precision", "evidence"), [
    ("Title\n\nWASHINGTON, April 14, 2024 (Reuters) - The United States said on Sunday.",
     "2024-04-14", "day", "WASHINGTON, April 14, 2024 (Reuters)"),
    ("Title\n\nApril 14, 2024 — The president spoke with the prime minister today.",
     "2024-04-14", "day", "April 14, 2024"),
    # a dateline without its year takes the year after the latest dated mention
    ("Title\n\nGENEVA, March 12 (Reuters) - Talks ended. Fighting began in April 2023.",
     "2024-03-12", "day", "GENEVA, March 12 (Reuters)"),
    ("Title\n\nKYIV, Ukraine, Feb. 3 (AP) — Shelling hit the city. On Jan. 30, 2025, talks failed.",
     "2025-02-03", "day", "KYIV, Ukraine, Feb. 3 (AP)"),
    ("Title\n\nBy Jane Doe\n\nPublished 9 May 2023\n\nThe council met on May 2, 2023.",
     "2023-05-09", "day", "Published 9 May 2023"),
    ("Title\n\nUpdated: 14 April 2024 10:32 BST\n\nThe ministry spoke.", "2024-04-14", "day",
     "Updated: 14 April 2024 10:32 BST"),
    # no dateline: the latest full date, moved to the nearest weekday the text names
    ("Title\n\nThe deal signed on 3 March 2021 expired. Officials met again on Friday.",
     "2021-03-05", "week", "3 March 2021"),
    ("Title\n\nThe talks of June 2, 2022 and June 9, 2022 failed, the envoy said Thursday.",
     "2022-06-09", "day", "June 9, 2022"),
    ("Title\n\nA treaty from 12 October 1998 still applies.", "1998-10-12", "week", "12 October 1998"),
])
def test_dates_read_from_text(text, date, precision, evidence):
    published = inferred(text)
    assert published is not None
    assert (published.date, published.precision, published.method) == (date, precision, "text")
    assert evidence in published.evidence


@pytest.mark.parametrize("text", [
    "Title\n\nNothing here has a date, the minister said on Monday.",
    "Title\n\nKYIV (AP) — Shelling hit the city overnight.",
    "Title\n\nLONDON, March 12 (Reuters) - A dateline with no year anywhere else.",
    "Title\n\nThe figure rose to 2024 units on April 31.",
])
def test_unknown_stays_none(text):
    assert inferred(text) is None


def test_boilerplate_dates_do_not_count():
    text = "Title\n\nThe ministers met on Monday.\n\n© 2031 Harbor Post. Updated January 5, 2031"
    assert inferred(text) is None


def test_full_dates_finds_each_form_once():
    text = "On April 14, 2024, and 3 Sept. 2023 and 2022-01-09, but not April 31, 2024."
    assert [d.isoformat() for d, _, _ in full_dates(text)] == [
        "2024-04-14", "2023-09-03", "2022-01-09"]


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-04-14", "2024-04-14"),
    ("2024-04-14 19:30:00-04:00", "2024-04-14"),
    ("2024-04-14T23:30:00Z", "2024-04-14"),
    ("Wed, 03 Aug 2022 19:49:23 +0000", "2022-08-03"),
    ("Sun, 14 Apr 2024 21:30:00 -0400", "2024-04-14"),  # the date as written, not in UTC
    ("14 April 2024", "2024-04-14"),
    ("April 2024", None),
    ("yesterday-ish", None),
    ("2024-13-45", None),
])
def test_metadata_date(value, expected):
    assert metadata_date(value) == expected


def test_metadata_wins_over_the_text():
    (doc,) = read_path(str(EXAMPLES / "readout-coastal-security-call.md"))
    prepare(doc)
    assert doc.published == Published("2024-05-16", "day", "metadata", "date: 2024-05-16")


def test_html_date_comes_from_the_page():
    (doc,) = read_path(str(EXAMPLES / "harbor-post-grain-talks.html"))
    prepare(doc)
    assert (doc.published.date, doc.published.method) == ("2024-03-05", "html")


def test_given_date_overrides_everything():
    (doc,) = read_path(str(FIXTURES / "regions" / "blog-post.txt"))
    prepare(doc, published="2020-01-02")
    assert doc.published == Published("2020-01-02", "day", "given", None)


def test_prepare_infers_for_bare_text():
    (doc,) = read_path(str(FIXTURES / "regions" / "photo-news.txt"))
    prepare(doc)
    assert (doc.published.date, doc.published.method) == ("2023-05-17", "text")


ARTICLE = "".join(f"<p>Paragraph {i} says the ministers met and talked about the grain corridor "
                  "at length.</p>" for i in range(5))


@pytest.mark.parametrize(("extra", "date", "precision", "evidence"), [
    ("", None, None, None),
    ('<time datetime="2024-03-06T10:00">yesterday</time>', "2024-03-06", "day", "<time"),
    ("<p class='date'>March 5, 2024</p>", "2024-03-05", "day", "March 5, 2024"),
    # a copyright year is all htmldate has: a year, not 1 January
    ("<footer>© 2024 Harbor Post</footer>", "2024-01-01", "year", "htmldate"),
])
def test_html_date_precision_is_what_the_page_supports(tmp_path, extra, date, precision, evidence):
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
                    f"{extra}{ARTICLE}</article></body></html>", encoding="utf-8")
    (doc,) = read_path(str(path))
    if date is None:
        assert doc.published is None
        return
    assert (doc.published.date, doc.published.precision, doc.published.method) == (
        date, precision, "html")
    assert doc.published.evidence.startswith(evidence)
