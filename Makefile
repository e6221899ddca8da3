# pmfolio: `make demo` runs the whole pipeline on the built-in sample site,
# `make test` runs every test with the race detector (fault injection, the
# kill test and the concurrency tests included), `make fuzz` runs each fuzz
# target briefly from its committed corpus, `make bench` the benchmarks of
# BENCHMARKS.md.

GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         ?= bin/pmfolio
# A count, not a duration: with a duration, Go 1.26's fuzzing coordinator
# can fail a target with "context deadline exceeded" as its time runs out on
# a busy machine, having found nothing (golang/go#75804, fixed in Go 1.27).
FUZZTIME    ?= 20000x
# The commit `pmfolio --version` prints, for builds where Go records none.
COMMIT      ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)

.PHONY: build test lint fuzz bench demo fmt clean model

build:
	$(GO) build -ldflags "-X main.commit=$(COMMIT)" -o $(BIN) ./cmd/pmfolio

# The command package's tests take some 11 minutes under the race detector
# on 2 quiet cores (pure-Go SQLite is slow with it); the timeout leaves room
# for a busy machine.
test:
	$(GO) test -race -count=1 -timeout 60m ./...

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# go test fuzzes one target per run: find them all, corpus first
# (testdata/fuzz/<FuzzName>), then FUZZTIME new inputs each.
fuzz:
	@set -e; for dir in $$(grep -l '^func Fuzz' $$(find . -name '*_test.go' -not -path './.git/*') | xargs -n1 dirname | sort -u); do \
		for target in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$dir/*_test.go); do \
			echo "fuzz $$target in $$dir for $(FUZZTIME)"; \
			$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$dir; \
		done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

demo:
	$(GO) run ./cmd/pmfolio demo

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin

# The text model of evidence/rules, trained on the corpus's train split
# (deterministic: the same corpus gives the same file), and
# evidence/rules/model.trained-on, the digest of what it learned from that
# make test checks. The test split measures it:
# go test ./evidence/rules -run TestCorpusTestSplit -v
model:
	$(GO) run ./evidence/rules/train
