"""Erasing for good: after an erase or a purge, the name and the case reference typed in are
nowhere in the store, in any spelling the store writes them in: not in the bytes of its files
(.db, -wal, -shm) on SQLite, not in any live row of any table nor the search column on
PostgreSQL (tests/erased.py; the server's old row versions: test_erasure_on_server.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel, select

from sendtui.domain.clock import london_to_utc
from sendtui.errors import Ambiguous, NotFound
from sendtui.records import EvidenceRow
from sendtui.store import events, evidence, inspections, names, undo
from sendtui.store import models as m
from sendtui.store.drafts import discard_draft, latest_draft, save_draft
from sendtui.store.erasure import erase_event, erase_evidence, erase_name, find_id, purge
from sendtui.store.events import EventInput
from tests.erased import found, found_in_files, healthy, index_terms, indexed, on_server, state

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)
SQLITE_ONLY = {
    "test_erasing_clears_pages_freed_before_secure_delete": "a file's free pages",
    "test_a_reader_elsewhere_delays_the_compaction_until_compact_runs_again":
        "another program's read on the file (on a server: test_erasure_on_server.py)",
}

NAME = "Zoë Quillfeather"  # a child's name; ë is two bytes in UTF-8, \u00eb in JSON
FIRST = "Zoë"
CASE_REF = "EHC-7Q3X9Z"
AT = london_to_utc(dt.date(2026, 12, 1), dt.time(10, 0))


def add_entry(store, ins_id: str, text: str, case_ref: str | None = None,
              draft_id: str | None = None) -> str:
    row = EvidenceRow(AT, "A1", "meeting", text, None, case_ref, "concern", "Inspector A")
    return evidence.add(store, ins_id, [row], draft_id=draft_id).ids[0]


@pytest.fixture
def ins(store):
    return inspections.create(store, "Wealdshire", "2016", dt.date(2026, 11, 23)).id


@pytest.fixture
def sentinels(store, ins, store_target):
    """The name and case reference entered through every path that keeps text: a marked
    name (then unmarked), a draft saved as an entry, an entry edited (a version, the undo
    log) and deleted, a draft thrown away, a draft still open, an event with people,
    edited and removed, evidence recorded at it."""
    marked = names.add(store, ins, NAME)
    names.remove(store, ins, marked.pseudonym)
    names.add(store, ins, NAME, marked.pseudonym)
    draft = save_draft(store, ins, {"text": f"{NAME} said", "case_ref": CASE_REF})
    draft = save_draft(store, ins, {"text": f"{NAME} said the wait for {CASE_REF} was long",
                                    "case_ref": CASE_REF}, draft)
    entry = add_entry(store, ins, f"{NAME} said the wait for {CASE_REF} was long", CASE_REF,
                      draft_id=draft)
    evidence.edit(store, ins, entry, f"{NAME}'s mother said the wait was very long.")
    evidence.remove(store, ins, entry)
    thrown = save_draft(store, ins, {"text": f"About {FIRST} and {CASE_REF}"})
    discard_draft(store, thrown)
    save_draft(store, ins, {"text": f"Still typing about {NAME}"})
    other = add_entry(store, ins, "The local offer is hard to search.")
    person = _person(store, ins)
    start = london_to_utc(dt.date(2026, 12, 1), dt.time(14, 0))
    data = EventInput("meeting", f"Home visit: {NAME}", start, start + dt.timedelta(hours=1),
                      location=f"{NAME}'s home", notes=f"Bring {CASE_REF}",
                      person_ids=(person,))
    event = events.add(store, ins, data)
    events.edit(store, ins, event, EventInput("meeting", f"Visit {NAME} at home", start,
                                              start + dt.timedelta(hours=2),
                                              notes=f"File {CASE_REF}", person_ids=(person,)))
    _link(store, other, event)
    assert found(store_target, NAME, CASE_REF)[NAME] > 0
    return {"entry": entry, "event": event, "other": other, "pseudonym": marked.pseudonym}


def _person(store, ins: str) -> str:
    with store.session() as s:
        return store.insert(s, ins, m.Person(inspection_id=ins, name="Ann Lee", role="SENCO"),
                            "added Ann Lee").id


def _link(store, entry_id: str, event_id: str) -> None:
    with store.session() as s:
        with store.change(s, None, s.get(m.Evidence, entry_id)) as row:
            row.event_id = event_id


def test_erase_an_entry_leaves_no_byte_of_it(store, ins, sentinels, store_target):
    """An entry that only it names: its text, case reference, versions, undo snapshots and
    its draft leave the file and the index; the tombstone keeps its id."""
    entry = add_entry(store, ins, "Xylophrax Vantablum said the EHCP was late", "EHC-QQ4411")
    evidence.edit(store, ins, entry, "Xylophrax Vantablum said the EHCP was very late")
    save_draft(store, ins, {"text": "Xylophrax Vantablum said the EHCP was very late"})
    assert indexed(store_target, "Xylophrax Vantablum") == {"xylophrax", "vantablum"}

    done = erase_evidence(store, ins, entry[:8])

    assert done.what == f"evidence entry {entry[:8]}" and done.rows >= 4 and done.compacted
    assert found(store_target, "Xylophrax", "Vantablum", "EHC-QQ4411") == {
        "Xylophrax": 0, "Vantablum": 0, "EHC-QQ4411": 0}
    assert indexed(store_target, "Xylophrax Vantablum EHC-QQ4411") == set()
    if not on_server(store_target):
        assert Path(f"{store_target}-wal").stat().st_size == 0
    healthy(store_target)
    with store.session() as s:
        row = s.get(m.Evidence, entry)
        assert row.deleted_at and (row.text, row.case_ref, row.author) == ("", None, "")
        assert s.exec(select(m.Erasure).where(m.Erasure.row_id == entry)).one().table_name \
            == "evidence"
    assert evidence.versions(store, entry) == []
    while undo.undo(store, ins):  # nothing in the undo log brings it back
        pass
    with store.session() as s:
        assert s.get(m.Evidence, entry).text == ""
    assert [h.entry.id for h in evidence.search(store, ins, "local offer")] == [
        sentinels["other"]]


def test_erase_the_deleted_entry_and_its_draft(store, ins, sentinels, store_target):
    erase_evidence(store, ins, sentinels["entry"])
    # the case reference was only in that entry, its drafts and the event
    erase_event(store, ins, sentinels["event"])
    counts = found(store_target, CASE_REF)
    assert counts == {CASE_REF: 0}
    assert latest_draft(store, ins)[1]["text"] == f"Still typing about {NAME}"  # not a copy


def test_erase_an_event(store, ins, sentinels, store_target):
    event = sentinels["event"]
    done = erase_event(store, ins, event)
    assert done.compacted and done.what == f"event {event[:8]}"
    assert all(e.id != event for e in events.all(store, ins))
    with store.session() as s:
        row = s.get(m.Event, event)
        assert (row.title, row.location, row.notes, row.status) == ("", "", "", "cancelled")
        assert row.deleted_at is not None
        assert s.exec(select(m.EventPerson).where(m.EventPerson.event_id == event)).all() == []
        assert s.get(m.Evidence, sentinels["other"]).event_id is None
        assert s.exec(select(m.Change).where(m.Change.row_id == event)).all() == []
    assert found(store_target, "Home visit:", "Visit Zo") == {"Home visit:": 0,
                                                                   "Visit Zo": 0}
    healthy(store_target)


def test_erase_a_name_puts_its_pseudonym_everywhere(store, ins, sentinels, store_target):
    pseudonym = sentinels["pseudonym"]
    done = erase_name(store, ins, NAME.lower())
    assert done.what == f"the name marked as {pseudonym}" and done.compacted
    assert found(store_target, NAME, "Quillfeather", FIRST) == {
        NAME: 0, "Quillfeather": 0, FIRST: 0}
    assert indexed(store_target, NAME) == set()
    healthy(store_target)
    with store.session() as s:
        texts = [r.text for r in s.exec(select(m.EvidenceVersion))]
        event = s.get(m.Event, sentinels["event"])
        marked = s.exec(select(m.ProtectedName)).all()
    assert f"{pseudonym}'s mother said the wait was very long." in texts
    assert (event.title, event.location) == (f"Visit {pseudonym} at home", "")
    assert {(r.name, r.pseudonym, r.deleted_at is not None) for r in marked} == {
        ("", pseudonym, True)}
    assert names.all(store, ins) == []
    assert latest_draft(store, ins)[1]["text"] == f"Still typing about {pseudonym}"
    assert [h.entry.id for h in evidence.search(store, ins, pseudonym)] == []  # deleted one
    assert undo.undo(store, ins) is not None  # what is left of the log still undoes
    assert found(store_target, NAME, FIRST) == {NAME: 0, FIRST: 0}


def test_a_name_is_found_by_its_pseudonym_and_erasing_twice_changes_nothing(
        store, ins, sentinels, store_target):
    pseudonym = sentinels["pseudonym"]
    assert erase_name(store, ins, pseudonym.lower()).rows > 0
    again = erase_name(store, ins, pseudonym)
    assert again.rows == 0 and again.compacted
    with pytest.raises(NotFound):
        erase_name(store, ins, NAME)  # the name itself is no longer known


def test_purge_leaves_only_erasure_rows(store, ins, sentinels, store_target):
    """Every table (a table added later too) is emptied of the inspection."""
    done = purge(store, ins)
    assert done.compacted and done.rows > 20
    assert found(store_target, NAME, FIRST, CASE_REF, "Wealdshire", "Ann Lee") == {
        NAME: 0, FIRST: 0, CASE_REF: 0, "Wealdshire": 0, "Ann Lee": 0}
    assert index_terms(store_target) == set()
    healthy(store_target)
    # the store's own bookkeeping and the laptops' names hold nothing of it (a server
    # database has no file place: identity.file_place)
    info = ["file_id", "hlc_high"] + ([] if on_server(store_target) else ["file_place"])
    with store.engine.connect() as conn:
        for table in SQLModel.metadata.tables:
            n = conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
            assert n == {"store_info": len(info), "erasure": 1, "device": 1}.get(table, 0), \
                table
        keys = conn.exec_driver_sql("SELECT key FROM store_info").scalars().all()
        erased = conn.exec_driver_sql(
            "SELECT table_name, row_id, inspection_id FROM erasure").all()
    assert sorted(keys) == sorted(info)
    assert [tuple(r) for r in erased] == [("inspection", ins, ins)]
    assert inspections.all(store) == []


def test_purge_keeps_the_other_inspections(store, ins, store_target):
    other = inspections.create(store, "Eastmoor", "2016", dt.date(2027, 1, 4)).id
    add_entry(store, ins, "Plumbrook said the bus was late")
    kept = add_entry(store, other, "Brackenfold said the bus was late", "EHC-KEEP01")
    purge(store, ins)
    left = found(store_target, "Plumbrook", "Brackenfold", "EHC-KEEP01")
    assert left["Plumbrook"] == 0 and left["Brackenfold"] and left["EHC-KEEP01"]
    assert [h.entry.id for h in evidence.search(store, other, "bus")] == [kept]
    assert [i.id for i in inspections.all(store)] == [other]
    healthy(store_target)


def test_unknown_or_ambiguous_ids_change_nothing(store, ins, sentinels, store_target):
    before = state(store_target)
    with pytest.raises(NotFound):
        erase_evidence(store, ins, "nope-not-an-id")
    with pytest.raises(NotFound):
        erase_evidence(store, ins, "abc")  # too short to be a prefix
    with pytest.raises(NotFound):
        erase_event(store, ins, sentinels["entry"])  # an entry's id is not an event's
    with pytest.raises(NotFound):
        erase_name(store, ins, "Nobody Known")
    assert state(store_target) == before
    ids = [add_entry(store, ins, f"entry {n}") for n in range(40)]
    shared = next(a[:4] for a in ids for b in ids if a != b and a[:4] == b[:4]) \
        if len({i[:4] for i in ids}) < len(ids) else None
    if shared:
        with pytest.raises(Ambiguous):
            find_id(store, ins, m.Evidence, shared, "evidence entry")
    assert find_id(store, ins, m.Evidence, ids[0].upper(), "evidence entry") == ids[0]


def test_deleting_stays_undoable(store, ins):
    entry = add_entry(store, ins, "Kept for undo")
    evidence.remove(store, ins, entry)
    assert undo.undo(store, ins) == "deleted an evidence entry"
    assert [e.id for e in evidence.all(store, ins)] == [entry]


def test_erasing_clears_pages_freed_before_secure_delete(store, ins, db_path):
    """A store written by an older sendtui (no secure_delete) has what it deleted in its free
    pages: an erase rewrites the whole file (VACUUM), so those go too."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA secure_delete=OFF")
    conn.execute("CREATE TABLE old_notes (note TEXT)")
    conn.executemany("INSERT INTO old_notes VALUES (?)", [("Grimsditch Wolverhollow",)] * 500)
    conn.commit()
    conn.execute("DROP TABLE old_notes")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert found_in_files(db_path, "Wolverhollow")["Wolverhollow"] > 0
    erase_evidence(store, ins, add_entry(store, ins, "Anything"))
    assert found_in_files(db_path, "Wolverhollow") == {"Wolverhollow": 0}


