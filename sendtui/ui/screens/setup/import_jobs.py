"""The three imports the app offers, as `sendtui import settings|people|schedule` does them:
a file read and checked, its plan (the preview: nothing written), then the import itself,
one transaction. No Textual here: the screen runs these in worker threads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from sendtui.records import ImportPlan, Loaded, Planned

KINDS = {"settings": "Settings (GIAS)", "people": "People", "schedule": "Schedule"}
ORDER = {"new": 0, "updated": 1, "skipped": 2, "unchanged": 3}  # what changes shown first
OTHER_AREA = "other local authority"


@dataclass
class FileRead:
    """What a file holds for one kind of import."""

    kind: str
    path: Path
    rows: list = field(default_factory=list)  # SettingRow, PersonRow or EventRow
    warnings: list[str] = field(default_factory=list)
    # GIAS only: every row of the file (for another local authority), the authorities
    # named with how many establishments each, the one taken, what it leaves out
    gias: list | None = None
    areas: Counter = field(default_factory=Counter)
    local_area: str = ""
    points: dict = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    left_out: list[tuple[str, str]] = field(default_factory=list)


def read_file(kind: str, typed: str, local_area: str) -> FileRead:
    """The file at the typed path read for `kind`; for GIAS the inspection's local area
    taken when the file names it, else the authority with most establishments. BadFile (one
    line, nothing read) for a path that is no regular file, too big, or a bad CSV."""
    from sendtui.files import check_input

    path = Path(typed.strip()).expanduser()
    if not typed.strip():
        from sendtui.errors import BadFile

        raise BadFile("type the path of a CSV file")
    check_input(path)
    if kind == "people":
        from sendtui.importers.people import read_people

        found = read_people(path)
        return FileRead(kind, path, found.people, found.warnings)
    if kind == "schedule":
        from sendtui.importers.schedule import read_schedule

        return FileRead(kind, path, read_schedule(path))
    from sendtui.importers.gias import areas_in, gias_rows

    read = FileRead(kind, path, gias=gias_rows(path))
    read.areas = areas_in(read.gias)
    named = {a.casefold(): a for a in read.areas}
    chosen = named.get(local_area.strip().casefold())
    if chosen is None and read.areas:
        chosen = read.areas.most_common(1)[0][0]
    return for_area(read, chosen or local_area)


def for_area(read: FileRead, local_area: str) -> FileRead:
    """The GIAS file's settings of another local authority."""
    from sendtui.importers.gias import from_rows

    taken = from_rows(read.path.name, read.gias, local_area)
    return replace(read, rows=taken.settings, warnings=taken.warnings, local_area=local_area,
                   points=taken.points, skipped=taken.skipped, left_out=taken.left_out)


def plan(store, inspection_id: str, read: FileRead) -> ImportPlan:
    """What importing `read` would do, row by row, worked out by the store's own `plan`."""
    planned = list(_store_module(read.kind).plan(store, inspection_id, read.rows))
    planned += [Planned(what, "skipped", why) for what, why in read.left_out]
    if others := read.skipped.get(OTHER_AREA, 0):
        planned.append(Planned(f"{others} establishment{'s' if others != 1 else ''} "
                               "elsewhere", "skipped", OTHER_AREA))
    planned.sort(key=lambda step: ORDER[step.outcome])
    return ImportPlan(tuple(planned), sum(read.skipped.values()), tuple(read.warnings))


def run(store, inspection_id: str, read: FileRead, progress=None) -> Loaded:
    """The import itself, one transaction; `progress(n)` now and then from the worker."""
    module = _store_module(read.kind)
    if read.kind == "settings":
        return module.load(store, inspection_id, read.rows, read.points, progress=progress)
    return module.load(store, inspection_id, read.rows, progress=progress)


def done(loaded: Loaded, read: FileRead) -> str:
    """'12 new, 3 updated, 40 unchanged, 2 skipped', what the notice says when it is done."""
    return (f"{loaded.added} new, {loaded.updated} updated, {loaded.unchanged} unchanged, "
            f"{sum(read.skipped.values())} skipped")


def _store_module(kind: str):
    from sendtui.store import events, people, settings

    return {"settings": settings, "people": people, "schedule": events}[kind]
