# Two entry points for a fresh machine: `make demo` and `make test`.
PORT ?= 8000
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= ledger.db

.PHONY: setup demo test test-no-browser lint browser clean

$(BIN)/newsledger: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/newsledger

# The browser tests drive Debian's Chromium (never a downloaded browser build). If it is
# missing, say what will be installed and how, and never run sudo without saying so.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "make: the browser tests need Debian's chromium package; installing it with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then \
	    echo "make: not root, so this runs: sudo apt-get install chromium (Ctrl-C and run 'make test-no-browser' to skip)"; \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "make: no sudo; install chromium yourself, or run 'make test-no-browser'"; exit 1; fi; }

# examples/ holds the seed article and its White House primary sources, so the provenance
# page shows the seed's quotes traced to what was actually said.
demo: setup
	$(BIN)/newsledger ingest examples/ --db $(DB)
	$(BIN)/newsledger provenance --db $(DB) --link
	$(BIN)/newsledger serve --db $(DB) --port $(PORT)

test: setup browser
	$(BIN)/ruff check newsledger tests bench scripts
	$(BIN)/python -m pytest -q

test-no-browser: setup
	$(BIN)/ruff check newsledger tests bench scripts
	$(BIN)/python -m pytest -q -m "not browser"

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm test-artifacts
