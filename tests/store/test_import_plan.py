"""The plan of an import (the app's preview) is what the import then does, field by field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sendtui.importers.gias import read_gias
from sendtui.records import PersonRow
from sendtui.store import events, inspections, people, settings
from sendtui.store.repo import Store
from tests.conftest import FIXTURES

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

GIAS = FIXTURES / "gias_wealdshire.csv"


def stamps(store: Store, ins_id: str) -> list:
    with store.plain_reads() as rows:
        return rows("SELECT urn, updated_at, hlc FROM setting WHERE inspection_id = ? "
                    "ORDER BY urn", (ins_id,))


def outcomes(planned) -> dict[str, int]:
    found: dict[str, int] = {}
    for step in planned:
        found[step.outcome] = found.get(step.outcome, 0) + 1
    return found


def test_planning_writes_nothing_and_load_does_what_the_plan_said(store):
    ins = inspections.create(store, "Wealdshire", "2016", dt.date(2026, 11, 23))
    gias = read_gias(GIAS, "Wealdshire")
    planned = settings.plan(store, ins.id, gias.settings)
    assert outcomes(planned) == {"new": len(gias.settings)}
    assert planned[0].what == "URN 190001 Ashby Brook Primary School"
    assert settings.all(store, ins.id) == []  # a plan changes nothing
    loaded = settings.load(store, ins.id, gias.settings, gias.points)
    assert (loaded.added, loaded.updated, loaded.unchanged) == (len(gias.settings), 0, 0)
    before = stamps(store, ins.id)
    again = settings.plan(store, ins.id, gias.settings)
    assert outcomes(again) == {"unchanged": len(gias.settings)}
    assert settings.load(store, ins.id, gias.settings, gias.points).unchanged == len(again)
    assert stamps(store, ins.id) == before  # unchanged rows are not stamped


def test_a_changed_row_is_planned_as_updated_naming_the_fields(store):
    ins = inspections.create(store, "Wealdshire", "2016", dt.date(2026, 11, 23))
    rows = read_gias(GIAS, "Wealdshire").settings
    settings.load(store, ins.id, rows)
    renamed = [replace(rows[0], name="Ashby Brook Academy", phone="01632 000000"), *rows[1:]]
    planned = settings.plan(store, ins.id, renamed)
    assert (planned[0].outcome, planned[0].reason) == ("updated", "name, phone changed")
    assert outcomes(planned[1:]) == {"unchanged": len(rows) - 1}
    loaded = settings.load(store, ins.id, renamed)
    assert (loaded.added, loaded.updated) == (0, 1)


def test_a_person_listed_twice_in_a_file_meets_what_the_first_row_left(store):
    ins = inspections.create(store, "Wealdshire", "2016", dt.date(2026, 11, 23))
    people.add(store, ins.id, "Priya Shah", role="SENCO")
    rows = [PersonRow("priya shah", "SENCO", "", "", "", False),
            PersonRow("Sam Okafor", "Lead", "Ofsted", "", "", True),
            PersonRow("Sam Okafor", "Lead", "Ofsted", "", "", True)]
    planned = people.plan(store, ins.id, rows)
    assert [(p.what, p.outcome, p.reason) for p in planned] == [
        ("priya shah", "updated", "name changed"), ("Sam Okafor", "new", ""),
        ("Sam Okafor", "unchanged", "")]
    loaded = people.load(store, ins.id, rows)
    assert (loaded.added, loaded.updated, loaded.unchanged) == (1, 1, 1)


def test_a_schedule_plan_names_the_people_it_adds(demo_store):
    from sendtui.importers.schedule import read_schedule
    from tests.conftest import ROOT

    ins = inspections.find(demo_store)
    rows = read_schedule(ROOT / "db" / "demo" / "schedule.csv")
    planned = events.plan(demo_store, ins.id, rows)
    assert outcomes(planned) == {"unchanged": len(rows)}  # the demo holds its own schedule
    moved = replace(rows[0], title="Moved meeting", people=("New Person",))
    step = events.plan(demo_store, ins.id, [moved])[0]
    assert (step.outcome, step.reason) == ("new", "adds New Person to people")
    assert step.what.endswith("Moved meeting")
