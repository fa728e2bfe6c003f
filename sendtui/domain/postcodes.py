"""Where a typed postcode is, offline: from the establishments of the GIAS file imported.

GIAS gives every establishment's postcode and its easting/northing (British National Grid
metres). Every row counts, whatever its local authority or status: they are geography, not
settings. A postcode where some establishment stands is placed at their mean; any other
postcode at the centroid of its sector ("WD2 3" of "WD2 3BB"): the mean of every
establishment in that sector, good to a kilometre or two, enough to warn of a squeezed journey.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# The shape of a UK postcode, spaces taken out: outward code (A9, A99, AA9, AA99, A9A, AA9A)
# then inward code (9AA). Whether it exists is not known offline.
SHAPE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})")

# How a place's coordinates were found (setting.located_by).
TYPED, BY_POSTCODE, BY_SECTOR = "typed", "postcode", "sector"


@dataclass(frozen=True)
class Point:
    """The mean position of the establishments at a postcode or in a sector."""

    easting: int
    northing: int
    establishments: int = 1


@dataclass(frozen=True)
class Located:
    easting: int
    northing: int
    by: str  # BY_POSTCODE or BY_SECTOR


def normalise(text: str | None) -> str | None:
    """'wd2 3bb ' → 'WD2 3BB'; None when it is not the shape of a UK postcode."""
    squeezed = "".join((text or "").split()).upper()
    found = SHAPE.fullmatch(squeezed)
    return f"{found[1]} {found[2]}" if found else None


def sector(postcode: str) -> str:
    """The sector of a normalised postcode: 'WD2 3BB' → 'WD2 3'."""
    return postcode[:-2]


def centroids(rows: Iterable[tuple[str, int | None, int | None]]) -> dict[str, Point]:
    """Each postcode and each sector of the rows (postcode, easting, northing) with its mean
    position; rows without a postcode shape or coordinates are left out."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for text, easting, northing in rows:
        postcode = normalise(text)
        if postcode is None or easting is None or northing is None:
            continue
        for code in (postcode, sector(postcode)):
            total = sums[code]
            total[0] += easting
            total[1] += northing
            total[2] += 1
    return {code: Point(round(e / n), round(no / n), n) for code, (e, no, n) in sums.items()}


def locate(postcode: str, points: Mapping[str, Point]) -> Located | None:
    """The postcode's own position if an establishment stands there, else its sector's
    centroid, else None."""
    code = normalise(postcode)
    if code is None:
        return None
    for key, by in ((code, BY_POSTCODE), (sector(code), BY_SECTOR)):
        point = points.get(key)
        if point is not None:
            return Located(point.easting, point.northing, by)
    return None


def located_words(by: str, postcode: str, name: str) -> str:
    """How an estimated position was found, for a travel warning ('' when it was not
    estimated): 'the postcode sector centroid of WD2 3 (Oak Lodge CDC)'."""
    code = normalise(postcode) or postcode
    if by == BY_SECTOR:
        return f"the postcode sector centroid of {sector(code)} ({name})"
    if by == BY_POSTCODE:
        return f"the GIAS establishments at {code} ({name})"
    return ""
