"""The store: files it creates or refuses, inspections, lines, the demo, GIAS imports."""

import datetime as dt
import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from sendtui.demo import add_demo
from sendtui.errors import Ambiguous, BadFile, InvalidInput, NotFound, StoreError
from sendtui.importers.gias import read_gias
from sendtui.importers.schedule import read_schedule
from sendtui.records import EvidenceRow
from sendtui.store import events, evidence, inspections, lines, people, settings
from sendtui.store.repo import Store
from tests.conftest import FIXTURES

D = dt.date
GIAS = FIXTURES / "gias_wealdshire.csv"

BOTH_ENGINES = True
SQLITE_ONLY = {
    "test_a_new_store_is_readable_by_its_owner_only": "a file's mode; a server has no file",
    "test_wal_and_foreign_keys_are_on": "SQLite PRAGMAs",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused_untouched(path: Path, match: str) -> None:
    before = sha256(path)
    with pytest.raises(StoreError, match=match) as caught:
        Store.open(str(path))
    assert "\n" not in str(caught.value)
    assert sha256(path) == before


def real_store_file(path: Path) -> Path:
    s = Store.open(str(path))
    inspections.create(s, "Wealdshire", "2016", D(2020, 3, 2))
    s.close()
    return path


# --- the file ------------------------------------------------------------------------------

def test_round_trip_through_the_file(db_path):
    s = Store.open(str(db_path))
    ins = inspections.create(s, "  Wealdshire  ", "2016", D(2020, 3, 2))
    s.close()

    again = Store.open(str(db_path))
    try:
        found = inspections.find(again)
        assert (found.id, found.local_area, found.framework, found.notified) == (
            ins.id, "Wealdshire", "2016", D(2020, 3, 2))
        dates = {k.key: (k.date, k.end) for k in inspections.key_dates(again, ins.id)}
        assert dates == {
            "notified": (D(2020, 3, 2), None),
            "on-site": (D(2020, 3, 9), D(2020, 3, 13)),
            "final-feedback": (D(2020, 3, 13), None),
        }
        assert [line.code for line in lines.all(again, ins.id)][:4] == ["A1", "A2", "A3", "A4"]
        assert len(lines.all(again, ins.id)) == 13
    finally:
        again.close()


def test_a_new_store_is_readable_by_its_owner_only(store, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_wal_and_foreign_keys_are_on(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_an_empty_file_becomes_a_store(db_path):
    db_path.write_bytes(b"")
    s = Store.open(str(db_path))
    try:
        ins = inspections.create(s, "Wealdshire", "2016", D(2020, 3, 2))
        assert inspections.find(s).id == ins.id
    finally:
        s.close()
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Agenda for Monday\n")
    assert_refused_untouched(path, "not a sendtui store")


def garbage_page(path: Path, page_number: int) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    start = (page_number - 1) * page
    data[start:start + page] = b"\xab" * page  # a page of garbage in the middle
    path.write_bytes(bytes(data))


def test_a_store_with_a_broken_schema_is_refused_and_untouched(tmp_path):
    path = real_store_file(tmp_path / "broken.db")
    garbage_page(path, 2)
    assert_refused_untouched(path, "corrupt")


def test_a_broken_data_page_is_found_by_the_check_after_opening(tmp_path):
    """The integrity check is off the open path (0.6 s at 1,000,000 entries): `doctor` and
    the app's background check name the damage."""
    from sendtui.store.damage import damage

    path = real_store_file(tmp_path / "broken.db")
    garbage_page(path, 3)
    store = Store.open(str(path))
    try:
        assert damage(store).startswith("integrity check")
    finally:
        store.close()


def test_another_programs_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "crm.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, "customers")


def test_a_newer_schema_is_refused_and_untouched(tmp_path):
    path = real_store_file(tmp_path / "future.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    assert_refused_untouched(path, "newer schema")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store.open(str(tmp_path))


def test_a_path_ending_in_a_slash_is_a_folder_not_a_new_file(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store.open(str(tmp_path / "inspections") + "/")
    assert not (tmp_path / "inspections").exists()


# --- inspections ---------------------------------------------------------------------------

def test_an_inspection_needs_a_local_area(store):
    with pytest.raises(InvalidInput):
        inspections.create(store, "   ", "2016", D(2020, 3, 2))
    assert inspections.all(store) == []


def test_find_inspection_by_prefix_and_by_id(store):
    weald = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    fen = inspections.create(store, "Fenmarch", "2023", D(2024, 1, 8))
    assert inspections.find(store, "weald").id == weald.id
    assert inspections.find(store, "Fen").id == fen.id
    assert inspections.find(store, fen.id).id == fen.id
    assert inspections.find(store, fen.id[:8]).id == fen.id


def test_find_inspection_refuses_an_ambiguous_prefix(store):
    inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    inspections.create(store, "Wealdshire", "2023", D(2024, 1, 8))
    with pytest.raises(Ambiguous) as caught:
        inspections.find(store, "Weald")
    assert "2020-03-02" in str(caught.value) and "2024-01-08" in str(caught.value)


def test_find_inspection_without_a_match(store):
    with pytest.raises(NotFound, match="no inspection yet"):
        inspections.find(store)
    inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    with pytest.raises(NotFound, match="Fen"):
        inspections.find(store, "Fen")


def test_the_default_is_the_last_opened(store):
    first = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    second = inspections.create(store, "Fenmarch", "2016", D(2020, 3, 2))
    assert inspections.find(store).id == second.id
    inspections.mark_opened(store, first.id)
    assert inspections.find(store).id == first.id


def test_set_key_date_keeps_the_coordinators_date(store, store_target):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    kd = inspections.set_key_date(store, ins.id, "final-feedback", D(2020, 3, 12))
    assert kd.date == D(2020, 3, 12) and kd.rule == "set by hand"
    on_site = inspections.set_key_date(store, ins.id, "on-site", D(2020, 3, 10), D(2020, 3, 12))
    assert (on_site.date, on_site.end) == (D(2020, 3, 10), D(2020, 3, 12))
    store.close()
    again = Store.open(store_target)
    dates = {k.key: (k.date, k.end) for k in inspections.key_dates(again, ins.id)}
    again.close()
    assert dates["final-feedback"] == (D(2020, 3, 12), None)
    assert dates["on-site"] == (D(2020, 3, 10), D(2020, 3, 12))


def test_set_key_date_refuses_bad_input(store):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    with pytest.raises(InvalidInput):
        inspections.set_key_date(store, ins.id, "on-site", D(2020, 3, 13), D(2020, 3, 9))
    with pytest.raises(NotFound):
        inspections.set_key_date(store, ins.id, "wsoa-due", D(2020, 8, 13))
    assert {k.key: k.date for k in inspections.key_dates(store, ins.id)}["on-site"] == D(2020, 3, 9)


# --- lines of enquiry ----------------------------------------------------------------------

def test_add_edit_and_remove_a_bespoke_line(store):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    x1 = lines.add(store, ins.id, "x1", "  Transition at 19 to 25  ")
    assert (x1.code, x1.title, x1.strand, x1.is_bespoke) == ("X1", "Transition at 19 to 25",
                                                              "X", True)
    assert [line.code for line in lines.all(store, ins.id)][-1] == "X1"

    edited = lines.edit(store, ins.id, x1.id, "B7", "Transition at 19 to 25")
    assert (edited.code, edited.strand) == ("B7", "B")

    lines.remove(store, ins.id, x1.id)
    assert "B7" not in [line.code for line in lines.all(store, ins.id)]
    with pytest.raises(NotFound):
        lines.remove(store, ins.id, x1.id)


def test_duplicate_line_codes_are_refused(store):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    with pytest.raises(InvalidInput, match="A1"):
        lines.add(store, ins.id, "a1", "Another A1")
    x1 = lines.add(store, ins.id, "X1", "Looked-after children")
    with pytest.raises(InvalidInput, match="B2"):
        lines.edit(store, ins.id, x1.id, "B2", "Looked-after children")
    assert len(lines.all(store, ins.id)) == 14


@pytest.mark.parametrize("code, title", [("1X", "Title"), ("X-1", "Title"), ("X1", "  ")])
def test_malformed_lines_are_refused(store, code, title):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    with pytest.raises(InvalidInput):
        lines.add(store, ins.id, code, title)
    assert len(lines.all(store, ins.id)) == 13


def test_removing_a_line_keeps_its_evidence(store):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 3, 2))
    x1 = lines.add(store, ins.id, "X1", "Out-of-area placements")
    row = EvidenceRow(dt.datetime(2020, 3, 10, 10, 0, tzinfo=dt.timezone.utc), "X1", "document",
                      "Placement review backlog of 40 cases", None, None, None, "")
    [entry_id] = evidence.add(store, ins.id, [row]).ids
    lines.remove(store, ins.id, x1.id)
    kept = [e for e in evidence.all(store, ins.id) if e.id == entry_id]
    assert [(e.line_code, e.text) for e in kept] == [("X1", "Placement review backlog of 40 cases")]


# --- the demo ------------------------------------------------------------------------------

def test_the_demo_is_added_once(demo_store):
    first = inspections.find(demo_store)
    again, added = add_demo(demo_store, "2016")
    assert added is False and again.id == first.id
    assert len(inspections.all(demo_store)) == 1


def test_the_demo_is_a_full_week(demo_store):
    ins = inspections.find(demo_store)
    counts = inspections.counts(demo_store, ins.id)
    assert counts.events >= 25
    assert counts.evidence >= 40
    assert counts.people == 14
    fixture_kinds = {s.kind for s in read_gias(GIAS, "Wealdshire").settings}
    assert fixture_kinds <= set(counts.settings_by_kind)


# --- GIAS import ---------------------------------------------------------------------------

def import_gias(store, inspection_id, path):
    result = read_gias(path, "Wealdshire")
    return result, settings.load(store, inspection_id, result.settings)


def test_import_the_fixture(store):
    ins = inspections.create(store, "Wealdshire", "2016", D(2026, 11, 23))
    result, loaded = import_gias(store, ins.id, GIAS)
    assert (loaded.added, loaded.updated) == (19, 0)
    assert dict(result.skipped) == {
        "status Closed": 1,                              # 190019
        "other local authority": 1,                      # 190021 (Fenmarch)
        "not a setting (Children's centre)": 1,          # 190020
    }
    urns = {s.urn for s in settings.all(store, ins.id)}
    assert len(urns) == 19
    assert not urns & {"190019", "190020", "190021"}
    assert any("190022" in w and "easting" in w for w in result.warnings)
    nursery = next(s for s in settings.all(store, ins.id) if s.urn == "190009")
    assert (nursery.kind, nursery.postcode, nursery.easting, nursery.northing) == (
        "early-years", "WD1 2JJ", 445600, 312500)


def test_reimport_updates_and_never_duplicates(store, tmp_path):
    ins = inspections.create(store, "Wealdshire", "2016", D(2026, 11, 23))
    import_gias(store, ins.id, GIAS)
    renamed = tmp_path / "gias.csv"
    renamed.write_bytes(GIAS.read_bytes().replace(b"Ashby Brook Primary School",
                                                  b"Ashby Brook Primary Academy"))
    _, loaded = import_gias(store, ins.id, renamed)
    assert (loaded.added, loaded.updated, loaded.unchanged) == (0, 1, 18)
    found = settings.all(store, ins.id)
    assert len(found) == 19
    assert next(s.name for s in found if s.urn == "190001") == "Ashby Brook Primary Academy"


def fixture_lines() -> list[str]:
    return GIAS.read_text(encoding="utf-8").splitlines()


def broken(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def bad_quote(tmp_path):
    lines = fixture_lines()
    lines[5] = lines[5].replace(",Markham Valley Academy,", ',"Markham" Valley Academy,')
    return broken(tmp_path, "bad_quote.csv", ("\n".join(lines) + "\n").encode()), "row 6"


def ragged(tmp_path):
    lines = fixture_lines()
    lines[7] += ",an extra field"
    return broken(tmp_path, "ragged.csv", ("\n".join(lines) + "\n").encode()), "row 8"


def no_urn(tmp_path):
    lines = fixture_lines()
    lines[0] = lines[0].replace("URN,", "Reference,", 1)
    return broken(tmp_path, "no_urn.csv", ("\n".join(lines) + "\n").encode()), "row 1"


def undecodable(tmp_path):
    data = GIAS.read_bytes().replace(b"Hollins Park Academy", b"Hollins \x81\x8d Academy")
    return broken(tmp_path, "undecodable.csv", data), "row 4"


def utf16(tmp_path):
    return broken(tmp_path, "utf16.csv", GIAS.read_text(encoding="utf-8").encode("utf-16")), \
        "UTF-16"


def bad_urn(tmp_path):
    data = GIAS.read_bytes().replace(b"\n190003,", b"\n19OOO3,")
    return broken(tmp_path, "bad_urn.csv", data), "row 4, column URN"


@pytest.mark.parametrize("make", [bad_quote, ragged, no_urn, undecodable, utf16, bad_urn])
def test_a_broken_gias_file_is_refused_and_changes_nothing(store, tmp_path, make):
    ins = inspections.create(store, "Wealdshire", "2016", D(2026, 11, 23))
    import_gias(store, ins.id, GIAS)
    before = inspections.counts(store, ins.id)
    before_settings = settings.all(store, ins.id)
    path, where = make(tmp_path)
    with pytest.raises(BadFile) as caught:
        import_gias(store, ins.id, path)
    assert path.name in str(caught.value) and where in str(caught.value)
    assert inspections.counts(store, ins.id) == before
    assert settings.all(store, ins.id) == before_settings


@pytest.mark.parametrize("encoding, newline", [
    ("cp1252", "\n"), ("utf-8-sig", "\n"), ("utf-8", "\r\n"), ("cp1252", "\r\n"),
])
def test_encodings_and_newlines_import_the_same(store, tmp_path, encoding, newline):
    text = GIAS.read_text(encoding="utf-8").replace("St Anne's", "St Anne’s")
    reference = tmp_path / "reference.csv"
    reference.write_bytes(text.encode("utf-8"))
    variant = tmp_path / "variant.csv"
    variant.write_bytes(text.replace("\n", newline).encode(encoding))
    a, b = read_gias(reference, "Wealdshire"), read_gias(variant, "Wealdshire")
    assert a.settings == b.settings and a.skipped == b.skipped
    assert "St Anne’s CofE Primary School" in {s.name for s in b.settings}


# --- schedule import is all or nothing --------------------------------------------------------

SCHEDULE_HEADER = "date,start,end,kind,title,setting_urn,people,location,notes\n"


def test_a_schedule_with_an_unknown_setting_adds_nothing(store, tmp_path):
    ins = inspections.create(store, "Wealdshire", "2016", D(2026, 11, 23))
    import_gias(store, ins.id, GIAS)
    path = tmp_path / "schedule.csv"
    path.write_text(SCHEDULE_HEADER
                    + "2026-11-30,09:00,10:00,meeting,Opening meeting,,Helen Marsden,Base,\n"
                    + "2026-11-30,13:00,16:00,visit,Visit,999999,New Person,,\n")
    before = inspections.counts(store, ins.id)
    with pytest.raises(NotFound, match="999999"):
        events.load(store, ins.id, read_schedule(path))
    assert inspections.counts(store, ins.id) == before
    assert people.all(store, ins.id) == []


def test_the_same_schedule_twice_is_one_set_of_events(store, tmp_path):
    ins = inspections.create(store, "Wealdshire", "2016", D(2026, 11, 23))
    import_gias(store, ins.id, GIAS)
    path = tmp_path / "schedule.csv"
    path.write_text(SCHEDULE_HEADER
                    + "2026-11-30,09:00,10:00,meeting,Opening meeting,,Helen Marsden,Base,\n"
                    + "2026-12-01,09:30,12:30,visit,Visit to Ashby Brook,190001,"
                      "Helen Marsden;Kwame Mensah,,\n")
    first = events.load(store, ins.id, read_schedule(path))
    second = events.load(store, ins.id, read_schedule(path))
    assert (first.added, second.added, second.unchanged) == (2, 0, 2)
    assert len(events.all(store, ins.id)) == 2
    assert sorted(p.name for p in people.all(store, ins.id)) == ["Helen Marsden", "Kwame Mensah"]


def test_refusing_a_store_makes_no_side_files(tmp_path):
    import sqlite3

    from sendtui.errors import StoreError
    from sendtui.store.db import open_engine

    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError, match="not a sendtui store"):
        open_engine(str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("given, shown", [
    ("01632960001", "01632 960001"), ("02079460000", "020 7946 0000"),
    ("01134960000", "0113 496 0000"), ("01214960000", "0121 496 0000"),
    ("07700900123", "07700 900123"), ("01632 960001", "01632 960001"),
    ("+44 1632 960001", "+44 1632 960001"), ("", "")])
def test_gias_telephone_numbers_are_spaced_as_people_write_them(given, shown):
    from sendtui.importers.gias import uk_phone

    assert uk_phone(given) == shown
