"""Several people on one store at once (an office team on one server database, or two app
windows on one file): each undoes their own actions, each has their own last opened
inspection, the clock's high-water mark is never written back lower, and two people adding
the same person at the same moment end with one row and a clear message to the second."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time

import pytest
import sqlalchemy as sa

from sendtui.errors import InvalidInput, StoreError
from sendtui.store import events, identity, inspections, people, undo
from sendtui.store import models as m
from tests.store.laptops import laptop

BOTH_ENGINES = True
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def office(demo_target):
    """Ama and Ben, each on their own laptop, on one store holding the demo inspection."""
    ama, ben = laptop(demo_target, "Ama", 1), laptop(demo_target, "Ben", 2)
    yield ama, ben, inspections.find(ama).id
    ama.close()
    ben.close()


def names(store, ins: str) -> set[str]:
    return {p.name for p in people.all(store, ins)}


def test_each_undoes_their_own_action_even_when_another_came_later(office):
    ama, ben, ins = office
    people.add(ama, ins, "Ada Amos")
    people.add(ben, ins, "Bo Brown")  # the latest action in the store is Ben's
    assert undo.undo(ama, ins) == "added Ada Amos"
    assert names(ben, ins) >= {"Bo Brown"} and "Ada Amos" not in names(ben, ins)
    assert undo.undo(ama, ins) is None  # the rest of the log is Ben's
    assert undo.undo(ben, ins) == "added Bo Brown"


def test_another_users_new_action_leaves_my_redo(office):
    ama, ben, ins = office
    people.add(ama, ins, "Ada Amos")
    undo.undo(ama, ins)
    people.add(ben, ins, "Bo Brown")  # would have discarded Ama's redo if it were one log
    assert undo.redo(ama, ins) == "added Ada Amos"
    assert {"Ada Amos", "Bo Brown"} <= names(ama, ins)


def test_my_undo_keeps_a_field_another_user_changed_since(office):
    ama, ben, ins = office
    ada = people.add(ama, ins, "Ada Amos", role="SENCO")
    people.edit(ama, ins, ada.id, "Ada Amos", role="Head")
    people.edit(ben, ins, ada.id, "Ada Amos", role="Deputy head")
    assert undo.undo(ama, ins) == "changed Ada Amos; the role was changed since, kept"
    assert {p.role for p in people.all(ama, ins) if p.name == "Ada Amos"} == {"Deputy head"}


def test_a_log_from_before_laptops_had_names_undoes_for_anyone(office):
    ama, ben, ins = office
    bo = people.add(ben, ins, "Bo Brown")
    with ben.engine.begin() as conn:  # as an upgraded store's log: a device never named
        conn.execute(sa.text("UPDATE change SET updated_by = :old WHERE row_id = :row"),
                     {"old": "5a5a5a5a-0000-4000-8000-000000000000", "row": bo.id})
    assert undo.undo(ama, ins) == "added Bo Brown"


def test_each_user_opens_where_they_left_and_a_newcomer_where_anyone_did(office, demo_target):
    ama, ben, wealdshire = office
    fenmarch = inspections.create(ama, "Fenmarch", "2023", dt.date(2026, 11, 16)).id
    inspections.mark_opened(ben, wealdshire)
    assert inspections.find(ama).id == fenmarch
    assert inspections.find(ben).id == wealdshire
    cy = laptop(demo_target, "Cy", 3)
    try:
        assert inspections.find(cy).id == wealdshire  # opened last, by Ben
    finally:
        cy.close()
    inspections.mark_opened(ama, fenmarch)  # opening changes no row of the inspection
    assert [i.id for i in inspections.all(ben) if i.last_opened_at] == [wealdshire]


def test_the_high_water_mark_is_never_written_back_lower(office):
    ama, ben, ins = office

    def write(store, who: str) -> None:
        for n in range(15):
            people.add(store, ins, f"{who} {n}")

    threads = [threading.Thread(target=write, args=(s, w)) for s, w in ((ama, "A"), (ben, "B"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with ama.session() as s:
        highest = s.execute(sa.select(sa.func.max(m.Person.hlc))).scalar()
        mark = s.get(m.StoreInfo, identity.HLC_HIGH).value
    assert len(names(ama, ins) & {f"{w} {n}" for w in "AB" for n in range(15)}) == 30
    assert mark >= highest


def test_two_adding_the_same_person_at_once_get_one_row_and_the_second_is_told(office):
    """Ben's transaction holds the new person, not yet committed, while Ama adds the same
    name: her check cannot see his row, the database's unique index makes her wait, and when
    he commits she is refused in one line, nothing of hers written."""
    ama, ben, ins = office
    added, release, told = threading.Event(), threading.Event(), []

    def ben_adds() -> None:
        with ben.session():
            people.add(ben, ins, "Jo Bloggs")
            added.set()
            release.wait(10)

    def ama_adds() -> None:
        try:
            people.add(ama, ins, "jo bloggs")
        except InvalidInput as exc:
            told.append(str(exc))

    first = threading.Thread(target=ben_adds)
    first.start()
    assert added.wait(10)
    second = threading.Thread(target=ama_adds)
    second.start()
    time.sleep(0.5)  # Ama's insert now waits on Ben's (PostgreSQL) or on the write lock
    release.set()
    first.join(10)
    second.join(10)
    assert told and told[0].startswith("there is already a person")
    assert "Jo" not in told[0]  # a message never holds stored content
    assert sorted(n for n in names(ama, ins) if n.lower() == "jo bloggs") == ["Jo Bloggs"]



def test_a_write_held_up_by_another_user_too_long_is_told_in_one_line(office, engine):
    """Another client holding a person's row (a stuck program): an edit waits as long as a
    SQLite writer waits for the file (10 s; 0.3 s here), then says so; nothing is changed."""
    if engine != "postgresql":
        pytest.skip("SQLite's wait for the file: tests/store/test_two_programs.py")
    ama, ben, ins = office
    ada = people.add(ama, ins, "Ada Amos")
    with ben.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "10s"
        assert conn.exec_driver_sql("SHOW application_name").scalar() == "sendtui"
    holder = ama.engine.raw_connection()
    try:
        holder.cursor().execute("SELECT 1 FROM person WHERE id = %s FOR UPDATE", (ada.id,))
        with pytest.raises(StoreError, match="kept it busy too long"):
            with ben.session() as s:
                s.connection().exec_driver_sql("SET LOCAL lock_timeout = '300ms'")
                people.edit(ben, ins, ada.id, "Ada Amos", role="Head")
    finally:
        holder.rollback()
        holder.close()
    assert {p.role for p in people.all(ben, ins) if p.name == "Ada Amos"} == {""}


def test_two_moving_one_event_at_once_both_raise_its_sequence(office):
    """Ben's move of the leaders' meeting is not committed yet when Ama moves it too: hers
    waits for his, then reads it, so calendars see SEQUENCE rise twice (a lost rise would
    leave a calendar with the first move)."""
    ama, ben, ins = office
    event = min(events.all(ama, ins), key=lambda e: e.start)
    moved, release = threading.Event(), threading.Event()

    def ben_moves() -> None:
        with ben.session():
            events.edit(ben, ins, event.id, events.EventInput.of(event).moved(HOUR))
            moved.set()
            release.wait(10)

    first = threading.Thread(target=ben_moves)
    first.start()
    assert moved.wait(10)
    second = threading.Thread(target=events.edit, args=(
        ama, ins, event.id, dataclasses.replace(events.EventInput.of(event), location="Room 2")))
    second.start()
    time.sleep(0.5)  # Ama's edit now waits for Ben's transaction
    release.set()
    first.join(10)
    second.join(10)
    now = next(e for e in events.all(ama, ins) if e.id == event.id)
    assert (now.sequence, now.location) == (event.sequence + 2, "Room 2")
