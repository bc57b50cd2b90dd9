#!/usr/bin/env bash
# Builds the speed corpus of issue 16 in a directory outside the repository:
# N copies (default 2,000) of the seeds and news-dev texts, each made unique by
# one added last line, so the content-hash deduplication keeps them all and
# every copy is coded. The texts stay in ../shared; nothing here is committed
# with them.
#
#   scripts/corpus2000.sh [DIR] [N]     # prints DIR (default: a new temp dir)
#   dir=$(scripts/corpus2000.sh); /usr/bin/time -v bin/dyad code --quiet --events-out /dev/null "$dir"
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
dir=${1:-$(mktemp -d -t dyad-speed-XXXXXX)}
n=${2:-2000}
mkdir -p "$dir"
shopt -s nullglob
src=("$SHARED"/corpus/seeds/*.txt "$SHARED"/corpus/news-dev/*.txt)
[ ${#src[@]} -gt 0 ] || { echo "no texts under $SHARED/corpus/{seeds,news-dev}" >&2; exit 1; }
for ((i = 0; i < n; i++)); do
  f=${src[i % ${#src[@]}]}
  out=$(printf '%s/%05d_%s' "$dir" "$i" "$(basename "$f")")
  # The unique line is a plain reference number: no party, trigger or date.
  { cat "$f"; printf '\n\nReference number %05d.\n' "$i"; } > "$out"
done
echo "$dir"
