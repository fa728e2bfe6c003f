"""The demo inspections of a fictional local area, built from the plain files in db/demo:
the 2023 framework's three weeks (db/demo/2023, the default) and a 2016 week (db/demo)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from sendtui.config import shipped_data
from sendtui.domain.actions import parse_due
from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import london_to_utc, parse_london, parse_time
from sendtui.domain.keys import demo_inspection_id
from sendtui.domain.requests import DueRule
from sendtui.importers.evidence import read_evidence
from sendtui.importers.gias import read_gias
from sendtui.importers.people import read_people
from sendtui.importers.schedule import read_schedule
from sendtui.records import EventRow, EvidenceRow, InspectionRecord, SettingRecord
from sendtui.store import (
    events,
    evidence,
    actions,
    findings,
    inspections,
    lines,
    names,
    people,
    places,
    requests,
    plan,
    settings,
    tracked,
    undo,
)
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live

DEMO_FRAMEWORKS = ("2023", "2016")  # the first is the default


def demo_folder(framework: str) -> Path:
    folder = shipped_data() / "demo"
    return folder if framework == "2016" else folder / framework


def add_demo(store: Store, framework: str = DEMO_FRAMEWORKS[0]
             ) -> tuple[InspectionRecord, bool]:
    """The demo inspection of that framework, added if it is not there yet; (inspection,
    was it added). The demos of other frameworks are left as they are. Beside another
    inspection it is not made the last opened: commands go on acting on the one they did."""
    folder = demo_folder(framework)
    about = json.loads((folder / "inspection.json").read_text(encoding="utf-8"))
    notified = dt.date.fromisoformat(about["notified"])
    found = inspections.all(store)
    for ins in found:
        if (ins.local_area, ins.framework, ins.notified) == (
                about["local_area"], about["framework"], notified):
            return ins, False
    gias = read_gias(folder / "settings.csv", about["local_area"])
    contacts = read_people(folder / "people.csv").people
    schedule = read_schedule(folder / "schedule.csv")
    entries = read_evidence(folder / "evidence.csv")
    with store.session() as s:
        ins = inspections.create(store, about["local_area"], about["framework"], notified,
                                 opened=not found, inspection_id=demo_inspection_id(framework))
        settings.load(store, ins.id, gias.settings, gias.points)
        people.load(store, ins.id, contacts)
        added = [(place, _add_place(store, ins.id, place)) for place in about.get("places", [])]
        events.load(store, ins.id, schedule + [
            visit for place, row in added for visit in _visits(place, row)])
        for marked in about.get("protected_names", []):
            names.add(store, ins.id, marked["name"], marked["pseudonym"], undoable=False)
        children = _add_children(store, ins.id, about.get("tracked_children", []))
        entries = [_tracked(_linked(entry, added), children) for entry in entries]
        ids = evidence.add(store, ins.id, entries).ids
        _add_findings(store, ins.id, about.get("findings", []), entries, ids)
        _add_requests(store, ins.id, about.get("requests", []))
        _add_plan(store, ins.id, about.get("actions", []), about.get("plan", {}))
        undo.forget(store, s, ins.id)
    return ins, True


def _add_place(store: Store, inspection_id: str, place: dict) -> SettingRecord:
    """A place without a URN: the base room, or a health site placed by its postcode."""
    return places.add(store, inspection_id, place["name"], place.get("kind", "other"),
                      place.get("postcode", ""), place.get("easting"), place.get("northing"),
                      is_base=place.get("base", False))


def _visits(place: dict, row: SettingRecord) -> list[EventRow]:
    found = []
    for visit in place.get("visits", []):
        day = parse_date(visit["date"])
        start, end = (london_to_utc(day, parse_time(visit[k])) for k in ("start", "end"))
        found.append(EventRow("visit", visit["title"], start, end, None,
                              tuple(visit.get("people", ())), "", visit.get("notes", ""),
                              None, "planned", setting_id=row.id))
    return found


def _linked(entry: EvidenceRow, added: list[tuple[dict, SettingRecord]]) -> EvidenceRow:
    """An entry gathered at a place without a URN, linked to it (named by its time)."""
    for place, row in added:
        if any(parse_london(at) == entry.at for at in place.get("evidence", [])):
            return replace(entry, setting_id=row.id)
    return entry


def _add_children(store: Store, inspection_id: str, wanted: list[dict]) -> dict:
    """Tracked children and sampled cases (names only in the protected table), each linked
    to the meeting whose title starts as given; {entry time: child id} of their evidence."""
    meetings = tracked.meetings(store, inspection_id)
    found = {}
    for child in wanted:
        meeting = next(i for title, i in sorted(meetings.items())
                       if title.startswith(child["meeting"]))
        row = tracked.add(
            store, inspection_id, child["kind"], child["name"],
            parse_date(child["selected_on"]), pseudonym=child["pseudonym"],
            born=parse_date(child["born"]), case_ref=child["case_ref"],
            consent=child["consent"], consent_by=child["consent_by"],
            documents_uploaded=parse_date(child["uploaded"]) if "uploaded" in child else None,
            sectors=child["sectors"], professionals=child["professionals"], event_id=meeting)
        found.update({parse_london(at): row.id for at in child.get("evidence", [])})
    return found


def _tracked(entry: EvidenceRow, children: dict) -> EvidenceRow:
    """An entry from a tracking meeting, captured against its child (named by its time)."""
    child_id = children.get(entry.at)
    return replace(entry, tracked_child_id=child_id) if child_id else entry


def _add_findings(store: Store, inspection_id: str, wanted: list[dict],
                  entries: list[EvidenceRow], ids: tuple[str, ...]) -> None:
    """Findings backed by entries named by their time (each demo entry has its own)."""
    by_time = {entry.at: entry_id for entry, entry_id in zip(entries, ids)}
    line_ids = {line.code: line.id for line in lines.all(store, inspection_id)}
    for finding in wanted:
        backing = [by_time[parse_london(at)] for at in finding["backing"]]
        findings.add(store, inspection_id, line_ids[finding["line"]], finding["text"],
                     finding["polarity"], backing)


def _add_requests(store: Store, inspection_id: str, wanted: list[dict]) -> None:
    """Where the seeded requests stand (named by title), and the ones asked for since."""
    seeded = requests.by_title(store, inspection_id)
    for item in wanted:
        had = seeded.get(item["title"])
        due = parse_london(item["due"]) if "due" in item else (
            DueRule(had.due_anchor, had.due_days, parse_time(had.due_time)) if had else None)
        fields = (item.get("kind", had.kind if had else "document"), item.get("owner", ""), due,
                  item.get("where", ""), item.get("notes", had.notes if had else ""),
                  item.get("status", "to-do"), item.get("reason", ""))
        if had:
            requests.edit(store, inspection_id, had.id, item["title"], *fields,
                          undoable=False)
        else:
            kind, owner, due, where, notes, status, reason = fields
            requests.add(store, inspection_id, item["title"], kind, owner, due, where, notes,
                         status, reason, undoable=False)
def _add_plan(store: Store, inspection_id: str, wanted: list[dict], story: dict) -> None:
    """Actions (from keep-in-touch meetings named by their start), and the plan after the
    report: weaknesses with their actions, the plan's versions and report-backs."""
    with store.session() as s:  # the outer transaction's: not committed yet
        starts = {e.start: e.id for e in s.exec(live(m.Event, inspection_id).where(
            m.Event.kind == "keep-in-touch"))}
    for action in wanted:
        _add_action(store, inspection_id, action,
                    event_id=starts[parse_london(action["event"])] if "event" in action else None)
    for weakness in story.get("weaknesses", []):
        weakness_id = plan.add_weakness(store, inspection_id, weakness["title"],
                                        weakness.get("kind", "priority"))
        for action in weakness["actions"]:
            _add_action(store, inspection_id, action, weakness_id=weakness_id)
    for version in story.get("versions", []):
        dates = {k: parse_date(version[k]) if version.get(k) else None
                 for k in ("submitted_on", "decided_on", "resubmitted_on")}
        plan.add_version(store, inspection_id, version["kind"], version["version"],
                         fit=version.get("fit"), notes=version.get("notes", ""), **dates)
    for report in story.get("report_backs", []):
        plan.add_report_back(store, inspection_id, parse_date(report["on"]), report["to"],
                             report.get("notes", ""))


def _add_action(store: Store, inspection_id: str, action: dict, **source) -> None:
    actions.add(store, inspection_id, action["text"],
                actions.owner_named(store, inspection_id, action.get("owner", "")),
                parse_due(action.get("due", "")), status=action.get("status", "open"),
                rag=action.get("rag", ""), **source)
