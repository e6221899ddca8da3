# pmfolio: `make demo` runs the whole pipeline on the built-in sample site,
# `make test` runs every test with the race detector.

GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         ?= bin/pmfolio

.PHONY: build test lint bench demo fmt clean

build:
	$(GO) build -o $(BIN) ./cmd/pmfolio

test:
	$(GO) test -race -count=1 ./...

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

demo:
	$(GO) run ./cmd/pmfolio demo

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin
