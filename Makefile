# The same commands CI runs (.ci/run). `make test` is the README's test command.
GO ?= go

.PHONY: build demo test lint bench score

build:
	$(GO) build -o bin/dyad ./cmd/dyad

# The main job on the embedded default, from nothing: build, ingest the seed
# pages into a fresh data directory, print the USA–IRQ timeline.
SEEDS ?= ../shared/corpus/seeds
DEMO ?= demo-data
demo: build
	@test -d "$(SEEDS)" || { echo "no seed pages at $(SEEDS): set SEEDS=DIR (any folder of news pages or texts)"; exit 1; }
	rm -rf "$(DEMO)" && mkdir -p "$(DEMO)"
	bin/dyad --db "$(DEMO)/dyad.db" ingest "$(SEEDS)"
	bin/dyad --db "$(DEMO)/dyad.db" articles
	bin/dyad --db "$(DEMO)/dyad.db" timeline --dyad USA:IRQ
	@echo
	@echo "The dashboard: bin/dyad --db $(DEMO)/dyad.db serve, then open http://127.0.0.1:8080/"

test:
	$(GO) test -race -count=1 -timeout 30m -json ./... | $(GO) run ./scripts/testsummary

lint:
	$(GO) vet ./...
	test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

score: build
	scripts/score.sh
