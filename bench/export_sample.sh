#!/usr/bin/env bash
# Export examples/ and a fixed 60-document White House sample (the first 60 files of April
# 2024, by path) as JSON Lines, to compare two trees record for record:
#   bench/export_sample.sh OUT_DIR            # with this checkout's code
#   diff <(jq -S . A/wh.jsonl) <(jq -S . B/wh.jsonl)
set -euo pipefail
out=${1:?usage: bench/export_sample.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-$root/.venv/bin/python}
mkdir -p "$out"
rm -f "$out"/ex.db* "$out"/wh.db*
cd "$root"
ls ../shared/corpora/whitehouse/*/2024-04/*.md | sort | head -60 > "$out/sample.txt"
PYTHONPATH=$root "$py" -m newsledger ingest examples/ --db "$out/ex.db" --workers 1 >/dev/null
PYTHONPATH=$root "$py" -m newsledger export --db "$out/ex.db" --format jsonl > "$out/ex.jsonl"
# shellcheck disable=SC2046
PYTHONPATH=$root "$py" -m newsledger ingest $(cat "$out/sample.txt") --db "$out/wh.db" --workers 1 >/dev/null
PYTHONPATH=$root "$py" -m newsledger export --db "$out/wh.db" --format jsonl > "$out/wh.jsonl"
wc -l "$out"/*.jsonl
