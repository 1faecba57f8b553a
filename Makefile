# Everything bootstraps its own virtualenv: `make decks` and `make test` are the only set-up.
# Building needs only the runtime dependencies; the test stack installs on `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: decks test check status lint dist-check preview screenshots diagrams release browser bench clean

decks: $(RUNTIME)
	$(BIN)/build-decks build

test: $(TESTING) browser
	$(BIN)/ruff check build_decks tests bench
	$(BIN)/python -m pytest

check: $(RUNTIME)
	$(BIN)/build-decks check

status: $(RUNTIME)
	$(BIN)/build-decks status

lint: $(TESTING)
	$(BIN)/ruff check build_decks tests bench

# Re-render every diagram source (answers/**/<id>.d2) to its committed SVG with the pinned D2.
diagrams: $(TESTING)
	$(BIN)/build-decks diagrams

# dist/ is committed so people can download the decks: it must match a fresh build.
dist-check: $(RUNTIME)
	$(BIN)/build-decks build
	@if [ -n "$$(git status --porcelain -- dist content/ids.lock content/notes.lock)" ]; then \
		echo "dist/ is stale: run 'make decks' on a clean tree and commit dist/, content/ids.lock and content/notes.lock"; \
		git status --short -- dist content/ids.lock content/notes.lock; exit 1; \
	fi
	@echo "dist/ is up to date"

# A release: CHANGELOG.md entry from `build-decks changes`, version stamped, dist/ rebuilt.
# Usage: make release VERSION=0.2.0 [SINCE=v0.1.0]; it prints the git commands and tags nothing.
release: $(RUNTIME)
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=x.y.z [SINCE=ref]"; exit 2; }
	$(BIN)/build-decks release $(VERSION) $(if $(SINCE),--since $(SINCE),)
	$(BIN)/build-decks build

# Build timings on this machine (never asserted in tests).
bench: $(TESTING)
	$(BIN)/python bench/bench_build.py

# Card previews in headless Chromium (Debian's chromium package, installed when missing).
# They go to build/preview only; `make screenshots` refreshes the README's pictures in docs/.
preview: $(TESTING) browser
	$(BIN)/build-decks build
	$(BIN)/build-decks preview --out build/preview

screenshots: $(TESTING) browser
	$(BIN)/build-decks build
	$(BIN)/build-decks preview --out build/preview --screenshots docs/screenshots

# Installs Debian's chromium when missing; never fails (browser tests skip, saying why).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); echo "installing Chromium (Debian package chromium)..."; \
	    { $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core >/dev/null 2>&1 || \
	      { $$SUDO apt-get update -q >/dev/null 2>&1 && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core >/dev/null 2>&1; }; } || \
	    echo "could not install Chromium: browser tests will be skipped"; }

# A regular (not editable) install: setuptools stays quiet, and any change to the package's
# files reinstalls it on the next make.
PACKAGE_FILES := $(wildcard build_decks/*.py build_decks/templates/*)

$(RUNTIME): pyproject.toml $(PACKAGE_FILES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet .
	touch $(RUNTIME)

$(TESTING): $(RUNTIME)
	$(BIN)/python -m pip install --quiet '.[test]'
	touch $(TESTING)

clean:
	rm -rf $(VENV) build *.egg-info
