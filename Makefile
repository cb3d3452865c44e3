# Regrid: `make demo` converts the bundled samples, `make test` runs the tests.
# Both install the system libraries first when they are missing (Debian/Ubuntu, apt-get).

SWIFT ?= swift
APT_PACKAGES := libxml2-dev libzip-dev libdeflate-dev libssl-dev libpoppler-glib8 pkg-config time
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
REGRID := .build/release/regrid
OUT ?= out
PREFIX ?= /usr/local
# The Swift runtime and Foundation are linked into the binary: an installed regrid needs only the
# system libraries (libxml2, libzip, libdeflate, libcrypto, libsqlite3; libpoppler-glib8, loaded only to read a
# PDF), not the toolchain.
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: all deps build release demo test install install-check bench fuzz clean

all: build

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product regrid

demo: release
	@mkdir -p $(OUT)
	@for f in Samples/*; do \
	  case "$$f" in *.md|*.py) continue;; esac; \
	  b=$$(basename "$$f"); \
	  $(REGRID) convert "$$f" -o "$(OUT)/$$b.json" || exit 1; \
	  $(REGRID) convert "$$f" -t html -o "$(OUT)/$$b.html" || exit 1; \
	  echo "converted $$f -> $(OUT)/$$b.json, $(OUT)/$$b.html"; \
	done
	@echo "checks of the annual-report samples (exit 1 = a rule fails, as planted in some samples):"
	@$(REGRID) check Samples/*.docx Samples/*.txt || true

test: deps
	$(SWIFT) test

# Installs the one self-contained binary as $(DESTDIR)$(PREFIX)/bin/regrid.
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(REGRID) "$(DESTDIR)$(PREFIX)/bin/regrid"
	strip "$(DESTDIR)$(PREFIX)/bin/regrid"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/regrid"

# Installs into a temporary prefix and runs that copy from another folder with the build tree
# hidden and no toolchain on the library path (what a copied or packaged binary meets).
install-check:
	scripts/check-install.sh

# Regrid vs pandoc, python-docx and a libzip+libxml2 floor; ~10 minutes (BENCH_ARGS=--quick for a smoke run).
bench: deps
	python3 Benchmarks/run.py $(BENCH_ARGS)

# libFuzzer targets for the DOCX, flattened-text, HTML and plain-text readers (Fuzz/fuzz.sh), FUZZ_TIME seconds each.
FUZZ_TIME ?= 60
fuzz: deps
	Fuzz/fuzz.sh all $(FUZZ_TIME)

clean:
	rm -rf .build $(OUT)
