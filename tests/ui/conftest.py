"""Helpers every UI test shares: waiting for the store, for a screen's reads, for a
condition."""

from __future__ import annotations


async def settled(pilot) -> None:
    """Every worker done and what it posted handled: a screen shows what it read. Repeats
    because a message a worker posts may start another read (the store opening starts the
    dashboard's)."""
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running or worker.state.name == "PENDING"
                   for worker in pilot.app.workers):
            return
    raise AssertionError("workers kept starting")


async def store_open(pilot) -> None:
    """Past the loading screen: the store worker has finished and its screen is up."""
    await settled(pilot)


def after(*keys: str, before=store_open):
    """A snapshot's run_before: `before`, then the keys, then what they started has shown."""
    async def run(pilot) -> None:
        await before(pilot)
        await pilot.press(*keys)
        await settled(pilot)

    return run


async def until(pilot, condition, timeout: float = 5.0) -> None:
    """Pause until condition() holds: for work that finishes in the background."""
    waited = 0.0
    while not condition():
        assert waited < timeout, "timed out waiting for the screen"
        await pilot.pause(0.05)
        waited += 0.05
