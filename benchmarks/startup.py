"""Time to first frame: sendtui on the demo store against a bare Textual app.

Each run is a fresh interpreter (imports included, as a user sees it), headless, and stops
at the first frame. Prints a Markdown table of medians and the ratio (goal: ≤ 2.0).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 10
ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("Hello")
        yield Footer()

async def first_frame(pilot):
    print(time.time()); sys.stdout.flush(); pilot.app.exit()

Bare().run(headless=True, auto_pilot=first_frame)
"""

SENDTUI = """
import sys, time
from sendtui.ui.app import make_app

async def first_frame(pilot):
    print(time.time()); sys.stdout.flush(); pilot.app.exit()

make_app(sys.argv[1]).run(headless=True, auto_pilot=first_frame)
"""


def first_frame_seconds(code: str, *args: str) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         timeout=60, cwd=ROOT, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    if out.returncode != 0:
        raise SystemExit(f"run failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[0]) - start


def main() -> None:
    from sendtui.store.demo import add_demo
    from sendtui.store.repo import Store

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        store = Store.open(db)
        add_demo(store)
        store.close()
        first_frame_seconds(BARE)  # warm the file cache for both
        first_frame_seconds(SENDTUI, db)
        bare, ours = [], []
        for _ in range(RUNS):  # interleaved, so load on the machine hits both alike
            bare.append(first_frame_seconds(BARE))
            ours.append(first_frame_seconds(SENDTUI, db))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"Time to first frame, median of {RUNS} runs each (fresh interpreter, headless)\n")
    print("| app | median | min | max |")
    print("|---|---|---|---|")
    print(f"| bare Textual (Static + Footer) | {b * 1000:.0f} ms | {min(bare) * 1000:.0f} ms "
          f"| {max(bare) * 1000:.0f} ms |")
    print(f"| sendtui on the demo store | {o * 1000:.0f} ms | {min(ours) * 1000:.0f} ms "
          f"| {max(ours) * 1000:.0f} ms |")
    print(f"\nratio sendtui / bare: {o / b:.2f} (goal ≤ 2.0)")


if __name__ == "__main__":
    main()
