"""Full garbage collections wait for a quiet moment instead of landing mid-key."""

from __future__ import annotations

import gc

from sendtui.ui import heap


class Timers:
    def set_interval(self, every, callback, name=None):
        self.every, self.callback = every, callback
        return self

    def stop(self) -> None:
        self.stopped = True


def test_full_collections_wait_for_quiet_keys(monkeypatch):
    before = gc.get_threshold()
    now = [100.0]
    monkeypatch.setattr(heap.time, "monotonic", lambda: now[0])
    collected = []
    monkeypatch.setattr(heap.gc, "collect", lambda: collected.append(now[0]))
    monkeypatch.setattr(heap.gc, "get_count", lambda: (0, 0, heap.PILED_UP))
    app = Timers()
    collector = heap.IdleCollector(app)
    try:
        assert gc.get_threshold()[2] == heap.NET  # Python's own only as a net
        collector.key()
        now[0] += heap.QUIET / 2
        app.callback()
        assert collected == []  # a key a moment ago: not now
        now[0] += heap.QUIET
        app.callback()
        assert collected == [now[0]]
    finally:
        collector.stop()
    assert gc.get_threshold() == before and app.stopped


def test_nothing_piled_up_nothing_collected(monkeypatch):
    collected = []
    monkeypatch.setattr(heap.gc, "collect", lambda: collected.append(1))
    monkeypatch.setattr(heap.gc, "get_count", lambda: (0, 0, heap.PILED_UP - 1))
    now = [0.0]
    monkeypatch.setattr(heap.time, "monotonic", lambda: now[0])
    app = Timers()
    collector = heap.IdleCollector(app)
    collector.stop()
    now[0] += 10 * heap.QUIET  # quiet for long
    app.callback()
    assert collected == []
