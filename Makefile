# Everything bootstraps its own virtualenv: `make decks` and `make test` are the only set-up.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: decks test check status lint clean

decks: $(STAMP)
	$(BIN)/build-decks build

test: $(STAMP)
	$(BIN)/ruff check build_decks tests
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/build-decks check

status: $(STAMP)
	$(BIN)/build-decks status

lint: $(STAMP)
	$(BIN)/ruff check build_decks tests

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
