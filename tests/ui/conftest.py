"""Helpers every UI test shares: waiting for the store, waiting for a condition."""

from __future__ import annotations


async def store_open(pilot) -> None:
    """Past the loading screen: the store worker has finished and its screen is up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, condition, timeout: float = 5.0) -> None:
    """Pause until condition() holds: for work that finishes in the background."""
    waited = 0.0
    while not condition():
        assert waited < timeout, "timed out waiting for the screen"
        await pilot.pause(0.05)
        waited += 0.05
