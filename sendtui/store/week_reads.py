"""The week as the checks see it — events, people, settings, unavailable times, rules — and
the names to withhold, read with plain SQL.

Like `glance`, one SQL for two callers: the store modules run these through
`Store.plain_reads()`; the read-only commands (`check`, `search`) run them with the sqlite3
module alone (`plain.plain_file`), without loading SQLAlchemy (half a second at every start).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import NamedTuple

from sendtui.domain import schedule
from sendtui.domain.events import title_of
from sendtui.domain.frameworks import KeyDate, get_framework, on_site_days
from sendtui.domain.postcodes import located_words
from sendtui.domain.redaction import Protected, Redactor
from sendtui.domain.travel import Place, TravelRules, held_at_base
from sendtui.records import EventRecord, InspectionRecord, PersonRecord, SettingRecord
from sendtui.store import glance
from sendtui.store.glance import Rows, instant

LIVE = "inspection_id = ? AND deleted_at IS NULL"
ONLINE_WORDS = ("online", "teams", "zoom", "virtual", "video call", "phone")


class Unavailable(NamedTuple):
    """A time a person cannot be booked: aware UTC instants, the end after the start."""

    id: str
    start: dt.datetime
    end: dt.datetime
    reason: str


class Away(NamedTuple):
    """An unavailable period with whose it is, as the week's grid shades it."""

    id: str
    person_id: str
    start: dt.datetime
    end: dt.datetime
    reason: str


@dataclass(frozen=True)
class Week:
    """The week and its problems, each table read once (the week screen's one read)."""

    rules: schedule.Rules
    events: list[EventRecord]
    people: list[PersonRecord]
    settings: list[SettingRecord]
    key_dates: list[KeyDate]
    problems: list[schedule.Problem]
    away: tuple[Away, ...] = ()  # every listed person's unavailable periods, earliest first


def events(rows: Rows, ins: str) -> list[EventRecord]:
    """The live events, earliest first, with their setting and people (in the order picked)."""
    places = {i: (urn, name) for i, urn, name in rows(
        f"SELECT id, urn, name FROM setting WHERE {LIVE}", (ins,))}
    names = dict(rows("SELECT id, name FROM person WHERE inspection_id = ?", (ins,)))
    attendees: dict[str, list[str]] = {}
    for event_id, person_id in rows(
            "SELECT ep.event_id, ep.person_id FROM event_person ep JOIN event e "
            "ON e.id = ep.event_id WHERE e.inspection_id = ? AND ep.deleted_at IS NULL "
            "ORDER BY ep.updated_at, ep.id", (ins,)):
        attendees.setdefault(event_id, []).append(person_id)
    found = []
    for (i, kind, title, start, end, setting_id, audience, location, notes, status,
         sequence) in rows(
            'SELECT id, kind, title, start, "end", setting_id, audience, location, notes, '
            f"status, sequence FROM event WHERE {LIVE} ORDER BY start, title, id", (ins,)):
        urn, name = places.get(setting_id, (None, None))
        ids = tuple(attendees.get(i, []))
        found.append(EventRecord(i, kind, title_of(kind, title, name), instant(start),
                                 instant(end), setting_id, urn, name, audience, location,
                                 notes, status, tuple(names[p] for p in ids), ids, sequence))
    return found


def people(rows: Rows, ins: str) -> list[PersonRecord]:
    """The team first, then by name."""
    return [PersonRecord(i, name, role, organisation, email, phone, bool(team))
            for i, name, role, organisation, email, phone, team in rows(
                "SELECT id, name, role, organisation, email, phone, is_team FROM person "
                f"WHERE {LIVE} ORDER BY is_team DESC, name", (ins,))]


SETTING_COLUMNS = ("id, urn, name, kind, postcode, status, la_name, address, easting, "
                   "northing, is_specialist, shortlisted, visited, out_of_area, phone, head, "
                   "is_base, located_by, gias_type")


def settings(rows: Rows, ins: str) -> list[SettingRecord]:
    return [setting(r) for r in rows(
        f"SELECT {SETTING_COLUMNS} FROM setting WHERE {LIVE} ORDER BY kind, name, id",
        (ins,))]


def setting(r: tuple) -> SettingRecord:
    flags = tuple(bool(x) for x in r[10:14])
    return SettingRecord(*r[:10], *flags, r[14], r[15], bool(r[16]), r[17], r[18] or "")


def unavailable(rows: Rows, ins: str) -> dict[str, list[Unavailable]]:
    """Each listed person's unavailable periods, earliest first (people with none left out)."""
    periods: dict[str, list[Unavailable]] = {}
    for i, person_id, start, end, reason in rows(
            'SELECT a.id, a.person_id, a.start, a."end", a.reason FROM availability a '
            "JOIN person p ON p.id = a.person_id WHERE p.inspection_id = ? AND "
            "p.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY a.start", (ins,)):
        periods.setdefault(person_id, []).append(
            Unavailable(i, instant(start), instant(end), reason))
    return periods


