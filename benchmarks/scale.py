"""Every screen at scale: 3,000, 100,000 and 1,000,000 evidence entries, headless.

Each size runs in a fresh child process (the app through Textual's Pilot, 120×40). For each
action (switch to Lines, Evidence, Dashboard, Week, Settings; open an entry; an Evidence
filter; the capture box `n`, then escape): the time from the key to the first frame with the
data read for it, the longest event-loop stall until every worker it started is done (a
ticker: sleep 5 ms, record the lateness), the child's peak RSS and its full garbage
collections. Goals (issue 13): no stall over 50 ms at 3,000 entries nor over 100 ms at
100,000; at 1,000,000 no action over 1 s and RSS ≤ 300 MB.

Stores come from `benchmarks.search.fill` (the demo plus generated entries), built in a child
and cached in /tmp/sendtui-scale/ (by size and migrations). `--code DIR` runs the app from
another checkout (the baseline), the stores and this script staying the same.

    python benchmarks/scale.py [--sizes 3000,100000,1000000] [--rounds 3] [--code DIR]
                               [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/sendtui-scale")
SIZE = (120, 40)
TIMEOUT = float(os.environ.get("SCALE_TIMEOUT", 60))  # s an action may take: size given up
LATER = ("Evidence counted", "Evidence filter values")  # times, not actions: no stall
STALL_GOAL = {3_000: 50, 100_000: 100}  # ms
BIG, TIME_GOAL, RSS_GOAL = 1_000_000, 1000, 300  # entries, ms, MB
ACTIONS = ["Evidence (6)", "Evidence counted", "Evidence filter values", "Evidence filter (l)",
           "open an entry (enter)", "Dashboard (1)", "Week (2)", "Settings (3)",
           "capture (n)", "capture closed (escape)", "Lines (5)"]

BUILD = """
import sys
sys.path.insert(0, sys.argv[2])
from benchmarks.search import fill
from sendtui.store.repo import Store
store = Store.open(sys.argv[1])
fill(store, int(sys.argv[3]))
store.close()
"""


def cached_store(n: int) -> Path:
    """The store of n generated entries, built once (in a child: its memory is not ours)."""
    schema = sorted(p.name for p in (ROOT / "db/migrations/versions").glob("0*.py"))
    path = CACHE / f"{n}-{schema[-1][:4]}.db"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        part = path.with_suffix(".part")
        part.unlink(missing_ok=True)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", BUILD, str(part), str(ROOT), str(n)], check=True,
                       cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        part.rename(path)
        print(f"built {n:,} entries in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return path


class Watch:
    """Frames drawn, screens' reads handled, and event-loop lateness, each with its time."""

    def __init__(self, app) -> None:
        from sendtui.ui.screens.common.base import Loads

        self.frames: list[tuple[float, str]] = []
        self.loads: list[tuple[str, float]] = []
        self.ticks: list[tuple[float, float]] = []
        self.full_gc: list[float] = []  # ms each full garbage collection took
        real_display, real_loaded = app._display, Loads.on_loads_loaded
        gc.callbacks.append(self._collected)

        def display(screen, renderable):
            real_display(screen, renderable)
            if renderable is not None:
                self.frames.append((time.perf_counter(), type(screen).__name__))

        def loaded(screen, message):
            real_loaded(screen, message)
            self.loads.append((type(screen).__name__, time.perf_counter()))

        app._display, Loads.on_loads_loaded = display, loaded

    def _collected(self, phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                self._gc_start = time.perf_counter()
            else:
                self.full_gc.append((time.perf_counter() - self._gc_start) * 1000)

    async def tick(self) -> None:
        while True:
            t = time.perf_counter()
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            self.ticks.append((now, (now - t - 0.005) * 1000))

    def frame_after(self, t: float, but: str = "") -> float | None:
        """The first frame drawn from t on (of a screen other than `but`)."""
        return next((f for f, screen in self.frames if f >= t and screen != but), None)

    def stall(self, start: float, end: float) -> float:
        return max((late for t, late in self.ticks if start < t <= end + 0.01), default=0.0)


async def until(pilot, done, start: float) -> float:
    """Pause until done() gives a time; that time."""
    while (t := done()) is None:
        if time.perf_counter() - start > TIMEOUT:
            raise TimeoutError
        await pilot.pause(0.002)
    return t


async def settle(pilot, start: float) -> float:
    """Pause until every worker is done; when."""
    busy = (lambda: None if any(w.is_running or w.state.name == "PENDING"
                                for w in pilot.app.workers) else time.perf_counter())
    await until(pilot, busy, start)
    await pilot.pause()
    return time.perf_counter()


async def act(pilot, watch: Watch, key: str, shown, but: str = "") -> tuple[float, float]:
    """(ms from the key to the frame with its data, longest stall in ms until settled)."""
    start = time.perf_counter()
    await pilot.press(key)
    data = await until(pilot, lambda: shown(start), start)
    frame = await until(pilot, lambda: watch.frame_after(data, but), start)
    end = await settle(pilot, start)
    return (frame - start) * 1000, watch.stall(start, end)


def read_by(watch: Watch, name: str):
    return lambda start: next((t for s, t in watch.loads if s == name and t >= start), None)


async def first_time(holds) -> float:
    """When holds() first held (polled every 2 ms while the app runs)."""
    while not holds():
        await asyncio.sleep(0.002)
    return time.perf_counter()


def evidence_known(app, watch: Watch, start: float) -> dict[str, asyncio.Task]:
    """Tasks timing when the Evidence screen, its page read, knows its counts and every
    filter value (a big store reads them after the page)."""
    def read() -> bool:
        return read_by(watch, "EvidenceScreen")(start) is not None

    def counted() -> bool:
        return read() and None not in (app.screen.total, app.screen.matching)

    def faceted() -> bool:
        facets = app.screen.facets if read() else None
        return facets is not None and not getattr(facets, "partial", False)

    return {what: asyncio.create_task(first_time(holds)) for what, holds in zip(LATER, (
        counted, faceted))}


async def rounds(db: str, n: int) -> dict[str, list]:
    from sendtui.store.evidence_browse import Filter
    from sendtui.ui.app import make_app

    app = make_app(db)
    out: dict[str, list] = {a: [] for a in ACTIONS}
    async with app.run_test(size=SIZE) as pilot:
        watch = Watch(app)
        ticker = asyncio.create_task(watch.tick())
        t0 = time.perf_counter()
        await until(pilot, lambda: read_by(watch, "DashboardScreen")(t0), t0)
        await settle(pilot, t0)
        # Lines last: the slowest before the change, so a time-out there loses least
        steps = [("6", "EvidenceScreen", "Evidence (6)"),
                 ("l", "EvidenceScreen", "Evidence filter (l)"),
                 ("enter", "EvidenceDetail", "open an entry (enter)"),
                 ("1", "DashboardScreen", "Dashboard (1)"), ("2", "WeekScreen", "Week (2)"),
                 ("3", "SettingsScreen", "Settings (3)"), ("n", "CaptureScreen", "capture (n)"),
                 ("escape", "", "capture closed (escape)"), ("5", "LinesScreen", "Lines (5)")]
        try:
            for _ in range(n):
                for key, screen, label in steps:
                    if label == "open an entry (enter)":  # the filter back off, unmeasured
                        app.screen.filter = Filter()
                        app.screen.reload()
                        await settle(pilot, time.perf_counter())
                    start = time.perf_counter()
                    later = evidence_known(app, watch, start) if key == "6" else {}
                    shown = read_by(watch, screen) if screen else lambda s: s
                    out[label].append(await act(pilot, watch, key, shown,
                                                "" if screen else "CaptureScreen"))
                    for what, task in later.items():
                        out[what].append(((await task - start) * 1000, 0.0))
                    if label == "open an entry (enter)":
                        await pilot.press("escape")
                        await settle(pilot, time.perf_counter())
        except TimeoutError:
            out["timeout"] = [label]
        ticker.cancel()
    out["full_gc"] = watch.full_gc
    return out


def child(db: str, n: int) -> None:
    out = asyncio.run(rounds(db, n))
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out), flush=True)
    os._exit(0)  # a read still running after a timeout must not hold the exit


