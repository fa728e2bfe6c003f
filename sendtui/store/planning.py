"""The week's plan from the store, checked by the domain rules (shared by CLI and UI)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from sendtui.domain import schedule
from sendtui.domain.frameworks import KeyDate, get_framework, on_site_days
from sendtui.domain.travel import Place, TravelRules
from sendtui.errors import InvalidInput
from sendtui.records import EventRecord, PersonRecord, SettingRecord
from sendtui.store import availability, events, inspections, people, settings
from sendtui.store import models as m
from sendtui.store.repo import Store

ONLINE_WORDS = ("online", "teams", "zoom", "virtual", "video call", "phone")


def rules_of(raw: str) -> schedule.Rules:
    """The inspection's planning rules (JSON), defaults for what is not set."""
    data = json.loads(raw or "{}")
    travel = TravelRules(**{k: data[k] for k in ("road_factor", "speed_kmh", "buffer_minutes")
                            if k in data})
    hours = {k: dt.time.fromisoformat(data[k]) for k in ("day_start", "day_end") if k in data}
    return schedule.Rules(travel=travel, **hours)


RULE_KEYS = ("day_start", "day_end", "road_factor", "speed_kmh", "buffer_minutes")


def rules(store: Store, inspection_id: str) -> schedule.Rules:
    with store.session() as s:
        return rules_of(s.get(m.Inspection, inspection_id).rules)


def set_rules(store: Store, inspection_id: str, **changes) -> schedule.Rules:
    """Change planning rules (None leaves one as it is); InvalidInput if they make no sense."""
    with store.session() as s:
        ins = s.get(m.Inspection, inspection_id)
        data = json.loads(ins.rules or "{}")
        data.update({k: v for k, v in changes.items() if k in RULE_KEYS and v is not None})
        try:
            result = rules_of(json.dumps(data))
        except (TypeError, ValueError) as exc:
            raise InvalidInput(f"planning rules: {exc}") from None
        _check_rules(result)
        with store.change(s, None, ins):
            ins.rules = json.dumps(data, sort_keys=True)
        return result


def _check_rules(r: schedule.Rules) -> None:
    if r.day_end <= r.day_start:
        raise InvalidInput("the working day must end after it starts")
    t = r.travel
    if not (1 <= t.road_factor <= 3 and 1 <= t.speed_kmh <= 120 and 0 <= t.buffer_minutes <= 120):
        raise InvalidInput("road factor 1–3, speed 1–120 km/h, buffer 0–120 min")


@dataclass(frozen=True)
class Week:
    """The week and its problems, each table read once (the week screen's one read)."""

    rules: schedule.Rules
    events: list[EventRecord]
    people: list[PersonRecord]
    settings: list[SettingRecord]
    key_dates: list[KeyDate]
    problems: list[schedule.Problem]


def week(store: Store, inspection_id: str) -> Week:
    ins = inspections.find(store, inspection_id)
    got = Week(rules(store, inspection_id), events.all(store, inspection_id),
               people.all(store, inspection_id), settings.all(store, inspection_id),
               inspections.key_dates(store, inspection_id), [])
    found = schedule.find_problems(_plan(ins, got, availability.all(store, inspection_id)))
    return replace(got, problems=found)


def plan(store: Store, inspection_id: str) -> schedule.Plan:
    return _plan(inspections.find(store, inspection_id), Week(
        rules(store, inspection_id), events.all(store, inspection_id),
        people.all(store, inspection_id), settings.all(store, inspection_id),
        inspections.key_dates(store, inspection_id), []),
        availability.all(store, inspection_id))


def _plan(ins, got: Week, away) -> schedule.Plan:
    places = {s.id: s for s in got.settings}
    framework = get_framework(ins.framework)
    return schedule.Plan(
        events=tuple(_plan_event(e, places) for e in got.events),
        names={p.id: p.name for p in got.people},
        team=frozenset(p.id for p in got.people if p.is_team),
        unavailable=tuple(schedule.Unavailable(person_id, a.start, a.end, a.reason)
                          for person_id, periods in away.items() for a in periods),
        on_site_days=tuple(on_site_days(got.key_dates)),
        setting_kinds={s.id: s.kind for s in places.values()},
        expected_kinds=framework.expected_setting_kinds,
        expected_audiences=framework.expected_audiences,
        expect_final_feedback=True,
        rules=got.rules,
    )


def _plan_event(e, places) -> schedule.PlanEvent:
    setting = places.get(e.setting_id)
    place = key = None
    if setting is not None:
        key = setting.id
        if setting.easting is not None and setting.northing is not None:
            place = Place(setting.easting, setting.northing)
    elif e.location and e.kind != "webinar" and not any(
            w in e.location.lower() for w in ONLINE_WORDS):
        key = " ".join(e.location.lower().split())
    return schedule.PlanEvent(e.id, e.kind, e.title, e.start, e.end, e.person_ids,
                              e.setting_id, key, place, e.audience, e.status)


def problems(store: Store, inspection_id: str) -> list[schedule.Problem]:
    return schedule.find_problems(plan(store, inspection_id))


def free_slot(store: Store, inspection_id: str, person_ids: tuple[str, ...], minutes: int,
              after: dt.datetime) -> tuple[dt.datetime, dt.datetime] | None:
    return schedule.free_slot(plan(store, inspection_id), person_ids, minutes, after)
