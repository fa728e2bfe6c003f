"""Places added by hand (settings without a URN, the base room) and the imported GIAS
file's postcode points that put a place typed by postcode on the map."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlmodel import Session, select

from sendtui.domain.places import new_place
from sendtui.domain.postcodes import (
    BY_POSTCODE,
    BY_SECTOR,
    TYPED,
    Point,
    locate,
    normalise,
    sector,
)
from sendtui.records import SettingRecord
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row
from sendtui.store.settings import record

CHUNK = 500  # codes per statement (SQLite's bound-parameter limit)
ESTIMATED = (BY_POSTCODE, BY_SECTOR)


def add(store: Store, inspection_id: str, name: str, kind: str = "other", postcode: str = "",
        easting: str | int | None = None, northing: str | int | None = None,
        is_base: bool = False) -> SettingRecord:
    """A place GIAS does not list; InvalidInput (nothing written) when the input is wrong.
    Without coordinates, its postcode places it if the GIAS file knew it or its sector."""
    place = new_place(name, kind, postcode, easting, northing)
    with store.session() as s:
        row = m.Setting(inspection_id=inspection_id, urn=None, name=place.name,
                        kind=place.kind, postcode=place.postcode, is_base=is_base)
        if place.easting is not None:
            row.easting, row.northing, row.located_by = place.easting, place.northing, TYPED
        else:
            _locate(s, inspection_id, row)
        if is_base:
            _no_base(store, s, inspection_id)
        store.insert(s, inspection_id, row, f"{place.name} added" +
                     (" as the base room" if is_base else ""))
        return record(row)


def make_base(store: Store, inspection_id: str, setting_id: str,
              base: bool = True) -> SettingRecord:
    """Make a setting the inspection's base room (the one before stops being it), or not."""
    with store.session() as s:
        row = live_row(s, m.Setting, setting_id, inspection_id, "that setting")
        if base and not row.is_base:
            _no_base(store, s, inspection_id)
        with store.change(s, inspection_id, row, f"{row.name} " + (
                "made the base room" if base else "no longer the base room")):
            row.is_base = base
        return record(row)


def _no_base(store: Store, s: Session, inspection_id: str) -> None:
    for other in s.exec(live(m.Setting, inspection_id).where(m.Setting.is_base)):
        with store.change(s, inspection_id, other, f"{other.name} no longer the base"):
            other.is_base = False


def save_points(store: Store, s: Session, inspection_id: str,
                points: Mapping[str, Point]) -> int:
    """Keep the GIAS file's postcode points (a code known before takes the new file's
    position; one the store holds as it is is not written again) and place again the
    hand-added places located by postcode; how many moved."""
    known = {p.code: Point(p.easting, p.northing, p.establishments) for p in s.exec(
        select(m.PostcodePoint).where(m.PostcodePoint.inspection_id == inspection_id))}
    points = {code: p for code, p in points.items() if known.get(code) != p}
    codes = list(points)
    for start in range(0, len(codes), CHUNK):
        s.exec(sa.delete(m.PostcodePoint).where(
            m.PostcodePoint.inspection_id == inspection_id,
            m.PostcodePoint.code.in_(codes[start:start + CHUNK])))
    if codes:  # executemany: one statement, every row
        s.connection().execute(sa.insert(m.PostcodePoint.__table__), [
            {"inspection_id": inspection_id, "code": code, "easting": p.easting,
             "northing": p.northing, "establishments": p.establishments}
            for code, p in points.items()])
    moved = 0
    for row in s.exec(live(m.Setting, inspection_id).where(
            m.Setting.urn.is_(None), m.Setting.postcode != "")).all():
        if row.located_by in ESTIMATED or (not row.located_by and row.easting is None):
            before = (row.easting, row.northing)
            with store.change(s, None, row):
                _locate(s, inspection_id, row)
            moved += (row.easting, row.northing) != before
    return moved


def _locate(s: Session, inspection_id: str, row: m.Setting) -> None:
    """Put the row where its postcode is (its postcode's point, else its sector's)."""
    code = normalise(row.postcode)
    if code is None:
        return
    known = {p.code: Point(p.easting, p.northing, p.establishments) for p in s.exec(
        select(m.PostcodePoint).where(m.PostcodePoint.inspection_id == inspection_id,
                                      m.PostcodePoint.code.in_([code, sector(code)])))}
    found = locate(code, known)
    if found is not None:
        row.easting, row.northing, row.located_by = found.easting, found.northing, found.by
