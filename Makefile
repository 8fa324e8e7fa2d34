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

.PHONY: install run test eval bench clean dashboard browser old-duckdb train

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "factwire needs Python 3.11 or newer (set PYTHON=python3.11)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dashboard]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/factwire run seeds
	@echo
	@echo "Example query (sql/examples/deals_in_eur.sql):"
	$(BIN)/factwire query --file sql/examples/deals_in_eur.sql

test: $(STAMP) browser old-duckdb
	$(BIN)/python -m pytest

# Older DuckDB releases from PyPI, each in a venv of its own under .venv/old-duckdb (made once, kept):
# the tests open the published snapshot with them as BI tools do (see README, Connecting BI tools).
old-duckdb: $(STAMP)
	$(BIN)/python tests/old_duckdb.py

# The learned components, from ../shared/eval into models/ (seeded, CPU; see README, Quality).
# `make run` never trains: it loads what is committed under models/.
train: $(STAMP)
	$(BIN)/python -m factwire.training

eval: $(STAMP)
	$(BIN)/factwire eval --json data/eval.json

# Throughput, stage costs, memory and load speed on 10,000 articles built from ../shared/eval
# (about 20 minutes on 2 idle cores; see README, Performance). Writes data/bench/report.json.
bench: $(STAMP)
	$(BIN)/python -m bench.run

# The dashboard reads the published snapshot of the warehouse (see README, Dashboard).
dashboard: $(STAMP)
	$(BIN)/python -c 'import streamlit' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[dashboard]'
	$(BIN)/streamlit run factwire/dashboard/app.py --server.address 127.0.0.1 --server.headless true

# Debian's Chromium, for the dashboard's browser test (tests marked `browser`).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else echo "The browser test needs Debian's chromium; install it with: sudo apt-get install chromium (until then it is skipped)"; fi

clean:
	rm -rf data .prefect
