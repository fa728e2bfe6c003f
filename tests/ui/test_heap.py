"""Full garbage collections wait for a quiet moment instead of landing mid-key."""

from __future__ import annotations

import gc

import pytest

from sendtui.ui import heap


class App:
    """What the collector uses of the app: a repeating timer and the screen stack."""

    def __init__(self) -> None:
        self.screen_stack = ["week"]
        self.stopped = False

    def set_interval(self, every, callback, name=None):
        self.look = callback
        return self

    def stop(self) -> None:
        self.stopped = True


@pytest.fixture
def gc_seen(monkeypatch):
    """The clock, and what the collector asked of gc (nothing really collected or frozen)."""
    now, asked, piled = [100.0], [], [heap.PILED_UP]
    monkeypatch.setattr(heap.time, "monotonic", lambda: now[0])
    for name in ("collect", "freeze", "unfreeze"):
        monkeypatch.setattr(heap.gc, name, lambda name=name: asked.append(name))
    monkeypatch.setattr(heap.gc, "get_count", lambda: (0, 0, piled[0]))
    return now, asked, piled


def test_a_full_collection_waits_for_the_keys_to_be_quiet(gc_seen):
    now, asked, _ = gc_seen
    before = gc.get_threshold()
    app = App()
    collector = heap.IdleCollector(app)
    try:
        assert gc.get_threshold()[2] == heap.NET  # Python's own only as a net
        collector.key()
        now[0] += heap.QUIET / 2
        app.look()
        assert asked == []  # a key a moment ago: not now
        now[0] += heap.QUIET
        app.look()
        assert asked == ["collect", "freeze"]  # what survived it is not walked again
    finally:
        collector.stop()
    assert gc.get_threshold() == before and app.stopped


def test_nothing_frozen_while_a_box_is_open(gc_seen):
    now, asked, _ = gc_seen
    app = App()
    collector = heap.IdleCollector(app)
    app.screen_stack.append("capture box")  # its widgets go when it closes: not frozen
    now[0] += heap.QUIET * 2
    app.look()
    collector.stop()
    assert asked == ["collect"]


def test_nothing_piled_up_nothing_collected(gc_seen):
    now, asked, piled = gc_seen
    piled[0] = heap.PILED_UP - 1
    app = App()
    collector = heap.IdleCollector(app)
    now[0] += heap.QUIET * 10
    app.look()
    collector.stop()
    assert asked == []


def test_away_for_a_while_everything_is_looked_at_again(gc_seen):
    now, asked, piled = gc_seen
    piled[0] = 0
    app = App()
    collector = heap.IdleCollector(app)
    now[0] += heap.SWEEP_EVERY
    app.look()
    assert asked == ["unfreeze", "collect", "freeze"]
    now[0] += heap.AWAY
    app.look()  # swept a moment ago: not again
    collector.stop()
    assert asked == ["unfreeze", "collect", "freeze"]