def run_size(n: int, rounds_: int, code: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "scale.db"
        shutil.copy(cached_store(n), db)
        done = subprocess.run([sys.executable, __file__, "--child", str(db), str(rounds_)],
                              env={**os.environ, "PYTHONPATH": str(code)}, cwd=code,
                              capture_output=True, text=True, timeout=TIMEOUT * 20)
    if done.returncode:
        sys.exit(f"the child for {n:,} entries failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def verdict(n: int, worst_ms: float, stall: float) -> str:
    if n in STALL_GOAL:
        return f"stall ≤ {STALL_GOAL[n]} ms {'pass' if stall <= STALL_GOAL[n] else 'FAIL'}"
    return f"≤ 1 s {'pass' if worst_ms <= TIME_GOAL else 'FAIL'}" if n == BIG else ""


def table(results: dict[int, dict]) -> None:
    print("| entries | action | first: to data / stall | then (runs): to data p50 / max "
          "| stall p50 / max | goal (every run) |")
    print("|---|---|---|---|---|---|")
    for n, out in results.items():
        for label in ACTIONS:
            xs = out.get(label) or []
            if not xs:
                gone = " (timed out)" if label in out.get("timeout", []) else ""
                print(f"| {n:,} | {label} | > {TIMEOUT:.0f} s{gone} | | | FAIL |")
                continue
            to, st = [x[0] for x in xs], [x[1] for x in xs]
            then = (f"({len(xs) - 1}) {statistics.median(to[1:]):.0f} / {max(to[1:]):.0f} ms "
                    f"| {statistics.median(st[1:]):.0f} / {max(st[1:]):.0f} ms") \
                if len(xs) > 1 else "| |"
            goal = "after the page: not an action" if label in LATER else verdict(
                n, max(to), max(st))
            print(f"| {n:,} | {label} | {to[0]:.0f} / {st[0]:.0f} ms | {then} | {goal} |")
        rss = out["rss_mb"]
        said = f"≤ {RSS_GOAL} MB {'pass' if rss <= RSS_GOAL else 'FAIL'}" if n == BIG else ""
        print(f"| {n:,} | peak RSS of the app's process | {rss:.0f} MB | | | {said} |")
        gcs = out.get("full_gc", [])
        if gcs:
            print(f"| {n:,} | full garbage collections (UI and workers) | {len(gcs)}, longest "
                  f"{max(gcs):.0f} ms, p50 {statistics.median(gcs):.0f} ms | | | |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="3000,100000,1000000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    code = args.code.resolve()
    head = subprocess.run(["git", "-C", str(code), "log", "-1", "--format=%h %s"],
                          capture_output=True, text=True).stdout.strip()
    results = {}
    t = time.perf_counter()
    for n in (int(x) for x in args.sizes.split(",")):
        results[n] = run_size(n, args.rounds, code)
    print(f"Screens at scale, headless at {SIZE[0]}×{SIZE[1]}, {args.rounds} rounds, code "
          f"{code} ({head}); {time.perf_counter() - t:.0f} s\n")
    print("To data: key → first frame after the screen's read is drawn (Evidence counted, "
          "filter values: → known, read after the page). Stall: longest event-loop delay "
          "from the key until every worker is done.\n")
    table(results)
    if args.json:
        args.json.write_text(json.dumps(results))


if __name__ == "__main__":
    main()
