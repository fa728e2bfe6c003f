"""The one write path: `Store.change` stamps what changed, logs it for undo, tombstones; the
hybrid clock never gives two rows the same stamp, whichever thread stamps them."""

import sys
import threading
import uuid

import pytest
from sqlmodel import select

from sendtui.store import inspections, undo
from sendtui.store import models as m
from sendtui.store.repo import HybridClock

BOTH_ENGINES = True


@pytest.fixture
def ins(demo_store):
    return inspections.find(demo_store).id


def a_line(store, inspection_id: str) -> m.LineOfEnquiry:
    with store.session() as s:
        return s.exec(select(m.LineOfEnquiry).where(
            m.LineOfEnquiry.inspection_id == inspection_id, m.LineOfEnquiry.code == "A1")).one()


def logged(store, inspection_id: str) -> list[str]:
    with store.session() as s:
        return [c.summary for c in s.exec(select(m.Change).where(
            m.Change.inspection_id == inspection_id).order_by(m.Change.seq))]


def edit_title(store, inspection_id: str, title: str, summary: str | None = "retitled") -> None:
    with store.session() as s:
        row = s.get(m.LineOfEnquiry, a_line(store, inspection_id).id)
        with store.change(s, inspection_id, row, summary) as line:
            line.title = title


def test_nothing_changed_nothing_stamped_nothing_logged(demo_store, ins):
    before = a_line(demo_store, ins)
    edit_title(demo_store, ins, before.title)
    after = a_line(demo_store, ins)
    assert (after.updated_at, after.hlc) == (before.updated_at, before.hlc)
    assert logged(demo_store, ins) == []
    assert undo.undo(demo_store, ins) is None


def test_a_change_is_stamped_and_logged_for_undo(demo_store, ins):
    before = a_line(demo_store, ins)
    edit_title(demo_store, ins, "Leaders' shared ambition")
    after = a_line(demo_store, ins)
    assert after.title == "Leaders' shared ambition"
    assert after.hlc > before.hlc and after.updated_at > before.updated_at
    assert after.updated_by == demo_store.device_id
    assert logged(demo_store, ins) == ["retitled"]
    assert undo.undo(demo_store, ins) == "retitled"
    assert a_line(demo_store, ins).title == before.title


def test_without_a_summary_it_is_stamped_but_not_undoable(demo_store, ins):
    before = a_line(demo_store, ins)
    edit_title(demo_store, ins, "Renamed by an import", summary=None)
    assert a_line(demo_store, ins).hlc > before.hlc
    assert logged(demo_store, ins) == []


def test_a_new_row_is_added_stamped_and_undone_as_a_tombstone(demo_store, ins):
    with demo_store.session() as s:
        person = demo_store.insert(s, ins, m.Person(inspection_id=ins, name="Tom Reed"),
                                   "added Tom Reed")
    with demo_store.session() as s:
        stored = s.get(m.Person, person.id)
        assert stored.hlc and stored.updated_by == demo_store.device_id
    assert undo.undo(demo_store, ins) == "added Tom Reed"
    with demo_store.session() as s:
        assert s.get(m.Person, person.id).deleted_at is not None


def test_a_tombstone_keeps_the_row_and_undo_brings_it_back(demo_store, ins):
    line = a_line(demo_store, ins)
    with demo_store.session() as s:
        demo_store.tombstone(s, ins, s.get(m.LineOfEnquiry, line.id), "line A1 removed")
    gone = a_line(demo_store, ins)
    assert gone.deleted_at is not None and gone.hlc > line.hlc
    assert undo.undo(demo_store, ins) == "line A1 removed"
    assert a_line(demo_store, ins).deleted_at is None


def test_a_failed_block_stamps_nothing(demo_store, ins):
    before = a_line(demo_store, ins)
    with pytest.raises(RuntimeError), demo_store.session() as s:
        with demo_store.change(s, ins, s.get(m.LineOfEnquiry, before.id), "retitled") as line:
            line.title = "Half done"
            raise RuntimeError("stop")
    assert a_line(demo_store, ins) == before
    assert logged(demo_store, ins) == []


def test_one_transaction_is_one_action(demo_store, ins):
    with demo_store.session() as s:
        for code in ("A1", "A2"):
            row = s.exec(select(m.LineOfEnquiry).where(m.LineOfEnquiry.inspection_id == ins,
                                                       m.LineOfEnquiry.code == code)).one()
            with demo_store.change(s, ins, row, f"{code} retitled") as line:
                line.title += " (both)"
    assert undo.undo(demo_store, ins) == "A2 retitled"  # the latest summary names the action
    assert undo.undo(demo_store, ins) is None
    assert not a_line(demo_store, ins).title.endswith("(both)")


def test_two_threads_stamping_never_get_the_same_stamp(monkeypatch):
    clock, stamps = HybridClock(str(uuid.uuid4()), str(uuid.uuid4())), [[], []]
    monkeypatch.setattr(clock, "_now_ms", lambda: 1_800_000_000_000)  # one instant for all
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible

    def tick(n: int) -> None:
        stamps[n].extend(clock.tick() for _ in range(50_000))

    try:
        threads = [threading.Thread(target=tick, args=(n,)) for n in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(switch)
    every = stamps[0] + stamps[1]
    assert len(every) == 100_000 and len(set(every)) == len(every)
    assert all(a < b for run in stamps for a, b in zip(run, run[1:]))
