"""Natural keys: two laptops making "the same" row make one id; the store keeps one live
row per key; a row that lost is folded into the one kept (aliases)."""

import datetime as dt
import sqlite3

import pytest
from sqlmodel import select

from sendtui.domain import keys
from sendtui.errors import InvalidInput
from sendtui.importers.gias import read_gias
from sendtui.records import PersonRow
from sendtui.store import aliases, inspections, lines, people, settings
from sendtui.store import models as m
from sendtui.store.repo import Store
from tests.conftest import FIXTURES

D = dt.date
NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.timezone.utc)
CREW = [PersonRow("Jo Smith", "Lead inspector", "Ofsted", "", "", True),
        PersonRow("Sam Patel", "Inspector", "CQC", "", "", True)]
INSPECTION = "0b6f1c1e-0000-4000-8000-000000000017"

BOTH_ENGINES = True
SQLITE_ONLY = {
    "test_the_store_refuses_a_second_live_row_with_the_same_key": "writes with sqlite3 itself",
}


def laptop(path) -> Store:
    """A fresh store holding the same inspection as every other 'laptop' (its id shared)."""
    store = Store.open(str(path))
    inspections.create(store, "Wealdshire", "2023", D(2026, 11, 23),
                       inspection_id=INSPECTION)
    gias = read_gias(FIXTURES / "gias_wealdshire.csv", "Wealdshire")
    settings.load(store, INSPECTION, gias.settings)
    people.load(store, INSPECTION, CREW)
    return store


def ids(store: Store, model) -> dict:
    key = {m.Setting: "urn", m.LineOfEnquiry: "code", m.KeyDateRow: "key", m.Person: "name"}
    with store.session() as s:
        return {getattr(r, key[model]): r.id for r in s.exec(select(model))}


def test_two_laptops_make_the_same_ids_for_the_same_rows(tmp_path):
    one, two = laptop(tmp_path / "one.db"), laptop(tmp_path / "two.db")
    try:
        for model in (m.Setting, m.LineOfEnquiry, m.KeyDateRow, m.Person):
            assert ids(one, model) == ids(two, model) != {}
        assert ids(one, m.LineOfEnquiry)["E1"] == keys.line_id(INSPECTION, "e1")
        lines.add(one, INSPECTION, "x9", "Bespoke")
        lines.add(two, INSPECTION, "X9", "Bespoke line")
        assert ids(one, m.LineOfEnquiry)["X9"] == ids(two, m.LineOfEnquiry)["X9"]
    finally:
        one.close()
        two.close()


def test_a_line_added_again_after_its_removal_takes_a_fresh_id(store):
    ins = inspections.create(store, "Wealdshire", "2023", D(2026, 11, 23))
    first = lines.add(store, ins.id, "X1", "Bespoke")
    lines.remove(store, ins.id, first.id)
    again = lines.add(store, ins.id, "X1", "Bespoke again")
    assert first.id == keys.line_id(ins.id, "X1") != again.id


def test_the_demo_inspection_has_one_id_everywhere(store):
    from sendtui.demo import add_demo

    ins, added = add_demo(store, "2016")
    assert added and ins.id == keys.demo_inspection_id("2016")


# --- the indexes ---------------------------------------------------------------------------

def raw_person(path, inspection_id: str, name: str, deleted: bool = False) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute("INSERT INTO person (id, updated_at, updated_by, hlc, inspection_id, name, "
                   "role, organisation, email, phone, is_team, deleted_at) "
                   "VALUES (?, '2026-12-01 09:00:00', '', '', ?, ?, '', '', '', '', 0, ?)",
                   (m.new_id(), inspection_id, name,
                    "2026-12-01 10:00:00" if deleted else None))
    db.close()


def test_the_store_refuses_a_second_live_row_with_the_same_key(db_path, store):
    ins = inspections.create(store, "Wealdshire", "2023", D(2026, 11, 23))
    people.add(store, ins.id, "Jo Smith")
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        raw_person(db_path, ins.id, "JO SMITH")
    raw_person(db_path, ins.id, "jo smith", deleted=True)  # a tombstone may share it
    people.remove(store, ins.id, people.all(store, ins.id)[0].id)
    raw_person(db_path, ins.id, "Jo Smith")  # and so may a new row once the old is gone
    db = sqlite3.connect(db_path)
    for table, columns in (("line_of_enquiry", "code"), ("key_date", "key")):
        row = db.execute(f"SELECT * FROM {table} WHERE deleted_at IS NULL").fetchone()
        names = [d[0] for d in db.execute(f"SELECT * FROM {table}").description]
        copy = dict(zip(names, row), id=m.new_id())
        copy[columns] = copy[columns].lower()
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            db.execute(f"INSERT INTO {table} ({', '.join(copy)}) "
                       f"VALUES ({', '.join('?' for _ in copy)})", tuple(copy.values()))
    db.close()


def test_a_row_that_slips_past_the_app_check_is_refused_in_its_words(store):
    ins = inspections.create(store, "Wealdshire", "2023", D(2026, 11, 23))
    people.add(store, ins.id, "Jo Smith")
    with pytest.raises(InvalidInput, match="there is already a person with that name: "
                                           "nothing was changed"):
        with store.session() as s:  # another window added the same name meanwhile
            store.insert(s, ins.id, m.Person(inspection_id=ins.id, name="jo smith"))
    assert [p.name for p in people.all(store, ins.id)] == ["Jo Smith"]


def test_the_command_line_says_it_in_one_line_with_exit_2(store_target, store, tmp_path,
                                                           monkeypatch):
    from click.testing import CliRunner

    from sendtui.cli import cli

    ins = inspections.create(store, "Wealdshire", "2023", D(2026, 11, 23))
    people.add(store, ins.id, "Jo Smith")
    crew = tmp_path / "people.csv"
    crew.write_text("name,role,organisation,email,phone,team\nJO SMITH,Lead,Ofsted,,,yes\n")
    monkeypatch.setattr(people, "_by_name", lambda *a: {})  # the check raced past
    result = CliRunner().invoke(cli, ["--db", store_target, "import", "people", str(crew)])
    assert result.exit_code == 2, (result.stdout, result.stderr, result.exception)
    assert result.stderr.strip() == (
        "sendtui: there is already a person with that name: nothing was changed")
    assert [p.name for p in people.all(store, ins.id)] == ["Jo Smith"]


# --- aliases -------------------------------------------------------------------------------

def test_a_person_folded_into_another_leaves_one_with_every_reference(store):
    ins = inspections.create(store, "Wealdshire", "2023", D(2026, 11, 23))
    a = people.add(store, ins.id, "Jo Smith").id
    b = people.add(store, ins.id, "Joanne Smith").id
    kept, lost = aliases.canonical(a, b)
    with store.session() as s:
        both, only_lost = (store.insert(s, ins.id, m.Event(
            inspection_id=ins.id, kind="meeting", title=t, start=NOW,
            end=NOW + dt.timedelta(hours=1))) for t in ("Both", "Lost only"))
        s.flush()
        for event, person in ((both, a), (both, b), (only_lost, lost)):
            store.insert(s, ins.id, m.EventPerson(event_id=event.id, person_id=person))
        request = store.insert(s, ins.id, m.InfoRequest(inspection_id=ins.id, title="Data",
                                                        owner_id=lost))
        action = store.insert(s, ins.id, m.Action(inspection_id=ins.id, text="Call",
                                                  owner_id=lost))
    with store.session() as s:
        aliases.merge(store, s, ins.id, m.Person, lost, kept)
    with store.session() as s:
        aliases.merge(store, s, ins.id, m.Person, lost, kept)  # again: nothing more
        live = s.exec(select(m.EventPerson).where(m.EventPerson.deleted_at.is_(None))).all()
        assert sorted((ep.event_id, ep.person_id) for ep in live) == sorted(
            [(both.id, kept), (only_lost.id, kept)])
        assert s.get(m.InfoRequest, request.id).owner_id == kept
        assert s.get(m.Action, action.id).owner_id == kept
        assert s.get(m.Person, lost).deleted_at is not None
        assert aliases.resolve(s, "person", lost) == kept
        assert len(s.exec(select(m.Alias)).all()) == 1
    assert [p.id for p in people.all(store, ins.id)] == [kept]


def test_an_alias_chain_resolves_to_the_last_kept(store):
    ins = inspections.create(store, "Wealdshire", "2023", D(2026, 11, 23))
    x, y, z = sorted(people.add(store, ins.id, n).id for n in ("A One", "B Two", "C Three"))
    with store.session() as s:
        aliases.merge(store, s, ins.id, m.Person, z, y)
        aliases.merge(store, s, ins.id, m.Person, y, x)
        assert aliases.resolve(s, "person", z) == x
        assert s.get(m.Alias, ("person", z)).kept_id == x
