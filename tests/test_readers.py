"""Every reader, stdin and directories, on our own files and (shared-marked) the real corpora."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsledger.errors import ReadError
from newsledger.ingest import READERS, read_path, read_paths
from newsledger.ingest.registry import reader
from newsledger.records import Document
from tests.conftest import EXAMPLES, shared_path

HTML_EXAMPLE = EXAMPLES / "harbor-post-grain-talks.html"
MD_EXAMPLE = EXAMPLES / "readout-coastal-security-call.md"
SEED_EXAMPLE = EXAMPLES / "iran-attack-toi.txt"


def documents(path: str | Path) -> list[Document]:
    items = list(read_path(str(path)))
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert not errors, errors
    return items


def one(path: str | Path) -> Document:
    docs = documents(path)
    assert len(docs) == 1
    return docs[0]


def region_texts(doc: Document, kind: str) -> list[str]:
    return [doc.text[r.start:r.end] for r in doc.regions if r.kind == kind]


def test_registry_maps_every_suffix_to_a_reader():
    expected = {".txt", ".html", ".htm", ".md", ".jsonl", ".xml", ".rss", ".atom"}
    assert expected <= set(READERS)
    assert READERS[".htm"] is READERS[".html"]
    assert READERS[".rss"] is READERS[".atom"] is READERS[".xml"]


def test_registry_decorator_adds_a_reader(tmp_path):
    @reader(".shout")
    def read_shout(data, source, settings):
        yield Document(text=data.decode().upper(), source=source)

    try:
        path = tmp_path / "a.shout"
        path.write_text("quiet words\n", encoding="utf-8")
        assert one(path).text == "QUIET WORDS\n"
    finally:
        del READERS[".shout"]


def test_text_is_stored_verbatim_with_first_line_as_title():
    doc = one(SEED_EXAMPLE)
    assert doc.text == SEED_EXAMPLE.read_text(encoding="utf-8")
    assert doc.title == "Senior US official: 'The Israelis came out very much on top'"
    assert doc.meta["reader"] == "text"
    assert doc.published is None  # bare text: the date is inferred later, in prepare


def test_text_keeps_crlf_and_odd_spaces(tmp_path):
    raw = "  Ministers meet\u00a0in Oslo\r\n\r\nThey met on Tuesday.\u2009Talks went on.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = one(path)
    assert doc.text == raw
    assert doc.title == "Ministers meet\u00a0in Oslo"


def test_text_in_a_legacy_encoding_is_decoded(tmp_path):
    raw = "Café talks\n\nThe minister’s résumé was read aloud, déjà vu for many.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes(raw.encode("cp1252"))
    doc = one(path)
    assert doc.text == raw
    assert doc.meta["encoding"] == "cp1252"


def test_html_main_text_metadata_and_captions():
    doc = one(HTML_EXAMPLE)
    assert doc.title == "Norway and Turkey agree to revive Black Sea grain talks"
    assert doc.published.date == "2024-03-05"
    assert doc.published.method == "html"
    assert "article:published_time" in doc.published.evidence
    assert doc.author == "Maren Falk"
    assert doc.site == "The Harbor Post"
    assert doc.url == "https://harborpost.example/world/2024/03/05/norway-turkey-grain-talks"
    assert doc.text.startswith(doc.title + "\n\n")
    captions = region_texts(doc, "caption")
    assert captions == ["The Norwegian and Turkish foreign ministers shake hands before their "
                        "meeting in Oslo, March 5, 2024. (Jonas Berg/Harbor Post)"]
    assert doc.text.count("shake hands") == 1  # the caption is not also in the body
    body = " ".join(region_texts(doc, "body"))
    assert "“Hunger does not wait for diplomats.”" in body
    for chrome in ("Most read", "Ferry strike", "All rights reserved", "Home"):
        assert chrome not in doc.text
    assert region_texts(doc, "title") == [doc.title]


def test_html_caption_classes_and_wrappers(tmp_path):
    para = "".join(f"<p>Rescue teams worked through night {n} in the coastal town of Hatay, "
                   f"officials said, and {n * 10} more people were found.</p>" for n in range(1, 9))
    page = ("<html><head><title>Quake hits coast</title></head><body>"
            '<div class="wp-caption"><img src="x.jpg"><p class="wp-caption-text">Rescuers '
            "search rubble in Hatay, Feb. 7, 2023. (Jane Doe/Reuters)</p></div>"
            f'<div class="caption">{para}</div></body></html>')
    path = tmp_path / "quake.htm"
    path.write_text(page, encoding="utf-8")
    doc = one(path)
    assert region_texts(doc, "caption") == [
        "Rescuers search rubble in Hatay, Feb. 7, 2023. (Jane Doe/Reuters)"]
    assert len(region_texts(doc, "body")) == 8


def test_markdown_front_matter_escapes_and_hard_wraps():
    doc = one(MD_EXAMPLE)
    assert doc.title == ("Readout of National Security Advisor’s Call with Foreign Minister "
                         "of Ghana on Coastal Security")  # "\_" (a no-break space) made plain
    assert doc.published.date == "2024-05-16"
    assert doc.published.method == "metadata"
    assert doc.url.startswith("https://briefing.example.gov/briefing-room/")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == doc.title
    assert paragraphs[1].startswith("National Security Advisor Dana Whitfield spoke today "
                                    "with Foreign Minister Kofi Asante")
    assert paragraphs[1].endswith("between their coast guards.")
    assert "\n" not in paragraphs[1] and "  " not in doc.text and "\u00a0" not in doc.text
    assert "take [it] from us" in doc.text and "\\" not in doc.text
    assert paragraphs[-1] == "###"
    assert region_texts(doc, "boilerplate") == ["###"]


@pytest.mark.parametrize(("markdown", "title", "paragraphs"), [
    ("# Heading One\n\nA *first* paragraph\nwrapped here.\n\n- item **one**\n- item two\n",
     "Heading One", ["A first paragraph wrapped here.", "item one", "item two"]),
    ("---\ntitle: Plain\ndate: 2023-01-09\n---\nSee [the report](http://x.example/r)\\_now.\n",
     "Plain", ["See the report_now."]),
    ("---\ntitle: Table\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n", "Table", ["a | b", "1 | 2"]),
])
def test_markdown_forms(tmp_path, markdown, title, paragraphs):
    path = tmp_path / "doc.md"
    path.write_text(markdown, encoding="utf-8")
    doc = one(path)
    assert doc.title == title
    assert doc.text.split("\n\n")[1:] == paragraphs


def test_markdown_unquoted_yaml_date(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("---\ntitle: T\ndate: 2023-01-09\n---\nBody text here.\n", encoding="utf-8")
    assert one(path).published.date == "2023-01-09"


def test_jsonl_text_html_dates_and_links(tmp_path):
    records = [
        {"title": "Talks resume", "text": "Talks resume in Geneva on Monday.",
         "date": "2024-03-11", "url": "https://a.example/1"},
        {"title": "Envoy named", "html": "<p>Office of the Spokesperson</p><p>The envoy was "
         "named on Friday.</p>", "pubDate": "Fri, 08 Mar 2024 21:30:00 -0500",
         "link": "https://b.example/2", "creator": "Press Office"},
        {"text": "Untitled note\n\nIt has no title field.", "published": "2024-03-07T10:00:00Z"},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    docs = documents(path)
    assert [d.title for d in docs] == ["Talks resume", "Envoy named", "Untitled note"]
    assert [d.published.date for d in docs] == ["2024-03-11", "2024-03-08", "2024-03-07"]
    assert {d.published.method for d in docs} == {"metadata"}
    assert docs[0].text == "Talks resume\n\nTalks resume in Geneva on Monday."
    assert docs[1].text == "Envoy named\n\nOffice of the Spokesperson\n\nThe envoy was named on Friday."
    assert docs[1].url == "https://b.example/2" and docs[1].author == "Press Office"
    assert docs[1].site == "b.example"
    assert [d.meta["line"] for d in docs] == [1, 2, 3]
    assert docs[0].source == f"{path}:1"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbor Post World</title><link>https://harborpost.example/</link>
<item><title>Ferry strike ends in Bergen</title><link>https://harborpost.example/a</link>
<pubDate>Tue, 05 Mar 2024 09:15:00 +0100</pubDate><author>desk@harborpost.example (Maren Falk)</author>
<description>&lt;p&gt;Ferry crews returned to work on Tuesday after a &lt;b&gt;two-day&lt;/b&gt; strike.&lt;/p&gt;</description></item>
<item><title>Storm warning for the coast</title><link>https://harborpost.example/b</link>
<pubDate>Mon, 04 Mar 2024 18:00:00 +0100</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry news</title><id>urn:x</id>
<updated>2024-03-06T12:00:00Z</updated>
<entry><title>Minister visits Accra</title><id>urn:x:1</id><link href="https://m.example/1"/>
<published>2024-03-06T11:00:00+00:00</published><updated>2024-03-06T12:00:00Z</updated>
<author><name>Press Office</name></author>
<content type="html">&lt;p&gt;The minister arrived in Accra on Wednesday.&lt;/p&gt;&lt;p&gt;Talks follow.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items_are_documents(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    docs = documents(path)
    assert [d.title for d in docs] == ["Ferry strike ends in Bergen", "Storm warning for the coast"]
    assert docs[0].text == ("Ferry strike ends in Bergen\n\n"
                            "Ferry crews returned to work on Tuesday after a two-day strike.")
    assert [d.published.date for d in docs] == ["2024-03-05", "2024-03-04"]
    assert docs[0].url == "https://harborpost.example/a"
    assert docs[0].site == "Harbor Post World"
    assert docs[1].text == "Storm warning for the coast"
    assert docs[0].source.endswith("world.rss#1")


def test_atom_entries_are_documents(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    doc = one(path)
    assert doc.title == "Minister visits Accra"
    assert doc.text == "Minister visits Accra\n\nThe minister arrived in Accra on Wednesday.\n\nTalks follow."
    assert doc.published.date == "2024-03-06"
    assert doc.url == "https://m.example/1"
    assert doc.author == "Press Office"


def test_stdin_is_read_as_text(monkeypatch):
    raw = "Ceasefire holds\n\nThe truce held overnight, officials said.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.encode("utf-8"))))
    doc = one("-")
    assert doc.text == raw
    assert doc.source == "<stdin>"
    assert doc.title == "Ceasefire holds"


def test_directory_is_read_recursively_by_type(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "one.txt").write_text("One\n\nFirst text.\n", encoding="utf-8")
    (tmp_path / "a" / "two.md").write_text("---\ntitle: Two\n---\nSecond text.\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "three.html").write_bytes(HTML_EXAMPLE.read_bytes())
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.\n", encoding="utf-8")
    (tmp_path / ".git" / "config.txt").write_text("Hidden\n\nNot read.\n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    docs = documents(tmp_path)
    assert sorted(Path(d.source).name for d in docs) == ["one.txt", "three.html", "two.md"]
    assert {d.meta["reader"] for d in docs} == {"text", "markdown", "html"}


def test_read_paths_chains_paths_and_keeps_errors_in_order(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Good\n\nText.\n", encoding="utf-8")
    items = list(read_paths([str(good), str(tmp_path / "missing.txt"), str(MD_EXAMPLE)]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]


def test_ids_are_content_hashes_and_stable():
    first = [d.id for d in documents(EXAMPLES)]
    second = [d.id for d in documents(EXAMPLES)]
    files = sum(1 for p in EXAMPLES.rglob("*") if p.is_file())  # one document per example file
    assert first == second and len(set(first)) == len(first) == files >= 3


@pytest.mark.shared
def test_statedept_jsonl_loads_with_titles_and_dates():
    path = shared_path("corpora", "statedept", "press_releases.jsonl")
    docs = documents(path)
    assert len(docs) == 2031
    assert all(d.title and d.text.startswith(d.title) for d in docs)
    assert all(d.published and len(d.published.date) == 10 for d in docs)
    first = docs[0]
    assert first.title.startswith("Art in Embassies Announces")
    assert first.published.date == "2022-08-03"
    assert first.url.startswith("https://www.state.gov/")
    assert first.author == "Office of the Spokesperson"
    assert "<p>" not in first.text


@pytest.mark.shared
def test_whitehouse_rss_loads():
    docs = documents(shared_path("corpora", "whitehouse", "rss.xml"))
    assert len(docs) == 30
    assert all(d.title and d.published.date.startswith("2026-") for d in docs)
    assert docs[0].title == "President Trump and Republicans Deliver for South Carolina Families"
    assert docs[0].published.date == "2026-08-21"
    assert all(d.url.startswith("https://www.whitehouse.gov/") for d in docs)


def whitehouse_sample(n: int = 200) -> list[Path]:
    root = shared_path("corpora", "whitehouse")
    files = sorted(p for p in root.rglob("*.md") if p.name != "README.md")
    step = max(1, len(files) // n)
    return files[::step][:n]


@pytest.mark.shared
@pytest.mark.slow
def test_whitehouse_sample_loads_with_dates_titles_and_stable_ids():
    sample = whitehouse_sample()
    assert len(sample) == 200
    docs = [one(p) for p in sample]
    assert all(d.title and d.published and d.published.method == "metadata" for d in docs)
    for path, doc in zip(sample, docs, strict=True):
        assert path.name.startswith(doc.published.date)  # files are named by their date
        assert "\\#" not in doc.text and "\\[" not in doc.text and "\u00a0" not in doc.text
    assert [d.id for d in docs] == [one(p).id for p in sample]


@pytest.mark.shared
def test_seed_primary_source_reads_as_prose():
    path = shared_path("corpora", "whitehouse", "press-briefings", "2024-04",
                       "2024-04-14-background-press-call-by-senior-administration-officials"
                       "-on-irans-attacks-against-the-state-of-israel.md")
    doc = one(path)
    assert doc.title.endswith("Against the State of Israel")
    assert doc.published.date == "2024-04-14"
    # a quote the seed cites, once split over a hard wrap, is one string again
    assert "think carefully and strategically about" in doc.text
    assert "[senior administration official]" in doc.text
