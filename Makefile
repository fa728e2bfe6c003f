PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test faults screenshots bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sendtui

test: $(STAMP)
	$(BIN)/pytest

# The standing fault campaign: kills, migrations killed, a full and a read-only disk, bad
# input, leaks (a sample of it runs in `make test`). Root mounts a small tmpfs for the disk.
faults: $(STAMP)
	$(BIN)/python -m tests.faults --scale full

screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots

bench: $(STAMP)
	for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info
