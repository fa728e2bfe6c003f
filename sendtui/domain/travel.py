"""Travel time from British National Grid easting/northing (metres): Pythagoras, then a
road factor and an average speed, plus a buffer for parking and signing in."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    easting: int
    northing: int


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
