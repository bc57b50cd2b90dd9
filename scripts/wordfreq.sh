#!/bin/sh
# wordfreq.sh writes data/words/frequency.tsv: how often each word (lowercased,
# split on anything but letters and digits, longer than two characters) occurs
# in UD English-EWT, words seen at least 3 times. Story merging weighs shared
# words by how rare they are in general English (internal/merge).
#
#	scripts/wordfreq.sh ../shared/data/ud-ewt > data/words/frequency.tsv
set -eu
dir=${1:-../shared/data/ud-ewt}
{
	printf '# word\tcount (UD English-EWT 2.15 train+dev+test, CC BY-SA 4.0; total tokens on the next line)\n'
	awk -F'\t' 'NF == 10 && $1 ~ /^[0-9]+$/ { n++ } END { printf "#total\t%d\n", n }' "$dir"/*.conllu
	awk -F'\t' 'NF == 10 && $1 ~ /^[0-9]+$/ {
		w = tolower($2); gsub(/[^a-z0-9]+/, " ", w); k = split(w, p, " ")
		for (i = 1; i <= k; i++) if (length(p[i]) > 2) c[p[i]]++
	} END { for (w in c) if (c[w] >= 3) printf "%s\t%d\n", w, c[w] }' "$dir"/*.conllu | LC_ALL=C sort
}
