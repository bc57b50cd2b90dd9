#!/bin/sh
# Rebuilds third_party/go-dateparser: a copy of github.com/markusmobius/go-dateparser whose
# internal/data package builds its locale tables on first use (sync.Once) instead of in 205
# init functions at program start (≈0.35 s CPU and 95 MB of allocations in every dyad command,
# even --help), and whose internal/timezone compiles its expressions on first use too
# (lazy-dateparser-timezone.patch). Nothing else changes. Run from the repository root after changing VERSION;
# the module must be in the module cache (go mod download github.com/markusmobius/go-dateparser@VERSION).
set -eu
VERSION=${VERSION:-v1.4.7}
MOD=github.com/markusmobius/go-dateparser
SRC=$(go env GOMODCACHE)/$MOD@$VERSION
DST=third_party/go-dateparser
test -d "$SRC" || { echo "missing $SRC: go mod download $MOD@$VERSION" >&2; exit 1; }

rm -rf "$DST"
mkdir -p "$DST"
# The upstream tests, their testdata (4 MB) and the code generator are left out.
(cd "$SRC" && find . -type f ! -path './testdata/*' ! -path './scripts/*' ! -name '*_test.go' -print) |
while read -r f; do
	mkdir -p "$DST/$(dirname "$f")"
	cp "$SRC/$f" "$DST/$f"
done
chmod -R u+w "$DST"

DATA=$DST/internal/data
NOTE='// Modified for dyad (see scripts/lazy-dateparser.sh):'
calls=""
for f in $(cd "$DATA" && LC_ALL=C ls [a-z]*.go); do
	fn=init_$(basename "$f" .go | tr -- '-' '_')
	grep -q '^func init() {$' "$DATA/$f" || { echo "$f: no func init" >&2; exit 1; }
	{
		echo "$NOTE func init renamed $fn, called once from loadLocales"
		echo "// (00-lazy.go) on the first GetLocaleData instead of at program start."
		sed "s/^func init() {\$/func $fn() {/" "$DATA/$f"
	} >"$DATA/$f.new"
	mv "$DATA/$f.new" "$DATA/$f"
	calls="$calls	$fn()
"
done

# GetLocaleData is the only way to reach the locale variables: make it load them first.
F=$DATA/00-locale-data.go
grep -q '^func GetLocaleData(locale string) (\*LocaleData, bool) {$' "$F"
{
	echo "$NOTE GetLocaleData first calls loadLocales (00-lazy.go)."
	echo
	sed 's/^func GetLocaleData(locale string) (\*LocaleData, bool) {$/&\
	loadLocalesOnce.Do(loadLocales)/' "$F"
} >"$F.new"
mv "$F.new" "$F"

{
	echo "$NOTE new file."
	echo
	echo "package data"
	echo
	echo 'import "sync"'
	echo
	echo "var loadLocalesOnce sync.Once"
	echo
	echo "// loadLocales runs the former init functions of the locale files, in the order"
	echo "// the Go toolchain ran them (lexical order of the file names)."
	echo "func loadLocales() {"
	printf '%s' "$calls"
	echo "}"
} >"$DATA/00-lazy.go"

# internal/timezone compiled a few hundred expressions at initialisation (~30 ms and 6 MB
# in every command): lazy-dateparser-timezone.patch builds them on first use, with a test.
git apply --directory="$DST" scripts/lazy-dateparser-timezone.patch

gofmt -l "$DST" | { if read -r x; then echo "gofmt: $x" >&2; exit 1; fi; }
echo "$DST: $MOD $VERSION with lazy internal/data and internal/timezone"