def test_a_reader_elsewhere_delays_the_compaction_until_compact_runs_again(
        store, ins, db_path, monkeypatch):
    """Another program mid-read keeps the WAL's old pages: the erase is committed and says
    the file is not cleared yet; `compact` once it is gone clears it."""
    from sendtui.store import compaction
    from sendtui.store.compaction import compact

    monkeypatch.setattr(compaction, "WAIT_MS", 500)  # not the 5 s a user's erase waits

    entry = add_entry(store, ins, "Ottoline Farquharson-Pym said", "EHC-RDR001")
    other = sqlite3.connect(db_path, timeout=0.1)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM evidence").fetchone()  # a snapshot held open
    done = erase_evidence(store, ins, entry)  # waits WAIT_MS for the reader, twice
    assert done.rows and done.compacted is False
    with store.session() as s:
        assert s.get(m.Evidence, entry).text == ""
    other.rollback()
    other.close()
    assert compact(store) is True
    assert found_in_files(db_path, "Farquharson", "EHC-RDR001") == {"Farquharson": 0,
                                                                    "EHC-RDR001": 0}


def test_erase_everything_deleted(store, ins, sentinels, store_target):
    """The deleted entry, the removed event and the unmarked name's old row go; the live
    marked name stays marked and the texts keep it (it is still marked)."""
    from sendtui.store.erasure import erase_deleted

    events.remove(store, ins, sentinels["event"])
    done = erase_deleted(store, ins)
    assert done.rows >= 3 and done.compacted
    assert found(store_target, CASE_REF) == {CASE_REF: 0}
    with store.session() as s:
        assert s.get(m.Evidence, sentinels["entry"]).text == ""
        assert s.get(m.Event, sentinels["event"]).title == ""
        marked = s.exec(select(m.ProtectedName)).all()
    assert sorted((r.name, r.deleted_at is None) for r in marked) == [("", False), (NAME, True)]
    assert [p.name for p in names.all(store, ins)] == [NAME]
    assert erase_deleted(store, ins).rows == 0  # nothing left to erase


def test_a_pseudonym_is_never_given_twice(store, ins):
    """Texts still say the pseudonym of a name removed or erased: a new name gets its own."""
    first = names.add(store, ins, NAME)
    names.remove(store, ins, first.pseudonym)
    assert names.add(store, ins, "Ada Lovelace").pseudonym != first.pseudonym
