"""Time to first frame: sendtui on the demo store against a bare Textual app.

Each run is a fresh interpreter (imports included, as a user sees it), headless, and stops
when the first frame with content is handed to the driver. Prints a Markdown table of
medians and the ratio (goal: ≤ 2.0).
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

FIRST_FRAME = """
import sys, time

def timed(cls, screen_name=None):
    class Timed(cls):
        _painted = False

        def _display(self, screen, renderable):
            super()._display(screen, renderable)
            wanted = screen_name is None or type(screen).__name__ == screen_name
            if renderable is not None and screen.children and wanted and not self._painted:
                self._painted = True
                print(time.time(), flush=True)
                self.exit()
    return Timed
"""

BARE = FIRST_FRAME + """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("Hello")
        yield Footer()

timed(Bare)().run(headless=True)
"""

SENDTUI = FIRST_FRAME + """
from sendtui.ui.app import SendApp

timed(SendApp, *sys.argv[2:])(sys.argv[1]).run(headless=True)
"""


def first_frame_seconds(code: str, *args: str) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         timeout=60, cwd=ROOT, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    if out.returncode != 0:
        raise SystemExit(f"run failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[0]) - start


def main() -> None:
    from sendtui.demo import add_demo
    from sendtui.store.repo import Store

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        store = Store.open(db)
        add_demo(store)
        store.close()
        first_frame_seconds(BARE)  # warm the file cache for both
        first_frame_seconds(SENDTUI, db)
        bare, ours, dashboard = [], [], []
        for _ in range(RUNS):  # interleaved, so load on the machine hits all alike
            bare.append(first_frame_seconds(BARE))
            ours.append(first_frame_seconds(SENDTUI, db))
            dashboard.append(first_frame_seconds(SENDTUI, db, "DashboardScreen"))
    base = statistics.median(bare)
    print(f"Time to first frame, median of {RUNS} runs each (fresh interpreter, headless)\n")
    print("| what | median | min | max | ratio to bare |")
    print("|---|---|---|---|---|")
    for name, runs in (("bare Textual app (Static + Footer)", bare),
                       ("sendtui, first frame (demo store)", ours),
                       ("sendtui, dashboard with the demo's data", dashboard)):
        print(f"| {name} | {statistics.median(runs) * 1000:.0f} ms | {min(runs) * 1000:.0f} ms "
              f"| {max(runs) * 1000:.0f} ms | {statistics.median(runs) / base:.2f} |")
    print(f"\nratio sendtui / bare (first frame): {statistics.median(ours) / base:.2f} "
          "(goal ≤ 2.0)")


if __name__ == "__main__":
    main()
