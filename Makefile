# factwire: `make run` builds the warehouse from seeds/, `make test` runs the test suite.
# Both create .venv and install the project on first use (and again when pyproject.toml changes).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

# Prefect stays local and quiet: its home is inside the checkout, and no telemetry is sent.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install run test eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "factwire needs Python 3.11 or newer (set PYTHON=python3.11)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/factwire run seeds
	@echo
	@echo "Example query (sql/examples/deals_in_eur.sql):"
	$(BIN)/factwire query --file sql/examples/deals_in_eur.sql

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/factwire eval --json data/eval.json

clean:
	rm -rf data .prefect
