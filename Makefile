# ChannelDesk — build, run and test. `make run` and `make test` do all the
# set-up a fresh Debian machine needs (as root); see README.md.

GO          ?= go
TAGS        := migrated_fynedo
BIN         := channeldesk
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# fyne package, pinned: installed into .tools/ so another version on PATH does not matter.
FYNE_TOOLS  := v1.7.4
FYNE        := $(CURDIR)/.tools/fyne-$(FYNE_TOOLS)/fyne
VERSION     := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
ARCH        := $(shell $(GO) env GOARCH)
GOBIN       := $(shell $(GO) env GOPATH)/bin
# System packages the cgo build of Fyne needs on Debian/Ubuntu, and
# poppler-utils, whose pdftotext the PDF tests read documents back with.
DEB_PKGS    := gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils

.PHONY: all deps build run test lint vet fmt-check staticcheck bench bench-app clean crash fuzz package

all: build

## deps: install the missing system packages (Debian, as root); elsewhere say what is missing
deps:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
	  for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      echo "installing:$$missing"; \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	    else \
	      echo "missing system packages:$$missing — run: sudo apt-get install$$missing"; exit 1; \
	    fi; \
	  fi; \
	fi

## build: ./channeldesk
build: deps
	$(GO) build -tags $(TAGS) -trimpath -o $(BIN) .

## run: build and open the GUI on the default database
run: build
	./$(BIN)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

$(GOBIN)/staticcheck:
	$(GO) install $(STATICCHECK)

staticcheck: $(GOBIN)/staticcheck
	$(GOBIN)/staticcheck -tags $(TAGS) ./...

lint: fmt-check vet staticcheck

## test: deps, gofmt, vet, staticcheck, then every test with the race detector
test: deps lint
	$(GO) test -tags $(TAGS) -race -count=1 -timeout 45m ./...
	@# the MDF property test runs 200 sequences under -race; here all 2,000
	$(GO) test -tags $(TAGS) -count=1 -run 'RandomSequences' ./app/

## bench: the Go benchmarks, each figure printed next to its target
bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./... 2>/dev/null | tee bench.out | grep -E '^(Benchmark|ok|FAIL|---)'
	@echo; awk -f .ci/benchtable.awk .ci/bench-targets.tsv bench.out

## crash: kill -9 a process 30 times in the middle of a 50,000-row transaction, then 30 times in the
## middle of a real 50,000-row partner import (make test does 5 and 2)
CRASH_N  ?= 30
crash:
	CRASH_N=$(CRASH_N) $(GO) test -tags $(TAGS) -count=1 -v -run '^TestCrashLeavesAllOrNothing$$' ./data/
	CRASH_N=$(CRASH_N) $(GO) test -tags $(TAGS) -count=1 -v -timeout 30m -run '^TestImportCrashLeavesAllOrNothing$$' ./app/importer/

## fuzz: run every fuzz target for FUZZTIME; crashers land in testdata/fuzz (keep them as seed corpus)
FUZZTIME ?= 30s
FUZZ_TARGETS := ./app/:FuzzParseMoney ./app/:FuzzParseDate ./app/:FuzzSafeFileName \
  ./app/importer/:FuzzReadCSV ./app/importer/:FuzzMapper ./app/importer/:FuzzReadXLSX \
  ./app/importer/:FuzzReadDate ./app/importer/:FuzzReadAmount ./app/importer/:FuzzReadHTML \
  ./app/dealimport/:FuzzDealImport ./:FuzzMapFlag
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; echo "== $$name ($$pkg)"; \
	  $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s $$pkg; \
	done

$(FYNE):
	GOBIN=$(dir $(FYNE)) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS)

## package: dist/channeldesk-VERSION-linux-ARCH.tar.xz (binary, .desktop file, icon) via fyne package
package: deps $(FYNE)
	$(GO) build -tags $(TAGS) -trimpath -ldflags="-s -w" -o $(BIN) .
	@# fyne package bumps Build and rewrites FyneApp.toml; a release sets Build by hand, so keep the file.
	cp FyneApp.toml .tools/FyneApp.toml.keep
	$(FYNE) package --target linux --executable $(BIN) --release; rc=$$?; \
	  mv .tools/FyneApp.toml.keep FyneApp.toml; exit $$rc
	mkdir -p dist
	mv ChannelDesk.tar.xz dist/channeldesk-$(VERSION)-linux-$(ARCH).tar.xz
	@echo "dist/channeldesk-$(VERSION)-linux-$(ARCH).tar.xz: tar -xJf it and run 'sudo make install' inside, or copy usr/ under ~/.local"

## bench-app: the real binary under Xvfb on dataset L: start to partner list shown, and resident memory
## (targets 1 s and 200 MB); dataset L is built once into $(BENCH_L)
BENCH_L ?= $(or $(TMPDIR),/tmp)/channeldesk-app-L.db
bench-app: build
	@test -f $(BENCH_L) || ./$(BIN) demo --db $(BENCH_L) --partners 5000
	.ci/bench-app.sh ./$(BIN) $(BENCH_L)

clean:
	rm -f $(BIN)
	rm -rf dist
