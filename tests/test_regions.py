"""Regions: the seed against gold.json, and the same rules on documents of other kinds."""

from __future__ import annotations

import pytest

from newsledger.document.regions import Paragraph, is_boilerplate, is_byline, is_caption, segment
from newsledger.errors import ReadError
from newsledger.ingest import read_path
from newsledger.records import Document, Region
from tests.conftest import EXAMPLES, FIXTURES, shared_path


def check_layout(doc: Document) -> None:
    """Regions are sorted, disjoint, exact paragraph spans; every non-blank line has one."""
    previous_end = 0
    for region in doc.regions:
        assert previous_end <= region.start < region.end <= len(doc.text)
        piece = doc.text[region.start:region.end]
        assert piece == piece.strip() and "\n" not in piece
        previous_end = region.end
    covered = sum(r.end - r.start for r in doc.regions)
    assert covered == sum(len(line.strip()) for line in doc.text.split("\n"))


def kinds_of(doc: Document, kind: str) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in doc.regions if r.kind == kind]


@pytest.fixture(scope="module")
def seed_doc(seed_text) -> Document:
    doc = Document(text=seed_text, source="article.txt")
    doc.regions = segment(doc)
    return doc


@pytest.mark.shared
def test_seed_captions_match_gold(seed_doc, seed_gold):
    captions = kinds_of(seed_doc, "caption")
    assert len(captions) == 7
    for item in seed_gold["captions"]:
        start, end = item["span"]
        assert any(s == start and end <= e for s, e in captions), item["start"]
    # the first caption is printed twice, one line after the other
    first = seed_gold["captions"][0]["span"][0]
    dup = [c for c in captions if seed_doc.text[c[0]:c[1]] == seed_doc.text[first:captions[0][1]]]
    assert len(dup) == 2


@pytest.mark.shared
def test_seed_boilerplate_is_exactly_gold(seed_doc, seed_gold):
    assert kinds_of(seed_doc, "boilerplate") == [tuple(b["span"]) for b in seed_gold["boilerplate"]]
    for b in seed_gold["boilerplate"]:
        assert seed_doc.text[b["span"][0]:b["span"][1]] == b["text"]


@pytest.mark.shared
def test_seed_title_and_two_decks(seed_doc, seed_gold):
    (title,) = kinds_of(seed_doc, "title")
    assert seed_doc.text[title[0]:title[1]] == seed_gold["title"]
    decks = [seed_doc.text[s:e] for s, e in kinds_of(seed_doc, "deck")]
    assert len(decks) == 2
    assert decks[0].startswith("‘Not seeking war’")
    assert decks[1].startswith("NYT reports Biden dissuaded PM")
    assert not kinds_of(seed_doc, "byline")
    check_layout(seed_doc)


@pytest.mark.shared
def test_seed_everything_else_is_body(seed_doc):
    kinds = [r.kind for r in seed_doc.regions]
    assert kinds.count("body") == len(kinds) - 1 - 2 - 7 - 3
    assert seed_doc.region_at(seed_doc.text.index("would not participate")) == "body"
    assert seed_doc.region_at(seed_doc.text.index("Brandenburg Gate")) == "caption"


# Documents we wrote in other styles: every paragraph's expected kind, by its opening words.
OTHER_DOCUMENTS = {
    "wire-story.txt": [
        ("title", "Swiss-hosted talks"), ("byline", "By Anna Keller"), ("body", "GENEVA, March 12"),
        ("body", '"We are disappointed'), ("body", "The army delegation"), ("body", "Aid agencies"),
        ("boilerplate", "(Reporting by Anna Keller"),
    ],
    "blog-post.txt": [
        ("title", "What the new port deal"), ("byline", "By Tom Ellis"),
        ("byline", "Published March 3, 2024"), ("body", "The regional council"),
        ("body", '"Nobody asked'), ("body", "The council's leader"), ("body", "A public meeting"),
        ("boilerplate", "Share this"), ("boilerplate", "Related"),
        ("boilerplate", "Sign up for our weekly newsletter"),
    ],
    "photo-news.txt": [
        ("title", "Floods force thousands"), ("deck", "Rescue teams used boats"),
        ("caption", "Residents wade through"), ("body", "Thousands of people"),
        ("body", "The civil protection agency"), ("body", '"We have never seen'),
        ("caption", "A rescue helicopter"), ("body", "The regional president"),
        ("boilerplate", "Advertisement"), ("body", "Officials said at least"),
    ],
}


