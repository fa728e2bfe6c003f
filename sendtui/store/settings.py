"""The area's settings: loaded from GIAS, shortlisted and marked visited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from sqlmodel import select

from sendtui.domain.postcodes import Point
from sendtui.records import Loaded, SettingRecord, SettingRow
from sendtui.store import models as m
from sendtui.store import week_reads as reads
from sendtui.store.repo import Store
from sendtui.store.rows import differs, live_row

MARK_WORDS = {
    ("shortlisted", True): "shortlisted",
    ("shortlisted", False): "taken off the shortlist",
    ("visited", True): "marked visited",
    ("visited", False): "no longer marked visited",
}


def all(store: Store, inspection_id: str,  # noqa: A001
        now: dt.datetime | None = None) -> list[SettingRecord]:
    """The settings; with `now`, each one whose visit in the week has ended is marked so
    (`visit_ended`)."""
    with store.plain_reads() as rows:
        found = reads.settings(rows, inspection_id)
        if now is None:
            return found
        ended = visits_ended(rows, inspection_id, now)
    return [replace(s, visit_ended=True) if s.id in ended else s for s in found]


def visits_ended(rows: reads.Rows, inspection_id: str, now: dt.datetime) -> set[str]:
    """The settings with a visit that ended by `now` (cancelled visits left out)."""
    return {setting_id for setting_id, end in rows(
        'SELECT setting_id, "end" FROM event WHERE inspection_id = ? AND deleted_at IS NULL '
        "AND kind = 'visit' AND status != 'cancelled' AND setting_id IS NOT NULL",
        (inspection_id,)) if reads.instant(end) <= now}


def mark(store: Store, inspection_id: str, setting_id: str, shortlisted: bool | None = None,
         visited: bool | None = None) -> SettingRecord:
    """Shortlist a setting or mark it visited; None leaves that mark as it is."""
    with store.session() as s:
        row = live_row(s, m.Setting, setting_id, inspection_id, "that setting")
        wanted = {"shortlisted": shortlisted, "visited": visited}
        changes = {k: v for k, v in wanted.items() if v is not None and getattr(row, k) != v}
        words = " and ".join(MARK_WORDS[item] for item in changes.items())
        with store.change(s, inspection_id, row, f"{row.name} {words}"):
            for key, value in changes.items():
                setattr(row, key, value)
        return record(row)


def load(store: Store, inspection_id: str, rows: list[SettingRow],
         points: Mapping[str, Point] | None = None) -> Loaded:
    """Settings from a GIAS file: new URNs added, known ones updated (left alone, not stamped,
    when the file says what the store holds), never duplicated; with the file's postcode
    points kept and places added by hand placed by them (one transaction)."""
    from sendtui.store.places import save_points

    added = updated = unchanged = 0
    with store.session() as s:
        if points:
            save_points(store, s, inspection_id, points)
        known = {r.urn: r for r in s.exec(select(m.Setting).where(
            m.Setting.inspection_id == inspection_id))}
        for row in rows:
            setting = known.get(row.urn)
            if setting is None:
                known[row.urn] = store.insert(s, None, m.Setting(inspection_id=inspection_id,
                                                                 **row.__dict__))
                added += 1
                continue
            if not differs(setting, row.__dict__):
                unchanged += 1
                continue
            with store.change(s, None, setting):
                for key, value in row.__dict__.items():
                    setattr(setting, key, value)
                setting.deleted_at = None
            updated += 1
    return Loaded(added, updated, unchanged)


def record(r: m.Setting) -> SettingRecord:
    return SettingRecord(r.id, r.urn, r.name, r.kind, r.postcode, r.status, r.la_name,
                         r.address, r.easting, r.northing, r.is_specialist, r.shortlisted,
                         r.visited, r.out_of_area, r.phone, r.head, r.is_base, r.located_by,
                         r.gias_type)
