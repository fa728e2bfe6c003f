"""Ids made from a row's natural key, so that two laptops creating "the same" row make the
same id and a merge finds one row, not two.

uuid5 (SHA-1, RFC 4122) of a fixed namespace and the key's parts joined by a unit separator.
The namespace below must never change: stores made with it hold these ids. The parts are
normalised as the store compares them (a line's code whatever its case, a person's name
whatever its case), so "b5" and "B5" make one id.

Not made from a natural key: a child's or parent's marked name (an id derived from a name
could be tested against guesses after the name is erased), evidence, events, requests: two
of those that look alike may be two things.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("5e7d0a1c-1717-4f2b-9c3e-5e4d7b0c17a5")  # sendtui natural keys
SEPARATOR = "\x1f"


def natural_id(kind: str, *parts: str) -> str:
    """The id of the `kind` row ("setting", "line", …) whose natural key is `parts`."""
    return str(uuid.uuid5(NAMESPACE, SEPARATOR.join((kind, *parts))))


def setting_id(inspection_id: str, urn: str) -> str:
    return natural_id("setting", inspection_id, urn.strip())


def line_id(inspection_id: str, code: str) -> str:
    return natural_id("line", inspection_id, code.strip().upper())


def key_date_id(inspection_id: str, key: str) -> str:
    return natural_id("key_date", inspection_id, key)


def person_id(inspection_id: str, name: str) -> str:
    return natural_id("person", inspection_id, " ".join(name.split()).lower())


def event_person_id(event_id: str, person_id: str) -> str:
    return natural_id("event_person", event_id, person_id)


def demo_inspection_id(framework: str) -> str:
    """The demo inspection of a framework: one id on every laptop."""
    return natural_id("demo", framework)
