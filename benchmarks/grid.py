"""Keypress to repaint in the week grid, on the demo week grown to 300 events.

The demo's 41 events are copied (people rotated, so each copy lands in other diaries) until
the week holds 300. The app runs headless under Pilot; each key is timed from the press to
the first frame the app hands to its driver after it, and to the last frame it caused (the
screen settled: grid, detail line and problems panel). Prints a Markdown table of median,
p90 and max (goal: median ≤ 30 ms for arrow keys).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

EVENTS = 300
ARROWS = 100
GOAL_MS = 30
QUIET = 0.1  # seconds without a frame: the screen has settled
# A walk through the busy middle of the week (it starts on Wednesday 09:00)
WALK = (["down"] * 12 + ["right"] * 3 + ["up"] * 12 + ["left"] * 3 + ["j", "l", "k", "h"]) * 3
TO_WEDNESDAY = ["right"] * 8


def grown_store(path: str) -> None:
    """The demo inspection with its week copied, people rotated, up to EVENTS events."""
    from sendtui.demo import add_demo
    from sendtui.store import events, people
    from sendtui.store.events import EventInput
    from sendtui.store.repo import Store

    store = Store.open(path)
    ins, _ = add_demo(store, "2016")
    team = [p.id for p in people.all(store, ins.id)]
    week = events.all(store, ins.id)
    added, turn = len(week), 1
    while added < EVENTS:
        for event in week[: EVENTS - added]:
            rotated = tuple(team[(team.index(p) + turn) % len(team)]
                            for p in event.person_ids)
            events.add(store, ins.id, replace(EventInput.of(event), person_ids=rotated))
        added, turn = min(EVENTS, added + len(week)), turn + 1
    store.close()


def timed_app(path: str):
    from sendtui.ui.app import SendApp

    class TimedApp(SendApp):
        painted: list[float] = []

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                self.painted.append(time.perf_counter())

    return TimedApp(path)


async def key_to_paint(pilot, key: str) -> tuple[float, float] | None:
    """Seconds from pressing `key` to its first frame, and to the last frame it caused
    (the screen settled: no frame for QUIET seconds); None when it painted nothing."""
    app = pilot.app
    start = time.perf_counter()
    await pilot.press(key)
    while True:
        seen = len(app.painted)
        await asyncio.sleep(QUIET)
        if len(app.painted) == seen:
            break
    frames = [t - start for t in app.painted if t >= start]
    return (frames[0], frames[-1]) if frames else None


async def measure(path: str, size: tuple[int, int], setup: list[str], keys: list[str]
                  ) -> tuple[list[float], list[float], int]:
    """(first-frame times, settled times, keys that painted nothing)."""
    from sendtui.store import events

    app = timed_app(path)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2", *setup)
        await pilot.pause(0.2)
        held = len(events.all(app.store, app.inspection.id))
        assert held == EVENTS, f"the store holds {held} events, not {EVENTS}"
        timings = [await key_to_paint(pilot, key) for key in keys]
    painted = [t for t in timings if t]
    return [f for f, _ in painted], [s for _, s in painted], len(timings) - len(painted)


def row(name: str, runs: list[float]) -> str:
    ms = sorted(t * 1000 for t in runs)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    return (f"| {name} | {len(ms)} | {statistics.median(ms):.1f} ms | {p90:.1f} ms "
            f"| {ms[-1]:.1f} ms |")


def main() -> None:
    arrows = WALK[:ARROWS]
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "grid.db")
        grown_store(path)
        cases = [
            ("by day, 80×24, arrows", (80, 24), TO_WEDNESDAY, arrows),
            ("by day, 160×50, arrows", (160, 50), TO_WEDNESDAY, arrows),
            ("by person, 80×24, arrows", (80, 24), ["v", "right"], arrows),
            ("by day, 80×24, shift+down (write, re-read, repaint)", (80, 24), [],
             ["shift+down"] * 20),
        ]
        results = [(name, *asyncio.run(measure(path, size, setup, keys)))
                   for name, size, setup, keys in cases]
    print(f"Week grid, keypress to repaint, {EVENTS} events (headless Pilot)\n")
    print("| what | keys | median | p90 | max |")
    print("|---|---|---|---|---|")
    for name, first, settled, silent in results:
        print(row(f"{name}: first frame", first))
        print(row(f"{name}: screen settled", settled))
    silent = sum(r[3] for r in results)
    if silent:
        print(f"\n{silent} key(s) moved nothing (an edge of the grid) and are left out.")
    first = statistics.median(results[0][1]) * 1000
    settled = statistics.median(results[0][2]) * 1000
    print(f"\nby day at 80×24, median: first frame {first:.1f} ms, screen settled "
          f"{settled:.1f} ms (goal ≤ {GOAL_MS} ms)")


if __name__ == "__main__":
    main()
