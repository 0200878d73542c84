#!/bin/sh
# Score the ledger path (ingest -> export) on news-dev with its own score.py.
# Usage: sh bench/dev_gold.sh [WORKDIR]   (run from the repository root; default /tmp/ev)
# `newsledger evaluate news ../shared/gold/news-dev/gold.json` computes the same figures
# without a ledger.
set -e
W=${1:-/tmp/ev}
GOLD=../shared/gold/news-dev
mkdir -p "$W"
for f in "$GOLD"/texts/*.txt; do
  python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read(), "url": "dev:" + sys.argv[1]}))' "$f"
done > "$W/dev.jsonl"
rm -f "$W/dev.db" "$W/dev.db-wal" "$W/dev.db-shm"
.venv/bin/newsledger ingest "$W/dev.jsonl" --db "$W/dev.db" > /dev/null
.venv/bin/newsledger export --db "$W/dev.db" --format jsonl > "$W/rec.jsonl"
python3 "$GOLD/score.py" "$W/rec.jsonl"
