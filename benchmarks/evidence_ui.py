"""The Evidence screen and the capture box, headless through Textual's Pilot.

1. Opening the Evidence screen (key 6) on a store with 100,000 entries: time until the list
   is painted with rows, and separately until the background count has finished
   (goal: list ≤ 300 ms).
2. Typing 100 characters into the capture box (key n), one key at a time: per keystroke,
   until the TextArea holds the character and the screen has refreshed (goal: median
   ≤ 16 ms); the database writes made while typing are counted (the draft is debounced).
3. Peak resident memory of this process after step 1 (goal ≤ 150 MB). The 100,000 entries
   are generated in a child process so the generator's row list is not counted.

Run from anywhere: `python benchmarks/evidence_ui.py`. Prints a Markdown table.
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ENTRIES = 100_000
OPENS = 5
TYPED = ("the senco said waiting times for camhs are long and parents want clearer "
         "advice on the local offer now")[:100]
SIZE = (80, 24)

BUILD = """
import sys
sys.path.insert(0, sys.argv[2])
from benchmarks.search import fill
from sendtui.store.repo import Store
store = Store.open(sys.argv[1])
fill(store, int(sys.argv[3]))
store.close()
"""


def watch_frames(app, probe) -> list[float]:
    """Times at which a frame was composed and handed to the driver while probe(screen)."""
    seen: list[float] = []
    real = app._display

    def display(screen, renderable):
        real(screen, renderable)
        if renderable is not None and probe(screen):
            seen.append(time.perf_counter())

    app._display = display
    return seen


def first_after(frames: list[float], start: float) -> float | None:
    return next((t for t in frames if t >= start), None)


def ms(seconds: float) -> float:
    return seconds * 1000


def p90(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=10)[-1] if len(xs) >= 2 else xs[0]


async def ready(app, pilot) -> None:
    """The store opened (a thread worker) and the dashboard up."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(200):
        if type(app.screen).__name__ == "DashboardScreen":
            return
        await pilot.pause()
    raise SystemExit(f"no dashboard: the screen is {type(app.screen).__name__}")


async def open_evidence_once(db: str) -> tuple[float, float, float, float, int, str]:
    """(ms to rows painted, to counts done, each by Pilot and by frame; rows, summary)."""
    from textual.widgets import DataTable

    from sendtui.ui.app import make_app

    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)

        def listed(screen) -> bool:
            return (type(screen).__name__ == "EvidenceScreen"
                    and screen.query_one("#evidence", DataTable).row_count > 0)

        def counted_up(screen) -> bool:
            return listed(screen) and screen.total is not None and screen.matching is not None

        listed_frames = watch_frames(app, listed)
        counted_frames = watch_frames(app, counted_up)
        start = time.perf_counter()
        await pilot.press("6")
        await pilot.pause()
        while True:
            screen = app.screen
            if type(screen).__name__ == "EvidenceScreen":
                rows = screen.query_one("#evidence", DataTable).row_count
                if rows:
                    break
            if time.perf_counter() - start > 30:
                raise SystemExit("the Evidence list did not appear within 30 s")
            await pilot.pause()
        shown = time.perf_counter() - start
        # The counts run in a thread worker started after the first refresh: wait until
        # its result has reached the screen (total and matching known), then a refresh.
        while screen.total is None or screen.matching is None:
            if time.perf_counter() - start > 60:
                raise SystemExit("the count did not finish within 60 s")
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause()
        counted = time.perf_counter() - start
        summary = screen.summary()
        frame_shown = first_after(listed_frames, start) or start + shown
        frame_counted = first_after(counted_frames, start) or start + counted
    return (ms(shown), ms(counted), ms(frame_shown - start), ms(frame_counted - start), rows,
            summary)


async def type_keys(app, pilot, area) -> tuple[list[float], list[float]]:
    """Type TYPED into the focused TextArea one key at a time: per key, ms by Pilot (press,
    pause, until the text holds it) and ms from the key sent to the first frame holding it."""
    before = len(area.text)
    typed = 0
    frames = watch_frames(app, lambda screen: len(area.text) - before >= typed)
    times, painted = [], []
    for i, ch in enumerate(TYPED, 1):
        key = "space" if ch == " " else ch
        typed = i
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        while len(area.text) < before + i:
            await pilot.pause()
        times.append(ms(time.perf_counter() - start))
        frame = first_after(frames, start)
        if frame is not None:
            painted.append(ms(frame - start))
    if area.text[before:] != TYPED:
        raise SystemExit(f"typed text differs: {area.text[before:]!r}")
    return times, painted


async def bare_text_area() -> tuple[list[float], list[float]]:
    """The same typing in a bare Textual app holding only a TextArea: the Pilot floor."""
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(App):
        def compose(self):
            yield TextArea(id="t", soft_wrap=True, compact=True)

    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        area = app.query_one("#t", TextArea)
        area.focus()
        await pilot.pause()
        return await type_keys(app, pilot, area)


