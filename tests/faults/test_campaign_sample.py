"""The fault campaign's sample (`python -m tests.faults --scale sample`, the full one is
`make faults`): kills while writing and while migrating, a full and a read-only disk, 100 bad
inputs and the leak probe find nothing: every failure column of its table is 0.

It runs as a child process. Run alone, pytest starts it when this test is collected
(`started()`, called from the conftest), so that its minute runs on the second core beside
the rest of the suite; under pytest-xdist (`make test`) it is the first test, so the worker
given it starts it at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import ROOT
from tests.faults import report

RUN: dict = {}


def started() -> None:
    """Start the sample once, in the background."""
    if RUN:
        return
    folder = Path(tempfile.mkdtemp(prefix="sendtui-campaign-"))
    RUN["json"] = folder / "sample.json"
    RUN["process"] = subprocess.Popen(
        [sys.executable, "-m", "tests.faults", "--scale", "sample", "--json", str(RUN["json"])],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_the_campaign_sample_finds_no_failure():
    started()
    _, stderr = RUN["process"].communicate(timeout=900)
    found = RUN["json"]
    assert found.exists(), stderr[-3000:]
    rows = report.from_json(found.read_text(encoding="utf-8"))
    shutil.rmtree(found.parent, ignore_errors=True)
    failing = {r.kind: {c: getattr(r, c) for c in report.FAILURES if getattr(r, c)}
               for r in rows if r.failed}
    assert failing == {}, report.table(rows) + "\n\n" + report.grouped(rows, 1)[:8000]
    assert {r.kind.split()[0] for r in rows} == {"kill", "migrate", "disk", "fuzz", "leaks"}
    assert sum(r.inputs for r in rows if r.kind == "fuzz") >= 80
    assert RUN["process"].returncode == 0
