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
# poppler-utils, whose pdftotext the PDF tests read documents back with, and
# LibreOffice Calc, which re-saves a partner kit as a partner would, and
# PostgreSQL, whose initdb and pg_ctl the team tests start a server with.
DEB_PKGS    := gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils libreoffice-calc-nogui postgresql openssl

.PHONY: all deps build run test lint vet fmt-check staticcheck bench bench-app clean crash fuzz package \
  deps-windows build-windows package-windows test-windows vet-darwin

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

# macOS cannot be built here (no SDK, and Fyne's driver needs cgo): every
# package without cgo, i.e. all but main and screens and its sub-packages (Fyne widgets need
# cgo on macOS), is vetted and built for it.
DARWIN_ENV  := GOOS=darwin GOARCH=arm64 CGO_ENABLED=0
DARWIN_PKGS  = $(shell $(GO) list ./... | grep -vx -e channeldesk -e "channeldesk/screens\(/.*\)\?")

## vet-darwin: go vet and go build for macOS of every package that needs no cgo
vet-darwin:
	$(DARWIN_ENV) $(GO) vet -tags $(TAGS) $(DARWIN_PKGS)
	$(DARWIN_ENV) $(GO) build -tags $(TAGS) $(DARWIN_PKGS)

## test: deps, gofmt, vet, staticcheck, the macOS check, then every test with the race detector
test: deps lint vet-darwin
	CHANNELDESK_REQUIRE_SOFFICE=1 CHANNELDESK_REQUIRE_PG=1 $(GO) test -tags $(TAGS) -race -count=1 -timeout 45m ./...
	@# the MDF property test runs 200 sequences under -race; here all 2,000
	$(GO) test -tags $(TAGS) -count=1 -run 'RandomSequences' ./app/mdf/

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
FUZZ_TARGETS := ./app/format/:FuzzParseMoney ./app/format/:FuzzParseDate ./app/files/:FuzzSafeFileName \
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
	rm -rf dist build

# ---- Windows: cross-built here with Debian's mingw-w64, packaged with wixl, tested under Wine ----
# Everything comes from Debian: the C cross-compiler (Fyne's GLFW needs cgo), wixl for the MSI, zip.
WIN_DEB_PKGS := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 wixl msitools zip osslsigncode
# Wine 8 and a virtual X screen for the Windows tests; poppler-utils and
# imagemagick read the PDFs back and keep the screenshot.
WINE_DEB_PKGS := wine wine64 xvfb xauth xdotool x11-utils imagemagick poppler-utils locales openssl
WIN_ENV   := GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc
WIN_OUT   := build/windows
WIN_BUILD := $(shell sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
WIN_SYSO  := rsrc_windows_amd64.syso
WIN_NAME  := ChannelDesk-$(VERSION)-windows-amd64

## deps-windows: the mingw-w64 cross-compiler, wixl and zip (Debian, as root)
deps-windows:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(WIN_DEB_PKGS)"

## build-windows: build/windows/channeldesk.exe (GUI, no console window) and channeldesk-cli.exe
## (the same program as a console program, for cmd and PowerShell), both with icon and version info
build-windows: deps-windows
	mkdir -p $(WIN_OUT)
	$(GO) run ./packaging/windows/mkico assets/icon.png $(WIN_OUT)/channeldesk.ico
	printf '#define VER_QUAD %s,%s\n#define VER_STR "%s"\n' "$$(echo $(VERSION) | tr . ,)" "$(WIN_BUILD)" "$(VERSION)" > $(WIN_OUT)/version.h
	x86_64-w64-mingw32-windres -I $(WIN_OUT) -O coff -i packaging/windows/channeldesk.rc -o $(WIN_SYSO)
	@# the .syso is picked up by the Go linker for GOOS=windows only; removed again whatever happens
	$(WIN_ENV) $(GO) build -tags $(TAGS) -trimpath -ldflags="-s -w -H windowsgui" -o $(WIN_OUT)/channeldesk.exe . \
	  && $(WIN_ENV) $(GO) build -tags $(TAGS) -trimpath -ldflags="-s -w" -o $(WIN_OUT)/channeldesk-cli.exe .; \
	  rc=$$?; rm -f $(WIN_SYSO); exit $$rc

## package-windows: dist/ChannelDesk-VERSION-windows-amd64.msi (per user, no admin rights) and .zip (portable);
## with SIGN_P12=cert.p12 [SIGN_PASS_FILE=F SIGN_TIMESTAMP=URL] the programs and the MSI are signed
package-windows: build-windows
	sed 's/$$/\r/' packaging/windows/README.txt > $(WIN_OUT)/README.txt
	mkdir -p dist
	$(if $(SIGN_P12),packaging/windows/sign.sh $(WIN_OUT)/channeldesk.exe $(WIN_OUT)/channeldesk-cli.exe)
	wixl -a x64 -D Version=$(VERSION) -D Bin=$(WIN_OUT) -o dist/$(WIN_NAME).msi packaging/windows/channeldesk.wxs
	$(if $(SIGN_P12),packaging/windows/sign.sh dist/$(WIN_NAME).msi)
	rm -rf $(WIN_OUT)/zip && mkdir -p $(WIN_OUT)/zip/ChannelDesk
	cp $(WIN_OUT)/channeldesk.exe $(WIN_OUT)/channeldesk-cli.exe $(WIN_OUT)/README.txt $(WIN_OUT)/zip/ChannelDesk/
	rm -f dist/$(WIN_NAME).zip && cd $(WIN_OUT)/zip && zip -qr9 $(CURDIR)/dist/$(WIN_NAME).zip ChannelDesk
	@ls -l dist/$(WIN_NAME).msi dist/$(WIN_NAME).zip

## test-windows: build and package for Windows once, then under Wine: the command line against the
## Linux build's documents, the MSI (install, upgrade, uninstall), the Windows-only Go tests, and the
## GUI's window (screenshot in build/windows/)
test-windows: package-windows build
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(WINE_DEB_PKGS)"
	.ci/test-windows.sh $(WIN_OUT) ./$(BIN) dist/$(WIN_NAME).msi
