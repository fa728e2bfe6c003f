"""The standing fault campaign: kills, migrations killed, a full or read-only disk, bad
input, leaks. `python -m tests.faults --help`; a sample runs in `make test`."""
