"""The whole demo in every export format: goal ≤ 1 s in total.

Each run reads the store once (`gather`) and renders all ten files (ics; day sheets csv, md,
html, docx; evidence md, csv, docx; pack html, docx) in memory. The baseline, timed in the
same run, is the plainest export there is: the same events as a CSV with the csv module.
Prints a Markdown table of medians over the runs.
"""

from __future__ import annotations

import csv
import io
import statistics
import tempfile
import time
from pathlib import Path

from sendtui.config import today
from sendtui.demo import add_demo
from sendtui.exports import FORMATS, ExportRequest, render
from sendtui.store import events
from sendtui.store.briefing import gather
from sendtui.store.repo import Store

RUNS = 7
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


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "bench.db"))
        ins, _ = add_demo(store)
        render(gather(store, ins.id, today()), REQUESTS[0])  # imports and caches warmed
        base, reads, totals = [], [], []
        each: dict[str, list[float]] = {f"{r.what} {r.fmt}": [] for r in REQUESTS}
        sizes: dict[str, int] = {}
        for _ in range(RUNS):
            base.append(timed(lambda: baseline(store, ins.id))[0])
            took, briefing = timed(lambda: gather(store, ins.id, today()))
            reads.append(took)
            total = took
            for r in REQUESTS:
                took, data = timed(lambda: render(briefing, r))
                each[f"{r.what} {r.fmt}"].append(took)
                sizes[f"{r.what} {r.fmt}"] = len(data)
                total += took
            totals.append(total)
        store.close()
    print("Every export of the demo (41 events, 60 evidence entries), median of "
          f"{RUNS} runs\n")
    print("| what | median | size |")
    print("|---|---|---|")
    print(f"| read the store once (gather) | {statistics.median(reads):.1f} ms | |")
    for name, times in each.items():
        print(f"| {name} | {statistics.median(times):.1f} ms | {sizes[name]:,} B |")
    total, b = statistics.median(totals), statistics.median(base)
    print(f"| **all ten files** | **{total:.0f} ms** | |")
    print(f"| baseline: events as plain CSV (csv module) | {b:.1f} ms | |")
    print(f"\nall formats {total:.0f} ms (goal ≤ 1000), {total / b:.0f}× the plain CSV baseline")


if __name__ == "__main__":
    main()
