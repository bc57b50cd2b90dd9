#!/usr/bin/env bash
# Codes the seeds, news-dev and the PLV-train sentences with dyad and scores
# them against the gold with ../shared/tools/score_events.py and score_plv.py. With --check, fails when a figure
# falls below the floor recorded in scripts/score-floor.json (the ratchet).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BIN=${BIN:-bin/dyad}
OUT=${OUT:-$(mktemp -d)}
check=${1:-}
status=0
for set in seeds news-dev plv-train; do
  # PLV sentences are one-line documents; a few are refused as having no
  # article text, which the scorer counts as misses.
  "$BIN" code --quiet --events-out "$OUT/$set.events.jsonl" --docs-out "$OUT/$set.docs.jsonl" "$SHARED/corpus/$set" \
    2> "$OUT/$set.code.log" || [ "$set" = plv-train ] || { cat "$OUT/$set.code.log" >&2; exit 1; }
  if [ "$set" = plv-train ]; then
    python3 "$SHARED/tools/score_plv.py" --gold "$SHARED/gold/$set/pairs.tsv" \
      --events "$OUT/$set.events.jsonl" > "$OUT/$set.score.txt"
  else
    python3 "$SHARED/tools/score_events.py" --gold "$SHARED/gold/$set" \
      --events "$OUT/$set.events.jsonl" --docs "$OUT/$set.docs.jsonl" > "$OUT/$set.score.txt"
  fi
  last=$(tail -n 1 "$OUT/$set.score.txt")
  echo "$set: $last"
  if [ "$check" = "--check" ]; then
    python3 - "$set" "$last" <<'PY' || status=1
import json, sys
name, last = sys.argv[1], json.loads(sys.argv[2])
floor = json.load(open("scripts/score-floor.json"))[name]
bad = []
def get(d, path):
    for k in path.split("."):
        d = d[k]
    return d
for key, want in floor.items():
    got = get(last, key)
    if got < want - 0.02:
        bad.append(f"{key} = {got:.3f} < floor {want:.3f} - 0.02")
if bad:
    print(f"{name}: score fell below the ratchet: " + "; ".join(bad))
    sys.exit(1)
PY
  fi
done
exit $status
