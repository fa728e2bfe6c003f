"""Every export format on the demo and on the realistic inspection: goal ≤ 1 s in total at
the top of the realistic range (150 events, 3,000 evidence entries; benchmarks/realistic.py).

Each run reads the store once (`gather`) and renders all ten files (ics; day sheets csv, md,
html, docx; evidence md, csv, docx; pack html, docx) in memory. The baseline, timed in the
same run, is the plainest export there is: the same events as a CSV with the csv module.
Prints a Markdown table of medians over the runs.

    python benchmarks/exports.py
"""

from __future__ import annotations

import csv
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.realistic import build  # noqa: E402
from sendtui.config import today  # noqa: E402
from sendtui.demo import add_demo  # noqa: E402
from sendtui.exports import FORMATS, ExportRequest, render  # noqa: E402
from sendtui.store import events, inspections  # noqa: E402
from sendtui.store.briefing import gather  # noqa: E402
from sendtui.store.repo import Store  # noqa: E402

RUNS = 7
GOAL_MS = 1000
REQUESTS = [ExportRequest(what, fmt) for what, formats in FORMATS.items() for fmt in formats]


def baseline(store: Store, inspection_id: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for e in events.all(store, inspection_id):
        writer.writerow([e.start.isoformat(), e.end.isoformat(), e.title, e.location,
                         "; ".join(e.people), e.notes])
    return out.getvalue().encode()


def timed(fn) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t) * 1000, result


def measure(store: Store, ins: str) -> dict[str, tuple[float, int]]:
    """Median time and size per row of the table."""
    render(gather(store, ins, today()), REQUESTS[0])  # imports and caches warmed
    times: dict[str, list[float]] = {"read the store once (gather)": []}
    times |= {f"{r.what}, {r.fmt}": [] for r in REQUESTS}
    times |= {"**all ten files**": [], "baseline: events as plain CSV (csv module)": []}
    sizes: dict[str, int] = {}
    for _ in range(RUNS):
        took, briefing = timed(lambda: gather(store, ins, today()))
        times["read the store once (gather)"].append(took)
        total = took
        for r in REQUESTS:
            took, data = timed(lambda: render(briefing, r))
            times[f"{r.what}, {r.fmt}"].append(took)
            sizes[f"{r.what}, {r.fmt}"] = len(data)
            total += took
        times["**all ten files**"].append(total)
        times["baseline: events as plain CSV (csv module)"].append(
            timed(lambda: baseline(store, ins))[0])
    return {k: (statistics.median(v), sizes.get(k, 0)) for k, v in times.items()}


def counts(store: Store, ins: str) -> str:
    c = inspections.counts(store, ins)
    return f"{len(events.all(store, ins))} events, {c.evidence:,} entries"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "demo.db"))
        demo = add_demo(store, "2016")[0].id
        real_path = str(Path(folder) / "realistic.db")
        real_id = build(real_path)
        real = Store.open(real_path)
        names = [f"demo ({counts(store, demo)})", f"realistic ({counts(real, real_id)})"]
        results = [measure(store, demo), measure(real, real_id)]
        store.close()
        real.close()
    print(f"Every export, in memory, median of {RUNS} runs\n")
    print(f"| what | {names[0]} | size | {names[1]} | size |")
    print("|---|---|---|---|---|")
    for row in results[0]:
        cells = [f"{r[row][0]:.1f} ms | {r[row][1]:,} B" if r[row][1] else f"{r[row][0]:.1f} ms | "
                 for r in results]
        print(f"| {row} | {' | '.join(cells)} |")
    total = results[1]["**all ten files**"][0]
    base = results[1]["baseline: events as plain CSV (csv module)"][0]
    print(f"\nrealistic: all formats {total:.0f} ms (goal ≤ {GOAL_MS}): "
          f"{'pass' if total <= GOAL_MS else 'FAIL'}; {total / base:.0f}× the plain CSV baseline")


if __name__ == "__main__":
    main()
