"""The week's plan from the store, checked by the domain rules (shared by CLI and UI)."""

from __future__ import annotations

import datetime as dt
import json

from sendtui.domain import schedule
from sendtui.errors import InvalidInput
from sendtui.store import glance
from sendtui.store import models as m
from sendtui.store import week_reads as reads
from sendtui.store.week_reads import Week, rules_of  # noqa: F401 - where callers find them
from sendtui.store.repo import Store

RULE_KEYS = ("day_start", "day_end", "road_factor", "speed_kmh", "buffer_minutes")


def rules(store: Store, inspection_id: str) -> schedule.Rules:
    with store.plain_reads() as rows:
        return reads.rules(rows, inspection_id)


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


def week(store: Store, inspection_id: str) -> Week:
    """The week and its problems, each table read once (the week screen's one read)."""
    with store.plain_reads() as rows:
        return reads.week(rows, _inspection(store, rows, inspection_id))


def plan(store: Store, inspection_id: str) -> schedule.Plan:
    with store.plain_reads() as rows:
        return reads.week_plan(rows, _inspection(store, rows, inspection_id))


def _inspection(store: Store, rows, inspection_id: str):
    return glance.choose(glance.inspections(rows, store.device_id), inspection_id)


def problems(store: Store, inspection_id: str) -> list[schedule.Problem]:
    return schedule.find_problems(plan(store, inspection_id))


def free_slot(store: Store, inspection_id: str, person_ids: tuple[str, ...], minutes: int,
              after: dt.datetime) -> tuple[dt.datetime, dt.datetime] | None:
    return schedule.free_slot(plan(store, inspection_id), person_ids, minutes, after)


def free_slots(store: Store, inspection_id: str, person_ids: tuple[str, ...], minutes: int,
               after: dt.datetime, most: int = 8) -> list[tuple[dt.datetime, dt.datetime]]:
    return schedule.free_slots(plan(store, inspection_id), person_ids, minutes, after, most)
