"""`sendtui erase …`, `sendtui purge --yes`, retention and the copies `doctor` lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sendtui.store import events, evidence, inspections
from sendtui.store.repo import Store
from tests.cli.test_cli import ok, own_error, run
from tests.erased import found, indexed, state

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)
SQLITE_ONLY = {
    "test_doctor_lists_the_backups_that_hold_copies": "the files beside a store file",
}
NAME, CASE_REF = "Brimblecombe Pettifer", "EHC-ZZ9Q1"


def add(db: str, text: str, *extra: str) -> str:
    return ok(run("evidence", "add", "--line", "A1", "--source", "meeting", "--text", text,
                  *extra, db=db)).strip()


def test_erase_evidence_by_a_start_of_its_id(demo_target):
    entry = add(demo_target, f"{NAME} said the plan was late", "--case-ref", CASE_REF)
    out = ok(run("erase", "evidence", entry[:8], db=demo_target))
    assert out == f"Erased evidence entry {entry[:8]} for good (2 rows); it cannot be " \
                  "undone.\n"
    assert NAME not in out and CASE_REF not in out
    assert found(demo_target, NAME, CASE_REF) == {NAME: 0, CASE_REF: 0}
    assert indexed(demo_target, NAME, "ZZ9Q1") == set()  # "EHC" is in other entries
    again = ok(run("erase", "evidence", entry, db=demo_target))
    assert again == f"Evidence entry {entry[:8]} was erased already.\n"


def test_unknown_ids_and_purge_without_yes_change_nothing(demo_target):
    ok(run("list", "evidence", db=demo_target))
    before = state(demo_target)
    for args in (["erase", "evidence", "no-such-id"], ["erase", "event", "0000"],
                 ["erase", "name", "Nobody Atall"], ["purge"]):
        line = own_error(run(*args, db=demo_target), 2)
        assert "Nobody" not in line
    assert "add --yes" in own_error(run("purge", db=demo_target), 2)
    assert state(demo_target) == before


def test_erase_an_event_and_a_name(demo_target):
    store = Store.open(demo_target)
    ins = inspections.find(store).id
    event = events.all(store, ins)[0]
    store.close()
    out = ok(run("erase", "event", event.id, db=demo_target))
    assert out.startswith(f"Erased event {event.id[:8]} for good") and event.title not in out
    ok(run("names", "add", NAME, "--pseudonym", "CYP-42", db=demo_target))
    add(demo_target, f"{NAME} was out of school")
    out = ok(run("erase", "name", NAME, db=demo_target))
    assert out.startswith("Erased the name marked as CYP-42 for good")
    assert found(demo_target, NAME, "Pettifer") == {NAME: 0, "Pettifer": 0}
    texts = [e.text for e in evidence.all(Store.open(demo_target), ins)]
    assert "CYP-42 was out of school" in texts


def test_purge_yes(demo_target):
    add(demo_target, f"{NAME} said", "--case-ref", CASE_REF)
    out = ok(run("purge", "--yes", db=demo_target))
    assert out.startswith("Erased inspection ") and "Wealdshire" not in out
    assert found(demo_target, NAME, CASE_REF, "Wealdshire") == {
        NAME: 0, CASE_REF: 0, "Wealdshire": 0}
    assert indexed(demo_target, NAME, CASE_REF, "Jamie Holt") == set()  # the demo's too
    assert "no inspection" in own_error(run("list", "evidence", db=demo_target), 2)


def test_retention_is_set_shown_and_turned_off(demo_target):
    out = ok(run("inspection", "retention", "6", db=demo_target))
    # the demo's final feedback is on Fri 4 Dec 2026
    assert out == "The evidence is due for erasure 6 months after final feedback: on " \
                  "2027-06-04.\n"
    assert ok(run("inspection", "retention", "none", db=demo_target)).startswith("No retention")
    for bad in ("six", "121", "²", "1.5"):
        assert own_error(run("inspection", "retention", bad, db=demo_target), 2)
    assert own_error(run("inspection", "retention", "--", "-1", db=demo_target), 2)


def test_doctor_lists_the_backups_that_hold_copies(demo_db, tmp_path):
    out = ok(run("doctor", db=demo_db))
    assert "no backups or bundles beside the store" in out
    copy = Path(ok(run("backup", db=demo_db)).strip())
    (tmp_path / "demo.db.before-0007.bak").write_bytes(b"old")
    (tmp_path / "week.sendtui-bundle").write_bytes(b"bundle")
    (tmp_path / "notes.txt").write_text("not a copy")
    lines = ok(run("doctor", db=demo_db)).splitlines()
    copies = next(line for line in lines if line.startswith("copies"))
    assert "3 files beside the store still hold personal data" in copies
    listed = {line.split()[0]: line for line in lines if line.startswith("  ")}
    assert set(listed) == {copy.name, "demo.db.before-0007.bak", "week.sendtui-bundle"}
    stamp = dt.datetime.strptime(copy.stem.rsplit("-", 2)[-2] + copy.stem[-6:], "%Y%m%d%H%M%S")
    assert f"backup, {stamp:%Y-%m-%d %H:%M}" in listed[copy.name]
    assert "backup before a migration" in listed["demo.db.before-0007.bak"]
    assert "bundle" in listed["week.sendtui-bundle"]
    entry = add(demo_db, "Anything")
    result = run("erase", "evidence", entry, db=demo_db)
    assert "3 backup or bundle file(s) beside the store still hold copies" in result.stderr


def test_erase_deleted(demo_target):
    entry = add(demo_target, f"{NAME} said", "--case-ref", CASE_REF)
    store = Store.open(demo_target)
    evidence.remove(store, inspections.find(store).id, entry)
    store.close()
    out = ok(run("erase", "deleted", db=demo_target))
    assert out.startswith("Erased everything deleted in this inspection for good")
    assert found(demo_target, NAME, CASE_REF) == {NAME: 0, CASE_REF: 0}
    assert ok(run("erase", "deleted", db=demo_target)) == "Nothing deleted is left to erase.\n"
