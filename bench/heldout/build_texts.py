#!/usr/bin/env python3
"""Rebuild texts/*.txt of the heldout gold set from shared/corpora (deterministic).

usage: python3 build_texts.py [CORPORA_DIR] [OUT_DIR]
  CORPORA_DIR defaults to ../shared/corpora beside the repository, OUT_DIR to ./texts beside
  this file (git-ignored: the texts are rebuilt, never committed).

Same text construction as shared/gold/news-dev/build_texts.py (its functions are imported),
with other texts:
- GUM: GUM_news_{hackers,stampede,worship,sensitive}.conllu
- State Department: the news-dev candidate rule (title names a country or matches
  meet…|call…|sanction…, html 1,500–6,000 chars, file order), minus the 6 news-dev ids,
  then random.Random(4242).sample(candidates, 3).
- White House (2022–2025): the news-dev readout/statement lists, minus the 4 news-dev files;
  rng = random.Random(4243); rng.sample(readouts, 1) then rng.sample(statements, 2).
Prints one line per text: name, characters, SHA-1, source.
"""
import csv
import glob
import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
DEV = os.path.join(SHARED, "gold", "news-dev")
CORPORA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(SHARED, "corpora")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "texts")
DICT = os.path.join(CORPORA, "..", "dictionaries", "ngec", "countries.csv")

import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("newsdev_build_texts", os.path.join(DEV, "build_texts.py"))
dev = importlib.util.module_from_spec(_spec)  # gum_text, html_text, split_md, md_text, LEADER
_spec.loader.exec_module(dev)

GUM = ["hackers", "stampede", "worship", "sensitive"]
SD_SKIP = {"311203", "312563", "345887", "325092", "316467", "344606"}
WH_SKIP = {"wh-readout-of-president-bidens-call-with-chancellor-scholz-of-germany",
           "wh-readout-of-president-bidens-call-with-president-abdel-fattah-al-sisi-of-egypt-3",
           "wh-statement-from-president-joe-biden-on-a-record-20-million-new-business-applications",
           "wh-statement-from-president-joe-biden-on-pact-act-milestone"}


def statedept(corpora):
    names = [r["Name"] for r in csv.DictReader(open(DICT, encoding="utf-8"))]
    country = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    meeting = re.compile(r"\b(?:meet\w*|call\w*|sanction\w*)\b", re.I)
    rows = [json.loads(line) for line in open(os.path.join(corpora, "statedept", "press_releases.jsonl"), encoding="utf-8")]
    cands = [r for r in rows if (country.search(r["title"]) or meeting.search(r["title"]))
             and 1500 <= len(r["html"]) <= 6000]
    n_all = len(cands)
    cands = [r for r in cands if r["guid"].rsplit("=", 1)[-1] not in SD_SKIP]
    out = []
    for r in random.Random(4242).sample(cands, 3):
        short = r["guid"].rsplit("=", 1)[-1]
        out.append((f"statedept-{short}", dev.html_text(r["title"], r["html"]),
                    {"corpus": "statedept/press_releases.jsonl", "guid": r["guid"], "link": r["link"],
                     "title": r["title"], "pubDate": r["pubDate"], "creator": r["creator"],
                     "licence": "public domain (US government work)"}))
    return out, n_all, len(cands)


def slug_of(rel):
    return "wh-" + re.sub(r"^\d{4}-\d{2}-\d{2}-", "", os.path.basename(rel)[:-3])


def whitehouse(corpora):
    root = os.path.join(corpora, "whitehouse")
    ro, st = [], []
    for f in sorted(glob.glob(os.path.join(root, "**", "*.md"), recursive=True)):
        rel = os.path.relpath(f, root)
        if rel == "README.md":
            continue
        meta, body = dev.split_md(f)
        if str(meta.get("date"))[:4] not in ("2022", "2023", "2024", "2025"):
            continue
        title = " ".join(meta.get("title", "").split())
        if re.match(r"readout\b", title, re.I) and dev.LEADER.search(title):
            ro.append(rel)
        elif re.match(r"statement (?:from|by)\b", title, re.I):
            st.append(rel)
    n = (len(ro), len(st))
    ro = [r for r in ro if slug_of(r) not in WH_SKIP]
    st = [r for r in st if slug_of(r) not in WH_SKIP]
    rng = random.Random(4243)
    picks = rng.sample(ro, 1) + rng.sample(st, 2)
    out = []
    for rel in picks:
        meta, body = dev.split_md(os.path.join(root, rel))
        out.append((slug_of(rel), dev.md_text(meta, body),
                    {"corpus": "whitehouse/" + rel, "source_url": meta.get("source_url"), "title": meta.get("title"),
                     "date": str(meta.get("date")), "licence": "public domain (US government work)"}))
    return out, n, (len(ro), len(st))


def build():
    docs = []
    for g in GUM:
        p = os.path.join(CORPORA, "gum", "dep", f"GUM_news_{g}.conllu")
        meta = {}
        for line in open(p, encoding="utf-8"):
            if line.startswith("# meta::") and " = " in line:
                k, v = line[len("# meta::"):].split(" = ", 1)
                meta[k] = v.strip()
        docs.append(("gum-" + g, dev.gum_text(p), {"corpus": f"gum/dep/GUM_news_{g}.conllu", "title": meta.get("title"),
                                                      "source_url": meta.get("sourceURL"), "date": meta.get("dateCreated"),
                                                      "licence": "CC BY 2.5; text by Wikinews (en.wikinews.org), via the GUM corpus"}))
    sd, nsd, nsd2 = statedept(CORPORA)
    wh, nwh, nwh2 = whitehouse(CORPORA)
    return docs + sd + wh, (nsd, nsd2, nwh, nwh2)


def main():
    os.makedirs(OUT, exist_ok=True)
    docs, n = build()
    for name, text, src in docs:
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        sha = hashlib.sha1(text.encode("utf-8")).hexdigest()
        print(name, len(text), sha, src["corpus"])
    print(f"statedept candidates: {n[0]} ({n[1]} after skipping news-dev)")
    print(f"white house candidates: readouts/statements {n[2]} ({n[3]} after skipping news-dev)")


if __name__ == "__main__":
    main()
