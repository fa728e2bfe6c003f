"""Five people in the office on one store (a server database, or one file) writing at once,
and a laptop that took the inspection out to a visit in the morning and comes back: after one
exchange each way, all see the same inspection, with nothing lost."""

from __future__ import annotations

import datetime as dt
import threading

from sendtui.records import EvidenceRow
from sendtui.store import events, evidence, inspections, people
from tests.store.laptops import carry, content, laptop

BOTH_ENGINES = True
OFFICE = 5
AT = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def entry(text: str, minute: int) -> EvidenceRow:
    return EvidenceRow(at=AT + dt.timedelta(minutes=minute), line="A1", source="meeting",
                       text=text, setting_urn=None, case_ref=None, judgement=None, author="")


def move(store, ins: str, event_id: str, minutes: int) -> None:
    event = next(e for e in events.all(store, ins) if e.id == event_id)
    events.edit(store, ins, event_id,
                events.EventInput.of(event).moved(dt.timedelta(minutes=minutes)))


def test_five_in_the_office_and_a_laptop_back_from_a_visit_end_the_same(demo_target, tmp_path):
    first = laptop(demo_target, "Office 0", 10)
    ins = inspections.find(first).id
    visit = laptop(tmp_path, "Visit", 20)
    carry(first, visit, ins)  # the morning: the laptop takes the inspection out
    planned = sorted(events.all(first, ins), key=lambda e: e.id)
    starts = {e.id: e.start for e in planned}
    office = [first] + [laptop(demo_target, f"Office {n}", 10 + n) for n in range(1, OFFICE)]
    failed: list[BaseException] = []

    def work(n: int, store) -> None:
        try:
            for k in range(8):
                evidence.add(store, ins, [entry(f"office {n} note {k}", n * 10 + k)])
            people.add(store, ins, f"Office Person {n}")
            for event in planned[n::OFFICE][:3]:  # each moves three of their own, twice
                move(store, ins, event.id, 15)
                move(store, ins, event.id, 15)
        except BaseException as exc:  # noqa: BLE001 - told by the assertion below
            failed.append(exc)

    threads = [threading.Thread(target=work, args=(n, s)) for n, s in enumerate(office)]
    for t in threads:
        t.start()
    for k in range(4):  # meanwhile, at the visit
        evidence.add(visit, ins, [entry(f"visit note {k}", 60 + k)])
    visit_only = planned[-1].id  # not one the office moves
    move(visit, ins, visit_only, 60)
    for t in threads:
        t.join(60)
    assert not failed, failed

    carry(visit, first, ins)  # back from the visit: each way once
    carry(first, visit, ins)
    assert content(first, ins) == content(visit, ins)
    for store in office[1:] + [visit]:
        texts = {e.text for e in evidence.all(store, ins)}
        assert {f"office {n} note {k}" for n in range(OFFICE) for k in range(8)} <= texts
        assert {f"visit note {k}" for k in range(4)} <= texts
        assert {f"Office Person {n}" for n in range(OFFICE)} <= {
            p.name for p in people.all(store, ins)}
        now = {e.id: e.start for e in events.all(store, ins)}
        for n in range(OFFICE):
            for event in planned[n::OFFICE][:3]:
                assert now[event.id] == starts[event.id] + dt.timedelta(minutes=30)
        assert now[visit_only] == starts[visit_only] + dt.timedelta(minutes=60)
    for store in office + [visit]:
        store.close()