async def type_in_capture(db: str) -> tuple[list[float], list[float], int, int, int, int]:
    """(ms per keystroke by Pilot and by frame, write statements and draft saves while typing,
    draft saves and write statements after the debounce)."""
    from sqlalchemy import event
    from textual.widgets import TextArea

    from sendtui.ui.app import make_app
    from sendtui.ui.screens.evidence import capture

    saves = []
    real_save = capture.save_draft

    def counted_save(*args, **kwargs):
        saves.append(time.perf_counter())
        return real_save(*args, **kwargs)

    capture.save_draft = counted_save  # looked up at call time by the draft worker
    writes = []
    app = make_app(db)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await ready(app, pilot)

            @event.listens_for(app.store.engine, "before_cursor_execute")
            def _sql(conn, cursor, statement, *rest):
                if statement.lstrip().split(None, 1)[0].upper() in (
                        "INSERT", "UPDATE", "DELETE", "REPLACE"):
                    writes.append(statement)

            await pilot.press("n")
            await pilot.pause()
            while type(app.screen).__name__ != "CaptureScreen":
                await pilot.pause()
            area = app.screen.query_one("#capture-text", TextArea)
            if app.focused is not area:
                raise SystemExit(f"capture text not focused: {app.focused!r}")
            times, frames = await type_keys(app, pilot, area)
            typed_writes, typed_saves = len(writes), len(saves)
            await pilot.pause(capture.DEBOUNCE + 0.3)  # the debounced draft save
            await app.workers.wait_for_complete()
            after_saves = len(saves) - typed_saves
            after_writes = len(writes) - typed_writes
    finally:
        capture.save_draft = real_save
    return times, frames, typed_writes, typed_saves, after_saves, after_writes


def main() -> None:
    from sendtui.demo import add_demo
    from sendtui.store.repo import Store

    with tempfile.TemporaryDirectory() as folder:
        big = str(Path(folder) / "big.db")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", BUILD, big, str(ROOT), str(ENTRIES)],
                       check=True, cwd=ROOT)
        built = time.perf_counter() - t
        builder_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        shown, counted, frame_shown, frame_counted = [], [], [], []
        rows, summary = 0, ""
        for _ in range(OPENS):
            s, c, fs, fc, rows, summary = asyncio.run(open_evidence_once(big))
            shown.append(s)
            counted.append(c)
            frame_shown.append(fs)
            frame_counted.append(fc)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        demo = str(Path(folder) / "demo.db")
        store = Store.open(demo)
        add_demo(store, "2016")
        store.close()
        keys, key_frames, typed_writes, typed_saves, after_saves, after_writes = asyncio.run(
            type_in_capture(demo))
        bare_keys, bare_frames = asyncio.run(bare_text_area())

    print(f"Evidence screen and capture box, headless at {SIZE[0]}×{SIZE[1]} "
          f"(store of {ENTRIES:,} entries built in {built:.1f} s, in a child process)\n")
    print("Pilot: from `pilot.press` until Pilot's pause sees the result (includes Pilot's own "
          "idle polling, ≥ 3 × 20 ms per key). Frame: from the key sent until the first frame "
          "composed with the result.\n")
    print("| what | runs | median | p90 | min | max |")
    print("|---|---|---|---|---|---|")
    for name, xs in ((f"key 6 → Evidence list painted ({rows} rows), frame", frame_shown),
                     ("key 6 → Evidence list painted, Pilot", shown),
                     ("key 6 → counts shown (count worker done), frame", frame_counted),
                     ("key 6 → counts shown, Pilot (all workers finished)", counted),
                     (f"capture box: one keystroke ({len(TYPED)} typed), frame", key_frames),
                     ("capture box: one keystroke, Pilot", keys),
                     ("bare app with one TextArea: one keystroke, frame", bare_frames),
                     ("bare app with one TextArea: one keystroke, Pilot", bare_keys)):
        if not xs:
            print(f"| {name} | 0 | no frame seen | | | |")
            continue
        print(f"| {name} | {len(xs)} | {statistics.median(xs):.1f} ms | {p90(xs):.1f} ms "
              f"| {min(xs):.1f} ms | {max(xs):.1f} ms |")
    print(f"| peak resident memory after step 1 (this process) | 1 | {rss_mb:.0f} MB | | | |")
    print(f"| peak resident memory of the store builder (child) | 1 | {builder_mb:.0f} MB "
          "| | | |")
    print(f"\nsummary line when counted: {summary}")
    print(f"database writes while typing: {typed_writes} statements, {typed_saves} draft saves; "
          f"after {capture_debounce():.1f} s of quiet: {after_saves} draft save(s), "
          f"{after_writes} statements")
    med_open = statistics.median(frame_shown)
    med_key = statistics.median(key_frames) if key_frames else float("nan")
    print(f"\nEvidence list p50 {med_open:.0f} ms by frame (goal ≤ 300) "
          f"{'met' if med_open <= 300 else 'NOT met'}; keystroke p50 {med_key:.1f} ms by frame "
          f"(goal ≤ 16) {'met' if med_key <= 16 else 'NOT met'}; peak memory {rss_mb:.0f} MB "
          f"(goal ≤ 150) {'met' if rss_mb <= 150 else 'NOT met'}")


def capture_debounce() -> float:
    from sendtui.ui.screens.evidence.capture import DEBOUNCE

    return DEBOUNCE


if __name__ == "__main__":
    main()
