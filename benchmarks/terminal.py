"""A program run in a terminal as a user runs it: a pseudo-terminal of a given size, its output
drawn by a terminal emulator (pyte), timed until the screen shows what the user waits for.

Nothing in the program is patched: the clock starts before the command is spawned and stops
when the bytes that complete the awaited text have been read and drawn.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable

import pyte

SIZE = (120, 40)


def time_until(command: list[str], shown: Callable[[str], bool], *, env: dict | None = None,
               size: tuple[int, int] = SIZE, timeout: float = 30) -> float:
    """Seconds from spawning `command` to its screen (as text) satisfying `shown`."""
    columns, rows = size
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower,
                             env={**os.environ, "TERM": "xterm-256color", **(env or {})},
                             start_new_session=True, close_fds=True)
    os.close(follower)
    try:
        return _watch(leader, stream, screen, shown, start, timeout) - start
    finally:
        _stop(child)
        os.close(leader)


def _watch(leader: int, stream, screen, shown, start: float, timeout: float) -> float:
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if not ready:
            continue
        try:
            data = os.read(leader, 1 << 16)
        except OSError:  # the program ended
            break
        if not data:
            break
        stream.feed(data)
        if shown("\n".join(screen.display)):
            return time.perf_counter()
    raise SystemExit("the awaited screen never showed:\n" + "\n".join(screen.display))


def _stop(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    child.wait()
