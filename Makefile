# Two entry points for a fresh machine: `make demo` and `make test`.
PORT ?= 8000
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= ledger.db

.PHONY: setup demo test lint browser clean

$(BIN)/newsledger: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/newsledger

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

demo: setup
	$(BIN)/newsledger ingest examples/ --db $(DB)
	$(BIN)/newsledger provenance --db $(DB) --link
	$(BIN)/newsledger serve --db $(DB) --port $(PORT)

test: setup browser
	$(BIN)/ruff check newsledger tests bench scripts
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm test-artifacts
