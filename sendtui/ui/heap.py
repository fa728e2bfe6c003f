"""The garbage collector kept off the keys' path.

A full collection walks every object the collector tracks: 100–300 ms once the modules, the
store's mappings and the kept screens were all in sight, so those are frozen out of it once
a kept screen has shown its first read (`settle_heap`). What comes and goes after that — a
capture box is some 20,000 objects — still makes a full collection every few boxes, 20–35 ms,
started by Python in the middle of whatever key happens to be running. So full collections
wait for a quiet moment (`IdleCollector`): one is run when no key has come for a second and
enough has piled up; Python's own only past a far higher count (the net for a user who never
stops typing).
"""

from __future__ import annotations

import gc
import time

QUIET = 0.8  # seconds without a key before a full collection may run
EVERY = 1.0  # seconds between looks
PILED_UP = 3  # middle collections since the last full one that make one worth running
NET = 40  # Python's own full collection after this many middle ones (10 by default)


def settle_heap() -> None:
    """Move everything alive now out of the collector's sight (gc.freeze). Called once a
    kept screen has shown its first read; what it freezes is not freed by the collector,
    so transient screens (forms, the capture box) never call it."""
    gc.freeze()


class IdleCollector:
    """Full collections when the keys are quiet; `key()` on every key, `stop()` on exit."""

    def __init__(self, app) -> None:
        self.last_key = time.monotonic()
        self.thresholds = gc.get_threshold()
        gc.set_threshold(self.thresholds[0], self.thresholds[1], NET)
        self.timer = app.set_interval(EVERY, self.look, name="idle-collect")

    def key(self) -> None:
        self.last_key = time.monotonic()

    def look(self) -> None:
        if time.monotonic() - self.last_key >= QUIET and gc.get_count()[2] >= PILED_UP:
            gc.collect()

    def stop(self) -> None:
        self.timer.stop()
        gc.set_threshold(*self.thresholds)
