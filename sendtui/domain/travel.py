"""Travel time from British National Grid easting/northing (metres): Pythagoras, then a
road factor and an average speed, plus a buffer for parking and signing in."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Great Britain's grid, in metres: anything else is not a place in Great Britain.
GRID_EAST, GRID_NORTH = range(0, 700_001), range(0, 1_300_001)
GRID_DIGITS = re.compile(r"[0-9]{1,7}")  # ASCII only: int() would take "１２" too


def grid_metres(value: str | int, bounds: range) -> int | None:
    """A whole number of metres within bounds (GRID_EAST, GRID_NORTH), written in ASCII
    digits; None for anything else."""
    text = str(value).strip()
    if not GRID_DIGITS.fullmatch(text) or int(text) not in bounds:
        return None
    return int(text)


@dataclass(frozen=True)
class Place:
    easting: int
    northing: int
    # how the position was estimated, e.g. "the postcode sector centroid of WD2 3 (…)";
    # "" when it was given (by GIAS or typed)
    estimated_from: str = ""


@dataclass(frozen=True)
class TravelRules:
    road_factor: float = 1.3
    speed_kmh: float = 30.0
    buffer_minutes: int = 10

    def describe(self, km: float) -> str:
        return (f"{km:.1f} km straight line × {self.road_factor:g} road factor at "
                f"{self.speed_kmh:g} km/h + {self.buffer_minutes} min buffer")


def distance_km(a: Place, b: Place) -> float:
    return math.hypot(a.easting - b.easting, a.northing - b.northing) / 1000


def minutes_needed(a: Place, b: Place, rules: TravelRules = TravelRules()) -> float:
    km = distance_km(a, b)
    return km * rules.road_factor / rules.speed_kmh * 60 + rules.buffer_minutes


def estimated(*places: Place) -> str:
    """What a travel warning adds when a position was estimated ('' when none was):
    '; travel estimated from the postcode sector centroid of WD2 3 (Oak Lodge CDC)'."""
    sources = list(dict.fromkeys(p.estimated_from for p in places if p.estimated_from))
    return f"; travel estimated from {' and '.join(sources)}" if sources else ""


BASE_WORD = re.compile(r"\bbase\b", re.IGNORECASE)


def held_at_base(location: str, base_name: str) -> bool:
    """An event's location names the base room ('Base room, County Hall'; the base's own
    name), so it is held there and travel to and from it can be checked."""
    where = " ".join(location.lower().split())
    name = " ".join(base_name.lower().split())
    return bool(where) and (bool(BASE_WORD.search(where)) or bool(name) and name in where)
