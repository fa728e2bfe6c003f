PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test faults screenshots bench bench-server clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sendtui

test: $(STAMP)
	$(BIN)/pytest -n 3

# The standing fault campaign: kills, migrations killed, a full and a read-only disk, bad
# input, leaks (a sample of it runs in `make test`). Root mounts a small tmpfs for the disk.
faults: $(STAMP)
	$(BIN)/python -m tests.faults --scale full

screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots

# realistic.py and terminal.py are what the benchmarks share, not benchmarks themselves
BENCHMARKS := startup check grid search evidence_ui exports stalls scale bundle

bench: $(STAMP)
	for name in $(BENCHMARKS); do echo "== $$name"; $(BIN)/python benchmarks/$$name.py || exit 1; done

# five clients on one PostgreSQL store against SQLite WAL, and time to data on a server
# (5–6 minutes: a target of its own)
bench-server: $(STAMP)
	$(BIN)/python benchmarks/server.py
	$(BIN)/python benchmarks/server_startup.py

clean:
	rm -rf $(VENV) build dist *.egg-info
