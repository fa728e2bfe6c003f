"""`sendtui requests list|add|done|import`: the information requests from the command line;
bad input is one line, exit 2, and nothing changed."""

import json

import pytest

from tests.cli.test_cli import UUID, ok, own_error, run
from tests.fingerprint import fingerprint

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

PEOPLE = "name,role,organisation,email,phone\nRachel Thornton,Nominated officer,Wealdshire,,\n"


@pytest.fixture
def db(tmp_path, store_target, monkeypatch):
    monkeypatch.setenv("SENDTUI_TODAY", "2026-11-25")  # Wed, day 3: judged at 09:00
    path = store_target
    ok(run("inspection", "new", "--la", "Wealdshire", "--framework", "2016", "--notified",
           "2026-11-23", db=path))
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE)
    ok(run("import", "people", people, db=path))
    return path


def listed(db, *options):
    return json.loads(ok(run("requests", "list", "--format", "json", *options, db=db)))


def test_a_new_inspection_lists_its_frameworks_requests(db):
    rows = listed(db)
    assert len(rows) == 24
    assert {"id", "title", "kind", "owner", "due", "status", "where"} <= set(rows[0])
    offer = next(r for r in rows if r["title"] == "Local offer")
    assert (offer["kind"], offer["due"], offer["status"], offer["owner"]) == (
        "document", "2026-11-25 17:00", "to-do", "")


def test_add_prints_the_id_and_an_overdue_request_comes_first(db):
    out = ok(run("requests", "add", "--title", "Case-file logins for HMI", "--kind", "access",
                 "--owner", "rachel thornton", "--due", "2026-11-24 16:00", "--where",
                 "IT ticket 4411", db=db))
    new_id = out.strip()
    assert UUID.fullmatch(new_id)
    first = listed(db)[0]
    assert (first["id"], first["owner"], first["due"], first["overdue"], first["where"]) == (
        new_id, "Rachel Thornton", "2026-11-24 16:00", True, "IT ticket 4411")
    assert [r["id"] for r in listed(db, "--owner", "Rachel Thornton")] == [new_id]
    table = ok(run("requests", "list", "--status", "in-progress", db=db))
    assert table.strip() == "(none)"
    assert "to-do (overdue)" in ok(run("requests", "list", db=db)).splitlines()[1]


def test_a_date_alone_is_due_at_five(db):
    new_id = ok(run("requests", "add", "--title", "EHC plan audit", "--due", "2026-12-03",
                    db=db)).strip()
    assert next(r for r in listed(db) if r["id"] == new_id)["due"] == "2026-12-03 17:00"


def test_done_marks_it_sent_by_a_start_of_its_id(db):
    offer = next(r for r in listed(db) if r["title"] == "Local offer")
    out = ok(run("requests", "done", offer["id"][:8], db=db))
    assert out.strip() == f"request {offer['id'][:8]} sent"
    after = next(r for r in listed(db) if r["id"] == offer["id"])
    assert after["status"] == "sent"
    assert [r["id"] for r in listed(db, "--status", "sent")] == [offer["id"]]
    assert listed(db)[-1]["id"] == offer["id"]  # finished: last


@pytest.mark.parametrize("args, said", [
    (["add", "--title", "Audit", "--owner", "Nobody Known"], "no person has that name"),
    (["add", "--title", "Audit", "--due", "2026-11-31"], "not a date"),
    (["add", "--title", "  "], "a request needs a title"),
    (["done", "ffffffff"], "no request has the id"),
    (["list", "--owner", "Nobody Known"], "no person has that name"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_changed(db, args, said):
    before = fingerprint(db)
    assert said in own_error(run("requests", *args, db=db), 2)
    assert fingerprint(db) == before


def test_import_adds_every_row(db, tmp_path):
    file = tmp_path / "requests.csv"
    file.write_text("title,kind,owner,due,status,where,notes\n"
                    "EHC plan audit,document,Rachel Thornton,2026-12-03 10:00,in-progress,,\n"
                    "Portal logins,access,,2026-11-24,sent,Given on paper,\n"
                    "Short breaks data,data-set,,,not-held,,Not collected by the council\n")
    assert ok(run("requests", "import", file, db=db)).strip() == "3 requests added"
    rows = {r["title"]: r for r in listed(db)}
    assert (rows["EHC plan audit"]["owner"], rows["EHC plan audit"]["status"]) == (
        "Rachel Thornton", "in-progress")
    assert (rows["Portal logins"]["due"], rows["Portal logins"]["overdue"]) == (
        "2026-11-24 17:00", False)  # sent: never overdue
    assert rows["Short breaks data"]["reason"] == "Not collected by the council"


@pytest.mark.parametrize("bad_row, said", [
    ("Audit,spreadsheet,,,,,", "row 3, column kind"),
    ("Audit,document,Nobody Known,,,,", "row 3, column owner"),
    ("Audit,document,,2026-12-03 25:00,,,", "row 3, column due"),
    ("Audit,document,,,not-held,,", "row 3, column status"),
    (",document,,,,,", "row 3, column title"),
])
def test_import_with_a_bad_row_names_it_and_adds_nothing(db, tmp_path, bad_row, said):
    file = tmp_path / "requests.csv"
    file.write_text("title,kind,owner,due,status,where,notes\n"
                    "EHC plan audit,document,Rachel Thornton,2026-12-03 10:00,,,\n"
                    f"{bad_row}\n")
    before, rows = fingerprint(db), listed(db)
    line = own_error(run("requests", "import", file, db=db), 2)
    assert said in line and "requests.csv" in line
    assert fingerprint(db) == before
    assert listed(db) == rows
