"""Hybrid logical clock stamps: the rules alone (no I/O, no lock; the store's `HybridClock`
holds the state).

A stamp is `"{time:015d}-{device}-{file}"`: `time` is milliseconds since 1970 or a little
above (never below the last stamp this store issued or received), `device` the first 8
characters of the laptop's id, `file` the first 8 of the store file's id (see
`sendtui.store.identity`). Stamps written before the file part existed
(`"{time:015d}-{device}"`) are read too, as having an empty file part.

Stamps sort as plain strings, and that order is the clock's order: by time, then by device
(the tie-break between laptops), then by file. The time is fixed-width and the device part
is 8 characters, so string order and `Stamp` order agree, old stamps included (an old stamp
is a prefix of a new one with the same time and device, so it sorts first).

    tick(last, now_ms)            -> the next time for a local write
    receive(last, remote, now_ms) -> the time after seeing a stamp from elsewhere
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TIME_DIGITS = 15
NODE_CHARS = 8
LARGEST = 10**TIME_DIGITS - 1
_STAMP = re.compile(r"(\d{15})-([0-9a-f]{8})(?:-([0-9a-f]{8}))?")


@dataclass(frozen=True, order=True)
class Stamp:
    """A parsed stamp; ordered as its text is."""

    time: int
    device: str  # first 8 characters of the laptop's id
    file: str = ""  # first 8 characters of the store file's id ("" in an old stamp)

    def __str__(self) -> str:
        text = f"{self.time:0{TIME_DIGITS}d}-{self.device}"
        return f"{text}-{self.file}" if self.file else text


def node(device_id: str, file_id: str = "") -> tuple[str, str]:
    """The device and file parts of stamps made by this laptop on this file."""
    device, file = device_id[:NODE_CHARS].lower(), file_id[:NODE_CHARS].lower()
    if not re.fullmatch(r"[0-9a-f]{8}", device) or not re.fullmatch(r"([0-9a-f]{8})?", file):
        raise ValueError("a device or file id starts with 8 hexadecimal digits (a uuid)")
    return device, file


def make(time: int, device_id: str, file_id: str = "") -> str:
    """The stamp text for `time` made here."""
    if not 0 <= time <= LARGEST:
        raise ValueError(f"a clock time has at most {TIME_DIGITS} digits")
    return str(Stamp(time, *node(device_id, file_id)))


def parse(text: str) -> Stamp:
    """ValueError unless `text` is a stamp (old or new form)."""
    found = _STAMP.fullmatch(text or "")
    if found is None:
        raise ValueError(f"not a clock stamp: {text[:40]!r}")
    return Stamp(int(found[1]), found[2], found[3] or "")


def compare(a: str, b: str) -> int:
    """-1, 0 or 1 as stamp `a` comes before, is, or comes after `b`."""
    first, second = parse(a), parse(b)
    return (first > second) - (first < second)


def tick(last: int, now_ms: int) -> int:
    """The time of the next local stamp: the wall clock, but always after `last`."""
    return _checked(max(last + 1, now_ms))


def receive(last: int, remote: str | Stamp, now_ms: int) -> int:
    """The time after seeing `remote` (a merged change): after the local clock, the remote
    stamp and the wall clock, so every later local stamp dominates what was received."""
    seen = remote if isinstance(remote, Stamp) else parse(remote)
    return _checked(max(last, seen.time, now_ms) + 1)


def _checked(time: int) -> int:
    if time > LARGEST:
        raise ValueError(f"the clock has run past {TIME_DIGITS} digits")
    return time
