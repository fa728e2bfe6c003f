"""This laptop's identity, the file id of a copied store, and a clock that never stamps
below what the store holds (across reopening, threads and copies)."""

from __future__ import annotations

import shutil
import sqlite3
import threading

from sqlmodel import SQLModel

from sendtui.config import load_device
from sendtui.store import models as m
from sendtui.store.repo import HybridClock, Store


def highest_stamp(path) -> str:
    db = sqlite3.connect(path)
    try:
        return max(db.execute(f'SELECT coalesce(max(hlc), "") FROM "{t.name}"').fetchone()[0]
                   for t in SQLModel.metadata.sorted_tables if "hlc" in t.c)
    finally:
        db.close()


def info(path) -> dict[str, str]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT key, value FROM store_info"))
    finally:
        db.close()


def add_row(store: Store) -> m.Erasure:
    """A small stamped row of no inspection (any tracked write is stamped the same way)."""
    with store.session() as s:
        return store.insert(s, None, m.Erasure(inspection_id="x", table_name="t",
                                               row_id=m.new_id()))


def test_reopening_after_the_demo_never_stamps_below_what_it_holds(demo_db, monkeypatch):
    """The issue's bug: the demo load stamped ahead of the wall clock (many rows a
    millisecond), and a reopened store started again from the wall clock, below them."""
    highest = highest_stamp(demo_db)
    assert info(demo_db)["hlc_high"] >= highest  # (stamps of rows gone since count too)
    behind = int(highest[:15]) - 3_600_000  # and the wall clock is now an hour behind
    monkeypatch.setattr(HybridClock, "_now_ms", staticmethod(lambda: behind))
    store = Store.open(str(demo_db))
    try:
        stamp = add_row(store).hlc
    finally:
        store.close()
    assert stamp > highest and highest_stamp(demo_db) == stamp == info(demo_db)["hlc_high"]


def test_a_store_written_before_the_mark_is_seeded_from_its_rows(demo_db, monkeypatch):
    db = sqlite3.connect(demo_db)
    db.execute("DELETE FROM store_info WHERE key = 'hlc_high'")
    db.commit()
    db.close()
    highest = highest_stamp(demo_db)
    monkeypatch.setattr(HybridClock, "_now_ms", staticmethod(lambda: 0))
    store = Store.open(str(demo_db))
    try:
        stamp = add_row(store).hlc
    finally:
        store.close()
    assert stamp > highest and info(demo_db)["hlc_high"] == stamp


def test_a_failed_transaction_leaves_the_mark_as_it_was(store, db_path):
    add_row(store)
    before = info(db_path)["hlc_high"]
    try:
        with store.session() as s:
            store.insert(s, None, m.Erasure(inspection_id="x", table_name="t", row_id="r"))
            raise RuntimeError("the user's save failed half way")
    except RuntimeError:
        pass
    assert info(db_path)["hlc_high"] == before == highest_stamp(db_path)
    assert add_row(store).hlc > before


def test_two_threads_writing_never_get_the_same_stamp_and_the_mark_keeps_up(store, db_path):
    def write() -> None:
        for _ in range(150):
            add_row(store)

    threads = [threading.Thread(target=write) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    db = sqlite3.connect(db_path)
    stamps = [r[0] for r in db.execute("SELECT hlc FROM erasure")]
    db.close()
    assert len(stamps) == 300 and len(set(stamps)) == 300
    assert info(db_path)["hlc_high"] == max(stamps)


def test_a_copied_file_gets_a_new_file_id_and_its_own_stamps(store, db_path, tmp_path,
                                                             monkeypatch):
    add_row(store)
    store.close()
    original = info(db_path)["file_id"]
    copy = tmp_path / "restored-backup.db"
    shutil.copy(db_path, copy)
    monkeypatch.setattr(HybridClock, "_now_ms", staticmethod(lambda: 1_900_000_000_000))
    first, second = Store.open(str(db_path)), Store.open(str(copy))
    try:
        assert first.notices == [] and second.notices == []  # nothing for the user to do
        same_instant = add_row(first).hlc, add_row(second).hlc
    finally:
        first.close()
        second.close()
    assert info(db_path)["file_id"] == original  # the file itself keeps its id
    renamed = info(copy)["file_id"]
    assert renamed != original and info(copy)["file_place"] != info(db_path)["file_place"]
    assert same_instant[0] != same_instant[1]  # same laptop, same time, different copies
    assert same_instant[0].endswith(original[:8]) and same_instant[1].endswith(renamed[:8])


def test_this_laptop_is_the_same_in_every_store_it_opens(tmp_path):
    one, two = Store.open(str(tmp_path / "a.db")), Store.open(str(tmp_path / "b.db"))
    try:
        laptop = load_device()
        assert one.device_id == two.device_id == laptop.id
        assert add_row(one).updated_by == add_row(two).updated_by == laptop.id
        assert info(tmp_path / "a.db")["file_id"] != info(tmp_path / "b.db")["file_id"]
    finally:
        one.close()
        two.close()


def test_opening_alone_changes_nothing_the_first_change_settles_the_copy(demo_db):
    """A listing or a refused command on a copied store leaves it byte-identical; the new
    file id and this laptop's name go with the first change."""
    before = demo_db.read_bytes()
    store = Store.open(str(demo_db))
    try:
        with store.session() as s:
            s.get(m.Inspection, "no such id")
        assert demo_db.read_bytes() == before
        add_row(store)
        add_row(store)
    finally:
        store.close()
    assert info(demo_db)["file_id"] == store.clock.file_id
    db = sqlite3.connect(demo_db)
    try:
        assert (load_device().id, "Test laptop") in db.execute("SELECT id, name FROM device")
    finally:
        db.close()


def test_this_laptop_has_its_row_in_device_renamed_when_its_name_changes(db_path):
    first = Store.open(str(db_path))
    add_row(first)
    first.close()
    laptop = load_device()
    from sendtui.config import device_file

    device_file().write_text(f'[device]\nid = "{laptop.id}"\nname = "Kwame\'s laptop"\n')
    store = Store.open(str(db_path))
    add_row(store)
    store.close()
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("SELECT id, name FROM device").fetchall() == [
            (laptop.id, "Kwame's laptop")]
    finally:
        db.close()


def test_a_received_stamp_is_passed_and_kept_across_reopening(db_path):
    store = Store.open(str(db_path))
    remote = "004000000000000-0123abcd-89abcdef"  # a laptop whose clock runs far ahead
    try:
        with store.session():
            store.clock.receive(remote)  # what a merge does for each stamp it adopts
        assert info(db_path)["hlc_high"] == remote
        assert add_row(store).hlc > remote
    finally:
        store.close()
    again = Store.open(str(db_path))
    try:
        assert add_row(again).hlc > remote
    finally:
        again.close()


def test_a_second_process_on_the_file_moves_past_the_others_stamps(db_path, monkeypatch):
    ahead, behind = Store.open(str(db_path)), Store.open(str(db_path))
    try:
        monkeypatch.setattr(ahead.clock, "_now_ms", lambda: 3_000_000_000_000)
        theirs = add_row(ahead).hlc
        add_row(behind)  # its commit finds the higher mark the other left
        assert add_row(behind).hlc > theirs
        assert info(db_path)["hlc_high"] > theirs
    finally:
        ahead.close()
        behind.close()
