"""A place added by hand: a setting GIAS does not list (a health site, a private nursery or
childminder, a short-breaks base) or the inspection's base room. One rule for both faces:
`sendtui places add` refuses what the form marks in red."""

from __future__ import annotations

from dataclasses import dataclass

from sendtui.domain.kinds import SETTING_KINDS
from sendtui.domain.postcodes import normalise
from sendtui.domain.travel import GRID_EAST, GRID_NORTH, grid_metres
from sendtui.domain.words import plain_name, shown
from sendtui.errors import InvalidInput


@dataclass(frozen=True)
class NewPlace:
    name: str
    kind: str
    postcode: str  # normalised, or ""
    easting: int | None
    northing: int | None


def place_problems(name: str, kind: str, postcode: str, easting: str | int | None,
                   northing: str | int | None) -> dict[str, str]:
    """What is wrong with the place as typed, by field ({} when nothing is)."""
    problems = {}
    try:
        if not plain_name(name or "", "a place's name").strip():
            problems["name"] = "a place needs a name"
    except InvalidInput as exc:
        problems["name"] = str(exc)
    if kind not in SETTING_KINDS:
        problems["kind"] = (f"{shown(str(kind))} is not a kind of setting: one of "
                            f"{', '.join(SETTING_KINDS)}")
    if (postcode or "").strip() and normalise(postcode) is None:
        problems["postcode"] = f"{shown(postcode)} is not a UK postcode such as WD2 3BB"
    problems.update(_grid_problems(easting, northing))
    return problems


def _grid_problems(easting, northing) -> dict[str, str]:
    given = {"easting": _blank_none(easting), "northing": _blank_none(northing)}
    if (given["easting"] is None) != (given["northing"] is None):
        missing, other = (("northing", "easting") if given["northing"] is None
                          else ("easting", "northing"))
        return {missing: f"the {other} needs its {missing}: give both or neither"}
    problems = {}
    for key, bounds in (("easting", GRID_EAST), ("northing", GRID_NORTH)):
        value = given[key]
        if value is not None and grid_metres(value, bounds) is None:
            problems[key] = (f"{key} {shown(str(value))} is not in Great Britain's grid: metres "
                             f"from 0 to {bounds.stop - 1:,}")
    return problems


def new_place(name: str, kind: str = "other", postcode: str = "",
              easting: str | int | None = None, northing: str | int | None = None) -> NewPlace:
    """The place as it will be stored, or InvalidInput naming the first thing wrong."""
    problems = place_problems(name, kind, postcode, easting, northing)
    if problems:
        raise InvalidInput(next(iter(problems.values())))
    e, n = _blank_none(easting), _blank_none(northing)
    return NewPlace(plain_name(name, "a place's name"), kind,
                    normalise(postcode) or "" if postcode else "",
                    None if e is None else grid_metres(e, GRID_EAST),
                    None if n is None else grid_metres(n, GRID_NORTH))


def _blank_none(value: str | int | None) -> str | int | None:
    return None if value is None or isinstance(value, str) and not value.strip() else value
