"""The garbage collector kept off the keys' path.

A full collection walks every object the collector tracks: 100–300 ms with the modules, the
store's mappings and the kept screens in sight, so those are frozen out of it once a kept
screen has shown its first read (`settle_heap`). What comes after — a capture box is some
20,000 objects, a search's rows thousands — still made a full collection every few actions,
20–50 ms, started by Python in the middle of whatever key was running. So (`IdleCollector`):
- a full collection runs when the keys have been quiet for a moment and enough has piled up;
  what survives it, with no box open, is frozen too (the next one walks only what is new);
- Python's own full collection only past a far higher count (for a user who never pauses);
- after a long quiet (the user away), everything frozen is looked at again, once in a while:
  what was frozen and has since gone (a toast, a replaced row with a cycle) is freed.
"""

from __future__ import annotations

import gc
import time

QUIET = 0.3  # seconds without a key before a full collection may run
EVERY = 0.5  # seconds between looks
PILED_UP = 3  # middle collections since the last full one that make one worth running
NET = 40  # Python's own full collection after this many middle ones (10 by default)
AWAY = 10.0  # seconds without a key before everything frozen is looked at again…
SWEEP_EVERY = 300.0  # …at most this often


def settle_heap() -> None:
    """Move everything alive now out of the collector's sight (gc.freeze). Called once a
    kept screen has shown its first read; what it freezes is not freed by the collector
    until `IdleCollector` sweeps, so transient screens (forms, the capture box) never call it."""
    gc.freeze()


class IdleCollector:
    """Full collections when the keys are quiet; `key()` on every key, `stop()` on exit."""

    def __init__(self, app) -> None:
        self.app = app
        self.last_key = self.swept = time.monotonic()
        self.thresholds = gc.get_threshold()
        gc.set_threshold(self.thresholds[0], self.thresholds[1], NET)
        self.timer = app.set_interval(EVERY, self.look, name="idle-collect")

    def key(self) -> None:
        self.last_key = time.monotonic()

    def look(self) -> None:
        now = time.monotonic()
        quiet = now - self.last_key
        if quiet >= AWAY and now - self.swept >= SWEEP_EVERY:
            self.swept = now
            gc.unfreeze()
            self.collect()
        elif quiet >= QUIET and gc.get_count()[2] >= PILED_UP:
            self.collect()

    def collect(self) -> None:
        gc.collect()
        if len(self.app.screen_stack) == 1:  # no box open: what is alive now stays
            gc.freeze()

    def stop(self) -> None:
        self.timer.stop()
        gc.set_threshold(*self.thresholds)
