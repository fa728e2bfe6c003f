"""The demo inspection: a fictional local area built from the plain files in db/demo."""

from __future__ import annotations

import datetime as dt
import json

from sendtui.config import shipped_data
from sendtui.importers.evidence import read_evidence
from sendtui.importers.gias import read_gias
from sendtui.importers.people import read_people
from sendtui.importers.schedule import read_schedule
from sendtui.records import InspectionRecord
from sendtui.store import events, evidence, inspections, names, people, settings
from sendtui.store.repo import Store


def add_demo(store: Store) -> tuple[InspectionRecord, bool]:
    """The demo inspection, added if it is not there yet; (inspection, was it added)."""
    folder = shipped_data() / "demo"
    about = json.loads((folder / "inspection.json").read_text(encoding="utf-8"))
    notified = dt.date.fromisoformat(about["notified"])
    for ins in inspections.all(store):
        if (ins.local_area, ins.framework, ins.notified) == (
                about["local_area"], about["framework"], notified):
            return ins, False
    gias = read_gias(folder / "settings.csv", about["local_area"])
    contacts = read_people(folder / "people.csv")
    schedule = read_schedule(folder / "schedule.csv")
    entries = read_evidence(folder / "evidence.csv")
    with store.session():
        ins = inspections.create(store, about["local_area"], about["framework"], notified)
        settings.load(store, ins.id, gias.settings, gias.points)
        people.load(store, ins.id, contacts)
        events.load(store, ins.id, schedule)
        evidence.add(store, ins.id, entries)
        for marked in about.get("protected_names", []):
            names.add(store, ins.id, marked["name"], marked["pseudonym"], undoable=False)
    return ins, True
