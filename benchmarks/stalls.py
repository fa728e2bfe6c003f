"""The longest stall of the UI thread (the event loop) during each action a coordinator takes.

A ticker task on the app's event loop sleeps 5 ms at a time and records how late each
wake-up was; an action's stall is the latest wake-up from its key press until the screen has
settled (no worker running for 0.2 s, at least 0.35 s after the key: past the search's and
the draft's debounce); a change must show on the screen (and in the problems panel). The app
runs headless at 120×40 with "today" in the on-site week, on the realistic inspection of
`benchmarks/realistic.py` (200 settings, 15 people, 150 events, 3,000 entries) and on the
same grown to 100,000 entries. Each round is a fresh app on a fresh copy of the store, in a
child process per size; each action's stall is the worst of its keys in the round, and the
table gives its p50 and max over the rounds.
The baseline is the same ticker in a bare Textual app (a DataTable of 200 rows, down pressed
20 times): the ticker's own noise floor; and "plain Textual" twins of the two actions nearest
the goal (escape clearing a search over a 200-row table; a modal form box opening), written
the plainest way with Textual's own widgets: what the framework itself costs for that work. "p50 CPU" is the UI thread's own CPU time in its
worst gap (p50 over the rounds): lower than the stall when the machine is shared (the core
was taken) or a worker thread held the GIL.

    python benchmarks/stalls.py [--rounds 5] [--stores DIR] [--only realistic|100k]

--stores keeps (and reuses) the built stores in DIR: run them against another checkout with
PYTHONPATH=that/checkout. Goal: no stall over 50 ms (realistic), 100 ms (100,000 entries).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if not os.environ.get("PYTHONPATH") and str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # else the checkout on PYTHONPATH is the one measured

SIZES = {"realistic": (3_000, 50), "100k": (100_000, 100)}  # entries, goal in ms
TODAY = "2026-12-01"  # a Tuesday of the on-site week
TICK = 0.005
SEARCH = "children"
SCREENS = {"1": "Dashboard", "2": "Week", "3": "Settings", "4": "People", "5": "Lines",
           "6": "Evidence"}


class Ticker:
    """Wakes every TICK seconds on the event loop; keeps (wake time, seconds late, seconds of
    this thread's CPU since the last wake-up): on a busy machine a wake-up can be late with
    the UI thread idle (another process had the core), which the CPU column tells apart."""

    def __init__(self) -> None:
        self.wakes: list[tuple[float, float, float]] = []
        self.task: asyncio.Task | None = None

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            before, cpu = time.perf_counter(), time.thread_time()
            await asyncio.sleep(TICK)
            now = time.perf_counter()
            self.wakes.append((now, now - before - TICK, time.thread_time() - cpu))

    def stop(self) -> None:
        self.task.cancel()

    def worst(self, start: float, end: float) -> tuple[float, float]:
        """The latest wake-up between start and end, and the most CPU between two."""
        seen = [(late, cpu) for at, late, cpu in self.wakes if start <= at <= end]
        return (max((w for w, _ in seen), default=0.0), max((c for _, c in seen), default=0.0))


async def settle(pilot, least: float = 0.35, quiet: float = 0.2, limit: float = 120) -> None:
    """Until no worker has run for `quiet` seconds, `least` seconds after the key at least."""
    app = pilot.app
    start = busy = time.perf_counter()
    while True:
        await asyncio.sleep(0.05)
        now = time.perf_counter()
        if any(w.is_running or w.state.name == "PENDING" for w in app.workers):
            busy = now
        if now - start >= least and now - busy >= quiet:
            return
        if now - start > limit:
            raise SystemExit(f"still busy {limit:.0f} s after a key")


class Round:
    """One fresh app: the actions, each with the worst stall of its keys."""

    def __init__(self, pilot, ticker: Ticker) -> None:
        self.pilot, self.ticker = pilot, ticker
        self.stalls: dict[str, list[float]] = {}  # action -> [seconds late, seconds CPU]

    async def act(self, name: str, *keys: str, least: float = 0.35) -> None:
        start = time.perf_counter()
        await self.pilot.press(*keys)
        await settle(self.pilot, least)
        late, cpu = self.ticker.worst(start, time.perf_counter())
        was = self.stalls.get(name, [0.0, 0.0])
        self.stalls[name] = [max(was[0], late), max(was[1], cpu)]
    @property
    def screen(self):
        return self.pilot.app.screen

    async def switches(self, visit: str) -> None:
        for key in "234561":
            await self.act(f"switch to {SCREENS[key]} ({visit})", key)
            shown = type(self.screen).__name__
            if not shown.startswith(SCREENS[key]):
                raise SystemExit(f"key {key} shows {shown}")

    async def capture(self) -> None:
        await self.act("capture box: open (n)", "n")
        if type(self.screen).__name__ != "CaptureScreen":
            raise SystemExit(f"n shows {type(self.screen).__name__}")
        for ch in SEARCH:
            await self.act("capture box: type a key", ch)
        await self.act("capture box: close (escape)", "escape")
        await self.act("capture box: open again (n)", "n")  # the draft comes back
        await self.act("capture box: close (escape)", "escape")

    async def week(self) -> None:
        await self.act("switch to Week (again)", "2")
        week = self.screen
        event = min((e for e in week.events if e.start.date().isoformat() == TODAY
                     and e.start.hour >= 9), key=lambda e: e.start)
        week.show_event(event.id)
        await settle(self.pilot)
        for name, keys in (("week: pick up an event (m)", "m"),
                           ("week: carry it 15 min later (down)", "down"),
                           ("week: place it (enter)", "enter")):
            await self.act(name, keys)
        shown(week, event.id, lambda e: e.start != event.start, "the move")
        await self.act("undo (u)", "u")
        shown(week, event.id, lambda e: e.start == event.start, "the undo")
        week.show_event(event.id)
        await settle(self.pilot)
        await self.act("week: resize (shift+down)", "shift+down")
        shown(week, event.id, lambda e: e.end - event.end == dt.timedelta(minutes=15),
              "the resize")
        await self.act("undo (u)", "u")
        for name, key in (("week: next day (])", "right_square_bracket"),
                          ("week: day before ([)", "left_square_bracket"),
                          ("week: by person / by day (v)", "v")):
            await self.act(name, key)
            await self.act(name, key)
        await self.capture()

    async def search(self) -> None:
        await self.act("switch to Evidence (again)", "6")
        await self.act("evidence: focus the search (/)", "slash")
        for ch in SEARCH:
            await self.act("evidence: type a search (per key)", ch)
        await self.act("evidence: clear the search (escape)", "escape")


def shown(week, event_id: str, right, what: str) -> None:
    """The screen shows the change: the event where it now is, the problems the store has."""
    from sendtui.store import planning

    if not right(next(e for e in week.events if e.id == event_id)):
        raise SystemExit(f"{what} is not shown on the week")
    if week.listed != week.problems or week.problems != planning.problems(
            week.store, week.inspection.id):
        raise SystemExit(f"after {what} the problems panel is not the store's")


async def one_round(db: str) -> dict[str, list[float]]:
    from sendtui.ui.app import SendApp

    app = SendApp(db)
    ticker = Ticker()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(400):
            await settle(pilot, least=0.05, quiet=0.1)
            if type(app.screen).__name__ == "DashboardScreen":
                break
        else:
            raise SystemExit(f"no dashboard: {type(app.screen).__name__}")
        ticker.start()
        r = Round(pilot, ticker)
        await r.switches("first visit")
        await r.switches("again")
        await r.week()
        await r.search()
        ticker.stop()
    return r.stalls


async def baseline_round() -> dict[str, list[float]]:
    """Bare Textual apps: a DataTable of 200 rows with down pressed 20 times (the noise
    floor), and the same work as the two slowest sendtui actions done the plainest way."""
    from textual.app import App
    from textual.widgets import DataTable, Footer

    class Bare(App):
        def compose(self):
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("when", "line", "source", "setting", "text")
            for n in range(200):
                table.add_row(f"Mon 30 Nov {n % 10}:00", f"L{n % 7}", "visit",
                              f"Setting {n}", f"Entry number {n} about children and services")

    stalls = {}
    ticker = Ticker()
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ticker.start()
        r = Round(pilot, ticker)
        for _ in range(20):
            await r.act("bare Textual app: DataTable down (per key)", "down", least=0.05)
        ticker.stop()
        stalls.update(r.stalls)
    for action, keys in (("bare Textual app: search cleared (escape)", ("escape",)),
                         ("bare Textual app: open a form box (n)", ("n", "escape", "n"))):
        ticker = Ticker()
        async with bare_twin().run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("slash", "a", "b", *(("escape",) if "box" in action else ()))
            await settle(pilot)
            ticker.start()
            r = Round(pilot, ticker)
            for key in keys:
                await r.act(action if key != "escape" or "search" in action else "-", key)
            ticker.stop()
            stalls[action] = r.stalls[action]
    return stalls


def bare_twin():
    """The plainest Textual app that does what sendtui's evidence log does on the two
    actions nearest the goal: escape empties the search, focuses the table and puts back
    200 rows of 7 columns; n opens a modal box of a text area and five fields."""
    from textual.app import App
    from textual.containers import Vertical
    from textual.screen import ModalScreen
    from textual.widgets import DataTable, Footer, Input, Label, Select, TextArea

    def rows(word: str):
        return [(f"Mon 30 Nov {n % 10}:00", f"E{n % 5 + 1}", "visit", f"Setting {n}",
                 "strength", "", f"{word} entry {n} about children, families and services")
                for n in range(200)]

    class Box(ModalScreen):
        BINDINGS = [("escape", "dismiss")]

        def compose(self):
            with Vertical(id="box"):
                yield TextArea(id="text")
                for name in ("Line", "Source", "Setting", "Judgement"):
                    yield Label(name)
                    yield Select([(f"{name} {n}", n) for n in range(20)], compact=True)
                yield Label("Case ref")
                yield Input(compact=True)

    class Twin(App):
        CSS = "#box { width: 80; height: auto; border: round $accent; }"
        BINDINGS = [("slash", "search"), ("escape", "clear"), ("n", "box")]

        def compose(self):
            yield Input(id="search")
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Footer()

        def on_mount(self) -> None:
            self.table = self.query_one(DataTable)
            self.table.add_columns("when", "line", "source", "setting", "judgement", "ref",
                                   "text")
            self.table.add_rows(rows("Newest"))

        def action_search(self) -> None:
            self.query_one("#search").focus()

        def action_clear(self) -> None:
            self.query_one("#search", Input).value = ""
            self.table.focus()
            self.table.clear()
            self.table.add_rows(rows("Newest"))

        def action_box(self) -> None:
            self.push_screen(Box())

    return Twin()


def child(kind: str, db: str, rounds: int) -> None:
    """In a child process: the rounds, as JSON lines of {action: [seconds late, seconds CPU]}."""
    os.environ["SENDTUI_TODAY"] = TODAY
    for n in range(rounds):
        if kind == "baseline":
            stalls = asyncio.run(baseline_round())
        else:
            with tempfile.TemporaryDirectory() as folder:
                copy = str(Path(folder) / "round.db")
                shutil.copy(db, copy)
                stalls = asyncio.run(one_round(copy))
        print(json.dumps(stalls), flush=True)


def run_child(kind: str, db: str, rounds: int) -> list[dict[str, list[float]]]:
    out = subprocess.run([sys.executable, __file__, "--child", kind, db, str(rounds)],
                         check=True, capture_output=True, text=True,
                         env={**os.environ, "SENDTUI_TODAY": TODAY})
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def build(folder: Path, size: str) -> str:
    path = folder / f"{size}.db"
    if not path.exists():
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # realistic's own
        subprocess.run([sys.executable, str(HERE / "realistic.py"), str(path),
                        str(SIZES[size][0])], check=True, capture_output=True, env=env)
    return str(path)


def table(title: str, rounds: list[dict[str, list[float]]], goal: float,
          base: list[dict[str, list[float]]]) -> None:
    print(f"\n### {title}\n")
    print("| action | rounds | p50 stall | max stall | p50 CPU | goal | pass/fail |")
    print("|---|---|---|---|---|---|---|")
    for action in dict.fromkeys(a for r in rounds + base for a in r):
        late = [r[action][0] * 1000 for r in rounds + base if action in r]
        cpu = [r[action][1] * 1000 for r in rounds + base if action in r]
        verdict = ("" if action.startswith("bare") else
                   "pass" if max(late) <= goal else "FAIL")
        baseline = "(noise floor)" if "DataTable down" in action else "(plain Textual)"
        print(f"| {action} | {len(late)} | {statistics.median(late):.0f} ms "
              f"| {max(late):.0f} ms | {statistics.median(cpu):.0f} ms "
              f"| {baseline if not verdict else f'≤ {goal:.0f} ms'} | {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--stores", help="a folder to keep (and reuse) the built stores in")
    parser.add_argument("--only", choices=list(SIZES))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    import sendtui

    sizes = [args.only] if args.only else list(SIZES)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.stores or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        stores = {size: build(folder, size) for size in sizes}
        print(f"UI-thread stalls, headless 120×40, today {TODAY}, {args.rounds} rounds; "
              f"sendtui from {Path(sendtui.__file__).parent}")
        for size in sizes:
            base = run_child("baseline", "", args.rounds)
            measured = run_child(size, stores[size], args.rounds)
            entries, goal = SIZES[size]
            table(f"{entries:,} entries (200 settings, 15 people, 150 events)", measured,
                  goal, base)


if __name__ == "__main__":
    main()
