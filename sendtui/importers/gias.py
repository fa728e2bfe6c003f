"""Get Information About Schools establishment extracts → settings of the inspected area."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sendtui.domain.contacts import phone_problem
from sendtui.domain.events import visitable
from sendtui.domain.gias import setting_kind
from sendtui.domain.postcodes import Point, centroids
from sendtui.domain.travel import GRID_EAST, GRID_NORTH, grid_metres
from sendtui.errors import BadFile, NotFound
from sendtui.importers.csvfile import DIGITS, CsvRow, read_rows, shown
from sendtui.records import SettingRow

AREAS_SHOWN = 8  # local authorities named when none matches
AGES = range(0, 100)  # pupils' ages: anything else is a broken row

REQUIRED = ("URN", "EstablishmentName", "TypeOfEstablishment (name)",
            "EstablishmentStatus (name)", "LA (name)")


@dataclass
class GiasResult:
    settings: list[SettingRow] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    # every establishment's postcode and sector, whatever its area or status: geography
    points: dict[str, Point] = field(default_factory=dict)
    areas: set[str] = field(default_factory=set)  # the local authorities the file names
    # the rows of the area left out, "URN 190009 Old School" and why (status, kind)
    left_out: list[tuple[str, str]] = field(default_factory=list)


def read_gias(path: Path, local_area: str) -> GiasResult:
    return from_rows(path.name, gias_rows(path), local_area)


def gias_rows(path: Path) -> list[CsvRow]:
    """The file's rows, read once: the app asks which local authority, then takes its rows."""
    return read_rows(path, REQUIRED)[1]


def areas_in(rows: list[CsvRow]) -> Counter:
    """How many establishments each local authority named in the file has."""
    return Counter(row.get("la (name)") for row in rows if row.get("la (name)"))


def from_rows(name: str, rows: list[CsvRow], local_area: str) -> GiasResult:
    """The settings of `local_area` from the file called `name`."""
    result, located = GiasResult(), []
    for row in rows:
        # a blank or odd coordinate leaves the row out of the postcode table (a row of
        # another area is not refused for it)
        located.append((row.get("postcode"), grid_metres(row.get("easting"), GRID_EAST),
                        grid_metres(row.get("northing"), GRID_NORTH)))
        _take(row, name, local_area, result)
    _check_area(name, local_area, result.areas)
    result.points = centroids(located)
    return result


def _check_area(name: str, local_area: str, areas: set[str]) -> None:
    """NotFound, naming the file's local authorities, when no row is in `local_area`."""
    if local_area.strip().lower() in {a.lower() for a in areas}:
        return
    found = sorted(a for a in areas if a)
    listed = ", ".join(found[:AREAS_SHOWN]) + (", …" if len(found) > AREAS_SHOWN else "")
    raise NotFound(f"{name}: no establishment in the local authority {shown(local_area)}; "
                   + (f"the file lists {listed}" if found else "the file names none"))


def _take(row: CsvRow, name: str, local_area: str, result: GiasResult) -> None:
    urn = row.get("urn")
    if not DIGITS.fullmatch(urn):
        raise BadFile(f"{name}: row {row.number}, column URN: {shown(urn)} is not a URN")
    result.areas.add(row.get("la (name)"))
    if row.get("la (name)").lower() != local_area.strip().lower():
        result.skipped["other local authority"] += 1
        return
    status = row.get("establishmentstatus (name)")
    label = f"URN {urn} {row.get('establishmentname')}"
    if not visitable(status):
        result.skipped[f"status {status}"] += 1
        result.left_out.append((label, f"status {status}"))
        return
    kind = setting_kind(row.get("typeofestablishment (name)"), row.get("phaseofeducation (name)"),
                        _int(row, "statutorylowage", name, AGES),
                        _int(row, "statutoryhighage", name, AGES))
    if kind.kind is None:
        result.skipped[kind.reason] += 1
        result.left_out.append((label, kind.reason))
        return
    if not kind.known:
        result.warnings.append(f"{label}: {kind.reason}, filed as other")
    if "proposed to close" in status.lower():
        result.warnings.append(f"{label}: {status}")
    easting, northing = (_int(row, "easting", name, GRID_EAST),
                         _int(row, "northing", name, GRID_NORTH))
    if easting is None or northing is None:
        result.warnings.append(f"{label}: no easting/northing, travel time unknown")
    if problem := phone_problem(row.get("telephonenum")):
        result.warnings.append(f"{label}: telephone {shown(row.get('telephonenum'))}: {problem}")
    address = ", ".join(p for p in (row.get("street"), row.get("locality"), row.get("town")) if p)
    result.settings.append(SettingRow(
        urn=urn, name=row.get("establishmentname"), kind=kind.kind,
        gias_type=row.get("typeofestablishment (name)"), phase=row.get("phaseofeducation (name)"),
        status=status, la_name=row.get("la (name)"), address=address,
        postcode=row.get("postcode"), easting=easting, northing=northing,
        is_specialist=kind.is_specialist, phone=uk_phone(row.get("telephonenum")),
        head=_head(row),
    ))


def uk_phone(text: str) -> str:
    """GIAS gives '01632960001': spaced as people write UK numbers ('01632 960001',
    '020 7946 0000', '0113 496 0000', '07700 900123'); anything else is kept as given."""
    digits = text.replace(" ", "")
    if len(digits) != 11 or not DIGITS.fullmatch(digits) or not digits.startswith("0"):
        return text
    if digits.startswith("02"):
        cut = (3, 7)
    elif digits.startswith("011") or digits[3] == "1" and digits.startswith("01"):
        cut = (4, 7)
    else:
        cut = (5,)
    parts, last = [], 0
    for at in (*cut, 11):
        parts.append(digits[last:at])
        last = at
    return " ".join(parts)


def _head(row: CsvRow) -> str:
    """'Mrs Ann Example, Headteacher' from GIAS's head columns (blank when there are none)."""
    name = " ".join(p for p in (row.get("headtitle (name)"), row.get("headfirstname"),
                                row.get("headlastname")) if p and p != "Not applicable")
    job = row.get("headpreferredjobtitle")
    return f"{name}, {job}" if name and job else name


def _int(row: CsvRow, column: str, name: str, bounds: range) -> int | None:
    """A whole number in ASCII digits within `bounds` (blank: None)."""
    text = row.get(column)
    if not text:
        return None
    where = f"{name}: row {row.number}, column {row.header(column)}"
    if not DIGITS.fullmatch(text):
        raise BadFile(f"{where}: {shown(text)} is not a whole number")
    if len(text) > 9 or int(text) not in bounds:  # (int() of 5,000 digits would refuse)
        raise BadFile(f"{where}: {shown(text)} is not between {bounds.start} and "
                      f"{bounds.stop - 1}")
    return int(text)
