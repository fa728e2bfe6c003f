"""Migration 0020 on a store made before it, holding duplicates the app's checks let
through (made here by plain SQL): one live row per key after, nothing lost, references on
the kept row, an alias for each row that lost."""

import sqlite3

from sendtui.store.repo import Store
from tests.store.old_stores import lost_rows, make_store_at

FIRST = "00000000-0000-4000-8000-000000000001"  # smaller than any random id: kept
LAST = "ffffffff-ffff-4fff-bfff-fffffffffff1"  # larger than any: loses


def copy_row(db, table: str, where: str, **changes) -> dict:
    """A copy of the first row of `table` matching `where`, with `changes` (a new id)."""
    cursor = db.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id")
    row = dict(zip([d[0] for d in cursor.description], cursor.fetchone()))
    row.update(changes)
    db.execute(f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in row)}) '
               f"VALUES ({', '.join('?' for _ in row)})", tuple(row.values()))
    return row


def old_store_with_duplicates(path) -> dict:
    counts = make_store_at(path, "0017", entries=40)
    db = sqlite3.connect(path)
    with db:
        person0 = db.execute("SELECT id FROM person WHERE name = 'Person 0'").fetchone()[0]
        copy_row(db, "person", "name = 'Person 0'", id=LAST, name="PERSON 0")
        event = db.execute("SELECT event_id FROM event_person WHERE person_id = ?",
                           (person0,)).fetchone()[0]
        copy_row(db, "event_person", f"person_id = '{person0}'", id=LAST, person_id=LAST)
        copy_row(db, "availability", "1", id=LAST, person_id=LAST)
        line0 = db.execute("SELECT id FROM line_of_enquiry WHERE code = 'L0'").fetchone()[0]
        copy_row(db, "line_of_enquiry", "code = 'L0'", id=FIRST, code="l0")
        copy_row(db, "key_date", "key = 'notified'", id=LAST)
        copy_row(db, "protected_name", "pseudonym = 'Child A'", id=LAST, name="Other Child")
        copy_row(db, "protected_name", "pseudonym = 'Child B'", id=FIRST, pseudonym="CYP-07")
    db.close()
    for table in ("person", "event_person", "availability", "line_of_enquiry", "key_date"):
        counts[table] += 1
    counts["protected_name"] += 2
    return {"counts": counts, "person0": person0, "event": event, "line0": line0}


def test_the_upgrade_settles_duplicates_and_keeps_every_row(tmp_path):
    path = tmp_path / "old.db"
    made = old_store_with_duplicates(path)
    Store.open(str(path)).close()
    assert lost_rows(path, made["counts"]) == {}
    db = sqlite3.connect(path)
    one = lambda sql, *a: db.execute(sql, a).fetchall()  # noqa: E731
    person0 = made["person0"]
    assert one("SELECT id FROM person WHERE lower(name) = 'person 0' "
               "AND deleted_at IS NULL") == [(person0,)]
    assert one("SELECT person_id FROM availability WHERE id = ?", LAST) == [(person0,)]
    assert one("SELECT count(*) FROM event_person WHERE event_id = ? AND person_id = ? "
               "AND deleted_at IS NULL", made["event"], person0) == [(1,)]
    assert one("SELECT event_id, person_id, count(*) FROM event_person "
               "WHERE deleted_at IS NULL GROUP BY event_id, person_id "
               "HAVING count(*) > 1") == []
    # the smallest id is kept, whichever came first: the evidence follows it
    assert one("SELECT id FROM line_of_enquiry WHERE upper(code) = 'L0' "
               "AND deleted_at IS NULL") == [(FIRST,)]
    assert one("SELECT count(*) FROM evidence WHERE line_id = ?", made["line0"]) == [(0,)]
    assert one("SELECT count(*) FROM key_date WHERE key = 'notified' "
               "AND deleted_at IS NULL") == [(1,)]
    # a marked name is never dropped for sharing a pseudonym: it gets the next one
    # (one name twice: the smaller id keeps it)
    assert sorted(one("SELECT name, pseudonym FROM protected_name "
                      "WHERE deleted_at IS NULL")) == [
        ("Other Child", "CYP-08"), ("Poppy Example", "Child A"), ("Sam Sample", "CYP-07")]
    aliases = one("SELECT table_name, lost_id, kept_id FROM alias")
    assert ("person", LAST, person0) in aliases
    assert ("line_of_enquiry", made["line0"], FIRST) in aliases
    assert one("PRAGMA integrity_check") == [("ok",)]
    assert one("PRAGMA foreign_key_check") == []
    db.close()
