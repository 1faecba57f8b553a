# Everything bootstraps its own virtualenv: `make decks` and `make test` are the only set-up.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: decks test check status lint dist-check preview browser bench clean

decks: $(STAMP)
	$(BIN)/build-decks build

test: $(STAMP) browser
	$(BIN)/ruff check build_decks tests bench
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/build-decks check

status: $(STAMP)
	$(BIN)/build-decks status

lint: $(STAMP)
	$(BIN)/ruff check build_decks tests bench

# dist/ is committed so people can download the decks: it must match a fresh build.
dist-check: $(STAMP)
	$(BIN)/build-decks build
	@if [ -n "$$(git status --porcelain -- dist content/ids.lock content/notes.lock)" ]; then \
		echo "dist/ is stale: run 'make decks' on a clean tree and commit dist/, content/ids.lock and content/notes.lock"; \
		git status --short -- dist content/ids.lock content/notes.lock; exit 1; \
	fi
	@echo "dist/ is up to date"

# Build timings on this machine (never asserted in tests).
bench: $(STAMP)
	$(BIN)/python bench/bench_build.py

# Card previews in headless Chromium (Debian's chromium package, installed when missing).
preview: $(STAMP) browser
	$(BIN)/build-decks build
	$(BIN)/build-decks preview --out build/preview

# Installs Debian's chromium when missing; never fails (browser tests skip, saying why).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); echo "installing Chromium (Debian package chromium)..."; \
	    { $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core >/dev/null 2>&1 || \
	      { $$SUDO apt-get update -q >/dev/null 2>&1 && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core >/dev/null 2>&1; }; } || \
	    echo "could not install Chromium: browser tests will be skipped"; }

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
