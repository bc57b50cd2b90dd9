# The same commands CI runs (.ci/run). `make test` is the README's test command.
GO ?= go

.PHONY: build test lint bench score

build:
	$(GO) build -o bin/dyad ./cmd/dyad

test:
	$(GO) test -race -count=1 ./...

lint:
	$(GO) vet ./...
	test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

score: build
	scripts/score.sh
