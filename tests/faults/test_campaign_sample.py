"""The fault campaign's sample (`python -m tests.faults --scale sample`, the full one is
`make faults`): kills while writing and while migrating, a full and a read-only disk, 100 bad
inputs and the leak probe find nothing: every failure column of its table is 0."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tests.faults import report


def test_the_campaign_sample_finds_no_failure(tmp_path):
    found = tmp_path / "sample.json"
    done = subprocess.run([sys.executable, "-m", "tests.faults", "--scale", "sample", "--json",
                           str(found)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert found.exists(), done.stderr[-3000:]
    rows = report.from_json(found.read_text(encoding="utf-8"))
    failing = {r.kind: {c: getattr(r, c) for c in report.FAILURES if getattr(r, c)}
               for r in rows if r.failed}
    assert failing == {}, report.table(rows) + "\n\n" + report.grouped(rows, 1)[:8000]
    assert {r.kind.split()[0] for r in rows} == {"kill", "migrate", "disk", "fuzz", "leaks"}
    assert sum(r.inputs for r in rows if r.kind == "fuzz") >= 80
    assert done.returncode == 0