def rules(rows: Rows, ins: str) -> schedule.Rules:
    found = rows("SELECT rules FROM inspection WHERE id = ?", (ins,))
    return rules_of(found[0][0] if found else "{}")


def rules_of(raw: str) -> schedule.Rules:
    """The inspection's planning rules (JSON), defaults for what is not set."""
    data = json.loads(raw or "{}")
    travel = TravelRules(**{k: data[k] for k in ("road_factor", "speed_kmh", "buffer_minutes")
                            if k in data})
    hours = {k: dt.time.fromisoformat(data[k]) for k in ("day_start", "day_end") if k in data}
    return schedule.Rules(travel=travel, **hours)


def redactor(rows: Rows, ins: str) -> Redactor:
    """Marked names, every case reference recorded in this inspection's evidence and the
    case references of its tracked children and sampled cases."""
    refs = [r for (r,) in rows("SELECT DISTINCT case_ref FROM evidence WHERE inspection_id = ? "
                               "AND case_ref IS NOT NULL UNION SELECT case_ref FROM "
                               f"protected_name WHERE {LIVE} AND case_ref IS NOT NULL",
                               (ins, ins))]
    marked = [Protected(name, pseudonym, bool(first), bool(child))
              for name, pseudonym, first, child in rows(
                  "SELECT name, pseudonym, match_first_name, is_child FROM protected_name "
                  f"WHERE {LIVE} ORDER BY pseudonym", (ins,))]
    return Redactor(marked, refs)


def week(rows: Rows, ins: InspectionRecord) -> Week:
    """Every table the checks need, and their problems."""
    got, away = _gathered(rows, ins)
    flat = sorted((Away(a.id, person_id, a.start, a.end, a.reason)
                   for person_id, periods in away.items() for a in periods),
                  key=lambda a: (a.start, a.end, a.id))
    return replace(got, problems=schedule.find_problems(plan(ins, got, away)),
                   away=tuple(flat))


def week_plan(rows: Rows, ins: InspectionRecord) -> schedule.Plan:
    return plan(ins, *_gathered(rows, ins))


def _gathered(rows: Rows, ins: InspectionRecord) -> tuple[Week, dict]:
    got = Week(rules(rows, ins.id), events(rows, ins.id), people(rows, ins.id),
               settings(rows, ins.id), glance.key_dates(rows, ins.id), [])
    return got, unavailable(rows, ins.id)


def plan(ins: InspectionRecord, got: Week, away) -> schedule.Plan:
    places = {s.id: s for s in got.settings}
    base = next((s for s in got.settings if s.is_base), None)
    framework = get_framework(ins.framework)
    return schedule.Plan(
        events=tuple(_plan_event(e, places, base) for e in got.events),
        names={p.id: p.name for p in got.people},
        team=frozenset(p.id for p in got.people if p.is_team),
        unavailable=tuple(schedule.Unavailable(person_id, a.start, a.end, a.reason)
                          for person_id, periods in away.items() for a in periods),
        on_site_days=tuple(on_site_days(got.key_dates)),
        setting_kinds={s.id: s.kind for s in places.values()},
        expected_kinds=framework.expected_setting_kinds,
        expected_audiences=framework.expected_audiences,
        expect_final_feedback=True,
        framework=ins.framework,
        key_dates=tuple(got.key_dates),
        rules=got.rules,
    )


def _plan_event(e, places, base: SettingRecord | None) -> schedule.PlanEvent:
    """Where the event happens: its setting (a place added by hand too), else the base room
    when its location names it, else its location's words (no coordinates)."""
    setting = places.get(e.setting_id)
    place = key = None
    in_person = bool(e.location) and e.kind != "webinar" and not any(
        w in e.location.lower() for w in ONLINE_WORDS)
    if setting is None and in_person and base is not None and held_at_base(e.location,
                                                                            base.name):
        setting = base
    if setting is not None:
        key, place = setting.id, place_of(setting)
    elif in_person:
        key = " ".join(e.location.lower().split())
    return schedule.PlanEvent(e.id, e.kind, e.title, e.start, e.end, e.person_ids,
                              e.setting_id, key, place, e.audience, e.status)


def place_of(setting: SettingRecord) -> Place | None:
    """The setting on the map, saying how its position was estimated if it was."""
    if setting.easting is None or setting.northing is None:
        return None
    return Place(setting.easting, setting.northing,
                 located_words(setting.located_by, setting.postcode, setting.name))
