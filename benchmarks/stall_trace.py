"""Where a stall comes from: each event-loop iteration over 10 ms during the chosen actions of
`benchmarks/stalls.py`, with the callbacks in it and any garbage collection (debugging aid,
not a measurement: the tracing adds its own cost).

    python benchmarks/stall_trace.py STORE [--only "capture box,clear the search"] [--profile]

STORE is one of the stores `stalls.py --stores DIR` keeps (e.g. DIR/realistic.db).
"""

from __future__ import annotations

import argparse
import asyncio
import asyncio.base_events
import asyncio.events
import cProfile
import gc
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stalls  # noqa: E402

SLOW = 0.010
seen = {"on": False, "callbacks": [], "iterations": []}


def traced_handle(run):
    def _run(handle):
        if not seen["on"]:
            return run(handle)
        start = time.perf_counter()
        result = run(handle)
        took = time.perf_counter() - start
        if took > 0.002:
            owner = getattr(handle._callback, "__self__", None)
            name = (f"task {owner.get_name()}" if isinstance(owner, asyncio.Task)
                    else getattr(handle._callback, "__qualname__", repr(handle._callback)))
            seen["callbacks"].append(f"{took * 1000:.0f} ms {name[:70]}")
        return result
    return _run


def traced_iteration(run_once, profile: bool):
    def _run_once(loop):
        if not seen["on"]:
            return run_once(loop)
        seen["callbacks"] = []
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        result = run_once(loop)
        if profiler:
            profiler.disable()
        took = time.perf_counter() - start
        if took > SLOW:
            text = io.StringIO()
            if profiler:
                pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
            seen["iterations"].append((took, list(seen["callbacks"]), text.getvalue()))
        return result
    return _run_once


def collections(phase: str, info: dict) -> None:
    if not seen["on"]:
        return
    if phase == "start":
        seen["gc"] = time.perf_counter()
    elif (took := time.perf_counter() - seen["gc"]) > 0.002:
        seen["callbacks"].append(f"{took * 1000:.0f} ms gc generation {info['generation']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--only", default="", help="comma-separated parts of action names")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    wanted = [w for w in args.only.split(",") if w]
    asyncio.events.Handle._run = traced_handle(asyncio.events.Handle._run)
    asyncio.base_events.BaseEventLoop._run_once = traced_iteration(
        asyncio.base_events.BaseEventLoop._run_once, args.profile)
    gc.callbacks.append(collections)
    act = stalls.Round.act

    async def traced_act(self, name, *keys, least=0.35):
        seen["on"] = not wanted or any(w in name for w in wanted)
        seen["iterations"] = []
        start = time.perf_counter()
        await act(self, name, *keys, least=least)
        if seen["on"]:
            late, _ = self.ticker.worst(start, time.perf_counter())
            print(f"{name} {keys}: longest stall {late * 1000:.0f} ms")
            for took, callbacks, profile in seen["iterations"]:
                print(f"  iteration {took * 1000:.0f} ms: {' | '.join(callbacks)}")
                print("".join(f"    {line}\n" for line in profile.splitlines()[6:30]), end="")
        seen["on"] = False

    stalls.Round.act = traced_act
    os.environ["SENDTUI_TODAY"] = stalls.TODAY
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "round.db"
        shutil.copy(args.store, copy)
        asyncio.run(stalls.one_round(str(copy)))


if __name__ == "__main__":
    main()