@pytest.mark.parametrize("name", sorted(OTHER_DOCUMENTS))
def test_other_kinds_of_document(name):
    (doc,) = read_path(str(FIXTURES / "regions" / name))
    doc.regions = segment(doc)
    got = [(r.kind, doc.text[r.start:r.end]) for r in doc.regions]
    expected = OTHER_DOCUMENTS[name]
    assert len(got) == len(expected)
    for (kind, text), (want_kind, opening) in zip(got, expected, strict=True):
        assert text.startswith(opening)
        assert kind == want_kind, text
    check_layout(doc)


def test_html_caption_regions_come_from_figcaption():
    (doc,) = read_path(str(EXAMPLES / "harbor-post-grain-talks.html"))
    assert [doc.text[s:e][-26:] for s, e in kinds_of(doc, "caption")] == [
        "2024. (Jonas Berg/Harbor Post)"[-26:]]
    assert kinds_of(doc, "title") == [(0, len(doc.title))]
    check_layout(doc)


def test_statement_signatory_under_the_title_is_a_byline():
    text = ("Statement on the Anniversary of the Accord\n\nJane Q. Doe, Secretary of State\n\n"
            "Ten years ago today, the two governments signed the accord in Lima.")
    doc = Document(text=text, source="x")
    assert [r.kind for r in segment(doc)] == ["title", "byline", "body"]


def test_reader_regions_win_over_rules():
    text = "Heading\n\nA plain line that looks like body.\n\nAnother one."
    doc = Document(text=text, source="x")
    start = text.index("A plain")
    regions = segment(doc, known=[Region("title", 0, 7), Region("caption", start, start + 34)])
    assert [r.kind for r in regions] == ["title", "caption", "body"]


def p(text: str) -> Paragraph:
    return Paragraph(0, len(text), text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Protesters march in Tehran, April 19, 2024. (AP Photo/Vahid Salemi)", True),
    ("A boy looks at the rubble in Rafah on Monday. (Said Khatib / AFP)", True),
    ("Rescuers search the site. Photograph: Jane Doe/Reuters", True),
    ("Photo: The harbour at dawn", True),
    ("Smoke rises over the city, March 2, 2024. (Israel Defense Forces)", True),
    ("Smoke rises over the city. (Reuters)", True),
    ("Thank you so much. (Applause.)", False),
    ("“U.S. forces are taking bold action.” ( Watch )", False),
    ("Jane Doe, of Virginia, to be a Member of the Board. (New Position)", False),
    ("The agency (IAEA) said the site was damaged.", False),
    ("He said talks would continue (in Geneva).", False),
])
def test_caption_rule(text, expected):
    assert is_caption(p(text)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Most Popular", True), ("read more:", True), ("Related", True), ("Share this", True),
    ("Sign up for our newsletter", True), ("###", True), ("* * *", True),
    ("Jane Doe contributed to this report.", True),
    ("Reporting by Jane Doe; Editing by John Roe", True),
    ("© 2024 The Harbor Post. All rights reserved.", True),
    ("Related concerns were raised by the minister on Monday.", False),
    ("Shares of the shipping company fell 4 percent", False),
    ("Related Programs Appropriations Act, 2023", False),
    ("Related: Iran strikes back", True),
    ("“Listen my children, and you shall hear", False),
    ("The report, compiled by the UN, was published on Monday.", False),
    ("Read the statement carefully, he told the reporters in a long briefing today.", False),
])
def test_boilerplate_rule(text, expected):
    assert is_boilerplate(p(text)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("By Jane Doe", True), ("By Jane Doe and John Roe, Reuters", True), ("Jane Doe, Reuters", True),
    ("BY THE PRESIDENT OF THE UNITED STATES OF AMERICA", False), ("By the numbers", False),
    ("By Tuesday, the ceasefire had collapsed and both sides blamed each other for it.", False),
    ("Updated March 4, 2024 at 10:02 a.m.", True),
])
def test_byline_rule(text, expected):
    assert is_byline(p(text)) is expected


@pytest.mark.shared
@pytest.mark.slow
def test_whitehouse_sample_has_no_false_captions_or_boilerplate():
    """White House releases have no photos and no site chrome: no captions, and boilerplate
    only for end marks like "###"."""
    root = shared_path("corpora", "whitehouse")
    files = sorted(p for p in root.rglob("*.md") if p.name != "README.md")[::48][:300]
    captions, boilerplate = [], []
    for path in files:
        for doc in read_path(str(path)):
            assert not isinstance(doc, ReadError), doc
            check_layout(doc)
            captions += [doc.text[s:e] for s, e in kinds_of(doc, "caption")]
            boilerplate += [doc.text[s:e] for s, e in kinds_of(doc, "boilerplate")]
    assert captions == []
    assert boilerplate and all(not any(ch.isalpha() for ch in b) for b in boilerplate), \
        [b for b in boilerplate if any(ch.isalpha() for ch in b)]
